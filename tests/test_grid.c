/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_grid: grid_sums against a plain loop over the same pixels, on random
 * frames: every row and every other row, a grid placed off the frame's
 * origin in a wider stride, odd cell sizes, and cells taller than the 257
 * rows a 16-bit column sum holds (cell 300, all pixels 255: the sums must not
 * wrap).
 */
#include "grid.h"

#include <stdbool.h>
#include <stdlib.h>

#include "check.h"

static float plain_sum(const grid_layout *g, const uint8_t *luma, int stride, int step, int gx,
                       int gy)
{
    uint32_t s = 0;
    for (int r = 0; r < g->cell; r += step)
        for (int k = 0; k < g->cell; k++)
            s += luma[(size_t)(g->y0 + gy * g->cell + r) * (size_t)stride + g->x0 +
                      gx * g->cell + k];
    return (float)s;
}

static void check_layout(grid_layout g, int width, int height, int stride, bool white)
{
    uint8_t *luma = malloc((size_t)stride * (size_t)height);
    uint16_t *col = malloc((size_t)(g.gw * g.cell) * sizeof *col);
    float out[GRID_MAX_ACROSS * GRID_MAX_ACROSS];
    for (size_t i = 0; i < (size_t)stride * (size_t)height; i++)
        luma[i] = white ? 255 : (uint8_t)(rand() & 0xff);
    for (int step = 1; step <= 2; step++) {
        grid_sums(&g, luma, stride, step, col, out);
        int wrong = 0;
        for (int gy = 0; gy < g.gh; gy++)
            for (int gx = 0; gx < g.gw; gx++)
                wrong += out[gy * g.gw + gx] != plain_sum(&g, luma, stride, step, gx, gy);
        CHECK(wrong == 0, "%dx%d cells of %d in %dx%d (stride %d), step %d: %d sums wrong",
              g.gw, g.gh, g.cell, width, height, stride, step, wrong);
    }
    free(col);
    free(luma);
}

int main(void)
{
    srand(12);
    check_layout((grid_layout){ .cell = 26, .gw = 24, .gh = 18, .x0 = 8, .y0 = 6 }, 640, 480, 640,
                 false);
    check_layout((grid_layout){ .cell = 13, .gw = 24, .gh = 18, .x0 = 4, .y0 = 3 }, 320, 240, 352,
                 false);
    check_layout((grid_layout){ .cell = 9, .gw = 5, .gh = 3, .x0 = 1, .y0 = 2 }, 47, 29, 47, false);
    check_layout((grid_layout){ .cell = 300, .gw = 2, .gh = 1, .x0 = 0, .y0 = 0 }, 600, 300, 600,
                 true);
    return check_done();
}
