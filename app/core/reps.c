/*
 * reps: the repetition counter (see reps.h), a hysteresis state machine on the
 * excursion signal s(t) from motion.c (how far the picture has moved from the
 * learned rest pose; 0 at rest, about linear in range of motion; for a quad
 * set, how much of it changed), plus the facts motion.c gives about where the
 * change is and what it looks like. This file runs the phases; the holds are
 * in reps_hold.c, the verdict on a finished excursion in reps_decide.c, and
 * the state they share in reps_priv.h.
 *
 * Phases and thresholds. LEARNING until motion.c has seen learn_ms of
 * stillness. REST tracks the noise floor of s (running mean and mean absolute
 * deviation). s above the high threshold, max(enter_sigmas x sigma, floor +
 * enter_devs x deviation, enter_of_full x the calibrated full rep), starts an
 * excursion (MOVING); its start is the last rest frame below a quarter of that
 * threshold. The excursion ends when the pattern seen at its peak is gone
 * (match below return_match, 8%, 7% for a quad set's slow tail; not zero,
 * because a slightly different rest or a light residue leaves a few per cent
 * for seconds, and the match of a quad set's faint pattern wanders by 5% at
 * rest) and either s falls below the low threshold, max(return_sigmas x sigma,
 * floor + return_devs x deviation, return_of_peak x its peak, where the peak is
 * at most spike_ratio times the highest level held for spike_ms: someone close
 * in front sets a brief peak far above the rep's), or, once reps are known,
 * what is left is low (below settle_low_frac of the peak), unlike the reps (a
 * hand raised or a shift begun as the rep came down, a light residue) and
 * either no longer falling or without any trace of the rep's pattern (match at
 * or below 0: a residue fading slowly): the rep is over, and the residue is
 * left to the rest logic. Only then is the rep decided, so jitter near the top
 * or bottom never double-counts, and the rep is reported on the frame the
 * picture is back at rest (with motion.c's 150 ms averaging, about 0.1-0.2 s
 * after the true return).
 *
 * Holds. Live, for the station's countdown: a plateau anchor moves each time
 * the smoothed s rises by more than a noise-wide band; when s has stayed in
 * the band for hold_confirm_ms the hold starts (HOLD_START, back-dated to the
 * anchor) and it ends (HOLD_END) when s leaves it by hold_exit_frac, so the
 * clock runs only while the top is held. When the rep is decided its hold_ms
 * is measured again from the time the excursion spent at each level (a
 * log-spaced histogram): the level held longest in the top half, and all the
 * time from just below it upwards, which is robust to noise spikes, a plateau
 * that wanders and a pause on the way up. A quad set's tiny signal steps,
 * wanders and flickers with the light, so its hold is read from a second
 * record of s smoothed over record_smooth_ms (400 ms): all the time above
 * hold_top_frac (0.7) of its top, less the share of the slopes above that
 * level (estimated from their time just below it). Its top is the highest
 * level that lasted hold_ref_ms (2 s), not the peak, which a flicker beat or
 * someone passing sets. Frames that do not look like the reps (someone
 * crossing the zone during a hold) are recorded at the last level that did, as
 * if hidden, and do not raise the peak; the smoothing restarts when they end.
 * hold_met compares the hold with the target.
 *
 * Classification. An excursion counts when it lasted min_rep_ms, spent
 * min_top_ms above half its peak (the first rep: half its final peak, so a
 * jagged flicker blip does not calibrate the range), and is this exercise: its
 * change did not travel across the frame (someone walking past: the
 * centroid's range stays within travel_max; once it has looked like a rep,
 * frames unlike the reps do not count as travel), and, once reps are known,
 * it looks like them (similarity somewhere in its top half at least sim_min: a
 * hand to the face, someone crossing in front, a pet do not). The first rep
 * sets the range, measured as later reps will be (inside the zone it creates),
 * so it must stand well clear of the threshold (first_min) and change a fair
 * part of the picture (first_energy). Later ones below partial_frac of the
 * range (0.6; 0.4 for a quad set, whose energy signal grows faster than the
 * contraction) are PARTIAL and not counted; the others count and pull the
 * range toward their peak (a jump up limited to full_max_jump). Each counted
 * rep grows motion.c's zone, after which only the zone is measured.
 *
 * Second looks: a first rep learned with someone passing in it leaves a range
 * too large or a pattern that is partly theirs. Two partials in a row right
 * after the first rep, alike in size (partial_alike), re-set the range to
 * theirs and the second counts. Two movements in a row with a rep's range and
 * timing but unlike the reps, and alike each other (cand_min), replace the
 * pattern (and the range, when it was far off) and the second counts. Each
 * costs the one rep before it.
 *
 * Nuisances. Sensor noise: motion.c's averaging and soft threshold, then
 * thresholds scaled by the measured noise. Exposure steps, drift and flicker:
 * motion.c's per-row gain. Someone walking past: the zone, travel (their
 * excursion is rejected; once their change stops travelling for passer_gone_ms
 * the excursion restarts from what is left, the person's own; a quad set back
 * at the top it held before them goes on, keeping its record of levels and so
 * its hold), and the rep-like level above. Someone close in front, hiding more
 * than occluded_spread of the picture: those frames are skipped (a hold in
 * progress is taken as still held). Fidgeting and shifting: not like the reps,
 * and when the picture settles off the rest pose it is re-anchored: at rest
 * after rest_settle_ms of a steady small departure; during an excursion after
 * settle_ms of steadiness unlike the reps' top (settle_rep_ms when it sits at a
 * rep's level, to give a rep with an unfamiliar pattern its hold; before any
 * rep: settle_first_ms); and an excursion that settles low (below
 * settle_low_frac of its peak) has come back to a slightly different rest: it
 * is decided, then re-anchored. A knocked camera: motion.c reports a jolt (many
 * cells jumped in a frame or two between calm spells); one at rest, or one that
 * began the excursion, re-anchors on the calm frames after it at once and
 * forgets the reps' pattern, which no longer lines up (the zone, grown by a
 * cell, stays). A slower knock (a wobble) falls to the settling above. Rests of
 * a minute: nothing happens at rest. Tempo: thresholds are levels, not speeds;
 * the smoothing (150 ms) is short against a 1 s rep. Size and rate: motion.c's
 * grid and times in ms.
 *
 * Known failure cases: someone walking close in front during the hold of a
 * first bridge, clamshell or generic rep (before the reps' pattern is known)
 * restarts its excursion once they have gone: the rep is counted with part of
 * its hold, and a later rep can be lost (a quad set keeps its record); a rep
 * that returns to a residue like its own top (a fidget that left the limb a
 * little off) is decided only when the residue settles, up to 1.7 s late; a
 * first rep learned with a passer-by in it costs the rep before a second look
 * recovers; a camera knocked during a rep loses that rep; fidgeting that leaves
 * a residue like the reps can merge reps until it settles; a person who settles
 * into a new rest pose that looks like the top of a rep is taken for a hold; a
 * quad set by a small, dim figure in heavy noise can stay below the thresholds;
 * a quad set's sensitivity lets a fidget that looks like a contraction be
 * counted as the first rep; one full rep followed by several half reps counts
 * the half reps from the second on.
 */
