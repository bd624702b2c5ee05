/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reps_priv: what the counter's three files share; nobody else sees it.
 * reps.c follows the signal (rest, excursions, the change of position),
 * reps_hold.c times the hold at the top, reps_verdict.c decides what an
 * excursion was (rep, partial, nothing) and says it once the person is back.
 * The idea is at the top of reps.c.
 */
#ifndef RM_REPS_PRIV_H
#define RM_REPS_PRIV_H

#include <stddef.h>

#include "motion.h"
#include "reps.h"

typedef struct tuning {
    float min_range;      /* luma levels RMS: the smallest range that is a movement
                             (lowered by reps_missed, down to MISSED_FLOOR of its first value) */
    float leave_level;    /* an excursion begins above this level */
    float return_level;   /* and ends below this one */
    float valley_frac;    /* or back below this fraction of its peak distance
                             and rising again by leave_level, or stopped there
                             for still_back_ms */
    float partial_frac;   /* once reps are known: an excursion smaller than this
                             fraction of theirs is a partial */
    float hold_frac;      /* holding: at or above this fraction of the excursion's peak */
    int64_t min_rep_ms;   /* shortest rep */
    int64_t still_back_ms; /* stopped this long past valley_frac of the way back: back */
    int64_t quiet_ms;     /* this long below min_range and the rest end is forgotten */
    int64_t max_extra_ms; /* an excursion out longer than twice the hold target plus
                             this is a change of position, not a rep */
} tuning;

/* A hold ends this far below where it began (noise does not split it), and the
 * picture has stopped when it moved less than this share of the rep's size
 * over SETTLE_MS (holds, and a rep said once the person is back). */
#define HOLD_BAND 0.1f

/* A rep decided on the way down is said once the person is back: when the
 * picture has come down over the last SETTLE_MS by less than SETTLE_SLOW of
 * what it came down by over the SETTLE_MS before the decision (moving at
 * under half the speed of its own return; HOLD_BAND of the rep's size when
 * that speed is not known), at most SETTLE_MAX_MS after the decision, and
 * at once when the next excursion begins (verdict_settle). The last, slow
 * part of a return, which the decision at return_level does not wait for,
 * takes 0.2-0.5 s on the real clips. On their tuning rows, 100-200 ms and
 * bands of 0.05-0.15 of the rep's size all put 53-57% of the reps within
 * 0.3 s of the person being back, against 46% when a rep was said as it was
 * decided. But a fixed band is a fixed speed: at the programme's pace (1-2 s
 * down, PROTOCOL.md; rm-evaluate --slower 2) a slow return went under it
 * before the person was down, and reps were said a median 0.47 s early.
 * Against the return's own speed: at --slower 2, 101 of 299 reps within
 * 0.3 s (85 with the band; median 0.32 s early), at the clips' own pace 183
 * of 317 (178), at four framings 710 of 1264 (684), and on the synthetic
 * seeds 9001-9003 483 of 738 (423); no count changed. 0.4 and 0.6 of the
 * speed: 179 and 181 of 316. */
#define SETTLE_MS 150
#define SETTLE_SLOW 0.5f
#define SETTLE_MAX_MS 1000
#define SETTLE_KEPT 32 /* positions kept for it: 150 ms at up to 200 frames/s */
#define SWINGS 3 /* excursions whose middle size is the reps' size */

/* Positions kept over the last SETTLE_MS or so (a ring of SETTLE_KEPT), to
 * tell whether the picture has stopped: moved less than HOLD_BAND of the
 * rep's size over SETTLE_MS. */
typedef struct recent {
    int n; /* kept since the last clear */
    int64_t t[SETTLE_KEPT];
    float w[SETTLE_KEPT];
} recent;

static inline void recent_push(recent *r, int64_t t_ms, float w)
{
    r->t[r->n % SETTLE_KEPT] = t_ms;
    r->w[r->n % SETTLE_KEPT] = w;
    r->n++;
}

/* The newest position kept (r->n > 0). */
static inline float recent_newest(const recent *r)
{
    return r->w[(r->n - 1) % SETTLE_KEPT];
}

/* The position SETTLE_MS before t_ms (the newest kept at or before then) into
 * *w; false if none kept is that old. */
