/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * grid: see grid.h. The rows of a band of cells are added column by column
 * over the whole width into 16-bit sums, a loop the compiler turns into
 * vector adds (COL_ROWS rows at a time, so they cannot overflow), and then
 * each cell's columns into 32-bit sums.
 */
#include "grid.h"

#include <stddef.h>

#define COL_ROWS 257 /* rows of bytes a 16-bit sum holds: 257 x 255 = 65535 */

void grid_sums(const grid_layout *g, const uint8_t *luma, int stride, int step, uint16_t *col,
               float *out)
{
    int cell = g->cell, span = g->gw * cell;
    for (int gy = 0; gy < g->gh; gy++) {
        uint32_t sum[GRID_MAX_ACROSS] = { 0 };
        for (int r0 = 0; r0 < cell; r0 += COL_ROWS * step) {
            const uint8_t *px = luma + (size_t)(g->y0 + gy * cell + r0) * (size_t)stride + g->x0;
            for (int x = 0; x < span; x++)
                col[x] = px[x];
            int end = r0 + COL_ROWS * step < cell ? r0 + COL_ROWS * step : cell;
            for (int r = r0 + step; r < end; r += step) {
                px = luma + (size_t)(g->y0 + gy * cell + r) * (size_t)stride + g->x0;
                for (int x = 0; x < span; x++)
                    col[x] = (uint16_t)(col[x] + px[x]);
            }
            for (int gx = 0; gx < g->gw; gx++)
                for (int k = 0; k < cell; k++)
                    sum[gx] += col[gx * cell + k];
        }
        for (int gx = 0; gx < g->gw; gx++)
            out[gy * g->gw + gx] = (float)sum[gx];
    }
}