#include "reps.h"

#include <math.h>
#include <stdlib.h>

#include "reps_priv.h"
#include "xmalloc.h"

/* The tunables' values (what each means is in reps_priv.h). */
static const tuning TUNING = {
    .enter_sigmas = 30.0f,
    .enter_devs = 8.0f,
    .enter_of_full = 0.15f,
    .return_sigmas = 10.0f,
    .return_devs = 3.0f,
    .return_of_peak = 0.05f,
    .return_match = 0.08f,
    .spike_ratio = 6.0f,
    .spike_ms = 1000,
    .plateau_frac = 0.015f,
    .hold_exit_frac = 0.10f,
    .hold_level_rate = 0.2f,
    .hold_confirm_ms = 250,
    .smooth_ms = 100,
    .record_smooth_ms = 400,
    .band_noise = 3.0f,
    .hold_tol = 0.02f,
    .hold_top_frac = 0.0f,
    .hold_ref_ms = 2000,
    .min_rep_ms = 400,
    .min_top_ms = 250,
    .max_excursion_ms = 60000,
    .floor_tau_ms = 2000,
    .partial_frac = 0.6f,
    .full_rate = 0.3f,
    .full_max_jump = 1.5f,
    .settle_ms = 1200,
    .settle_rep_ms = 4000,
    .rest_settle_ms = 1000,
    .settle_low_frac = 0.2f,
    .settle_first_ms = 15000,
    .settle_band = 0.03f,
    .sim_min = 0.4f,
    .cand_min = 0.8f,
    .partial_alike = 0.3f,
    .travel_max = 0.25f,
    .occluded_spread = 0.35f,
    .centre_still = 0.04f,
    .passer_gone_ms = 600,
    .first_min = 2.5f,
    .first_energy = 8.0f,
};

