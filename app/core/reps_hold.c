/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reps_hold: the hold at the top of an excursion (reps.c has the idea): time
 * at the top while the picture has stopped, followed frame by frame, or read
 * back from the window's samples when the excursion was recognised late.
 */
#include <math.h>

#include "reps_priv.h"

/* The hold of an excursion recognised late. The range grows only as the
 * window sees the movement: after a still start (a window full of stillness)
 * the rep's top must fill a tenth of it first, so the excursion is recognised
 * at its top, up to half a second after the person got there. How the hold
 * went until now is read back from the window's samples: the picture rose
 * after the window last saw it within leave_level of the base, and the time
 * it has been at its top since with the picture stopped (as hold_follow
 * would have counted it, min_rep_ms after it rose) is held already. d: the
 * distance from rest now. */
void hold_look_back(reps_counter *c, int64_t t_ms, float d)
{
    int64_t ts[MOTION_MAX_SAMPLES];
    float p[MOTION_MAX_SAMPLES];
    int n = motion_history(c->motion, ts, p, MOTION_MAX_SAMPLES);
    float side = c->rest_side < 0 ? 1.0f : -1.0f, leave = c->tun.leave_level * c->range;
    for (int j = 0; j < n; j++)
        p[j] = side * p[j] - c->base; /* distances from rest */
    int k = n; /* the oldest sample of the run out past leave_level, up to now */
    while (k > 0 && p[k - 1] > leave)
        k--;
    if (k == n)
        return; /* recognised as it rose */
    c->rose_ms = ts[k];
    c->hold_peak = d;
    for (int j = k; j < n; j++)
        if (p[j] > c->hold_peak)
            c->hold_peak = p[j];
    bool top_now = d >= c->tun.hold_frac * c->hold_peak;
    int top = n; /* the run at the top up to now: from its oldest sample */
    while (top_now && top > k && p[top - 1] >= (c->tun.hold_frac - HOLD_BAND) * c->hold_peak &&
           ts[top - 1] - c->rose_ms >= c->tun.min_rep_ms)
        top--;
    while (top < n && p[top] < c->tun.hold_frac * c->hold_peak)
        top++; /* ... where it reached the top */
    /* held, as hold_follow counts it: from each sample of that run at which
     * the picture had stopped to the next (or to now) */
    for (int j = k; j < n; j++) {
        float ago;
        bool stopped = recent_ago(&c->held, ts[j], &ago) &&
                       fabsf(p[j] - ago) < HOLD_BAND * c->hold_peak;
        recent_push(&c->held, ts[j], p[j]);
        if (j >= top && stopped)
            c->hold_ms += (j + 1 < n ? ts[j + 1] : t_ms) - ts[j];
    }
    /* hold_follow says, at once, that a hold has begun */
}

/* The hold: time at the top, from reaching hold_frac of the excursion's peak
 * distance until falling HOLD_BAND below that, in which the picture has
 * stopped (moved less than HOLD_BAND of the peak over SETTLE_MS, as a rep's
 * return is said once stopped): the last of the way up and the start of the
 * way down are not held, a top that sags slowly is. A new peak well above the
 * old one restarts it (the top was not reached yet). */
size_t hold_follow(reps_counter *c, float d, int64_t t_ms, int64_t dt,
                          reps_event *out, size_t cap, size_t n)
{
    if (d > c->hold_peak) {
        if (d * c->tun.hold_frac > c->hold_peak && c->hold_since >= 0) {
            c->hold_ms = 0;
            c->hold_since = t_ms;
        }
        c->hold_peak = d;
    }
    float enter = c->hold_since >= 0 ? c->tun.hold_frac - HOLD_BAND : c->tun.hold_frac;
    bool holding = d >= enter * c->hold_peak &&
                   t_ms - c->rose_ms >= c->tun.min_rep_ms; /* not in the first jerk */
    float ago;
    bool stopped = recent_ago(&c->held, t_ms, &ago) && fabsf(d - ago) < HOLD_BAND * c->hold_peak;
    recent_push(&c->held, t_ms, d);
    c->stopped = stopped;
    if (holding) {
        if (c->hold_since < 0) {
            c->hold_since = t_ms;
            n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_START, .t_ms = t_ms });
        } else if (stopped) {
            c->hold_ms += dt;
        }
    } else if (c->hold_since >= 0) {
        c->hold_since = -1;
        n = emit(out, cap, n, (reps_event){ .kind = REPS_EVENT_HOLD_END, .t_ms = t_ms,
                                            .hold_ms = c->hold_ms });
    }
    return n;
}
