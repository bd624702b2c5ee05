/*
 * reps_priv: what reps.c (the state machine), reps_hold.c (holds: the live
 * clock and the measured hold) and reps_decide.c (what an excursion that
 * returned to rest was) share: the tunables and the counter's state. Not for
 * the rest of the program: use reps.h. How it all works is at the top of
 * reps.c.
 */
#ifndef RM_REPS_PRIV_H
#define RM_REPS_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "motion.h"
#include "reps.h"
#include "reps_levels.h"

/* Tunables of the state machine. Units: sigma is motion.c's cell noise (luma
 * levels); thresholds in sigma are multiplied by it to compare with s (levels x
 * cells). Fractions are of the plateau, peak or calibrated full rep. */
typedef struct tuning {
    float enter_sigmas;     /* minimum high threshold, x sigma (30) */
    float enter_devs;       /* high threshold above the rest floor, x its deviation (8) */
    float enter_of_full;    /* high threshold, fraction of the full rep (0.15) */
    float return_sigmas;    /* minimum low threshold, x sigma (10) */
    float return_devs;      /* low threshold above the rest floor, x deviation (3) */
    float return_of_peak;   /* low threshold, fraction of this excursion's peak (0.05) */
    float return_match;     /* ... and the peak pattern below this fraction (0.08;
                               quad sets 0.07, see reps_create) */
    float spike_ratio;      /* ... with the peak at most this x the highest
                               level held for spike_ms (6: someone passing
                               close in front sets a brief peak) */
    int64_t spike_ms;       /* (1000) */
    float plateau_frac;     /* band around the plateau that counts as holding (0.015) */
    float hold_exit_frac;   /* departure from the hold level that ends a hold (0.10) */
    float hold_level_rate;  /* per-frame rate of the hold level's running mean (0.2) */
    int64_t hold_confirm_ms; /* plateau time before a hold is confirmed (250) */
    int64_t smooth_ms;      /* time constant of the smoothing for the hold logic (100) */
    int64_t record_smooth_ms; /* ... and of the slow record of levels a quad
                               set's hold is measured on (400; kept only when
                               hold_top_frac is set) */
    float band_noise;       /* the hold band is at least this x the smoothed noise (3) */
    float hold_tol;         /* a decided rep's hold: time within this fraction of
                               one level, at least (0.02) */
    float hold_top_frac;    /* > 0: a rep is held while above this fraction of
                               its top (quad sets 0.7, see reps_create); 0:
                               the longest stay at one level (0) */
    int64_t hold_ref_ms;    /* ... its top: the highest level that lasted this
                               long (2000: a passer's spike is not the top) */
    int64_t min_rep_ms;     /* shorter excursions are noise (400) */
    int64_t min_top_ms;     /* ... and those above half their peak for less (250) */
    int64_t max_excursion_ms; /* longer ones relearn the rest pose (120000) */
    int64_t floor_tau_ms;   /* time constant of the rest floor estimate (2000) */
    float partial_frac;     /* peak below this fraction of full = partial (0.6;
                               quad sets 0.4, see reps_create) */
    float full_rate;        /* how far a counted rep pulls the full estimate (0.3) */
    float full_max_jump;    /* a counted rep raises the estimate at most x this (1.5) */
    int64_t settle_ms;      /* stillness away from rest that re-anchors when the
                               picture does not look like a rep (1200) */
    int64_t settle_rep_ms;  /* ... or this, when it is at a rep's level (a rep
                               whose pattern is not the one learned; 4000) */
    int64_t rest_settle_ms; /* s steady above the floor but below the rep range
                               this long re-anchors: a person who shifted a
                               little (1000) */
    float settle_low_frac;  /* an excursion that settles below this fraction of
                               its peak has returned to a new rest (0.2) */
    int64_t settle_first_ms; /* ... before any rep is known, unless it changed most
                               of the picture (15000) */
    float settle_band;      /* s within this fraction of the peak counts as not
                               moving (0.03) */
    float partial_alike;    /* two partials after the first rep within this
                               fraction of each other re-set the range (0.3) */
    float cand_min;         /* two movements unlike the reps but this alike
                               replace the reps' pattern (second_look) (0.8) */
    float sim_min;          /* a rep's top must have at least this cosine with the
                               reps counted so far, else it is another movement (0.4) */
    float first_min;        /* the first rep's peak must reach this x the high
                               threshold it crossed (2.5) */
    float first_energy;     /* ... and change at least this much of the picture at
                               its largest, luma levels summed over cells (8) */
    float centre_still;     /* the change's centre moving less than this fraction
                               of the frame is standing still (0.04) */
    int64_t passer_gone_ms; /* a travelling change whose centre stood still this
                               long has passed: its excursion restarts (600) */
    float occluded_spread;  /* a frame that changed more than this fraction of the
                               picture is hidden by someone in front: skipped (0.35) */
    float travel_max;       /* a change whose centre travels further than this
                               fraction of the frame is someone passing (0.25) */
} tuning;