reps_config reps_default_config(exercise_kind exercise)
{
    static const int64_t hold_ms[EXERCISE_KIND_COUNT] = {
        [EXERCISE_CLAMSHELL] = 1000, /* "pause briefly": 1-2 s */
        [EXERCISE_BRIDGE] = 2000,    /* 2-3 s at the top */
        [EXERCISE_QUAD_SET] = 5000,  /* 5-10 s */
        [EXERCISE_GENERIC] = 0,
    };
    reps_config c = {
        .exercise = exercise,
        .hold_target_ms = (unsigned)exercise < EXERCISE_KIND_COUNT ? hold_ms[exercise] : 0,
        .learn_ms = 1500,
    };
    return c;
}

reps_counter *reps_create(const reps_config *cfg)
{
    reps_counter *c = xcalloc(1, sizeof *c);
    c->cfg = *cfg;
    c->tun = TUNING;
    motion_config mc = motion_default_config();
    if (cfg->learn_ms > 0)
        mc.learn_ms = cfg->learn_ms;
    mc.pattern_min = c->tun.sim_min;
    if (cfg->exercise == EXERCISE_QUAD_SET) {
        mc.energy_weight = 3.0f; /* a tightening thigh: how much changed, not how far */
        mc.moment_weight = 0.0f;
        /* The signal is then mostly cells just above the noise threshold, so it
         * grows faster than the contraction: a rep 20% weaker than the first
         * can read half as large, while a partial (a quarter of the effort)
         * reads a fifth. */
        c->tun.partial_frac = 0.4f;
        /* and its relaxing tail is slow: wait for nearly the last pixel (the
         * match of its faint pattern wanders by 5% at rest) */
        c->tun.return_match = 0.07f;
        c->tun.hold_top_frac = 0.7f; /* the level steps, wanders and flickers */
    }
    c->motion = motion_create(&mc);
    reps_reset(c);
    return c;
}

void reps_destroy(reps_counter *c)
{
    if (!c)
        return;
    motion_destroy(c->motion);
    free(c);
}

void reps_reset(reps_counter *c)
{
    motion_reset(c->motion);
    c->phase = REPS_PHASE_LEARNING;
    c->count = 0;
    c->have_t = false;
    c->level = 0;
    c->learn_progress = 0;
    c->full = c->last_partial = 0;
    c->floor_mean = c->floor_dev = 0;
    c->last_low_ms = 0;
}

static float max3(float a, float b, float c)
{
    float m = a > b ? a : b;
    return m > c ? m : c;
}

static float enter_threshold(const reps_counter *c, float sigma)
{
    return max3(c->tun.enter_sigmas * sigma, c->floor_mean + c->tun.enter_devs * c->floor_dev,
                c->tun.enter_of_full * c->full);
}

static float return_threshold(const reps_counter *c, float sigma, float peak)
{
    return max3(c->tun.return_sigmas * sigma, c->floor_mean + c->tun.return_devs * c->floor_dev,
                c->tun.return_of_peak * peak);
}

static void track_floor(reps_counter *c, float s, int64_t dt)
{
    float a = c->tun.floor_tau_ms > 0 ? (float)dt / (float)c->tun.floor_tau_ms : 1.0f;
    if (a > 1)
        a = 1;
    c->floor_mean += a * (s - c->floor_mean);
    c->floor_dev += a * (fabsf(s - c->floor_mean) - c->floor_dev);
}

static void begin_excursion(reps_counter *c, const motion_sample *ms, int64_t t, float enter)
{
    float s = ms->excursion;
    c->rest_ref = s;
    c->rest_moved_ms = t;
    c->ex = (excursion){ .start_ms = c->last_low_ms, .began_ms = t, .peak = s, .plateau = s,
                         .plateau_ms = t,
                         .sm = s, .slow = s, .like_level = s, .like_slow = s, .was_like = true,
                         .s1 = s, .s2 = s, .peak_energy = ms->energy,
                         .top_sim = ms->similarity, .cx_lo = ms->cx, .cx_hi = ms->cx,
                         .cy_lo = ms->cy, .cy_hi = ms->cy, .moved_ms = t,
                         .settle_ref = s, .enter = enter, .cx_ref = ms->cx,
                         .cy_ref = ms->cy, .centre_moved_ms = t };
    c->phase = REPS_PHASE_MOVING;
    motion_set_at_rest(c->motion, false);
}

