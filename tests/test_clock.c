/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_clock: the virtual clock moves only forward and only when told, and its
 * wall time is its start plus its monotonic time; the real clock starts near
 * zero, never goes backwards, advances across a sleep and reads the real date.
 */
#include "clock.h"

#include <time.h>

#include "check.h"

static void test_virtual(void)
{
    rm_clock *c = clock_create_virtual(1700000000000LL);
    CHECK(clock_is_virtual(c), "a virtual clock says it is virtual");
    CHECK_EQ_INT(clock_now_ms(c), 0, "virtual clock starts at 0");
    CHECK_EQ_INT(clock_wall_ms(c), 1700000000000LL, "virtual wall time starts at its epoch");

    clock_advance_to(c, 2500);
    CHECK_EQ_INT(clock_now_ms(c), 2500, "advance_to moves the clock");
    CHECK_EQ_INT(clock_wall_ms(c), 1700000002500LL, "wall time follows the monotonic time");

    clock_advance_to(c, 1000);
    CHECK_EQ_INT(clock_now_ms(c), 2500, "advance_to an earlier time is ignored");
    clock_advance_to(c, 2500);
    CHECK_EQ_INT(clock_now_ms(c), 2500, "advance_to the same time keeps it");
    CHECK_EQ_INT(clock_now_ms(c), 2500, "reading does not move a virtual clock");

    clock_advance_to(c, 600000);
    CHECK_EQ_INT(clock_now_ms(c), 600000, "ten minutes pass at once");
    clock_destroy(c);
}

static void test_real(void)
{
    rm_clock *c = clock_create_real();
    CHECK(!clock_is_virtual(c), "a real clock is not virtual");
    int64_t t0 = clock_now_ms(c);
    CHECK(t0 >= 0 && t0 < 1000, "real clock starts near 0, got %lld", (long long)t0);

    int64_t prev = t0;
    bool monotonic = true;
    for (int i = 0; i < 10000; i++) {
        int64_t t = clock_now_ms(c);
        if (t < prev)
            monotonic = false;
        prev = t;
    }
    CHECK(monotonic, "real clock never goes backwards");

    /* A lower bound only: a sleep lasts at least as long as asked. */
    struct timespec nap = {0, 30 * 1000000L};
    nanosleep(&nap, NULL);
    int64_t t1 = clock_now_ms(c);
    CHECK(t1 - t0 >= 29, "real clock advances across a 30 ms sleep, got %lld ms",
          (long long)(t1 - t0));

    int64_t wall = clock_wall_ms(c);
    int64_t sys = (int64_t)time(NULL) * 1000;
    CHECK(wall > sys - 5000 && wall < sys + 5000, "real wall time is today's date: %lld vs %lld",
          (long long)wall, (long long)sys);

    clock_advance_to(c, t1 + 1000000);
    CHECK(clock_now_ms(c) < t1 + 1000000, "advance_to does not move a real clock");
    clock_destroy(c);
    clock_destroy(NULL);
}

int main(void)
{
    test_virtual();
    test_real();
    return check_done();
}
