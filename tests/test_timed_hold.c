/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_timed_hold: the clock-led hold cycle. A still hold counts on time; a
 * hold with movement is a partial and not counted; a late tick grants nothing.
 */
#include "check.h"
#include "timed_hold.h"

/* Runs the clock from `from` to `to` in steps of step ms, counting events. */
typedef struct tally {
    int reps, partials, starts, ends;
    int64_t last_rep_ms, last_hold_ms;
} tally;

static void run(timed_hold *t, int64_t from, int64_t to, int64_t step, tally *k)
{
    for (int64_t now = from; now <= to; now += step) {
        reps_event ev[4];
        size_t n = timed_hold_tick(t, now, ev, 4);
        for (size_t i = 0; i < n; i++) {
            k->starts += ev[i].kind == REPS_EVENT_HOLD_START;
            k->ends += ev[i].kind == REPS_EVENT_HOLD_END;
            k->partials += ev[i].kind == REPS_EVENT_PARTIAL;
            if (ev[i].kind == REPS_EVENT_REP) {
                k->reps++;
                k->last_rep_ms = ev[i].t_ms;
                k->last_hold_ms = ev[i].hold_ms;
                CHECK(ev[i].hold_met && ev[i].count == k->reps, "rep %d: count %d", k->reps,
                      ev[i].count);
            }
        }
    }
}

static void test_still_holds_count_on_time(void)
{
    timed_hold t;
    timed_hold_start(&t, 5000, 1000);
    CHECK(t.phase == TIMED_TIGHTEN && timed_hold_next_ms(&t) == 1000 + TIMED_TIGHTEN_MS,
          "a cycle begins with tighten");
    tally k = { 0 };
    run(&t, 1000, 1000 + TIMED_TIGHTEN_MS - 1, 33, &k);
    CHECK(k.starts == 0, "no hold before the tighten phase ends");
    int64_t cycle = TIMED_TIGHTEN_MS + 5000 + TIMED_RELAX_MS;
    run(&t, 1000 + TIMED_TIGHTEN_MS, 1000 + 3 * cycle, 33, &k);
    CHECK_EQ_INT(k.reps, 3, "three still cycles");
    CHECK_EQ_INT(k.starts, 3, "hold starts");
    CHECK_EQ_INT(k.ends, 3, "hold ends");
    CHECK(k.last_rep_ms == 1000 + 2 * cycle + TIMED_TIGHTEN_MS + 5000,
          "the rep is due at the hold's end, got %lld", (long long)k.last_rep_ms);
    CHECK(k.last_hold_ms == 5000, "hold %lld", (long long)k.last_hold_ms);
}

static void test_movement_makes_a_partial(void)
{
    timed_hold t;
    timed_hold_start(&t, 5000, 0);
    tally k = { 0 };
    run(&t, 0, TIMED_TIGHTEN_MS + 100, 50, &k);
    timed_hold_moved(&t);
    run(&t, TIMED_TIGHTEN_MS + 150, TIMED_TIGHTEN_MS + 5000 + 100, 50, &k);
    CHECK(k.reps == 0 && k.partials == 1, "moved hold: %d reps, %d partials", k.reps,
          k.partials);
    timed_hold_moved(&t); /* while relaxing: no matter */
    run(&t, TIMED_TIGHTEN_MS + 5150, 2 * (TIMED_TIGHTEN_MS + 5000 + TIMED_RELAX_MS), 50, &k);
    CHECK(k.reps == 1 && k.partials == 1, "the next still hold counts: %d reps", k.reps);
}

static void test_late_tick_grants_nothing(void)
{
    timed_hold t;
    timed_hold_start(&t, 5000, 0);
    tally k = { 0 };
    run(&t, 0, TIMED_TIGHTEN_MS + 10, 10, &k); /* holding */
    run(&t, 60000, 60000, 1, &k);                 /* the loop stalled for a minute */
    CHECK(k.reps == 0 && k.partials == 0, "a stall granted %d holds", k.reps);
    CHECK(t.phase == TIMED_TIGHTEN && timed_hold_left_ms(&t, 60000) == TIMED_TIGHTEN_MS,
          "after a stall the cycle starts again");
    reps_event ev[1];
    timed_hold_start(&t, 1000, 0);
    CHECK(timed_hold_tick(&t, TIMED_TIGHTEN_MS + 1000, ev, 1) == 0,
          "no events without room for a hold's end and its rep");
}

int main(void)
{
    test_still_holds_count_on_time();
    test_movement_makes_a_partial();
    test_late_tick_grants_nothing();
    return check_done();
}
