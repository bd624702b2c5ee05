/*
 * reps: the repetition counter (see reps.h), on the signal of motion.c.
 *
 * The idea. While someone exercises, the picture goes back and forth along one
 * direction in grid space, from the pose they rest in to the top of the rep and
 * back; motion.c finds that direction in the last window_ms and gives the
 * frame's position along it with the window's extremes lo and hi. A rep is one
 * cycle: leave the rest end, get near the other end, come back. So:
 *
 * - Range. range = hi - lo, the extent of the recent movement. While it is
 *   below min_range (luma levels, root mean square over the picture) nothing
 *   moves enough to be an exercise (breathing, codec noise, a twitch, someone
 *   lying still) and nothing is counted. Every other threshold is a fraction
 *   of the range, so clean web video and a noisy camera, a small figure and a
 *   large one, are the same to the counter.
 * - Rest. When the range first exceeds min_range, the end of it the picture
 *   was at first is where the person rests (they move away from rest to
 *   exercise): no still period is needed, only that the first movement leaves
 *   from rest. The rest end is kept while the direction holds; it is learnt
 *   again when the direction turns (another movement now dominates) or after
 *   quiet_ms with the range below min_range (a rest between sets).
 * - Level. level = distance from the rest end / range: 0 at rest, 1 at the
 *   window's farthest point. An excursion begins when the level passes
 *   leave_level and ends when it falls back below return_level; the rep is
 *   decided then, on that frame (about when the person is back at rest: the
 *   last part of the return is fast compared with a rep).
 * - Verdict. An excursion that reached full_level and lasted min_rep_ms counts
 *   (REP); one that reached only partial_level is a PARTIAL; less is ignored.
 *   Its hold is the time it spent at or above hold_frac of its own peak.
 *
 * Tunables are in those units (fractions of the range, seconds); each value
 * and the data it was chosen on is beside it in TUNING below.
 *
 * Known failures: a clip that starts at the top of a rep takes the top for
 * rest and times its reps half a cycle off (the count is off by at most one);
 * someone walking past who changes more of the picture than the exercise takes
 * the direction while they pass; alternating limbs are counted as one movement
 * seen from the principal direction (both sides leave rest, but one may move
 * along the other end); reps slower than half the window lose their range.
 */
#include "reps.h"

#include <math.h>
#include <stdlib.h>

#include "motion.h"
#include "xmalloc.h"

typedef struct tuning {
    float min_range;      /* luma levels RMS: the smallest range that is a movement */
    float leave_level;    /* an excursion begins above this level */
    float return_level;   /* and ends below this one */
    float min_swing;      /* an excursion smaller than this fraction of the range is ignored */
    float partial_frac;   /* once reps are known: an excursion smaller than this
                             fraction of theirs is a partial */
    float ref_rate;       /* how fast the reps' size follows each new rep */
    float hold_frac;      /* holding: at or above this fraction of the excursion's peak */
    int64_t min_rep_ms;   /* shortest rep */
    int64_t quiet_ms;     /* this long below min_range and the rest end is forgotten */
} tuning;

static const tuning TUNING = {
    .min_range = 6.0f,
    .leave_level = 0.35f,
    .return_level = 0.25f,
    .min_swing = 0.4f,
    .partial_frac = 0.6f,
    .ref_rate = 0.3f,
    .hold_frac = 0.95f,
    .min_rep_ms = 400,
    .quiet_ms = 3000,
};

/* A quad set moves a few pixels (a tightening thigh, a kneecap drawn up): its
 * range is a fraction of a limb's. Chosen on the synthetic person only: no
 * footage of a real quad set has been found to check it against. */
#define QUAD_SET_MIN_RANGE 3.0f

struct reps_counter {
    reps_config cfg;
    tuning tun;
    motion *motion;
    motion_sample s;
    int64_t first_ms, last_ms;
    bool started;
    int rest_side;        /* -1 rest at lo, +1 at hi, 0 not known */
    int64_t quiet_since;  /* when the range fell below min_range (-1: it is not) */
    float range, level;
    int count;
    float ref_swing;      /* the size of the reps counted so far, luma levels (0: none yet) */
    float base;           /* lowest oriented position since the last return: where this rest is */
    /* the excursion under way */
    bool out;
    int64_t start_ms;
    float peak, peak_d;   /* highest level; highest distance from rest */
    int64_t hold_ms;      /* time at or above hold_frac of the peak distance so far */
    int64_t hold_since;   /* the live hold began (-1: not holding) */
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
    };
    return c;
}

reps_counter *reps_create(const reps_config *cfg)
{
    reps_counter *c = xcalloc(1, sizeof *c);
    c->cfg = *cfg;
    c->tun = TUNING;
    if (cfg->exercise == EXERCISE_QUAD_SET)
        c->tun.min_range = QUAD_SET_MIN_RANGE;
    c->motion = motion_create(NULL);
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
    c->s = (motion_sample){ 0 };
    c->started = false;
    c->rest_side = 0;
    c->quiet_since = -1;
    c->range = c->level = 0.0f;
    c->count = 0;
    c->ref_swing = 0.0f;
    c->out = false;
    c->hold_since = -1;
}

static size_t emit(reps_event *out, size_t cap, size_t n, reps_event ev)
{
    if (n < cap)
        out[n] = ev;
    return n + 1;
}

