/*
 * motion_priv: what motion.c (the signal), motion_grid.c (frames to the grid
 * of cell means) and motion_zone.c (the zone and the reps' pattern) share: the
 * analyser's state. Not for the rest of the program: use motion.h.
 */
#ifndef RM_MOTION_PRIV_H
#define RM_MOTION_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "motion.h"

#define MAX_CELLS (MOTION_MAX_GRID * MOTION_MAX_GRID)
#define MIN_REF_LUMA 6.0f  /* cells darker than this give no gain estimate */
#define MIN_ROW_CELLS 6    /* fewer usable cells in a row: use the frame's gain */
#define MIN_CELL 10        /* smallest cell side, pixels: small frames get fewer cells */
#define CLIP_LUMA 250.0f   /* a pixel predicted this bright may be clipped at 255 */

struct motion {
    motion_config cfg;
    /* Geometry of the current frame size; width 0 = none yet. */
    int width, height, cell, gw, gh, x0, y0;
    int ncells;
    bool have_prev, have_sigma, learned, at_rest;
    float sigma;
    int64_t last_t;
    /* Learning: running sum of the candidate rest pose since learn_t0. */
    int learn_n;
    int64_t learn_t0;
    float cur[MAX_CELLS], prev[MAX_CELLS], rest[MAX_CELLS];
    float learn_sum[MAX_CELLS];
    /* Recent frames averaged over smooth_ms, in the rest pose's brightness:
     * what is compared with the rest pose; sigma_s is its noise. */
    float smooth[MAX_CELLS];
    float sigma_s;
    float gain[MOTION_MAX_GRID]; /* per grid row: cur / the reference compared with */
    /* This frame's and the previous frame's gains against the rest pose;
     * have_rest_gain: prev_rest_gain is valid (same rest pose). */
    float rest_gain[MOTION_MAX_GRID], prev_rest_gain[MOTION_MAX_GRID];
    bool have_rest_gain;
    /* The soft-thresholded departure map of this frame, and the one at the
     * largest excursion since the counter last said "at rest" (the template the
     * match is measured against); tmpl_exc 0 = none. footprint: the largest
     * |departure| of each cell during this movement. */
    float dep[MAX_CELLS], tmpl[MAX_CELLS], footprint[MAX_CELLS];
    float tmpl_exc, tmpl_norm;
    /* The zone: cells any committed rep changed, grown by one cell; and the sum
     * of the committed reps' unit-norm top patterns. zone_reps 0 = no zone. */
    uint8_t zone[MAX_CELLS];
    float zone_tmpl[MAX_CELLS];
    float zone_norm;
    /* The top pattern (unit norm) of the last movement that looked like a rep
     * in all but its pattern: a candidate for the reps' pattern, should the
     * one learned be wrong (someone passed during the first rep). */
    float cand[MAX_CELLS];
    bool have_cand;
    int zone_reps, pattern_reps; /* reps in the zone; in zone_tmpl (motion_forget_pattern) */
    /* The brightest pixel of each cell in the rest pose, at its brightness:
     * where gain x bright > CLIP_LUMA the sensor clips and the gain model
     * does not hold. bright_stale: take it from the next frame. */
    float bright[MAX_CELLS];
    bool bright_stale;
    float scratch[MAX_CELLS], ratio[MAX_CELLS];
    /* The jolt watch (see watch_jolt): calm_t0 when frames last became calm
     * (0 = never), burst_t0 when the burst in progress or just ended began,
     * its frames and largest changed fraction; jolt_armed: it was a jolt
     * and the calm after it is being waited for (settle_n frames so far). */
    int64_t calm_t0, burst_t0;
    int burst_frames, settle_n;
    float burst_peak;
    bool in_burst, calm_before, jolt_armed;
};

/* Lays the grid over a width x height frame: square cells so that the longer
 * side has at most cfg.grid of them (and cells of at least MIN_CELL pixels),
 * centred, the leftover margin ignored. Sets the geometry fields only. */
void motion_grid_layout(motion *m, int width, int height);
/* Box average of every cell of the frame into m->cur. */
void motion_grid_average(motion *m, const uint8_t *luma, int stride);
/* The brightest pixel of each cell of the frame, brought to the rest pose's
 * brightness (m->gain), into m->bright; clears m->bright_stale. */
void motion_grid_brightest(motion *m, const uint8_t *luma, int stride);

/* Empties the zone, the reps' pattern and the candidate (motion_zone.c). */
void motion_zone_clear(motion *m);

#endif
