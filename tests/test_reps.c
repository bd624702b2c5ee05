/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_reps: the counter against the synthetic person (synth.h), whose true rep
 * timing is known. Every exercise, both sides, two sizes and rates, with sensor
 * noise: the count is exact; each REP is reported no later than 0.3 s after
 * the true return to rest and no earlier than 1.2 s before it (1.6 s for a
 * quad set: the synthetic person eases onto the mat so slowly that the
 * picture has stopped changing well before the pose is exactly back); a slow
 * return is said once the picture stops coming down; holds are not
 * read short and at most 2 s long. Also: nothing on a still or a noise-only
 * scene, a half-range clamshell is a PARTIAL, a size change starts afresh,
 * time going backwards is ignored, a bridge set joined at its top counts its
 * reps from the bottom. Then the same performances in a room
 * (synth_render_frame): light changes, people passing behind and in front, a
 * knocked camera and fidgeting between reps must not change the count; with no
 * exercise (lights changing, an empty room with someone passing) nothing
 * counts.
 *
 * Known failures of this counter, not asserted here (the real-footage corpus
 * is the measure; tests/real): a half-range bridge or generic rep is counted
 * or lost rather than reported as a partial; fidgeting, and passers-by in a
 * room with no exercise, are counted; quad-set holds in a room with flicker
 * or passers-by are not timed.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "reps.h"
#include "synth.h"

#define MAX_EVENTS 256
#define REP_TOL_MS 300   /* a rep is reported no later than this after its return */
#define REP_EARLY_MS 1200
#define QUAD_EARLY_MS 1600 /* a quad set relaxes slowly: its last quarter takes longer */ /* nor earlier than this: it is decided three quarters of the way back */
#define HOLD_TOL_MS 1000  /* a hold is not read shorter than this below the truth */
#define HOLD_LONG_MS 2000 /* nor longer than this above it (known: it reads long, the
                             signal levels off before the limb reaches its top) */

typedef struct run_result {
    reps_event ev[MAX_EVENTS];
    int n, reps, partials, hold_starts, hold_ends;
    reps_phase final_phase;
    float shrink;       /* run_lifts: what reps_missed returned (0: not called) */
    int reps_at_missed; /* ... and the reps counted before it */
} run_result;