/* The excursion in progress. */
typedef struct excursion {
    reps_levels levels;     /* time at each level of the smoothed signal */
    reps_levels slow_levels; /* ... and of the slow one (record_smooth_ms) */
    int64_t start_ms;
    int64_t began_ms;       /* when s crossed the high threshold */
    float peak;
    float plateau;          /* anchor value while rising, reference while holding */
    int64_t plateau_ms;     /* when the anchor was set */
    bool held, holding;     /* a hold was confirmed / is running */
    int64_t hold_start_ms, hold_last_ms, hold_ms;
    int off_frames;         /* consecutive frames away from the hold level */
    float sm, s1, s2;       /* smoothed signal; the last two raw samples */
    float slow;             /* s smoothed for the record of levels */
    float like_level;       /* sm at the last frame that looked like the reps */
    float like_slow;        /* ... and slow */
    bool was_like;          /* ... and the last frame did */
    float jitter;           /* relative noise of the raw signal */
    int samples;
    float peak_energy, top_sim; /* largest energy; best similarity in the top half */
    float cx_lo, cx_hi, cy_lo, cy_hi; /* range of the change's centre */
    int64_t moved_ms;       /* last frame that was not still, or s left the band */
    float settle_ref;       /* s when it last moved */
    int64_t top_ms;         /* time spent above half the peak so far */
    float cx_ref, cy_ref;   /* where the change's centre last stopped */
    int64_t centre_moved_ms; /* ... and when it last moved from there */
    float enter;            /* the high threshold it crossed */
} excursion;

struct reps_counter {
    reps_config cfg;
    tuning tun;
    motion *motion;
    reps_phase phase;
    int count;
    bool have_t;
    int64_t last_t;
    float level;
    float learn_progress;
    float floor_mean, floor_dev; /* s at rest */
    int64_t last_low_ms;         /* last rest frame with s below the low threshold */
    float full;                  /* calibrated full-rep excursion; 0 = not yet */
    float last_partial;          /* the peak of the last excursion, if partial */
    float rest_ref;              /* REST: s when it last changed, above the floor */
    int64_t rest_moved_ms;       /* ... and when */
    excursion ex;
    motion_sample last;          /* the last sample, for reps_get_trace */
};

/* Appends an event when there is room; returns the new count. */
static inline size_t emit(reps_event *out, size_t cap, size_t n, reps_event ev)
{
    if (n < cap)
        out[n++] = ev;
    return n;
}

/* reps_hold.c */
/* Ends the live hold at t and appends HOLD_END; returns the new count. */
size_t reps_hold_end(reps_counter *c, int64_t t, reps_event *out, size_t cap, size_t n);
/* Smooths s, records the level (*level: s's smoothed level, or the last
 * rep-like one when like is false) and returns the relative plateau band. */
float reps_hold_smooth(reps_counter *c, float s, int64_t dt, bool like, float *level);
/* The live hold logic on level s with band; appends HOLD_START/HOLD_END. */
size_t reps_hold_track(reps_counter *c, float s, float band, int64_t t, reps_event *out,
                       size_t cap, size_t n);
/* The decided rep's hold, ms, from the excursion's record of levels. */
int64_t reps_hold_measure(const reps_counter *c);
/* The top level a quad set's hold is measured against (hold_top_frac). */
float reps_hold_top(const reps_counter *c);

/* reps_decide.c */
/* The excursion returned to rest at t: decides what it was, appends REP or
 * PARTIAL (and HOLD_END) and leaves the counter at rest. zoned: the reps'
 * pattern is known, so an excursion must look like it (or pass a second look). */
size_t reps_decide(reps_counter *c, int64_t t, bool zoned, reps_event *out, size_t cap, size_t n);

#endif
