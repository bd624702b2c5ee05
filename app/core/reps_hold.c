/*
 * reps_hold: the hold at the top of a rep (see reps.c, "Holds"): the smoothed
 * signal and its record of levels, the live hold clock for the station's
 * countdown, and the hold measured when a rep is decided.
 */
#include <math.h>

#include "reps_priv.h"

size_t reps_hold_end(reps_counter *c, int64_t t, reps_event *out, size_t cap, size_t n)
{
    excursion *ex = &c->ex;
    ex->holding = false;
    ex->hold_ms = ex->hold_last_ms - ex->hold_start_ms;
    c->phase = REPS_PHASE_MOVING;
    return emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_END, .t_ms = t,
                                           .start_ms = ex->start_ms, .hold_ms = ex->hold_ms });
}

/* Smooths s for the plateau logic and returns the relative band that counts as
 * "level": plateau_frac, or wider when the signal is noisy (a quad set's few
 * moving cells). The noise comes from second differences, which a steady rise
 * or fall does not feed. Frames that do not look like the reps (like false:
 * someone passing through the zone during a hold) do not count at their own
 * level: the hold record takes them at the last level that did (*level), as
 * if the picture were hidden. */
float reps_hold_smooth(reps_counter *c, float s, int64_t dt, bool like, float *level)
{
    excursion *ex = &c->ex;
    float a = c->tun.smooth_ms > 0 ? (float)dt / (float)c->tun.smooth_ms : 1.0f;
    a = a > 1 ? 1 : a;
    if (++ex->samples > 2 && s > 0) {
        float d2 = fabsf(s - 2 * ex->s1 + ex->s2) / s * 0.408f; /* / sqrt(6) */
        ex->jitter += 0.1f * (d2 - ex->jitter);
    }
    ex->s2 = ex->s1;
    ex->s1 = s;
    float b = c->tun.record_smooth_ms > 0 ? (float)dt / (float)c->tun.record_smooth_ms : 1.0f;
    b = b > 1 ? 1 : b;
    ex->sm += a * (s - ex->sm);
    ex->slow += b * (s - ex->slow);
    if (like && !ex->was_like)
        ex->sm = ex->slow = s; /* back from frames unlike the reps: none of them in the mean */
    ex->was_like = like;
    if (like) {
        ex->like_level = ex->sm;
        ex->like_slow = ex->slow;
    }
    *level = ex->like_level;
    float band = c->tun.band_noise * ex->jitter * sqrtf(a / (2 - a));
    reps_levels_add(&ex->levels, *level, dt, band);
    if (c->tun.hold_top_frac > 0) /* only a quad set's hold is read from it */
        reps_levels_add(&ex->slow_levels, ex->like_slow, dt, band);
    return band > c->tun.plateau_frac ? band : c->tun.plateau_frac;
}

/* The hold logic while the excursion is above the return threshold. */
size_t reps_hold_track(reps_counter *c, float s, float band, int64_t t, reps_event *out,
                        size_t cap, size_t n)
{
    excursion *ex = &c->ex;
    float exit = c->tun.hold_exit_frac > 3 * band ? c->tun.hold_exit_frac : 3 * band;
    if (s > ex->peak)
        ex->peak = s;
    if (ex->holding) {
        /* The reference is a running mean, so one noisy frame neither sets it
         * high nor ends the hold; leaving takes two frames in a row. */
        bool higher = s > ex->plateau * (1 + exit);
        bool lower = s < ex->plateau * (1 - exit);
        if (!higher && !lower)
            ex->plateau += c->tun.hold_level_rate * (s - ex->plateau);
        if (s >= ex->plateau * (1 - band))
            ex->hold_last_ms = t;
        ex->off_frames = higher || lower ? ex->off_frames + 1 : 0;
        if (ex->off_frames >= 2) {
            n = reps_hold_end(c, t, out, cap, n);
            if (higher) { /* that was a pause on the way up: watch for the top */
                ex->held = false;
                ex->plateau = s;
                ex->plateau_ms = t;
            }
        }
        return n;
    }
    if (ex->held)
        return n; /* one hold per excursion; this is the way down */
    if (s > ex->plateau * (1 + band)) {
        ex->plateau = s;
        ex->plateau_ms = t;
    } else if (t - ex->plateau_ms >= c->tun.hold_confirm_ms && s >= ex->plateau * (1 - band)) {
        ex->held = ex->holding = true;
        ex->hold_start_ms = ex->plateau_ms;
        ex->hold_last_ms = t;
        ex->off_frames = 0;
        c->phase = REPS_PHASE_HOLD;
        n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_START, .t_ms = t,
                                             .start_ms = ex->start_ms });
    } else if (s < ex->plateau * (1 - exit)) {
        ex->held = true; /* came down without holding */
    }
    return n;
}

/* A quad set's top: the highest level of its slowly smoothed signal that
 * lasted hold_ref_ms, so neither a flicker peak nor someone passing sets it. */
float reps_hold_top(const reps_counter *c)
{
    return reps_levels_top(&c->ex.slow_levels, c->tun.hold_ref_ms);
}

/* The decided rep's hold from its record of levels: the longest stay at one
 * level (reps_levels_held_ms); or, with hold_top_frac set (a quad set, whose
 * tiny signal steps, wanders and flickers with the light), all the time its
 * slowly smoothed signal spent above that fraction of its top
 * (reps_hold_top), less the part of the way up and down above it. */
int64_t reps_hold_measure(const reps_counter *c)
{
    if (c->tun.hold_top_frac > 0) {
        /* less the slopes' share above that level, from the time the slopes
         * spent just below it (as if they were straight) */
        const reps_levels *l = &c->ex.slow_levels;
        float f = c->tun.hold_top_frac, lo = 2 * f - 1, ref = reps_hold_top(c);
        int64_t top = reps_levels_time_above(l, f * ref);
        int64_t slopes = reps_levels_time_above(l, lo * ref) - top;
        int64_t held = top - (int64_t)((1 - f) / (f - lo) * (float)slopes);
        return held > 0 ? held : 0;
    }
    return reps_levels_held_ms(&c->ex.levels, c->tun.hold_tol);
}
