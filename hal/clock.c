/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clock: the real clock reads CLOCK_MONOTONIC (timers, relative to creation)
 * and CLOCK_REALTIME (dates); the virtual clock is a number that only moves
 * when the caller advances it. See clock.h for the contract.
 *
 * Both are plain readings with no state shared between threads; a real clock
 * may be read from any thread, a virtual one is advanced by the main loop only.
 */
#include "clock.h"

#include <stdlib.h>
#include <time.h>

#include "xmalloc.h"

struct rm_clock {
    bool is_virtual;
    int64_t start_mono_ms; /* real: CLOCK_MONOTONIC at creation */
    int64_t now_ms;        /* virtual: current monotonic time */
    int64_t start_wall_ms; /* virtual: wall time at monotonic 0 */
};

static int64_t read_ms(clockid_t id)
{
    struct timespec ts;
    /* CLOCK_MONOTONIC and CLOCK_REALTIME cannot fail on Linux with a valid
     * timespec; a zero reading keeps the arithmetic defined if they ever do. */
    if (clock_gettime(id, &ts) != 0)
        return 0;
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

rm_clock *clock_create_real(void)
{
    rm_clock *c = xcalloc(1, sizeof *c);
    c->is_virtual = false;
    c->start_mono_ms = read_ms(CLOCK_MONOTONIC);
    return c;
}

rm_clock *clock_create_virtual(int64_t start_wall_ms)
{
    rm_clock *c = xcalloc(1, sizeof *c);
    c->is_virtual = true;
    c->start_wall_ms = start_wall_ms;
    return c;
}

void clock_destroy(rm_clock *clock)
{
    free(clock);
}

bool clock_is_virtual(const rm_clock *clock)
{
    return clock->is_virtual;
}

int64_t clock_now_ms(const rm_clock *clock)
{
    if (clock->is_virtual)
        return clock->now_ms;
    return read_ms(CLOCK_MONOTONIC) - clock->start_mono_ms;
}

int64_t clock_wall_ms(const rm_clock *clock)
{
    if (clock->is_virtual)
        return clock->start_wall_ms + clock->now_ms;
    return read_ms(CLOCK_REALTIME);
}

void clock_advance_to(rm_clock *clock, int64_t t_ms)
{
    /* A real clock cannot be moved; a virtual one never goes backwards. */
    if (clock->is_virtual && t_ms > clock->now_ms)
        clock->now_ms = t_ms;
}