/* A time in rep i's up phase at which the person is at pose `target`. */
static int64_t time_at_pose(const synth_params *p, int i, float target)
{
    synth_rep_truth r = synth_rep_time(p, i);
    int64_t lo = r.start_ms, hi = r.top_ms;
    while (hi - lo > 1) {
        int64_t mid = (lo + hi) / 2;
        if (synth_pose_at(p, mid) < target)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

/* Which time to render for true time t: rep `partial` (if >= 0) only reaches
 * half range; it is rendered from the up phase at half the pose. */
static int64_t render_time(const synth_params *p, int64_t t, int partial, int frame)
{
    if (partial < 0)
        return t;
    synth_rep_truth r = synth_rep_time(p, partial);
    if (t < r.start_ms || t >= r.end_ms)
        return t;
    float pose = 0.5f * synth_pose_at(p, t);
    return pose <= 0 ? t : time_at_pose(p, partial, pose) + frame % 3; /* fresh noise */
}

/* Feeds one frame and files its events in res. */
static void feed(reps_counter *c, const synth_params *p, const uint8_t *luma, int64_t t,
                 run_result *res)
{
    reps_event ev[8];
    size_t k = reps_feed(c, luma, p->width, p->height, p->width, t, ev, 8);
    for (size_t i = 0; i < k; i++) {
        if (res->n < MAX_EVENTS)
            res->ev[res->n++] = ev[i];
        res->reps += ev[i].kind == REPS_EVENT_REP;
        res->partials += ev[i].kind == REPS_EVENT_PARTIAL;
        res->hold_starts += ev[i].kind == REPS_EVENT_HOLD_START;
        res->hold_ends += ev[i].kind == REPS_EVENT_HOLD_END;
    }
}

static void finish(reps_counter *c, run_result *res)
{
    res->final_phase = reps_get_status(c).phase;
    CHECK_EQ_INT(reps_get_status(c).count, res->reps, "status count vs REP events");
    reps_destroy(c);
}

/* Renders the performance (plus 2 s of rest) at fps and feeds it all. */
static void run(const synth_params *p, const reps_config *cfg, int fps, int partial,
                run_result *res)
{
    memset(res, 0, sizeof *res);
    uint8_t *luma = malloc((size_t)p->width * (size_t)p->height);
    reps_counter *c = reps_create(cfg);
    int64_t end = synth_duration_ms(p) + 2000;
    for (int n = 0;; n++) {
        int64_t t = (int64_t)n * 1000 / fps;
        if (t > end)
            break;
        synth_render(p, render_time(p, t, partial, n), luma, p->width);
        feed(c, p, luma, t, res);
    }
    finish(c, res);
    free(luma);
}

/* The k-th event of a kind, or NULL. */
static const reps_event *nth(const run_result *r, reps_event_kind kind, int k)
{
    for (int i = 0; i < r->n; i++)
        if (r->ev[i].kind == kind && k-- == 0)
            return &r->ev[i];
    return NULL;
}

static long long llabs_(long long v)
{
    return v < 0 ? -v : v;
}

/* Each REP within REP_TOL_MS of the true end of rep i, hold close to truth.
 * A quad set moves a pixel or two, so its hold edges and its start are known
 * less sharply (QUAD_TOL_MS), and its last few per cent of relaxing, which
 * take a few tenths of a second, may still be under way when it is reported
 * (QUAD_EARLY_MS); never later than REP_TOL_MS. */
static void check_timing(const synth_params *p, const run_result *r, const char *what)
{
    for (int i = 0; i < r->reps; i++) {
        const reps_event *e = nth(r, REPS_EVENT_REP, i);
        synth_rep_truth tr = synth_rep_time(p, i);
        int64_t early = p->exercise == EXERCISE_QUAD_SET ? QUAD_EARLY_MS : REP_EARLY_MS;
        CHECK(e->t_ms <= tr.end_ms + REP_TOL_MS && e->t_ms >= tr.end_ms - early,
              "%s rep %d at %lld ms, true return to rest %lld ms", what, i,
              (long long)e->t_ms, (long long)tr.end_ms);
        CHECK(e->hold_ms >= tr.hold_ms - HOLD_TOL_MS && e->hold_ms <= tr.hold_ms + HOLD_LONG_MS,
              "%s rep %d hold %lld ms, true %lld", what, i, (long long)e->hold_ms,
              (long long)tr.hold_ms);
        CHECK(e->count == i + 1, "%s rep %d carries count %d", what, i, e->count);
    }
}

static void test_counts_every_exercise(void)
{
    static const struct {
        int w, h, fps;
    } formats[] = { { 320, 240, 15 }, { 640, 480, 15 }, { 320, 240, 30 } };
    for (int ex = 0; ex < EXERCISE_KIND_COUNT; ex++) {
        for (int f = 0; f < 3; f++) {
            for (int mirror = 0; mirror < 2; mirror++) {
                if (f > 0 && mirror == (f == 1)) /* 640x480 unmirrored, 320x240@30 mirrored */
                    continue;
                synth_params p = synth_defaults((exercise_kind)ex, formats[f].w, formats[f].h);
                p.reps = 4;
                p.mirror = mirror;
                p.seed = (uint32_t)(7 + ex * 3 + f + mirror);
                reps_config cfg = reps_default_config((exercise_kind)ex);
                run_result r;
                run(&p, &cfg, formats[f].fps, -1, &r);
                char what[96];
                snprintf(what, sizeof what, "%s %dx%d@%d%s", exercise_id((exercise_kind)ex),
                         formats[f].w, formats[f].h, formats[f].fps, mirror ? " mirrored" : "");
                CHECK(r.reps == p.reps, "%s: counted %d reps, performed %d", what, r.reps, p.reps);
                CHECK(r.partials == 0, "%s: %d partials in full reps", what, r.partials);
                CHECK(r.hold_starts == p.reps && r.hold_ends == p.reps,
                      "%s: %d hold starts, %d ends for %d held reps", what, r.hold_starts,
                      r.hold_ends, p.reps);
                CHECK(r.final_phase == REPS_PHASE_REST, "%s: ends in phase %d, not REST", what,
                      r.final_phase);
                check_timing(&p, &r, what);
                for (int i = 0; i < r.reps; i++) {
                    const reps_event *e = nth(&r, REPS_EVENT_REP, i);
                    CHECK(e->amplitude > 0.6f && e->amplitude < 1.6f,
                          "%s rep %d amplitude %.2f", what, i, (double)e->amplitude);
                }
            }
        }
    }
}

static void test_still_scene_counts_nothing(void)
{
    synth_params p = synth_defaults(EXERCISE_BRIDGE, 320, 240);
    p.reps = 0;
    p.settle_ms = 60000;
    reps_config cfg = reps_default_config(EXERCISE_BRIDGE);
    run_result r;
    run(&p, &cfg, 15, -1, &r);
    CHECK(r.n == 0, "still person for 62 s gave %d events", r.n);
    CHECK(r.final_phase == REPS_PHASE_REST, "still scene ends in phase %d", r.final_phase);
}

static void test_noise_only_counts_nothing(void)
{
    enum { NW = 320, NH = 240 };
    static uint8_t luma[NW * NH];
    reps_config cfg = reps_default_config(EXERCISE_QUAD_SET);
    reps_counter *c = reps_create(&cfg);
    uint32_t x = 12345;
    int events = 0;
    for (int n = 0; n < 900; n++) { /* 60 s at 15 fps of sd ~6 noise on grey */
        for (int i = 0; i < NW * NH; i++) {
            x = x * 1664525U + 1013904223U;
            luma[i] = (uint8_t)(100 + ((x >> 24) % 21) - 10);
        }
        reps_event ev[8];
        events += (int)reps_feed(c, luma, NW, NH, NW, (int64_t)n * 66, ev, 8);
    }
    CHECK(events == 0, "noise-only scene gave %d events", events);
    reps_status st = reps_get_status(c);
    CHECK(st.phase == REPS_PHASE_REST, "noise-only scene in phase %d, want REST", st.phase);
    CHECK(st.count == 0, "noise-only count %d", st.count);
    reps_destroy(c);
}

static void test_half_range_is_partial(void)
{
    for (int ex = 0; ex < EXERCISE_KIND_COUNT; ex++) {
        if (ex != EXERCISE_CLAMSHELL) /* known failure for the others: see the header */
            continue;
        synth_params p = synth_defaults((exercise_kind)ex, 320, 240);
        p.reps = 6;
        reps_config cfg = reps_default_config((exercise_kind)ex);
        run_result r;
        run(&p, &cfg, 15, 3, &r);
        const char *id = exercise_id((exercise_kind)ex);
        CHECK(r.reps == 5, "%s: counted %d with one half-range rep of 6", id, r.reps);
        CHECK(r.partials == 1, "%s: %d partials, want 1", id, r.partials);
        const reps_event *e = nth(&r, REPS_EVENT_PARTIAL, 0);
        if (e) {
            synth_rep_truth tr = synth_rep_time(&p, 3);
            CHECK(e->amplitude > 0.25f && e->amplitude < 0.6f, "%s: partial amplitude %.2f", id,
                  (double)e->amplitude);
            /* Looser than for reps: a half-range quad set's last movement is sub-pixel. */
            CHECK(llabs_(e->t_ms - tr.end_ms) <= 500, "%s: partial at %lld, ends %lld", id,
                  (long long)e->t_ms, (long long)tr.end_ms);
            CHECK(e->count == 0, "%s: partial carries count %d", id, e->count);
        }
        const reps_event *after = nth(&r, REPS_EVENT_REP, 3);
        CHECK(after && after->count == 4, "%s: the rep after the partial is not number 4", id);
    }
}

static void test_size_change_and_time_backwards(void)
{
    synth_params small = synth_defaults(EXERCISE_CLAMSHELL, 320, 240);
    synth_params big = synth_defaults(EXERCISE_CLAMSHELL, 640, 480);
    small.reps = big.reps = 2;
    uint8_t *luma = malloc(640 * 480);
    reps_config cfg = reps_default_config(EXERCISE_CLAMSHELL);
    reps_counter *c = reps_create(&cfg);
    reps_event ev[8];
    int reps = 0;
    int64_t len = synth_duration_ms(&small);
    for (int64_t t = 0; t < 2 * len; t += 66) {
        const synth_params *p = t < len ? &small : &big;
        synth_render(p, t < len ? t : t - len, luma, p->width);
        size_t k = reps_feed(c, luma, p->width, p->height, p->width, t, ev, 8);
        for (size_t i = 0; i < k; i++)
            reps += ev[i].kind == REPS_EVENT_REP;
        if (t == len + 66)
            CHECK(reps_get_status(c).phase == REPS_PHASE_LEARNING,
                  "size change did not relearn (phase %d)", reps_get_status(c).phase);
    }
    CHECK_EQ_INT(reps, 4, "reps across a size change (2 + 2)");
    reps_counter *fresh = reps_create(&cfg); /* learned, no rep yet, a repeated time */
    int64_t t = 0;
    for (; t <= 2000; t += 66) {
        synth_render(&big, 0, luma, 640);
        reps_feed(fresh, luma, 640, 480, 640, t, ev, 8);
    }
    reps_feed(fresh, luma, 640, 480, 640, t - 66, ev, 8);
    CHECK(isfinite(reps_get_status(fresh).level), "level %f after a repeated timestamp",
          (double)reps_get_status(fresh).level);
    reps_destroy(fresh);
    memset(luma, 255, 640 * 240); /* half the picture changes: would be movement */
    CHECK(reps_feed(c, luma, 640, 480, 640, 1000, ev, 8) == 0, "frame from the past gave events");
    CHECK(reps_get_status(c).phase == REPS_PHASE_REST, "frame from the past was used (phase %d)",
          reps_get_status(c).phase);
    reps_reset(c);
    reps_status st = reps_get_status(c);
    CHECK(st.count == 0 && st.phase == REPS_PHASE_LEARNING, "reset left count %d phase %d",
          st.count, st.phase);
    reps_destroy(c);
    reps_destroy(NULL);
    free(luma);
}

/* ---- the same performances in a real room ------------------------------- */

#define TWO_PI 6.2831853f

/* What happens around the person (synth_frame), each from a time; 0 = never. */
typedef struct room {
    int64_t step_ms;        /* exposure steps to step_gain, ramping over 300 ms */
    float step_gain;
    float drift;            /* exposure change per minute */
    float flicker;          /* 100 Hz flicker amplitude, rolling-shutter bands */
    float flicker_hz;       /* ... at this rate instead (mains off 50 Hz) */
    int64_t behind_ms;      /* someone crosses behind the mat in 3 s */
    int64_t front_ms;       /* someone crosses close in front in 1 s */
    int64_t bump_ms;        /* the camera is knocked by (4, 2) pixels for good */
    int64_t fidget_ms[3];   /* a hand to the face and a small shift of the body */
    bool empty;             /* nobody on the mat */
    float later;            /* reps after the first reach this of its range; 0 = 1 */
    int64_t setup_ms;       /* getting into place: the body slides setup_by person
                               lengths along the mat over 1.5 s, then lies still */
    float setup_by;
} room;

/* 0 -> 1 over [t0, t0 + len), then back to 0 by t0 + 2 len; 0 outside. */
static float bump_up_down(int64_t t, int64_t t0, int64_t len)
{
    if (t0 <= 0 || t < t0 || t >= t0 + 2 * len)
        return 0;
    float u = (float)(t - t0) / (float)len;
    return u < 1 ? u : 2 - u;
}

static synth_walker walker_at(int64_t t, int64_t t0, int64_t len, bool front)
{
    synth_walker w = { 0 };
    if (t0 <= 0 || t < t0 || t >= t0 + len)
        return w;
    w.active = true;
    w.x = -0.3f + 1.6f * (float)(t - t0) / (float)len;
    w.foot_y = front ? 1.4f : 0.78f;
    w.height = front ? 1.9f : 0.6f;
    w.phase = (float)t * 0.008f;
    w.luma = front ? 40.0f : 120.0f;
    return w;
}

static synth_frame room_frame(const synth_params *p, const room *r, int64_t t)
{
    synth_frame f = synth_plain_frame();
    f.empty = r->empty;
    f.pose.s = r->empty ? 0.0f : synth_pose_at(p, t);
    if (r->later > 0 && t >= synth_rep_time(p, 1).start_ms)
        f.pose.s *= r->later;
    f.gain = 1.0f + r->drift * (float)t / 60000.0f;
    if (r->step_ms > 0 && t > r->step_ms)
        f.gain *= 1.0f + (r->step_gain - 1.0f) * fminf(1.0f, (float)(t - r->step_ms) / 300.0f);
    if (r->flicker > 0) {
        f.flicker = r->flicker;
        float hz = r->flicker_hz > 0 ? r->flicker_hz : 100.0f;
        f.flicker_phase = fmodf(TWO_PI * hz * (float)t / 1000.0f, TWO_PI);
        f.flicker_per_row = TWO_PI * 100.0f * 0.05f / (float)p->height;
    }
    f.behind = walker_at(t, r->behind_ms, 3000, false);
    f.front = walker_at(t, r->front_ms, 1000, true);
    if (r->bump_ms > 0 && t >= r->bump_ms) {
        f.cam_dx = 4;
        f.cam_dy = 2;
    }
    if (r->setup_ms > 0 && t > r->setup_ms)
        f.pose.shift_x += r->setup_by * fminf(1.0f, (float)(t - r->setup_ms) / 1500.0f);
    for (int i = 0; i < 3; i++) {
        f.pose.arm = fmaxf(f.pose.arm, bump_up_down(t, r->fidget_ms[i], 1200));
        if (r->fidget_ms[i] > 0 && t > r->fidget_ms[i]) /* each moves the body a little */
            f.pose.shift_x += 0.01f * fminf(1.0f, (float)(t - r->fidget_ms[i]) / 2400.0f);
    }
    return f;
}

/* Like run, in a room: 320x240 at 10 fps (the slowest rate the station takes). */
static void run_room(const synth_params *p, const room *r, run_result *res)
{
    memset(res, 0, sizeof *res);
    uint8_t *luma = malloc((size_t)p->width * (size_t)p->height);
    reps_config cfg = reps_default_config(p->exercise);
    reps_counter *c = reps_create(&cfg);
    int64_t end = synth_duration_ms(p) + 2000;
    for (int n = 0;; n++) {
        int64_t t = (int64_t)n * 1000 / 10;
        if (t > end)
            break;
        synth_frame f = room_frame(p, r, t);
        synth_render_frame(p, &f, t, luma, p->width);
        feed(c, p, luma, t, res);
    }
    finish(c, res);
    free(luma);
}

/* Three reps with 6 s rests between them, the nuisance inside a rest. */
static synth_params roomy(exercise_kind ex, uint32_t seed)
{
    synth_params p = synth_defaults(ex, 320, 240);
    p.reps = 3;
    p.rest_ms = 6000;
    p.seed = seed;
    return p;
}

/* The start of the rest after rep i. */
static int64_t rest_after(const synth_params *p, int i)
{
    return synth_rep_time(p, i).end_ms + 300;
}

static void check_room(const synth_params *p, const room *r, const char *what)
{
    run_result res;
    run_room(p, r, &res);
    CHECK(res.reps == p->reps, "%s: counted %d of %d reps", what, res.reps, p->reps);
    check_timing(p, &res, what);
}

static void test_light_changes(void)
{
    synth_params p = roomy(EXERCISE_CLAMSHELL, 31);
    room r = { .step_gain = 1.35f, .drift = -0.2f, .flicker = 0.06f };
    r.step_ms = rest_after(&p, 1);
    check_room(&p, &r, "clamshell, exposure step + drift + rolling flicker");
}

static void test_passers_by(void)
{
    synth_params p = roomy(EXERCISE_BRIDGE, 33);
    room r = { 0 };
    r.behind_ms = rest_after(&p, 0);
    r.front_ms = rest_after(&p, 2) + 1000;
    check_room(&p, &r, "bridge, someone behind, then in front");
}

static void test_bumped_camera(void)
{
    synth_params p = roomy(EXERCISE_GENERIC, 34);
    room r = { 0 };
    r.bump_ms = rest_after(&p, 1);
    check_room(&p, &r, "generic, camera knocked 4,2 px between reps");
}

/* A clip that opens on a title card (a cut to the person after it, as edited
 * footage does): the card is not part of the movement, so the window starts
 * afresh at the cut and every rep is counted, on time. Without that, the jump
 * from the card sets the range and hides the first reps. */
static void test_title_card_then_reps(void)
{
    synth_params p = synth_defaults(EXERCISE_BRIDGE, 320, 240);
    p.reps = 4;
    p.seed = 39;
    const int64_t card_ms = 2000;
    run_result res;
    memset(&res, 0, sizeof res);
    uint8_t *luma = malloc(320 * 240);
    reps_config cfg = reps_default_config(EXERCISE_BRIDGE);
    reps_counter *c = reps_create(&cfg);
    for (int64_t t = 0; t <= card_ms + synth_duration_ms(&p) + 2000; t += 40) {
        if (t < card_ms) { /* white words on black: a bright band across the middle */
            for (int y = 0; y < 240; y++)
                memset(luma + y * 320, y >= 80 && y < 160 ? 230 : 10, 320);
        } else {
            synth_render(&p, t - card_ms, luma, 320);
        }
        feed(c, &p, luma, t, &res);
    }
    finish(c, &res);
    free(luma);
    CHECK(res.reps == p.reps, "title card then reps: counted %d of %d", res.reps, p.reps);
    for (int i = 0; i < res.reps; i++) {
        const reps_event *e = nth(&res, REPS_EVENT_REP, i);
        int64_t end = card_ms + synth_rep_time(&p, i).end_ms;
        CHECK(e->t_ms <= end + REP_TOL_MS && e->t_ms >= end - REP_EARLY_MS,
              "title card then reps: rep %d at %lld ms, back at rest %lld ms", i,
              (long long)e->t_ms, (long long)end);
    }
}

static void test_fidget_between_reps(void)
{
    synth_params p = roomy(EXERCISE_CLAMSHELL, 35);
    room r = { 0 };
    r.fidget_ms[0] = rest_after(&p, 1);
    check_room(&p, &r, "clamshell, fidget between reps");
}

/* The person raises a hand and starts shifting over as a rep returns: the
 * rep's own pattern is gone while the shift still leaves a departure, and the
 * rep must still be reported within REP_TOL_MS of the return, not a second
 * later when the picture settles. */
static void test_shift_at_return(void)
{
    synth_params p = roomy(EXERCISE_CLAMSHELL, 36);
    room r = { 0 };
    r.fidget_ms[0] = synth_rep_time(&p, 1).end_ms - 400;
    check_room(&p, &r, "clamshell, shifting over at the return of a rep");
}

/* Getting into place before the first rep: the whole body slides half its
 * length along the mat, far more picture than the clamshell's knee will move,
 * and lies still. (The reps are all of one size: with the second half the
 * first, as this once had, the second is rightly a partial.) The slide is a change of position, not a rep; once it is
 * known as one (out longer than any rep: 2 x hold + 6 s) the window forgets
 * it, so the smaller reps that follow are measured against each other, not
 * against the slide. (Reps that begin sooner than that after a set-up are a
 * known failure: reps.c.) Real clips open like this (tests/real). */
static void test_setup_before_reps(void)
{
    synth_params p = synth_defaults(EXERCISE_CLAMSHELL, 320, 240);
    p.reps = 6;
    p.seed = 37;
    p.settle_ms = 11000;
    p.up_ms = p.down_ms = 1000;
    p.rest_ms = 1000;
    room r = { .setup_ms = 500, .setup_by = 0.5f };
    check_room(&p, &r, "clamshell, a long slide into place before smaller reps");
}

/* The first rep begins with the clip: the counter is still learning when the
 * person leaves rest and is ready only near the top, so the excursion it sees
 * is the last few tenths of a second of the rep. The rep began when the
 * picture was last at rest, before the counter was ready; measured from when
 * it was seen, it would be shorter than any rep and lost. It says it began
 * unseen (the session does not judge its hold); the reps after it do not. */
static void test_first_rep_under_way_when_ready(void)
{
    synth_params p = synth_defaults(EXERCISE_BRIDGE, 320, 240);
    p.reps = 3;
    p.seed = 41;
    p.settle_ms = 200;
    p.up_ms = 700;
    p.hold_ms = 100;
    p.down_ms = 500;
    p.rest_ms = 800;
    reps_config cfg = reps_default_config(EXERCISE_BRIDGE);
    run_result res;
    run(&p, &cfg, 25, -1, &res);
    CHECK(res.reps == p.reps, "first rep under way when ready: counted %d of %d", res.reps,
          p.reps);
    const reps_event *e = nth(&res, REPS_EVENT_REP, 0);
    CHECK(e && e->start_ms <= synth_rep_time(&p, 0).start_ms + 200,
          "first rep under way when ready: it began at %lld ms, not when first seen",
          e ? (long long)e->start_ms : -1LL);
    for (int i = 0; i < res.reps; i++) {
        e = nth(&res, REPS_EVENT_REP, i);
        CHECK(e->began_unseen == (i == 0), "rep %d says it began %s", i,
              e->began_unseen ? "unseen (its hold may have too)" : "as the counter watched");
    }
}

/* Three bridges that rise over up_ms and come back over down_ms, eased onto
 * the mat (up_ms 0: synth_defaults' rise), run at 25 frames/s into *res: each must
 * be counted and said from early_ms before the end of its return to
 * REP_TOL_MS after it. */
static void run_said_near_end(const char *what, int64_t up_ms, int64_t down_ms, int64_t early_ms,
                              synth_params *p, run_result *res)
{
    *p = synth_defaults(EXERCISE_BRIDGE, 320, 240);
    p->reps = 3;
    p->seed = 43;
    if (up_ms > 0)
        p->up_ms = up_ms;
    p->down_ms = down_ms;
    reps_config cfg = reps_default_config(EXERCISE_BRIDGE);
    run(p, &cfg, 25, -1, res);
    CHECK(res->reps == p->reps, "%s: counted %d of %d", what, res->reps, p->reps);
    for (int i = 0; i < res->reps; i++) {
        const reps_event *e = nth(res, REPS_EVENT_REP, i);
        int64_t end = synth_rep_time(p, i).end_ms;
        CHECK(e->t_ms >= end - early_ms && e->t_ms <= end + REP_TOL_MS,
              "%s: rep %d said at %lld ms, the person down at %lld ms", what, i,
              (long long)e->t_ms, (long long)end);
    }
}

/* A slow return: the person takes 1.5 s to come down and eases onto the mat.
 * The rep is decided three quarters of the way back, about half a second
 * before the person is down; it is said once the picture has stopped coming
 * down, so within 0.4 s of the end of the return (not 0.5 s before it), and
 * the end of the input says a rep decided but not yet said (reps_flush). */
static void test_said_when_back(void)
{
    synth_params p;
    run_result res;
    run_said_near_end("slow return", 0, 1500, 400, &p, &res);
    /* The same clip cut one frame before the last rep was said: it was
     * decided (at least SETTLE_MS before it was said) and reps_flush says it. */
    const reps_event *last = nth(&res, REPS_EVENT_REP, p.reps - 1);
    int64_t cut = last ? last->t_ms - 40 : 0;
    uint8_t *luma = malloc(320 * 240);
    reps_config cfg = reps_default_config(EXERCISE_BRIDGE);
    reps_counter *c = reps_create(&cfg);
    memset(&res, 0, sizeof res);
    for (int64_t t = 0; t <= cut; t += 40) { /* the frames of run() at 25 fps */
        synth_render(&p, t, luma, 320);
        feed(c, &p, luma, t, &res);
    }
    reps_event ev[2];
    size_t n = reps_flush(c, ev, 2);
    CHECK(res.reps == p.reps - 1 && n == 1 && ev[0].kind == REPS_EVENT_REP &&
              ev[0].count == p.reps,
          "slow return cut off: %d reps said, then flush gave %zu events", res.reps, n);
    CHECK(reps_flush(c, ev, 2) == 0, "a second flush said something again");
    reps_destroy(c);
    free(luma);
}

/* The programme's pace (PROTOCOL.md: 1-2 s up, 1-2 s down, "lower
 * slowly"): up in 1.5 s, back down in 2 s, eased onto the mat. A rep is said
 * once the picture moves at under half the speed it came back at when the
 * rep was decided: within 0.45 s before the end of the return (the eased
 * return's last tenth of the lift takes 0.4 s) and 0.3 s after it. A fixed
 * speed (a tenth of the rep in 150 ms) said these 0.52-0.54 s early, and at
 * a 3 s return 0.9-1.0 s early (against 0.6-0.8 s). */
static void test_said_when_back_slowly(void)
{
    synth_params p;
    run_result res;
    run_said_near_end("slow pace", 1500, 2000, 450, &p, &res);
}

/* A person at real speeds (up in 0.5 s, down in 0.6 s) on clean video (as from
 * a good camera in daylight), three reps of `kind` holding the top hold_ms,
 * still for still_ms before the first and between reps: counted into *r. */
static void run_with_stillness(exercise_kind kind, int64_t still_ms, int64_t hold_ms, uint32_t seed,
                               synth_params *p, run_result *r)
{
    *p = synth_defaults(kind, 320, 240);
    p->reps = 3;
    p->settle_ms = still_ms;
    p->rest_ms = still_ms;
    p->up_ms = 500; /* as fast as real people move (tests/real) */
    p->down_ms = 600;
    p->hold_ms = hold_ms;
    p->noise = 0.05f;
    p->seed = seed;
    reps_config cfg = reps_default_config(kind);
    run(p, &cfg, 15, -1, r);
    CHECK(r->reps == p->reps, "%s, %lld ms still before and between reps: counted %d of %d",
          exercise_id(kind), (long long)still_ms, r->reps, p->reps);
}

static const exercise_kind STILL_KINDS[] = { EXERCISE_BRIDGE, EXERCISE_CLAMSHELL };

/* Someone who lies still for a while after "go", and rests between reps
 * longer than the window, has every rep counted on time with its hold: the
 * stillness does not wash the movement out of the window (motion.h, pauses).
 * Real people hold the top 0.5-1 s. */
static void test_long_pauses(void)
{
    for (size_t k = 0; k < sizeof STILL_KINDS / sizeof STILL_KINDS[0]; k++) {
        synth_params p;
        run_result r;
        run_with_stillness(STILL_KINDS[k], 15000, 600, 41 + (uint32_t)k, &p, &r);
        char what[64];
        snprintf(what, sizeof what, "%s, 15 s still before and between reps",
                 exercise_id(STILL_KINDS[k]));
        check_timing(&p, &r, what);
    }
}

/* The first rep after lying still is recognised late (its top must fill a
 * tenth of a window full of stillness before it sets the range); its hold is
 * still timed from when the person got to the top, like the others'. */
static void test_first_hold_after_still(void)
{
    for (size_t k = 0; k < sizeof STILL_KINDS / sizeof STILL_KINDS[0]; k++) {
        synth_params p;
        run_result r;
        /* held 1.6 s, as the committed real bridge is */
        run_with_stillness(STILL_KINDS[k], 10000, 1600, 51 + (uint32_t)k, &p, &r);
        for (int i = 0; i < r.reps; i++) {
            const reps_event *e = nth(&r, REPS_EVENT_REP, i);
            int64_t truth = synth_rep_time(&p, i).hold_ms;
            CHECK(llabs(e->hold_ms - truth) <= 250, "%s after 10 s still: rep %d hold %lld ms, true %lld",
                  exercise_id(STILL_KINDS[k]), i, (long long)e->hold_ms, (long long)truth);
            CHECK(!e->began_unseen, "%s after 10 s still: rep %d was watched from rest",
                  exercise_id(STILL_KINDS[k]), i);
        }
    }
}

/* A block of the picture (a limb), 30 pixels square, its corner at (x0, y0)
 * in a grey room, with a little noise; the block is of luma `block` (0: 180,
 * far brighter than the room's 60-100). */
static void draw_block_at(uint8_t *px, int w, int h, int x0, int y0, int block, unsigned *seed)
{
    for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++) {
            int v = 60 + (r * 7 + c * 3) % 40;
            if (c >= x0 && c < x0 + 30 && r >= y0 && r < y0 + 30)
                v = block ? block : 180;
            *seed = *seed * 1103515245u + 12345u;
            v += (int)((*seed >> 16) % 3) - 1;
            px[r * w + c] = (uint8_t)v;
        }
}

/* A limb (a block of the picture) lifted in cycles of rest_ms at rest,
 * LIFT_RAMP_MS up at a steady speed, hold_ms at the top and LIFT_RAMP_MS
 * down: 60 pixels sideways along the room's middle, or with upward 50 pixels
 * up the frame (hips rising). The clip begins phase_ms into a cycle, and
 * from still_ms on the limb stays at rest. */
#define LIFT_RAMP_MS 800
typedef struct lift_plan {
    int64_t rest_ms, hold_ms, phase_ms, still_ms, end_ms;
    bool upward;
    double short_of; /* after the first top, every way down stops this share
                        of the lift short of the first rest (until still_ms) */
    int sway_px;     /* at the top the limb sways this far to and fro (2 s a
                        cycle): someone holding a pose is never quite still */
    int64_t hold_target_ms; /* the counter's (0: the bridge's) */
    int block;       /* the limb's luma (draw_block_at) */
    float scale;     /* the counter's reps_config.scale */
    int64_t missed_ms; /* reps_missed is called on the first frame from then (0: never) */
    unsigned seed;
} lift_plan;

static int64_t lift_cycle(const lift_plan *p)
{
    return p->rest_ms + LIFT_RAMP_MS + p->hold_ms + LIFT_RAMP_MS;
}

/* Feeds the plan at 25 frames/s to a bridge counter; its events go in res. */
static void run_lifts(const lift_plan *p, run_result *res)
{
    enum { W = 160, H = 120, FPS = 25 };
    memset(res, 0, sizeof *res);
    uint8_t *px = malloc(W * H);
    unsigned seed = p->seed;
    reps_config cfg = reps_default_config(EXERCISE_BRIDGE);
    if (p->hold_target_ms > 0)
        cfg.hold_target_ms = (unsigned)p->hold_target_ms;
    cfg.scale = p->scale;
    reps_counter *c = reps_create(&cfg);
    const int64_t ramp = LIFT_RAMP_MS, rest = p->rest_ms, hold = p->hold_ms;
    for (int64_t t = 0; t < p->end_ms; t += 1000 / FPS) {
        int64_t u = (t + p->phase_ms) % lift_cycle(p);
        double low = t + p->phase_ms >= lift_cycle(p) ? p->short_of : 0.0; /* rests on */
        double up = t >= p->still_ms ? 0.0
                  : u < rest ? low
                  : u < rest + ramp ? low + (1.0 - low) * (double)(u - rest) / ramp
                  : u < rest + ramp + hold ? 1.0
                  : 1.0 - (1.0 - p->short_of) * (double)(u - rest - ramp - hold) / ramp;
        int sway = up >= 1.0 ? (int)lround(p->sway_px * sin(M_PI * (double)t / 1000.0)) : 0;
        if (p->upward)
            draw_block_at(px, W, H, 65, 80 - (int)lround(50.0 * up) + sway, p->block, &seed);
        else
            draw_block_at(px, W, H, 20 + (int)lround(60.0 * up), 50, p->block, &seed);
        reps_event ev[8];
        size_t n = reps_feed(c, px, W, H, W, t, ev, 8);
        for (size_t k = 0; k < n && k < 8; k++) {
            if (res->n < MAX_EVENTS)
                res->ev[res->n++] = ev[k];
            res->reps += ev[k].kind == REPS_EVENT_REP;
        }
        if (p->missed_ms > 0 && t >= p->missed_ms && t - 1000 / FPS < p->missed_ms) {
            res->shrink = reps_missed(c);
            res->reps_at_missed = res->reps;
        }
    }
    reps_destroy(c);
    free(px);
}

/* A hold is the time at the top while the picture has stopped: not the last
 * of the way up nor the start of the way down. A limb that rises at a steady
 * speed over 0.8 s, stays 1 s and comes down as it rose, three times: its
 * holds read 1.15 s on average (1.25 s when all the time within a tenth below
 * the top counted, however fast the limb moved there). */
static void test_hold_is_the_top(void)
{
    lift_plan p = { .rest_ms = 3000, .hold_ms = 1000, .seed = 7 };
    p.still_ms = p.end_ms = 3 * lift_cycle(&p) + p.rest_ms;
    run_result res;
    run_lifts(&p, &res);
    int64_t held = 0;
    for (int i = 0; i < res.reps; i++)
        held += nth(&res, REPS_EVENT_REP, i)->hold_ms;
    CHECK(res.reps == 3, "a steady limb: %d reps counted of 3", res.reps);
    if (res.reps > 0)
        CHECK(llabs(held / res.reps - p.hold_ms) <= 200,
              "a steady limb held 1 s: %lld ms on average", (long long)(held / res.reps));
}

/* A bridge whose set the clip joins at the top: the hips (a block in the
 * middle of a grey room) are up for 1 s, come down over 0.8 s and rest 1.5 s,
 * then rise for three reps (0.8 s up, 1 s held, 0.8 s down, 1.5 s at rest).
 * The picture was at the top first, so the counter takes that for rest and
 * the way down and up again for an excursion; a bridge rises, so it is not a
 * rep, and rest is the other end. Three reps, each said when the hips are
 * back down, not at the tops. */
static void test_bridge_begun_at_the_top(void)
{
    lift_plan p = { .rest_ms = 1500, .hold_ms = 1000, .upward = true, .seed = 5 };
    p.phase_ms = p.rest_ms + LIFT_RAMP_MS; /* at the top of a hold */
    const int64_t cycle = lift_cycle(&p), lead = cycle - p.phase_ms;
    p.still_ms = lead + 3 * cycle;
    p.end_ms = p.still_ms + 1000;
    run_result res;
    run_lifts(&p, &res);
    for (int i = 0; i < res.reps; i++) {
        int64_t said = nth(&res, REPS_EVENT_REP, i)->t_ms;
        int64_t back = lead + i * cycle + p.rest_ms + 2 * LIFT_RAMP_MS + p.hold_ms;
        CHECK(said >= back - REP_EARLY_MS && said <= back + REP_TOL_MS,
              "begun at the top: rep %d said at %lld ms, back down at %lld ms", i + 1,
              (long long)said, (long long)back);
    }
    CHECK(res.reps == 3, "begun at the top: %d reps counted of 3", res.reps);
}

/* Someone whose first rest was lower than the rest of the set's (a set-up
 * pose, a settling, a camera that drifts): after the first rep every way
 * down stops 40% of the lift short of that pose. The first rep is back all
 * the same, at the valley, and is counted as the second rises from it; the
 * valley is rest from then on, so the others are counted once back down
 * there, the last below it: four reps, each between its valley and the next
 * rise. */
static void test_back_short_of_rest(void)
{
    lift_plan p = { .rest_ms = 1500, .hold_ms = 1000, .upward = true, .short_of = 0.4, .seed = 9 };
    p.still_ms = 4 * lift_cycle(&p);
    p.end_ms = p.still_ms + 3000;
    run_result res;
    run_lifts(&p, &res);
    CHECK(res.reps == 4, "back short of the first rest: %d reps counted of 4", res.reps);
    for (int i = 0; i < res.reps && i < 3; i++) {
        int64_t said = nth(&res, REPS_EVENT_REP, i)->t_ms;
        int64_t valley = (i + 1) * lift_cycle(&p);
        CHECK(said >= valley && said <= valley + p.rest_ms + LIFT_RAMP_MS,
              "back short: rep %d said at %lld ms, at the valley from %lld ms", i + 1,
              (long long)said, (long long)valley);
    }
}

/* Someone who comes back from a rep 40% of the lift short of the pose they
 * began in and rests there (a rest between reps, the end of a set): the way
 * back stopped past half-way, so they are back. The rep is said once they
 * have stayed there still_back_ms (1 s); before, it waited for a rise that
 * did not come and was said only when the window's range fell quiet, 3 s
 * after they stopped. */
static void test_rests_short_of_rest(void)
{
    lift_plan p = { .rest_ms = 8000, .hold_ms = 1000, .upward = true, .short_of = 0.4, .seed = 11 };
    p.phase_ms = p.rest_ms - 1500; /* 1.5 s at rest, then the rep */
    const int64_t back = 1500 + 2 * LIFT_RAMP_MS + p.hold_ms;
    p.still_ms = p.end_ms = back + 7000;
    run_result res;
    run_lifts(&p, &res);
    CHECK(res.reps == 1, "resting short of the first rest: %d reps counted of 1", res.reps);
    if (res.reps == 1) {
        int64_t said = nth(&res, REPS_EVENT_REP, 0)->t_ms;
        CHECK(said >= back && said <= back + 1000 + REP_TOL_MS,
              "resting short: said at %lld ms, back and still from %lld ms", (long long)said,
              (long long)back);
    }
}

/* A hold longer than the window keeps where the person came from (a quad set
 * held 14 s, as the synthetic person holds them; the top sways a little, so
 * the window never pauses): the movement fades from the window while they
 * hold, and nothing is decided then. The rep is said once they are back, as
 * soon as their return fills a tenth of the window (1.2 s) and so shows in
 * its range; before, it was decided as the range fell quiet, which here
 * happened to be as they came down. */
static void test_long_hold_said_when_back(void)
{
    lift_plan p = { .rest_ms = 3000, .hold_ms = 14000, .upward = true, .sway_px = 1,
                    .hold_target_ms = 8000, .seed = 13 };
    const int64_t back = lift_cycle(&p);
    p.still_ms = back;
    p.end_ms = back + 4000;
    run_result res;
    run_lifts(&p, &res);
    CHECK(res.reps == 1, "a 14 s hold: %d reps counted of 1", res.reps);
    if (res.reps == 1) {
        int64_t said = nth(&res, REPS_EVENT_REP, 0)->t_ms;
        CHECK(said >= back - REP_TOL_MS && said <= back + 1200 + REP_TOL_MS,
              "a 14 s hold: said at %lld ms, back at %lld ms", (long long)said, (long long)back);
    }
}

/* Someone who takes up a pose and keeps it (lying down, a plank held): the
 * movement fades from the window while they stay, and they never come back.
 * Not a rep, but a change of position once out 2 x 8 s + 6 s: before, one
 * was counted as the range fell quiet, 14 s after they moved. */
static void test_pose_kept_is_not_a_rep(void)
{
    lift_plan p = { .rest_ms = 3000, .hold_ms = 60000, .upward = true, .sway_px = 1,
                    .hold_target_ms = 8000, .seed = 17 };
    p.still_ms = p.end_ms = 30000;
    run_result res;
    run_lifts(&p, &res);
    CHECK(res.reps == 0, "a pose taken and kept: %d reps counted", res.reps);
}

/* A person farther from the camera moves less of the picture: a limb a
 * little brighter than the room (luma 90 in 60-100) lifted three times moves
 * it less than min_range, and nothing is counted; told the person is half
 * the size it was tuned on (a camera twice as far), the counter counts all
 * three. */
static void test_scale_follows_the_camera(void)
{
    const float scales[] = { 1.0f, 0.5f };
    const int want[] = { 0, 3 };
    for (int k = 0; k < 2; k++) {
        lift_plan p = { .rest_ms = 2000, .hold_ms = 1000, .upward = true, .block = 90,
                        .scale = scales[k], .seed = 19 };
        p.still_ms = 3 * lift_cycle(&p);
        p.end_ms = p.still_ms + 3000;
        run_result res;
        run_lifts(&p, &res);
        CHECK(res.reps == want[k], "a faint limb at scale %.1f: %d reps counted of %d",
              (double)scales[k], res.reps, want[k]);
    }
    /* A Camera Module 3 (66 degrees) sees 2.6 m across at 2 m: the tuned framing. */
    CHECK(fabsf(reps_camera_scale(2.0, 66.0) - 1.0f) < 0.01f, "2 m, 66 degrees: scale %.3f",
          (double)reps_camera_scale(2.0, 66.0));
    CHECK(fabsf(reps_camera_scale(2.5, 66.0) - 0.80f) < 0.01f, "2.5 m: scale %.3f",
          (double)reps_camera_scale(2.5, 66.0));
    CHECK(fabsf(reps_camera_scale(4.0, 66.0) - 0.50f) < 0.01f, "4 m: scale %.3f",
          (double)reps_camera_scale(4.0, 66.0));
    CHECK(reps_camera_scale(2.0, 102.0) < 0.65f, "a wide lens sees the person smaller: %.3f",
          (double)reps_camera_scale(2.0, 102.0));
    CHECK(reps_camera_scale(0.0, 66.0) == 1.0f && reps_camera_scale(2.0, 180.0) == 1.0f &&
              reps_camera_scale(NAN, 66.0) == 1.0f,
          "out of range: the tuned framing");
}

/* The person says a rep was missed (reps_missed, OK at the station): a limb
 * too faint for the least movement at scale 1 (test_scale_follows_the_camera)
 * is counted from then on, the three reps after the first, which the person
 * pressed for once back at rest. A press with nothing moving, or with the
 * movement already big enough to count, changes nothing. */
static void test_missed_rep_teaches_the_size(void)
{
    lift_plan p = { .rest_ms = 2000, .hold_ms = 1000, .upward = true, .block = 90, .seed = 19 };
    const int64_t cycle = lift_cycle(&p);
    p.still_ms = 4 * cycle;
    p.end_ms = p.still_ms + 3000;
    p.missed_ms = cycle + p.rest_ms / 2; /* back from the first rep a second */
    run_result res;
    run_lifts(&p, &res);
    CHECK(res.reps_at_missed == 0, "the faint limb's first rep was counted before the press");
    CHECK(res.shrink >= 0.25f && res.shrink < 1.0f, "the least movement shrank by %.2f",
          (double)res.shrink);
    CHECK(res.reps == 3, "after one press, %d of the faint limb's 3 reps counted", res.reps);

    lift_plan still = p;
    still.still_ms = 0; /* the limb never moves */
    run_lifts(&still, &res);
    CHECK(res.shrink == 1.0f && res.reps == 0, "a press with nothing moving: shrink %.2f, %d reps",
          (double)res.shrink, res.reps);

    lift_plan near = p;
    near.scale = 0.5f; /* the counter counts this limb already */
    run_lifts(&near, &res);
    CHECK(res.shrink == 1.0f && res.reps == 4, "a press with the movement counted: shrink %.2f, "
                                               "%d reps of 4",
          (double)res.shrink, res.reps);
}

/* No exercise at all: nothing may be counted. */
static void test_negatives_count_nothing(void)
{
    synth_params p = synth_defaults(EXERCISE_BRIDGE, 320, 240);
    p.reps = 0;
    p.settle_ms = 24000;
    const struct {
        const char *what;
        room r;
    } cases[] = {
        { "light", { .step_ms = 8000, .step_gain = 0.7f, .drift = 0.3f, .flicker = 0.08f } },
        { "empty room", { .empty = true, .behind_ms = 9000, .step_ms = 16000, .step_gain = 1.3f } },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run_result res;
        run_room(&p, &cases[i].r, &res);
        CHECK(res.reps == 0, "%s: %d reps counted with no exercise", cases[i].what, res.reps);
    }
}

int main(void)
{
    test_counts_every_exercise();
    test_still_scene_counts_nothing();
    test_noise_only_counts_nothing();
    test_half_range_is_partial();
    test_size_change_and_time_backwards();
    test_light_changes();
    test_passers_by();
    test_bumped_camera();
    test_title_card_then_reps();
    test_fidget_between_reps();
    test_shift_at_return();
    test_setup_before_reps();
    test_first_rep_under_way_when_ready();
    test_said_when_back();
    test_said_when_back_slowly();
    test_long_pauses();
    test_first_hold_after_still();
    test_hold_is_the_top();
    test_bridge_begun_at_the_top();
    test_back_short_of_rest();
    test_rests_short_of_rest();
    test_long_hold_said_when_back();
    test_pose_kept_is_not_a_rep();
    test_negatives_count_nothing();
    test_scale_follows_the_camera();
    test_missed_rep_teaches_the_size();
    return check_done();
}
