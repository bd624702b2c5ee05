/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * motion: turns luma frames into the one number the counter follows: where the
 * picture is along the direction in which it has changed most over the last
 * few seconds (its principal direction), with that window's extremes along it.
 * The first half of the counting core (reps.c counts cycles of that number).
 * Pure: no I/O, no globals, no allocation after motion_create, fixed memory for
 * any frame size up to MOTION_MAX_DIM on a side.
 *
 * The idea. A frame becomes a coarse grid of cell means (cells of at least 8
 * pixels, grid cells along the longer side), divided by the frame's mean so an
 * exposure change moves nothing, and averaged over smooth_ms. A frame unlike
 * the last one in most of its cells is a cut (an edit, the camera knocked, a
 * light switched): the window is emptied and fills again from it. Every sample_ms
 * the grid joins a window of the last window_ms. In that window the frames of
 * someone exercising lie along a line in grid space, from the rest pose to the
 * top of the rep and back: the window's principal direction (the unit vector
 * along which its frames vary most) is kept up to date by a power-iteration
 * step from the last one at every sample, and each frame's position along it
 * is the signal. Its units are luma levels (the Euclidean length of the change
 * over the cells, after the gain), so a rep's range is large when much of the
 * picture changes strongly and small for breathing, codec noise or a twitch.
 * Nothing here knows what the rest pose is: reps.c learns it from the cycles.
 *
 * Pauses. Someone who rests between reps, or lies still after being told to
 * begin, would otherwise fill the window with stillness: the movement before
 * the pause would fall out of it, and the next rep would have to last a tenth
 * of the window at its top before it set the range's end. So once the picture
 * has stayed still for pause_ms, the window takes no more samples until it
 * moves: it holds the movement before the pause and pause_ms of the pause.
 *
 * Caveats: whatever changes most in the window is the direction, so someone
 * walking past takes it over while they pass; alternating limbs (left, then
 * right) are two directions, of which the principal one sees both as one
 * back-and-forth; a change slower than the window (light drifting over
 * minutes) is seen only as far as it moves within it.
 */
#ifndef RM_MOTION_H
#define RM_MOTION_H

#include <stdbool.h>
#include <stdint.h>

#define MOTION_MAX_DIM 4096 /* largest frame side accepted, pixels */
#define MOTION_MAX_GRID 32  /* largest grid side, cells */
#define MOTION_MAX_SAMPLES 160 /* largest window, samples */

typedef struct motion_config {
    int grid;            /* cells along the frame's longer side (default 24; 4..MOTION_MAX_GRID) */
    int64_t smooth_ms;   /* time constant of the running average of grid frames, ms
                            (default 100: shorter than any rep, longer than codec flicker) */
    int64_t window_ms;   /* the recent past in which the direction and the range
                            are found, ms (default 12000: a slow rep with its
                            hold and its rest fits in it) */
    int64_t sample_ms;   /* how often a grid frame joins the window, ms (default 100) */
    int64_t pause_ms;    /* a picture still for this long is a pause: the window takes
                            no more samples until it moves (default 4000; 0: never) */
    float still_level;   /* luma levels RMS: still is within this, or within a tenth of
                            the window's range, of the frame now (default 0.6) */
} motion_config;

motion_config motion_default_config(void);

typedef struct motion_sample {
    bool ready;          /* the window holds a second or more: the fields below mean something */
    bool turned;         /* the direction changed more than a little at this frame
                            (a different movement now dominates the window) */
    bool cut;            /* this frame is another scene than the last (an edit,
                            the camera knocked, a light switched, another frame
                            size): the window was emptied and fills again from
                            this frame */
    float pos;           /* this frame's position along the direction, from the
                            window's mean, luma levels (root mean square over
                            the cells) */
    float shift;         /* how far the window's mean moved along the direction at
                            this frame: a position kept from an earlier frame
                            is that much lower now */
    float lo, hi;        /* the window's low and high positions along the current
                            direction (its 10th and 90th percentiles) */
    int64_t lo_ms, hi_ms; /* when those were seen */
    float ref_pos;       /* the marked pose's position now (motion_mark; 0: none) */
    float lambda;        /* spread of the window along the direction (its standard
                            deviation), luma levels */
} motion_sample;

typedef struct motion motion;

/* Creates an analyser; cfg NULL means motion_default_config(). Never NULL. */
motion *motion_create(const motion_config *cfg);
/* Accepts NULL. */
void motion_destroy(motion *m);
/* Forgets the window and the direction: the next frames start afresh. */
void motion_reset(motion *m);

/* Forgets the window's samples older than keep_ms (but keeps a ready window's
 * worth): what came before a change of position says nothing about the
 * movement from the new one. */
void motion_forget(motion *m, int64_t keep_ms, motion_sample *out);

/* The window's newest samples, at most cap of them, oldest first: when each
 * joined and its position along the current direction, in the units and from
 * the origin of motion_sample.pos. Returns how many. What came before an
 * excursion was recognised as one (reps.c) is found here. */
int motion_history(const motion *m, int64_t *t_ms, float *pos, int cap);

/* Marks a pose, kept as a grid whatever the window does after: the frame now
 * (the running average), or with at_pos the window's sample whose position is
 * nearest pos. motion_sample.ref_pos gives its position along the direction
 * of each sample from then on, which moves as the window's mean and direction
 * do while the pose stays put. Returns its position now. The mark lasts until
 * the next mark, a reset or a new frame size. */
float motion_mark(motion *m, bool at_pos, float pos);

/* Which way the picture moves as its position rises along the direction: the
 * optical-flow constraint (a picture moving down by v changes by -v times its
 * vertical gradient) on the window's mean. Positive when toward hi moves what
 * changes up the frame, negative when down; its size is the cosine between the
 * direction and the mean's vertical gradient (0: no direction yet). */
float motion_rise(const motion *m);

/* Analyses one frame (luma, width x height, stride bytes per row, t_ms the frame
 * time in ms) and fills *out. A size change starts afresh. Returns false (and
 * leaves the state alone) for a NULL or oversized frame. */
bool motion_feed(motion *m, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, motion_sample *out);

#endif
