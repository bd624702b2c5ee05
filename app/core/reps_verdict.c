/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reps_verdict: what an excursion back at rest was (a rep, a partial, or too
 * short to be anything), and when it is said: once the person is back
 * (reps.c has the idea).
 */
#include "reps_priv.h"

/* The size of the reps so far: the middle of the last SWINGS excursions that
 * were a rep or a partial (the smaller of two; 0 before any). One big first
 * movement (a set-up) does not make every later rep a partial: after two
 * smaller alike ones they are the reference. */
static float reference_swing(const reps_counter *c)
{
    float v[SWINGS];
    int n = c->n_swings < SWINGS ? c->n_swings : SWINGS;
    for (int i = 0; i < n; i++)
        v[i] = c->swings[i];
    for (int i = 1; i < n; i++) /* insertion sort, descending */
        for (int k = i; k > 0 && v[k] > v[k - 1]; k--) {
            float x = v[k];
            v[k] = v[k - 1];
            v[k - 1] = x;
        }
    return n == 0 ? 0.0f : v[n == 1 ? 0 : 1];
}

static void remember_swing(reps_counter *c, float swing)
{
    c->swings[c->n_swings % SWINGS] = swing;
    c->n_swings++;
}

/* The excursion is over (back at rest, or too long to be a rep): a hold in
 * progress ends with it. */
size_t verdict_close(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap,
                              size_t n)
{
    if (c->hold_since >= 0) {
        c->hold_since = -1;
        n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_END, .t_ms = t_ms,
                                            .hold_ms = c->hold_ms });
    }
    c->out = false;
    return n;
}

/* How little the picture may move over SETTLE_MS, from the decision on, to
 * have stopped coming back: SETTLE_SLOW of what it came back by over the
 * SETTLE_MS before it (the return's own speed: a slow return is not taken
 * for stopped while under way), or HOLD_BAND of the rep where that is not
 * known (the picture did not come down over that time: back at a valley as
 * the next rep rises, or stopped short of rest). */
static float settle_band(const reps_counter *c, int64_t t_ms)
{
    float ago;
    if (c->held.n > 0 && recent_ago(&c->held, t_ms, &ago)) {
        float fell = ago - recent_newest(&c->held);
        if (fell > 0.0f)
            return SETTLE_SLOW * fell;
    }
    return HOLD_BAND * c->peak_d;
}

/* The excursion is back at rest: a rep, a partial or nothing, said by settle. */
size_t verdict_decide(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n)
{
    n = verdict_close(c, t_ms, out, cap, n);
    if (t_ms - c->left_ms < c->tun.min_rep_ms)
        return n;
    float ref = reference_swing(c);
    float amp = ref > 0.0f ? c->peak_d / ref : 1.0f;
    remember_swing(c, c->peak_d);
    reps_event ev = { .t_ms = t_ms, .start_ms = c->left_ms, .hold_ms = c->hold_ms,
                      .amplitude = amp, .began_unseen = c->began_unseen };
    if (amp >= c->tun.partial_frac) {
        ev.kind = REPS_EVENT_REP;
        ev.hold_met = c->hold_ms >= c->cfg.hold_target_ms;
    } else {
        ev.kind = REPS_EVENT_PARTIAL;
    }
    c->pending = true;
    c->pending_ev = ev;
    c->pending_side = c->rest_side < 0 ? 1 : -1;
    c->settle_eps = settle_band(c, t_ms);
    c->settle_acc = 0.0f;
    c->settled.n = 0;
    recent_push(&c->settled, t_ms, oriented(c));
    return n;
}

/* Says the decided rep (or partial) now; a rep's count is given as it is said. */
size_t verdict_say(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n)
{
    if (!c->pending)
        return n;
    c->pending = false;
    reps_event ev = c->pending_ev;
    ev.t_ms = t_ms;
    if (ev.kind == REPS_EVENT_REP)
        ev.count = ++c->count;
    return emit(out, cap, n, ev);
}

/* A decided rep waits until the person is back: until the picture stops
 * coming down towards rest. One who stops short of the old rest pose is back
 * all the same. */
size_t verdict_settle(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap, size_t n)
{
    if (!c->pending)
        return n;
    c->settle_acc += (float)c->pending_side * c->s.shift;
    float w = (float)c->pending_side * c->s.pos + c->settle_acc;
    float ago;
    bool stopped = recent_ago(&c->settled, t_ms, &ago) && ago - w < c->settle_eps;
    recent_push(&c->settled, t_ms, w);
    if (stopped || t_ms - c->pending_ev.t_ms >= SETTLE_MAX_MS)
        n = verdict_say(c, t_ms, out, cap, n);
    return n;
}
