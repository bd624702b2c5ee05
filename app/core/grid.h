/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * grid: a frame's luma summed over a grid of square cells. It is the
 * per-pixel work of motion.c (the counter) and of presence.c (someone on the
 * mat); what each does after it is per cell. Pure, no allocation.
 */
#ifndef RM_GRID_H
#define RM_GRID_H

#include <stdint.h>

#define GRID_MAX_ACROSS 64 /* gw at most */

/* gw x gh cells of cell x cell pixels, the first at pixel (x0, y0). */
typedef struct grid_layout {
    int cell, gw, gh, x0, y0;
} grid_layout;

/* out[gy * gw + gx] = the sum of cell (gx, gy) over its rows 0, step,
 * 2 step, ... (step 1: every row; 2: every other row, half the work, and
 * a mean of cell^2/2 pixels still averages the noise away). col is scratch
 * of at least gw * cell entries. The sums are exact. */
void grid_sums(const grid_layout *g, const uint8_t *luma, int stride, int step, uint16_t *col,
               float *out);

#endif
