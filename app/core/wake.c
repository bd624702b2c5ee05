/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wake: movement in front of a sleeping station (the idea and its limits are
 * in wake.h). The cost is a few thousand pixel reads a frame whatever the
 * camera's size: each cell is sampled on at most WAKE_SAMPLES_PER_CELL rows
 * and columns.
 */
#include "wake.h"

#include <math.h>
#include <string.h>

void wake_init(wake_watch *w)
{
    memset(w, 0, sizeof *w);
}

/* Cell means of the frame divided by its mean, into grid. False for a black
 * frame (nothing to compare). */
static bool grid_of(const uint8_t *luma, int width, int height, int stride, float *grid)
{
    double total = 0;
    for (int cy = 0; cy < WAKE_GRID_H; cy++) {
        int y0 = cy * height / WAKE_GRID_H, y1 = (cy + 1) * height / WAKE_GRID_H;
        int ystep = (y1 - y0 + WAKE_SAMPLES_PER_CELL - 1) / WAKE_SAMPLES_PER_CELL;
        for (int cx = 0; cx < WAKE_GRID_W; cx++) {
            int x0 = cx * width / WAKE_GRID_W, x1 = (cx + 1) * width / WAKE_GRID_W;
            int xstep = (x1 - x0 + WAKE_SAMPLES_PER_CELL - 1) / WAKE_SAMPLES_PER_CELL;
            unsigned sum = 0, n = 0;
            for (int y = y0; y < y1; y += ystep)
                for (int x = x0; x < x1; x += xstep, n++)
                    sum += luma[(size_t)y * (size_t)stride + (size_t)x];
            float mean = n ? (float)sum / (float)n : 0.0f;
            grid[cy * WAKE_GRID_W + cx] = mean;
            total += mean;
        }
    }
    float frame_mean = (float)(total / (WAKE_GRID_W * WAKE_GRID_H));
    if (frame_mean < 1.0f)
        return false;
    for (int i = 0; i < WAKE_GRID_W * WAKE_GRID_H; i++)
        grid[i] /= frame_mean;
    return true;
}

/* Cells of a that differ from b by more than WAKE_CELL_CHANGE. */
static int changed_cells(const float *a, const float *b)
{
    int n = 0;
    for (int i = 0; i < WAKE_GRID_W * WAKE_GRID_H; i++)
        n += fabsf(a[i] - b[i]) > WAKE_CELL_CHANGE;
    return n;
}

bool wake_feed(wake_watch *w, const uint8_t *luma, int width, int height, int stride)
{
    if (!luma || width < WAKE_GRID_W || height < WAKE_GRID_H || stride < width)
        return false;
    float grid[WAKE_GRID_W * WAKE_GRID_H];
    bool lit = grid_of(luma, width, height, stride, grid);
    if (!lit || w->width != width || w->height != height) {
        wake_init(w); /* black, or a new size: start afresh from this frame */
        w->width = lit ? width : 0;
        w->height = height;
        memcpy(w->prev, grid, sizeof grid);
        w->frames = lit;
        return false;
    }
    int changed = 0;
    if (w->frames >= 2) {
        int a = changed_cells(grid, w->prev), b = changed_cells(grid, w->prev2);
        changed = a < b ? a : b;
    }
    memcpy(w->prev2, w->prev, sizeof grid);
    memcpy(w->prev, grid, sizeof grid);
    w->frames = w->frames < 2 ? w->frames + 1 : 2;
    w->changed = changed;
    w->hits = changed >= WAKE_MIN_CELLS ? w->hits + 1 : 0;
    if (w->hits < WAKE_CONFIRM)
        return false;
    w->hits = 0;
    return true;
}

int wake_changed_cells(const wake_watch *w)
{
    return w->changed;
}