/* True when s has stayed within band of *ref, a running mean of s over about
 * half a second, since *moved_ms for at least need_ms; restarts the watch
 * whenever s leaves the band. */
static bool steady(float s, float band, float *ref, int64_t *moved_ms, int64_t t, int64_t dt,
                   int64_t need_ms)
{
    float a = dt > 0 ? fminf(1.0f, (float)dt / 500.0f) : 0;
    *ref += a * (s - *ref);
    if (fabsf(s - *ref) > band)
        *moved_ms = t;
    return t - *moved_ms >= need_ms;
}

/* How far s may wander around ref while the excursion counts as not moving:
 * settle_band of the peak, a tenth of the level, or four times the signal's
 * own jitter, whichever is widest. */
static float settle_band(const reps_counter *c, float ref)
{
    const excursion *ex = &c->ex;
    return fmaxf(fmaxf(c->tun.settle_band * ex->peak, 0.1f * ref), 4.0f * ex->jitter * ex->sm);
}

/* Where the change is and how it looks at the top: the facts that tell a rep
 * from someone passing or another movement. The centre's range only counts
 * frames with a fair share of the largest change, so the faint start of a
 * movement does not stretch it. */
static void track_shape(reps_counter *c, const motion_sample *ms, int64_t t, int64_t dt)
{
    excursion *ex = &c->ex;
    if (ms->excursion >= 0.5f * ex->peak) {
        ex->top_ms += dt;
        ex->top_sim = fmaxf(ex->top_sim, ms->similarity);
    }
    steady(ms->excursion, settle_band(c, ex->settle_ref), &ex->settle_ref, &ex->moved_ms, t, dt,
           0);
    if (!ms->still)
        ex->moved_ms = t;
    if (ms->energy > ex->peak_energy)
        ex->peak_energy = ms->energy;
    if (ms->energy < 0.3f * ex->peak_energy)
        return;
    if (ms->pattern_reps > 0 && ex->top_sim >= c->tun.sim_min &&
        ms->similarity < c->tun.sim_min)
        return; /* it looked like a rep: someone else's change is not its travel */
    if (fabsf(ms->cx - ex->cx_ref) > c->tun.centre_still || fabsf(ms->cy - ex->cy_ref) > c->tun.centre_still) {
        ex->cx_ref = ms->cx;
        ex->cy_ref = ms->cy;
        ex->centre_moved_ms = t;
    }
    ex->cx_lo = fminf(ex->cx_lo, ms->cx);
    ex->cx_hi = fmaxf(ex->cx_hi, ms->cx);
    ex->cy_lo = fminf(ex->cy_lo, ms->cy);
    ex->cy_hi = fmaxf(ex->cy_hi, ms->cy);
}

/* True when the picture has settled away from rest in a state that is not
 * the top of a rep: a bumped camera, a person who moved over, an object put
 * down. Once reps are known, "not a rep" means unlike their top; before, it
 * means a very long stillness (the top of a first rep is held still too). */
static bool settled_elsewhere(const reps_counter *c, const motion_sample *ms, int64_t t)
{
    int64_t still_for = t - c->ex.moved_ms;
    if (t - c->ex.start_ms > c->tun.max_excursion_ms)
        return true;
    if (still_for < c->tun.settle_ms)
        return false;
    if (ms->pattern_reps > 0) { /* unlike the reps; at a rep's level, give it
                                   a rep's hold before taking it for a shift */
        float amp = c->full > 0 ? ms->excursion / c->full : 0;
        bool rep_level = amp >= c->tun.partial_frac;
        return ms->similarity < c->tun.sim_min &&
               (!rep_level || still_for >= c->tun.settle_rep_ms);
    }
    return still_for >= c->tun.settle_first_ms;
}

/* Takes the settled picture as the new rest pose; the excursion is dropped. */
static size_t reanchor(reps_counter *c, int64_t t, reps_event *out, size_t cap)
{
    size_t n = c->ex.holding ? reps_hold_end(c, t, out, cap, 0) : 0;
    motion_reanchor(c->motion);
    c->phase = REPS_PHASE_REST;
    c->floor_mean = c->floor_dev = 0;
    c->last_low_ms = t;
    return n;
}