/* Where the person rests: the end of the range the picture was at first. */
static void learn_rest(reps_counter *c)
{
    c->rest_side = c->s.lo_ms <= c->s.hi_ms ? -1 : 1;
    c->base = c->rest_side < 0 ? c->s.lo : -c->s.hi;
    c->out = false;
    c->hold_since = -1;
}

/* The position oriented so that away from rest is up, luma levels. */
static float oriented(const reps_counter *c)
{
    return c->rest_side < 0 ? c->s.pos : -c->s.pos;
}

static void begin_excursion(reps_counter *c, int64_t t_ms)
{
    c->out = true;
    c->start_ms = t_ms;
    c->peak = c->peak_d = 0.0f;
    c->hold_ms = 0;
    c->hold_since = -1;
}

/* The hold: time at or above hold_frac of the excursion's peak distance. A new
 * peak well above the old one restarts it (the top was not reached yet). */
static size_t follow_hold(reps_counter *c, float d, int64_t t_ms, int64_t dt,
                          reps_event *out, size_t cap, size_t n)
{
    if (d > c->peak_d) {
        if (d * c->tun.hold_frac > c->peak_d && c->hold_since >= 0) {
            c->hold_ms = 0;
            c->hold_since = t_ms;
        }
        c->peak_d = d;
    }
    bool holding = d >= c->tun.hold_frac * c->peak_d && c->peak >= c->tun.min_swing;
    if (holding) {
        if (c->hold_since < 0) {
            c->hold_since = t_ms;
            n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_START, .t_ms = t_ms });
        } else {
            c->hold_ms += dt;
        }
    } else if (c->hold_since >= 0) {
        c->hold_since = -1;
        n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_END, .t_ms = t_ms,
                                            .hold_ms = c->hold_ms });
    }
    return n;
}

/* The excursion is back at rest: a rep, a partial or nothing. */
static size_t decide(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n)
{
    if (c->hold_since >= 0) {
        c->hold_since = -1;
        n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_END, .t_ms = t_ms,
                                            .hold_ms = c->hold_ms });
    }
    c->out = false;
    if (t_ms - c->start_ms < c->tun.min_rep_ms || c->peak < c->tun.min_swing)
        return n;
    float amp = c->ref_swing > 0.0f ? c->peak_d / c->ref_swing : 1.0f;
    reps_event ev = { .t_ms = t_ms, .start_ms = c->start_ms, .hold_ms = c->hold_ms,
                      .amplitude = amp };
    if (amp >= c->tun.partial_frac) {
        ev.kind = REPS_EVENT_REP;
        ev.hold_met = c->hold_ms >= c->cfg.hold_target_ms;
        ev.count = ++c->count;
        c->ref_swing = c->ref_swing > 0.0f ? c->ref_swing + c->tun.ref_rate * (c->peak_d - c->ref_swing)
                                           : c->peak_d;
    } else {
        ev.kind = REPS_EVENT_PARTIAL;
    }
    return emit(out, cap, n, ev);
}

size_t reps_feed(reps_counter *c, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, reps_event *out, size_t cap)
{
    if (c->started && t_ms < c->last_ms)
        return 0;
    if (!motion_feed(c->motion, luma, width, height, stride, t_ms, &c->s))
        return 0;
    int64_t dt = c->started ? t_ms - c->last_ms : 0;
    if (!c->started)
        c->first_ms = t_ms;
    c->started = true;
    c->last_ms = t_ms;
    size_t n = 0;
    if (!c->s.ready)
        return 0;
    c->range = c->s.hi - c->s.lo;
    if (c->range < c->tun.min_range) {
        if (c->quiet_since < 0)
            c->quiet_since = t_ms;
        if (t_ms - c->quiet_since >= c->tun.quiet_ms && !c->out)
            c->rest_side = 0;
        c->level = 0.0f;
        if (c->out)
            n = decide(c, t_ms, out, cap, n);
        return n < cap ? n : cap;
    }
    c->quiet_since = -1;
    if (c->rest_side == 0 || (c->s.turned && !c->out))
        learn_rest(c);
    float u = oriented(c);
    if (!c->out && u < c->base)
        c->base = u;
    float d = u - c->base;
    c->level = d / c->range;
    if (!c->out && c->level > c->tun.leave_level)
        begin_excursion(c, t_ms);
    if (c->out) {
        if (c->level > c->peak)
            c->peak = c->level;
        n = follow_hold(c, d, t_ms, dt, out, cap, n);
        if (d < c->tun.return_level * c->peak_d) {
            n = decide(c, t_ms, out, cap, n);
            c->base = u;
        }
    }
    return n < cap ? n : cap;
}

reps_status reps_get_status(const reps_counter *c)
{
    reps_status st = { .count = c->count, .level = c->level < 0 ? 0 : c->level > 1 ? 1 : c->level };
    if (!c->s.ready) {
        st.phase = REPS_PHASE_LEARNING;
        st.learn_progress = c->started ? 0.5f : 0.0f;
    } else if (c->hold_since >= 0) {
        st.phase = REPS_PHASE_HOLD;
        st.hold_ms = c->hold_ms;
    } else {
        st.phase = c->out ? REPS_PHASE_MOVING : REPS_PHASE_REST;
    }
    return st;
}

void reps_get_trace(const reps_counter *c, reps_trace *out)
{
    *out = (reps_trace){ .pos = c->s.pos, .lo = c->s.lo, .hi = c->s.hi, .lambda = c->s.lambda,
                         .range = c->range, .level = c->level, .peak = c->peak,
                         .rest_side = c->rest_side, .out = c->out };
}
