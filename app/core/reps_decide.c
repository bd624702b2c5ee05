/*
 * reps_decide: what an excursion that returned to rest was (see reps.c,
 * "Classification" and "Second looks"): not the exercise, a PARTIAL, or a REP
 * that counts, calibrates the range and grows the zone.
 */
#include <math.h>

#include "reps_priv.h"

/* False for an excursion that was not this exercise by where it went: a
 * first rep that does not stand well clear, or a change that travelled across
 * the frame (someone walking past). Whether it looks like the reps is
 * decided by the caller, which may give it a second look. */
static bool is_the_exercise(const reps_counter *c, const excursion *ex)
{
    if (c->full <= 0 && (ex->peak < c->tun.first_min * ex->enter ||
                         ex->peak_energy < c->tun.first_energy))
        return false; /* the first rep sets the range: it must stand well clear */
    if (ex->cx_hi - ex->cx_lo > c->tun.travel_max || ex->cy_hi - ex->cy_lo > c->tun.travel_max)
        return false;
    return true;
}

/* A movement with a rep's range and timing whose pattern is unlike the reps'
 * (someone passed during the first rep and is in the pattern learned): the
 * first such is kept as a candidate; when the next one looks like it
 * (cand_min), the candidate becomes the reps' pattern (and its peak the
 * range, if that was far off) and this one counts. True when it counts. */
static bool second_look(reps_counter *c, float amp)
{
    if (amp < c->tun.partial_frac)
        return false;
    if (motion_candidate_match(c->motion) >= c->tun.cand_min) {
        motion_adopt_candidate(c->motion);
        if (amp > c->tun.full_max_jump)
            c->full = c->ex.peak; /* the range learned was wrong too */
        return true;
    }
    motion_keep_candidate(c->motion);
    return false;
}

/* A partial right after the first rep, alike in size to the partial before
 * it: the range that rep set was wrong (someone passed during it and added to
 * its peak), and these are the reps. The range becomes their mean and this
 * one counts; the partial before it stays a partial. */
static bool range_was_wrong(reps_counter *c)
{
    float peak = c->ex.peak, prev = c->last_partial;
    if (c->count != 1 || prev <= 0 || fabsf(peak - prev) > c->tun.partial_alike * prev)
        return false;
    c->full = 0.5f * (peak + prev);
    return true;
}

/* The excursion returned to rest at t: decide what it was. */
size_t reps_decide(reps_counter *c, int64_t t, bool zoned, reps_event *out,
                               size_t cap, size_t n)
{
    excursion *ex = &c->ex;
    if (ex->holding)
        n = reps_hold_end(c, t, out, cap, n);
    c->phase = REPS_PHASE_REST;
    c->last_low_ms = t;
    motion_set_at_rest(c->motion, true);
    int64_t top_ms = c->full > 0 ? ex->top_ms
                                 : reps_levels_time_above(&ex->levels, 0.5f * ex->levels.peak);
    if (t - ex->start_ms < c->tun.min_rep_ms || top_ms < c->tun.min_top_ms ||
        !is_the_exercise(c, ex))
        return n;
    float amp = c->full > 0 ? ex->peak / c->full : 1.0f;
    if (zoned && ex->top_sim < c->tun.sim_min && !second_look(c, amp))
        return n;
    reps_event ev = { .kind = REPS_EVENT_REP, .t_ms = t, .start_ms = ex->start_ms,
                      .hold_ms = reps_hold_measure(c),
                      .amplitude = amp };
    if (amp < c->tun.partial_frac && !range_was_wrong(c)) {
        c->last_partial = ex->peak;
        ev.kind = REPS_EVENT_PARTIAL;
        return emit(out, cap, n, ev);
    }
    c->last_partial = 0;
    ev.amplitude = c->full > 0 ? ex->peak / c->full : 1.0f;
    float target = ex->peak < c->full * c->tun.full_max_jump ? ex->peak
                                                              : c->full * c->tun.full_max_jump;
    ev.count = ++c->count;
    float in_zone = motion_commit_rep(c->motion);
    if (c->full > 0)
        c->full += c->tun.full_rate * (target - c->full);
    else /* the first rep: its top as later reps will be measured, in the zone */
        c->full = in_zone > 0 && in_zone < ex->peak ? in_zone : ex->peak;
    ev.hold_met = c->cfg.hold_target_ms <= 0 || ev.hold_ms >= c->cfg.hold_target_ms;
    return emit(out, cap, n, ev);
}