/* REST: watch for the next excursion, track the floor, and re-anchor when the
 * picture settles a little away from the rest pose (a shift of position). */
static size_t rest_step(reps_counter *c, const motion_sample *ms, int64_t t, int64_t dt)
{
    float s = ms->excursion, enter = enter_threshold(c, ms->sigma);
    if (s > enter) {
        begin_excursion(c, ms, t, enter);
        return 0;
    }
    if (s < 0.25f * enter)
        c->last_low_ms = t; /* the next excursion starts after this */
    if (s < return_threshold(c, ms->sigma, 0)) {
        c->rest_ref = s;
        c->rest_moved_ms = t;
        track_floor(c, s, dt);
    } else if (ms->zone_reps > 0 &&
               steady(s, 0.1f * c->rest_ref + return_threshold(c, ms->sigma, 0), &c->rest_ref,
                      &c->rest_moved_ms, t, dt, c->tun.rest_settle_ms)) {
        reanchor(c, t, NULL, 0);
    }
    return 0;
}

/* True when the change travelled across the frame (someone walking past) and
 * its centre has now stayed put for passer_gone_ms: they have gone, or stand
 * still. The excursion so far is theirs, not a rep. */
static bool passed_by(const reps_counter *c, int64_t t)
{
    const excursion *ex = &c->ex;
    bool travelled = ex->cx_hi - ex->cx_lo > c->tun.travel_max ||
                     ex->cy_hi - ex->cy_lo > c->tun.travel_max;
    return travelled && t - ex->centre_moved_ms >= c->tun.passer_gone_ms;
}

/* Someone went past: the excursion so far is theirs and starts again from
 * here. But when the person is back at the top they held before the passer
 * came (a quad set's hold, which is measured from the record of slow levels),
 * the rep goes on: it keeps its start and that record. The passer's frames
 * stay in the record, but they are too brief to set its top (hold_ref_ms). */
static void restart_after_passer(reps_counter *c, const motion_sample *ms, int64_t t)
{
    const excursion *ex = &c->ex;
    bool on_top = c->tun.hold_top_frac > 0 &&
                  ms->excursion >= c->tun.hold_top_frac * reps_hold_top(c);
    motion_set_at_rest(c->motion, true); /* their pattern is no rep's template */
    if (!on_top) {
        begin_excursion(c, ms, t, enter_threshold(c, ms->sigma));
        c->ex.start_ms = t;
        return;
    }
    int64_t start = ex->start_ms;
    reps_levels held = ex->slow_levels;
    begin_excursion(c, ms, t, enter_threshold(c, ms->sigma));
    c->ex.start_ms = start;
    c->ex.slow_levels = held;
}

/* True when the rep's own pattern has left the picture (the caller checked
 * the match) and what is left is low and unlike the reps: a residue of light
 * or a small shift, not the person still coming down (it has stopped falling,
 * or holds no trace of the rep's pattern: a residue fading slowly). The rep
 * is over; the residue is left to the rest logic (a new excursion that does not look like
 * a rep, or a re-anchor). */
static bool rep_pattern_gone(const reps_counter *c, const motion_sample *ms)
{
    return ms->zone_reps > 0 && ms->excursion < c->tun.settle_low_frac * c->ex.peak &&
           (ms->excursion >= c->ex.sm || ms->match <= 0) &&
           (ms->pattern_reps == 0 || ms->similarity < c->tun.sim_min);
}

/* True when s is below the excursion's low threshold. The peak it is taken
 * from is at most spike_ratio times the highest level held for spike_ms:
 * someone passing close in front can set a peak many times the rep's for a
 * moment, which would put the threshold above the rep's own level and end it
 * while still held. (Checked against the plain peak first: the record is
 * read only when that passes.) */
static bool below_return(const reps_counter *c, float s, float sigma)
{
    const excursion *ex = &c->ex;
    if (s >= return_threshold(c, sigma, ex->peak))
        return false;
    float cap = c->tun.spike_ratio * reps_levels_top(&ex->levels, c->tun.spike_ms);
    return ex->peak <= cap || s < return_threshold(c, sigma, cap);
}

