/*
 * reps_levels: how long a signal spent at each level, and the hold read from
 * that record. Part of the counting core (reps.c keeps one per excursion and
 * measures a decided rep's hold with it). Pure, fixed memory, no allocation.
 *
 * Levels are binned 1 % apart on a log scale (bin REPS_LEVEL_ZERO holds 1,
 * the last bin about 2e5; levels at or below 0 go to bin 0), so the same
 * relative tolerance covers a quad set's tiny signal and a bridge's large one.
 */
#ifndef RM_REPS_LEVELS_H
#define RM_REPS_LEVELS_H

#include <stdint.h>

#define REPS_LEVEL_BINS 1600
#define REPS_LEVEL_ZERO 400

typedef struct reps_levels {
    int32_t ms[REPS_LEVEL_BINS]; /* time spent in each bin, ms */
    float peak;                  /* highest level added */
    float noise_sum;             /* relative noise near the top, summed ... */
    int noise_n;                 /* ... over this many samples */
} reps_levels;

/* Zero-initialise a reps_levels to start. Adds dt_ms spent at level, whose
 * relative noise is noise (a fraction; counted only near the top). */
void reps_levels_add(reps_levels *l, float level, int64_t dt_ms, float noise);

/* The hold: find the level held longest in the top half of the range, within
 * a band as wide as the noise (at least min_tol, at most 0.15 of the level);
 * return all the time spent from two bands below it upwards, ms. A hold is the
 * longest stay at one level, so noise spikes and a pause on the way up do not
 * set it, and a plateau that wanders (drift, breathing) still counts whole; the
 * slow ends of the movement within the band add a few tenths of a second. */
int64_t reps_levels_held_ms(const reps_levels *l, float min_tol);

/* Time spent at or above level (to the bin), ms. */
int64_t reps_levels_time_above(const reps_levels *l, float level);

/* The highest level the signal spent at least ms at or above: its top, with
 * brief spikes (someone passing, a flicker) left out. At most the peak. */
float reps_levels_top(const reps_levels *l, int64_t ms);

#endif
