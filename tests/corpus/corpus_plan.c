/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * corpus_plan: chooses everything about one clip from (seed, index); see
 * corpus.h for the coverage rule. Timing choices keep the truth unambiguous to a
 * human watching: full reps reach 0.85-1.1 of the range, partials 0.25-0.45; a
 * quad-set hold that meets its 5 s prescription lasts 6-10 s and a short one
 * 1.5-3 s (clamshell and bridge likewise keep a margin either side of theirs); a
 * person walking close in front passes while the exerciser is at rest or holding,
 * never while they return to rest, and a bump happens during a rest. Fidgets
 * (hand to the face, head lifted, body shifted a little for good) happen between
 * sets, at least 2.5 s before the next rep. Clips with index % 12 == 3 are
 * portrait (the size turned on its side), % 8 == 1 clean (sensor noise 0.05
 * levels, as web video), and % 6 == 2 begin with the first rep (no still
 * lead-in); of those, % 12 == 8 begin in the middle of a rep (between halfway
 * up and the end of its hold), whose return is not counted. Clips with
 * index % 12 == 10 have a second person beside the mat the whole time, drifting
 * to and fro (a therapist, a partner).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "corpus.h"
#include "reps.h"

typedef struct rng {
    uint64_t s;
} rng;

static uint32_t next(rng *r)
{
    r->s += 0x9e3779b97f4a7c15ULL; /* splitmix64 */
    uint64_t z = r->s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static float uni(rng *r, float lo, float hi)
{
    return lo + (hi - lo) * (float)(next(r) >> 8) / 16777216.0f;
}

static int64_t ms(rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(next(r) % (uint32_t)(hi - lo + 1));
}

static bool chance(rng *r, float p)
{
    return uni(r, 0.0f, 1.0f) < p;
}

static float sign(rng *r)
{
    return chance(r, 0.5f) ? 1.0f : -1.0f;
}

static bool has(const corpus_clip *c, corpus_nuisance n)
{
    return (c->nuisances >> n) & 1u;
}

/* ---- frame ------------------------------------------------------------- */

static void plan_format(rng *r, corpus_clip *c)
{
    static const struct { int w, h, weight; } sizes[] = {
        { 320, 240, 36 }, { 320, 180, 14 }, { 424, 240, 12 }, { 400, 300, 8 },
        { 480, 360, 8 },  { 640, 360, 6 },  { 640, 480, 8 },  { 800, 600, 2 },
        { 960, 540, 2 },  { 1280, 720, 4 },
    };
    static const int rates[] = { 10, 12, 15, 15, 15, 20, 24, 25, 30, 30 };
    int pick = (int)(next(r) % 100), i = 0;
    while (pick >= sizes[i].weight) {
        pick -= sizes[i].weight;
        i++;
    }
    c->params.width = sizes[i].w;
    c->params.height = sizes[i].h;
    c->fps = rates[next(r) % (sizeof rates / sizeof rates[0])];
    if (c->index % 24 == 7) { /* the extremes always appear */
        c->params.width = 1280;
        c->params.height = 720;
    } else if (c->index % 24 == 13) {
        c->params.width = 320;
        c->params.height = 240;
    } else if (c->index % 12 == 3) { /* a phone on its side: portrait, a small figure */
        int w = c->params.width;
        c->params.width = c->params.height;
        c->params.height = w;
    }
}

/* Head to toe 30-90 % of the width (the body spans about 0.95 person lengths,
 * 0.47 from the hip to the top of the head, 0.48 to the toes), anywhere it fits. */
static void plan_placement(rng *r, corpus_clip *c)
{
    synth_params *p = &c->params;
    float w = (float)p->width, h = (float)p->height;
    p->scale = uni(r, 0.3f, 0.9f) / 0.95f;
    float len = fminf(p->scale * w, 2.5f * h);
    float ox = uni(r, 0.47f * len, fmaxf(0.47f * len, w - 0.48f * len));
    p->cx = (ox + 0.02f * len) / w; /* synth puts the hip at cx * w - 0.02 len */
    float lo = fmaxf(0.5f, 0.42f * len / h + 0.03f);
    p->mat_y = uni(r, fminf(lo, 0.9f), 0.9f);
    p->mirror = chance(r, 0.5f);
    p->furnished = true;
    p->noise = has(c, CN_NOISE) ? uni(r, 4.0f, 7.0f) : uni(r, 1.0f, 3.0f);
    if (!has(c, CN_NOISE) && c->index % 8 == 1)
        p->noise = 0.05f; /* clean web video: far less noise than any camera */
    p->seed = next(r);
}

/* ---- the exercise ------------------------------------------------------ */

static corpus_move *add_move(corpus_clip *c, corpus_move_kind kind, int64_t start)
{
    if (c->n_moves >= CORPUS_MAX_MOVES)
        return NULL;
    corpus_move *m = &c->moves[c->n_moves++];
    *m = (corpus_move){ .kind = kind, .start_ms = start };
    return m;
}

static int64_t move_end(const corpus_move *m)
{
    return m->start_ms + m->up_ms + m->hold_ms + m->down_ms;
}

/* Hold at the top: comfortably meeting the prescription, or clearly short. */
static int64_t plan_hold(rng *r, exercise_kind ex, bool short_hold)
{
    switch (ex) {
    case EXERCISE_QUAD_SET:
        return short_hold ? ms(r, 1500, 3000) : ms(r, 6000, 10000);
    case EXERCISE_BRIDGE:
        return short_hold ? ms(r, 300, 1000) : ms(r, 2500, 3200);
    case EXERCISE_CLAMSHELL:
        return short_hold ? ms(r, 0, 400) : ms(r, 1400, 2000);
    default:
        return ms(r, 300, 2000);
    }
}

static void plan_rep(rng *r, corpus_clip *c, corpus_move *m, bool partial, bool short_hold)
{
    exercise_kind ex = c->params.exercise;
    if (has(c, CN_SLOW)) {
        m->up_ms = ms(r, 3000, 4000);
        m->down_ms = ms(r, 3000, 4000);
    } else if (has(c, CN_FAST)) {
        m->up_ms = ms(r, 400, 600);
        m->down_ms = ms(r, 400, 600);
    } else {
        m->up_ms = ms(r, 1000, 2200);
        m->down_ms = ms(r, 1000, 2200);
    }
    m->hold_ms = plan_hold(r, ex, short_hold);
    if (has(c, CN_FAST) && ex != EXERCISE_QUAD_SET)
        m->hold_ms = ms(r, 0, 300);
    m->amp = partial ? uni(r, 0.25f, 0.45f) : uni(r, 0.85f, 1.1f);
    if (partial)
        m->hold_ms = ms(r, 0, 800);
}

/* Fidgets between sets, inside [from, to): returns where the last one ends. */
static int64_t plan_fidgets(rng *r, corpus_clip *c, int64_t from, int64_t to, int n,
                            float *sx, float *sy)
{
    int64_t t = from;
    for (int i = 0; i < n && t + 4000 < to; i++) {
        corpus_move *m = add_move(c, MOVE_FIDGET, t + ms(r, 300, 2500));
        if (!m)
            break;
        m->up_ms = ms(r, 500, 1200);
        m->hold_ms = ms(r, 300, 1500);
        m->down_ms = ms(r, 500, 1200);
        m->arm = chance(r, 0.7f) ? uni(r, 0.3f, 1.0f) : 0.0f;
        m->head = chance(r, 0.5f) ? uni(r, 0.3f, 1.0f) : 0.0f;
        if (m->arm == 0.0f && m->head == 0.0f)
            m->arm = 0.6f;
        m->to_x = *sx + sign(r) * uni(r, 0.005f, 0.03f);
        m->to_y = *sy + uni(r, -0.004f, 0.004f);
        if (move_end(m) > to) { /* does not fit: no fidget after all */
            c->n_moves--;
            break;
        }
        *sx = m->to_x;
        *sy = m->to_y;
        t = move_end(m);
    }
    return t;
}

/* Sets of reps; returns the end of the last one. */
static int64_t plan_exercise(rng *r, corpus_clip *c, int64_t t)
{
    int sets = has(c, CN_LONG_REST) || has(c, CN_FIDGET) || chance(r, 0.15f) ? 2 : 1;
    int done = 0, shorts = 0;
    float sx = 0.0f, sy = 0.0f;
    for (int set = 0; set < sets; set++) {
        int n = has(c, CN_LONG_REST) ? (int)ms(r, 2, 3)
                : has(c, CN_SLOW)    ? (int)ms(r, 3, 4)
                                     : (int)ms(r, 3, 6);
        if (c->params.exercise == EXERCISE_QUAD_SET)
            n = n > 3 ? 3 : n;
        for (int i = 0; i < n; i++) {
            bool partial = has(c, CN_PARTIAL) && done >= 2 && chance(r, 0.4f);
            if (has(c, CN_PARTIAL) && set == sets - 1 && i == n - 1 && done >= 2 &&
                corpus_count(c, MOVE_PARTIAL) == 0)
                partial = true; /* at least one */
            bool last = set == sets - 1 && i == n - 1;
            bool short_hold = has(c, CN_SHORT_HOLD) && !partial &&
                              (chance(r, 0.5f) || (last && shorts == 0));
            corpus_move *m = add_move(c, partial ? MOVE_PARTIAL : MOVE_REP, t);
            if (!m)
                return t;
            plan_rep(r, c, m, partial, short_hold);
            shorts += short_hold;
            done += !partial;
            t = move_end(m) + (has(c, CN_FAST) ? ms(r, 300, 900) : ms(r, 600, 2500));
        }
        if (set + 1 < sets) {
            int64_t rest = has(c, CN_LONG_REST) ? ms(r, 55000, 65000) : ms(r, 8000, 15000);
            if (has(c, CN_FIDGET))
                plan_fidgets(r, c, t, t + rest - 2500, (int)ms(r, 1, 3), &sx, &sy);
            t += rest;
        }
    }
    return t;
}

/* The rep the clip opens in: returns when the next may begin. */
static int64_t plan_opening(rng *r, corpus_clip *c)
{
    corpus_move *m = add_move(c, MOVE_OPENING, 0);
    if (!m)
        return 0;
    plan_rep(r, c, m, false, false);
    m->start_ms = -ms(r, m->up_ms / 2, m->up_ms + m->hold_ms);
    return move_end(m) + ms(r, 600, 2500);
}

/* ---- negatives ---------------------------------------------------------- */

static int64_t plan_negative(rng *r, corpus_clip *c, int64_t t)
{
    int64_t len = ms(r, 20000, 32000);
    if (c->kind == CORPUS_NEG_FIDGET) {
        float sx = 0.0f, sy = 0.0f;
        plan_fidgets(r, c, t, t + len, (int)ms(r, 3, 6), &sx, &sy);
    }
    return t + len;
}

/* ---- scene nuisances ------------------------------------------------------- */

/* A time in [lo, hi) at which the person is still for at least need ms (at rest,
 * or also holding at the top when holds is true), or -1. */
static int64_t quiet_time(rng *r, const corpus_clip *c, int64_t lo, int64_t hi, int64_t need,
                          bool holds)
{
    for (int tries = 0; tries < 200; tries++) {
        int64_t t = ms(r, lo, hi > lo ? hi : lo);
        bool ok = true;
        for (int i = 0; i < c->n_moves && ok; i++) {
            const corpus_move *m = &c->moves[i];
            int64_t top = m->start_ms + m->up_ms, hold_end = top + m->hold_ms;
            bool in_hold = holds && t >= top + 200 && t + need <= hold_end - 200;
            bool clear = t + need + 600 <= m->start_ms || t >= move_end(m) + 800;
            ok = in_hold || clear;
        }
        if (ok)
            return t;
    }
    return -1;
}

static void plan_walk(rng *r, corpus_clip *c, bool front, int64_t lo, int64_t *end)
{
    if (c->n_walks >= CORPUS_MAX_WALKS)
        return;
    corpus_walk *w = &c->walks[c->n_walks];
    *w = (corpus_walk){ .front = front };
    float dir = sign(r);
    if (front) {
        w->dur_ms = ms(r, 600, 1500);
        w->foot_y = uni(r, 1.3f, 1.6f);
        w->height = uni(r, 1.6f, 2.2f);
        w->luma = uni(r, 25.0f, 60.0f);
        w->start_ms = quiet_time(r, c, lo, *end - w->dur_ms - 1500, w->dur_ms, true);
        if (w->start_ms < 0) { /* no quiet moment long enough: after the last rep */
            w->start_ms = *end;
            *end += w->dur_ms + 2500;
        }
    } else {
        w->dur_ms = ms(r, 2500, 5000);
        w->foot_y = c->params.mat_y - uni(r, 0.01f, 0.05f);
        w->height = uni(r, 0.5f, 0.8f);
        w->luma = uni(r, 40.0f, 150.0f);
        w->start_ms = ms(r, lo, *end > lo + w->dur_ms ? *end - w->dur_ms : lo);
    }
    w->from_x = dir > 0 ? -0.3f : 1.3f;
    w->to_x = dir > 0 ? 1.3f : -0.3f;
    c->n_walks++;
}

/* Someone beside the mat from the first frame to the last, drifting to and fro
 * behind the person at a walker's pace or slower. */
static void plan_companion(rng *r, corpus_clip *c)
{
    if (c->n_walks >= CORPUS_MAX_WALKS)
        return;
    float mid = c->params.cx + sign(r) * uni(r, 0.2f, 0.4f), amp = uni(r, 0.08f, 0.2f);
    c->walks[c->n_walks++] = (corpus_walk){
        .start_ms = 0,
        .dur_ms = c->duration_ms,
        .from_x = mid - amp,
        .to_x = mid + amp,
        .foot_y = c->params.mat_y - uni(r, 0.01f, 0.05f),
        .height = uni(r, 0.5f, 0.8f),
        .luma = uni(r, 40.0f, 150.0f),
        .sway_hz = uni(r, 0.05f, 0.2f),
    };
}

static void plan_light(rng *r, corpus_clip *c, int64_t lo, int64_t end, int steps)
{
    float g = 1.0f;
    c->step_len_ms = ms(r, 150, 500);
    for (int i = 0; i < steps && c->n_steps < CORPUS_MAX_STEPS; i++) {
        float f = uni(r, 1.25f, 1.4f);
        g = g < 0.8f ? g * f : g > 1.25f ? g / f : chance(r, 0.5f) ? g * f : g / f;
        c->step_ms[c->n_steps] = ms(r, lo, end - 1000);
        c->step_gain[c->n_steps++] = g;
    }
    for (int i = 1; i < c->n_steps; i++) /* in time order */
        for (int j = i; j > 0 && c->step_ms[j] < c->step_ms[j - 1]; j--) {
            int64_t t = c->step_ms[j];
            c->step_ms[j] = c->step_ms[j - 1];
            c->step_ms[j - 1] = t;
        }
}

static void plan_flicker(rng *r, corpus_clip *c, bool rolling)
{
    /* lamps flicker at twice the mains frequency, some LED drivers at the mains */
    static const float hz[] = { 100, 100, 100, 100, 100, 100, 120, 120, 120, 120, 50, 60 };
    float mains = hz[next(r) % (sizeof hz / sizeof hz[0])];
    c->flicker = uni(r, 0.02f, 0.1f);
    c->flicker_hz = mains * (1.0f + uni(r, -0.003f, 0.003f));
    c->flicker_phase = uni(r, 0.0f, 6.2831853f);
    if (rolling) { /* rows read out over 60-90 % of a frame time */
        float readout_s = uni(r, 0.6f, 0.9f) / (float)c->fps;
        c->flicker_per_row = 6.2831853f * c->flicker_hz * readout_s / (float)c->params.height;
    }
}

static void plan_bump(rng *r, corpus_clip *c, int64_t lo, int64_t end)
{
    int64_t t = quiet_time(r, c, lo, end - 2500, 600, false);
    c->bump_ms = t >= 0 ? t : end - 1500; /* no rest long enough: after the last rep */
    int dmin = c->params.width / 160 + 2;
    c->bump_dx = (int)(sign(r) * uni(r, (float)dmin, 0.03f * (float)c->params.width + 3.0f));
    c->bump_dy = (int)(uni(r, -0.02f, 0.02f) * (float)c->params.height);
}

static void plan_scene(rng *r, corpus_clip *c, int64_t lo, int64_t *end)
{
    bool neg = c->kind != CORPUS_POSITIVE;
    if (has(c, CN_PASS_BEHIND))
        for (int i = (int)ms(r, 1, neg ? 2 : 1); i > 0; i--)
            plan_walk(r, c, false, lo, end);
    if (has(c, CN_PASS_FRONT))
        for (int i = (int)ms(r, 1, neg ? 2 : 1); i > 0; i--)
            plan_walk(r, c, true, lo, end);
    if (has(c, CN_EXPOSURE_STEP))
        plan_light(r, c, lo, *end, (int)ms(r, 1, 3));
    if (has(c, CN_EXPOSURE_DRIFT))
        c->drift = sign(r) * uni(r, 0.15f, 0.35f);
    if (has(c, CN_FLICKER) || has(c, CN_ROLLING))
        plan_flicker(r, c, has(c, CN_ROLLING));
    if (has(c, CN_BUMP))
        plan_bump(r, c, lo, *end);
}

/* ---- the clip ------------------------------------------------------------- */

static void plan_kind(rng *r, corpus_clip *c)
{
    int i = c->index;
    if (i % 6 == 5) {
        c->kind = (corpus_kind)(CORPUS_NEG_FIDGET + (i / 6) % 4);
        c->params.exercise = (exercise_kind)(next(r) % (c->kind == CORPUS_NEG_FIDGET ? 3 : 4));
        static const unsigned neg[] = {
            [CORPUS_NEG_FIDGET] = 0,
            [CORPUS_NEG_PASSERS] = 1u << CN_PASS_BEHIND | 1u << CN_PASS_FRONT,
            [CORPUS_NEG_LIGHT] = 1u << CN_EXPOSURE_STEP | 1u << CN_EXPOSURE_DRIFT |
                                 1u << CN_FLICKER,
            [CORPUS_NEG_EMPTY] = 0,
        };
        c->nuisances = neg[c->kind];
        if (c->kind == CORPUS_NEG_LIGHT && chance(r, 0.5f))
            c->nuisances |= 1u << CN_ROLLING;
        c->empty = c->kind == CORPUS_NEG_EMPTY ||
                   (c->kind != CORPUS_NEG_FIDGET && chance(r, 0.3f));
        return;
    }
    int p = i - i / 6;
    c->kind = CORPUS_POSITIVE;
    c->params.exercise = (exercise_kind)(p % 4);
    c->nuisances = 1u << ((p / 4) % CN_COUNT);
    for (int n = 0; n < CN_COUNT; n++)
        if (chance(r, 0.08f))
            c->nuisances |= 1u << n;
    if (has(c, CN_SLOW) && has(c, CN_FAST))
        c->nuisances &= ~(1u << ((p / 4) % CN_COUNT == CN_SLOW ? CN_FAST : CN_SLOW));
}

void corpus_plan(uint32_t seed, int index, corpus_clip *c)
{
    memset(c, 0, sizeof *c);
    rng r = { .s = ((uint64_t)seed << 32) ^ (uint64_t)(uint32_t)index * 0xd1b54a32d192ed03ULL };
    next(&r);
    c->seed = seed;
    c->index = index;
    c->bump_ms = -1;
    plan_kind(&r, c);
    c->params = (synth_params){ .exercise = c->params.exercise, .reps = 0 };
    plan_format(&r, c);
    plan_placement(&r, c);
    c->hold_target_ms = reps_default_config(c->params.exercise).hold_target_ms;
    int64_t settle = ms(&r, 2500, 4000);
    if (c->index % 6 == 2)
        settle = 0; /* no still lead-in: the first rep begins with the clip */
    bool positive = c->kind == CORPUS_POSITIVE;
    if (positive && c->index % 12 == 8)
        settle = plan_opening(&r, c);
    int64_t end = positive ? plan_exercise(&r, c, settle) : plan_negative(&r, c, settle);
    end += ms(&r, 2500, 3500);
    plan_scene(&r, c, settle, &end);
    c->duration_ms = end;
    if (positive && c->index % 12 == 10)
        plan_companion(&r, c);
    c->frames = (int)((end * c->fps + 999) / 1000);
    snprintf(c->name, sizeof c->name, "s%u-%03d-%s", seed, index,
             c->kind == CORPUS_POSITIVE ? exercise_id(c->params.exercise)
                                        : corpus_kind_name(c->kind));
}
