/*
 * test_reps_levels: the record of how long a signal spent at each level, and
 * the holds read from it: time above a level, a top that a brief spike does
 * not set, the longest stay at one level with its slopes, levels at or below
 * zero, and a clean record.
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "check.h"
#include "reps_levels.h"

/* Up from 0 to level over up_ms, held for hold_ms, back down over down_ms,
 * in 10 ms steps; a spike of spike x level for spike_ms in the middle. */
static void trapezoid(reps_levels *l, float level, int64_t up_ms, int64_t hold_ms,
                      int64_t down_ms, float spike, int64_t spike_ms)
{
    const int64_t dt = 10;
    for (int64_t t = 0; t < up_ms; t += dt)
        reps_levels_add(l, level * (float)(t + dt) / (float)up_ms, dt, 0.01f);
    for (int64_t t = 0; t < hold_ms; t += dt) {
        bool in_spike = t >= hold_ms / 2 && t < hold_ms / 2 + spike_ms;
        reps_levels_add(l, in_spike ? spike * level : level, dt, 0.01f);
    }
    for (int64_t t = 0; t < down_ms; t += dt)
        reps_levels_add(l, level * (float)(down_ms - t - dt) / (float)down_ms, dt, 0.01f);
}

static bool near(int64_t got, int64_t want, int64_t tol)
{
    return got >= want - tol && got <= want + tol;
}

static void test_time_above(void)
{
    reps_levels l;
    memset(&l, 0, sizeof l);
    trapezoid(&l, 200.0f, 1000, 6000, 1000, 1, 0);
    CHECK(fabsf(l.peak - 200.0f) < 0.01f, "peak %.2f, want 200", l.peak);
    /* above 0.5 of it: the hold and half of each 1 s slope */
    int64_t half = reps_levels_time_above(&l, 100.0f);
    CHECK(near(half, 7000, 100), "time above half: %lld ms, want 7000", (long long)half);
    CHECK_EQ_INT(reps_levels_time_above(&l, 1000.0f), 0, "time above a level never reached");
    int64_t all = reps_levels_time_above(&l, 0.0f);
    CHECK_EQ_INT(all, 8000, "time above zero is all of it");
}

static void test_top_leaves_out_spikes(void)
{
    reps_levels l;
    memset(&l, 0, sizeof l);
    trapezoid(&l, 200.0f, 1000, 6000, 1000, 15.0f, 1000); /* someone passing */
    CHECK(fabsf(l.peak - 3000.0f) < 1.0f, "peak %.1f, want the spike's 3000", l.peak);
    float top = reps_levels_top(&l, 2000);
    CHECK(top > 190.0f && top <= 201.0f, "top over 2 s: %.1f, want the held 200", top);
    float spike_top = reps_levels_top(&l, 500);
    CHECK(spike_top > 2900.0f, "top over 0.5 s: %.1f, want the spike", spike_top);
    CHECK(reps_levels_top(&l, 1000000) <= l.peak, "a top longer than the record is at most the peak");
}

static void test_held_ms(void)
{
    reps_levels l;
    memset(&l, 0, sizeof l);
    trapezoid(&l, 500.0f, 1000, 3000, 1000, 1, 0);
    int64_t held = reps_levels_held_ms(&l, 0.02f);
    /* the hold, and the slopes' few tenths within two bands of it */
    CHECK(near(held, 3100, 150), "held %lld ms, want about 3000", (long long)held);

    memset(&l, 0, sizeof l);
    trapezoid(&l, 500.0f, 2000, 0, 2000, 1, 0); /* no hold: up and straight down */
    held = reps_levels_held_ms(&l, 0.02f);
    CHECK(held < 500, "no hold: held %lld ms, want a few tenths", (long long)held);
}

static void test_zero_and_negative_levels(void)
{
    reps_levels l;
    memset(&l, 0, sizeof l);
    reps_levels_add(&l, 0.0f, 100, 0);
    reps_levels_add(&l, -5.0f, 100, 0);
    reps_levels_add(&l, NAN, 100, 0);
    CHECK_EQ_INT(reps_levels_time_above(&l, 0.0f), 300, "levels at or below zero are kept");
    CHECK(reps_levels_top(&l, 100) <= 0.0f, "the top of a record at zero is 0");
    CHECK_EQ_INT(reps_levels_held_ms(&l, 0.02f), 300, "a hold at zero");
}

int main(void)
{
    test_time_above();
    test_top_leaves_out_spikes();
    test_held_ms();
    test_zero_and_negative_levels();
    return check_done();
}