static inline bool recent_ago(const recent *r, int64_t t_ms, float *w)
{
    int k = r->n - 1, oldest = r->n > SETTLE_KEPT ? r->n - SETTLE_KEPT : 0;
    while (k > oldest && r->t[k % SETTLE_KEPT] > t_ms - SETTLE_MS)
        k--;
    if (k < 0 || r->t[k % SETTLE_KEPT] > t_ms - SETTLE_MS)
        return false;
    *w = r->w[k % SETTLE_KEPT];
    return true;
}

struct reps_counter {
    reps_config cfg;
    tuning tun;
    float first_min_range; /* tun.min_range as made, before reps_missed lowered it */
    motion *motion;
    motion_sample s;
    int64_t first_ms, last_ms;
    bool started;
    bool fresh;           /* the window has not been ready since a reset or a cut */
    int rest_side;        /* -1 rest at lo, +1 at hi, 0 not known */
    int64_t quiet_since;  /* when the range fell below min_range (-1: it is not) */
    float range, level;
    int count;
    float swings[SWINGS]; /* the last excursions' sizes (reps and partials), luma levels */
    int n_swings;
    float base;           /* oriented position of the rest pose (the lowest since the last
                             return, marked in motion: motion_sample.ref_pos) */
    float hold_base;      /* the base the excursion left from, kept in step with the window */
    float hold_peak;      /* the highest distance from it */
    /* the excursion under way */
    bool out;
    int64_t start_ms;     /* when it was recognised: it rose past leave_level */
    int64_t rose_ms;      /* when it rose past it, as the window saw (hold_look_back) */
    int64_t left_ms;      /* when it left rest: start_ms, or when the window saw the
                             rest end if it was under way at the first ready frame */
    bool began_unseen;    /* it was: the counter did not follow it from rest */
    float peak, peak_d;   /* highest level; highest distance from rest */
    float valley_d;       /* lowest distance since below valley_frac of peak_d (-1: not) */
    float valley_pos;     /* its position, kept in step with the window's mean */
    int64_t still_since;  /* stopped since, past valley_frac of the way back (-1: not) */
    bool stopped;         /* the picture has stopped, this frame (hold_follow) */
    int64_t hold_ms;      /* time at or above hold_frac of the peak distance so far */
    int64_t hold_since;   /* the live hold began (-1: not holding) */
    /* a rep or partial decided and not yet said (verdict_settle) */
    bool pending;
    reps_event pending_ev; /* its t_ms: when it was decided */
    int pending_side;     /* +1: away from rest is +pos; -1: -pos */
    float settle_eps;     /* moved less than this over SETTLE_MS: stopped */
    float settle_acc;     /* the window's shifts since the decision, oriented */
    recent settled;       /* oriented position + settle_acc since the decision */
    recent held;          /* the hold's distance since the excursion began */
};

static inline size_t emit(reps_event *out, size_t cap, size_t n, reps_event ev)
{
    if (n < cap)
        out[n] = ev;
    return n + 1;
}

/* The position oriented so that away from rest is up, luma levels. */
static inline float oriented(const reps_counter *c)
{
    return c->rest_side < 0 ? c->s.pos : -c->s.pos;
}

/* reps_hold.c */
/* Reads back the hold of an excursion recognised only at its top; d: the
 * distance from rest now. */
void hold_look_back(reps_counter *c, int64_t t_ms, float d);
/* Times the hold on this frame, d being the distance from where the
 * excursion left; emits HOLD_START and HOLD_END, and notes whether the
 * picture has stopped (c->stopped). */
size_t hold_follow(reps_counter *c, float d, int64_t t_ms, int64_t dt, reps_event *out,
                   size_t cap, size_t n);

/* reps_verdict.c */
/* The excursion is over: a hold in progress ends with it. */
size_t verdict_close(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n);
/* The excursion is back at rest: decides rep, partial or nothing, to be said
 * by verdict_settle. */
size_t verdict_decide(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n);
/* Says the decided rep or partial now. */
size_t verdict_say(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n);
/* Says the decided rep once the picture has stopped coming back. */
size_t verdict_settle(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n);

#endif
