/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * timed_hold: the clock-led hold cycle (contract in timed_hold.h).
 */
#include "timed_hold.h"

void timed_hold_start(timed_hold *t, int64_t hold_ms, int64_t now_ms)
{
    *t = (timed_hold){ .hold_ms = hold_ms > 0 ? hold_ms : 1000, .phase = TIMED_TIGHTEN,
                       .phase_end = now_ms + TIMED_TIGHTEN_MS, .hold_from = -1 };
}

void timed_hold_moved(timed_hold *t)
{
    if (t->phase == TIMED_HOLD)
        t->moved = true;
}

static bool put(reps_event *out, size_t cap, size_t *n, reps_event ev)
{
    if (*n >= cap)
        return false;
    out[(*n)++] = ev;
    return true;
}

/* Ends the phase that was due at t->phase_end and enters the next. */
static void advance(timed_hold *t, reps_event *out, size_t cap, size_t *n)
{
    int64_t at = t->phase_end;
    switch (t->phase) {
    case TIMED_TIGHTEN:
        t->phase = TIMED_HOLD;
        t->phase_end = at + t->hold_ms;
        t->hold_from = at;
        t->moved = false;
        put(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_START, .t_ms = at });
        break;
    case TIMED_HOLD: {
        put(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_END, .t_ms = at,
                                       .hold_ms = t->hold_ms });
        reps_event ev = { .kind = t->moved ? REPS_EVENT_PARTIAL : REPS_EVENT_REP, .t_ms = at,
                          .start_ms = t->hold_from, .hold_ms = t->hold_ms,
                          .hold_met = !t->moved, .amplitude = t->moved ? 0.0f : 1.0f };
        if (!t->moved)
            ev.count = ++t->count;
        put(out, cap, n, ev);
        t->phase = TIMED_RELAX;
        t->phase_end = at + TIMED_RELAX_MS;
        break;
    }
    case TIMED_RELAX:
        t->phase = TIMED_TIGHTEN;
        t->phase_end = at + TIMED_TIGHTEN_MS;
        break;
    }
}

size_t timed_hold_tick(timed_hold *t, int64_t now_ms, reps_event *out, size_t cap)
{
    size_t n = 0;
    if (now_ms - t->phase_end > TIMED_LATE_MS) { /* nobody watched: start again */
        timed_hold_start(t, t->hold_ms, now_ms);
        return 0;
    }
    while (now_ms >= t->phase_end && n + 2 <= cap)
        advance(t, out, cap, &n);
    return n;
}

int64_t timed_hold_next_ms(const timed_hold *t)
{
    return t->phase_end;
}

int64_t timed_hold_left_ms(const timed_hold *t, int64_t now_ms)
{
    return t->phase_end > now_ms ? t->phase_end - now_ms : 0;
}
