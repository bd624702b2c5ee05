/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * wake: is anyone moving in front of a sleeping station? Pure: it takes
 * camera frames (luma) a few times a second and answers yes or no; no SDL,
 * no I/O, no allocation.
 *
 * The idea: each frame becomes a coarse grid of cell means (WAKE_GRID_W x
 * WAKE_GRID_H cells, a sample of every few pixels), each divided by the
 * frame's mean so that an exposure step or a light dimming by itself moves
 * nothing. A frame "moved" when it differs from each of the two frames
 * before it by more than WAKE_CELL_CHANGE of the frame's brightness in at
 * least WAKE_MIN_CELLS cells; movement is WAKE_CONFIRM such frames in a row.
 * A person walking up to the mirror keeps changing the picture; one odd
 * frame (a flash, a codec glitch) differs from its neighbours but the frame
 * after it does not differ from the one before it, and a light switched on
 * for good changes the picture once. Sensor noise averages out over a
 * cell's samples.
 *
 * What it gets wrong: a light switched on in one part of the room changes
 * cells unevenly and may wake it; a person standing perfectly still in front
 * of it does not (they can press a button). A frame of another size starts
 * the comparison afresh.
 */
#ifndef RM_WAKE_H
#define RM_WAKE_H

#include <stdbool.h>
#include <stdint.h>

#define WAKE_GRID_W 16
#define WAKE_GRID_H 12
#define WAKE_CELL_CHANGE 0.08f  /* of the frame's mean brightness */
#define WAKE_MIN_CELLS 4        /* of 192: about 2% of the picture */
#define WAKE_CONFIRM 2          /* frames in a row */
#define WAKE_SAMPLES_PER_CELL 16 /* at most this many rows and columns sampled per cell */

typedef struct wake_watch {
    float prev[WAKE_GRID_W * WAKE_GRID_H];  /* the last frame's grid */
    float prev2[WAKE_GRID_W * WAKE_GRID_H]; /* the one before */
    int frames;                  /* grids held: 0, 1 or 2 */
    int width, height;           /* of the frames held */
    int hits;                    /* frames in a row with movement */
    int changed;                 /* cells changed between the last two frames */
} wake_watch;

void wake_init(wake_watch *w);
/* One frame (8-bit luma, stride bytes per row). True when movement has been
 * seen in WAKE_CONFIRM frames in a row; the watch then starts afresh. Frames
 * smaller than the grid are ignored (false). */
bool wake_feed(wake_watch *w, const uint8_t *luma, int width, int height, int stride);
/* How many cells of the last frame differed from both frames before it (for
 * tests and logs). */
int wake_changed_cells(const wake_watch *w);

#endif