/* One step of the state machine on a learned sample. */
static size_t step(reps_counter *c, const motion_sample *ms, int64_t t, int64_t dt,
                   reps_event *out, size_t cap)
{
    float s = ms->excursion;
    if (c->phase == REPS_PHASE_LEARNING || ms->relearned) {
        c->phase = REPS_PHASE_REST;
        c->floor_mean = s;
        c->floor_dev = 0;
        c->last_low_ms = t;
        c->full = 0; /* a new rest pose from scratch: the range is relearned too */
        return 0;
    }
    if (ms->spread > c->tun.occluded_spread) { /* someone close in front of the camera */
        if (c->ex.holding)
            c->ex.hold_last_ms = t; /* what cannot be seen is taken as still held */
        return 0;
    }
    if (ms->jolted && (c->phase == REPS_PHASE_REST || c->ex.began_ms >= ms->jolt_ms)) {
        motion_forget_pattern(c->motion); /* the camera was knocked while at rest */
        return reanchor(c, t, out, cap);
    }
    if (c->phase == REPS_PHASE_REST)
        return rest_step(c, ms, t, dt);
    track_shape(c, ms, t, dt);
    if (passed_by(c, t)) /* someone went past; what is left is the person */
        restart_after_passer(c, ms, t);
    if (ms->match < c->tun.return_match &&
        (below_return(c, s, ms->sigma) || rep_pattern_gone(c, ms)))
        return reps_decide(c, t, ms->pattern_reps > 0, out, cap, 0);
    if (s >= c->tun.settle_low_frac * c->ex.peak) {
        c->rest_ref = s; /* the watch for a low settle starts when it gets low */
        c->rest_moved_ms = t;
    } else if (steady(s, settle_band(c, c->rest_ref), &c->rest_ref, &c->rest_moved_ms, t, dt,
                      c->tun.rest_settle_ms)) {
        /* back down, a little off the old rest pose: decide, then re-anchor;
         * before any rep is known, a movement that did not come back is not
         * taken for the first one */
        size_t n = ms->zone_reps > 0 ? reps_decide(c, t, ms->pattern_reps > 0, out, cap, 0)
                                     : 0;
        reanchor(c, t, NULL, 0);
        return n;
    }
    if (settled_elsewhere(c, ms, t))
        return reanchor(c, t, out, cap);
    float level;
    bool like = ms->pattern_reps == 0 || ms->similarity >= c->tun.sim_min;
    float band = reps_hold_smooth(c, s, dt, like, &level);
    return reps_hold_track(c, level, band, t, out, cap, 0);
}

size_t reps_feed(reps_counter *c, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, reps_event *out, size_t cap)
{
    if (c->have_t && t_ms < c->last_t)
        return 0;
    motion_sample ms;
    if (!motion_feed(c->motion, luma, width, height, stride, t_ms, &ms))
        return 0;
    int64_t dt = c->have_t ? t_ms - c->last_t : 0;
    c->have_t = true;
    c->last_t = t_ms;
    if (!ms.learned) {
        c->phase = REPS_PHASE_LEARNING;
        c->level = 0;
        c->learn_progress = ms.learn_progress;
        return 0;
    }
    size_t n = step(c, &ms, t_ms, dt, out, cap);
    c->last = ms;
    float scale = c->full > 0 ? c->full : 4.0f * enter_threshold(c, ms.sigma);
    c->level = scale > 0 ? ms.excursion / scale : 0; /* finite for the screen's bar */
    return n;
}

reps_status reps_get_status(const reps_counter *c)
{
    reps_status st = { .phase = c->phase, .level = c->level, .count = c->count };
    if (c->phase == REPS_PHASE_HOLD)
        st.hold_ms = c->last_t - c->ex.hold_start_ms;
    st.learn_progress = c->phase == REPS_PHASE_LEARNING ? c->learn_progress : 1.0f;
    return st;
}

void reps_get_trace(const reps_counter *c, reps_trace *out)
{
    const motion_sample *ms = &c->last;
    *out = (reps_trace){ .excursion = ms->excursion, .moment = ms->moment, .energy = ms->energy,
                         .similarity = ms->similarity, .match = ms->match,
                         .spread = ms->spread, .cx = ms->cx, .cy = ms->cy,
                         .sigma = ms->sigma, .still = ms->still, .moved = ms->moved,
                         .zone_reps = ms->zone_reps, .enter = enter_threshold(c, ms->sigma),
                         .floor = c->floor_mean, .full = c->full, .peak = c->ex.peak,
                         .sm = c->ex.sm };
}
