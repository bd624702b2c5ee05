/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * synth_priv: what synth.c (poses, timing) and synth_raster.c (pixels) share.
 * Not for other modules.
 */
#ifndef RM_SYNTH_PRIV_H
#define RM_SYNTH_PRIV_H

#include <stdint.h>

#include "synth.h"

#define SYNTH_MAX_CAPS 32

/* A tapered capsule in image pixels: a segment with a radius at either end,
 * a base luma, a top-lit shade (top edge luma + shade, bottom luma - shade) and
 * the width of its edge's ramp (1 = sharp, anti-aliased; more = out of focus). */
typedef struct synth_capsule {
    float ax, ay, bx, by;
    float ra, rb;
    float luma, shade;
    float soft;
} synth_capsule;

typedef struct synth_figure {
    synth_capsule c[SYNTH_MAX_CAPS];
    int n;
} synth_figure;

/* Where the mat lies, in image pixels (before the camera shift). */
typedef struct synth_mat {
    int top, x0, x1;
} synth_mat;

void synth_draw_background(const synth_params *p, synth_mat mat, int cam_dx, int cam_dy,
                           uint8_t *luma, int stride);
void synth_draw_figure(const synth_figure *f, int w, int h, uint8_t *luma, int stride);
/* Exposure gain, mains flicker (per row) and sensor noise, in one pass. */
void synth_draw_light_and_noise(const synth_params *p, const synth_frame *fr, int64_t t_ms,
                                uint8_t *luma, int stride);
uint32_t synth_hash32(uint32_t x);

#endif
