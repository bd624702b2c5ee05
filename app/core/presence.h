/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * presence: is someone on the mat? The position screen asks before the
 * counter starts learning, so an empty mat is never taken for a person at
 * rest and never gets "Go". Pure: luma frames and times in, a verdict out; no
 * I/O, no globals, no allocation after presence_create; fixed memory.
 *
 * The idea. A frame becomes a coarse grid of cell means (24 along the longer
 * side), smoothed over a fifth of a second. Two pictures are compared cell by
 * cell after the exposure: the second is scaled by the median of the cells'
 * ratios (an exposure step moves nothing, and a body covering less than half
 * the picture does not move the median). Someone is seen when
 *  - body-sized movement: at least PRESENCE_BODY_FRACTION of the cells (and
 *    at least 3) changed by PRESENCE_CELL_CHANGE of their level within the
 *    last 2 s against the picture a second before (a person walking in,
 *    lying down, lifting a knee; a change of most of the picture at once is
 *    light or a bumped camera, not a person), or
 *  - the still picture differs from the empty room by a body-sized part, or
 *  - the still picture is the one last seen with the person on the mat (the
 *    previous set: they stayed there through the rest).
 * The still picture matching the empty room is EMPTY; a still picture with
 * nothing to compare it with is UNKNOWN (say "move a little").
 *
 * Where the references come from. The empty room: a still picture seen while
 * nobody was known to be there becomes a candidate; it is confirmed only when
 * the picture with the person on the mat (known_here, on the counting screen)
 * differs from it by a body-sized part, so a person lying still who was not
 * seen is not learnt as the empty room. The occupied picture: the last still
 * picture while known_here. A reference that most of the picture no longer
 * matches (the camera moved, the light changed its pattern) is dropped.
 * Both live only in memory (nothing of a frame is stored).
 *
 * What it gets wrong: anyone moving in view is "someone" (a passer-by behind
 * the mat), and so is a light that changes part of the room (a lamp, sun
 * through a window; a change of the whole picture is not); a person who is still on the mat, with no reference yet, must move
 * to be seen; a room rearranged since the empty picture was learnt looks like
 * someone (the old behaviour: the counter learns, and nobody does reps).
 */
#ifndef RM_PRESENCE_H
#define RM_PRESENCE_H

#include <stdbool.h>
#include <stdint.h>

/* A cell changed when its mean moved by this fraction of its level (plus 4
 * luma levels, so a black cell's noise is not a large change): sensor noise
 * in a cell of 64+ pixels is well under 1%, a person against a room is 10% or
 * more (1.1:1 and up; issue 13 measured 1.1-1.9:1). */
#define PRESENCE_CELL_CHANGE 0.08f
/* Body-sized: this fraction of the cells. A person lying at 2-3 m covers
 * about 2-5% of the picture; a knee lifted over two seconds about 1.5%. */
#define PRESENCE_BODY_FRACTION 0.015f
/* More than this fraction changed at once is the light or the camera. */
#define PRESENCE_GLOBAL_FRACTION 0.6f

typedef enum presence_verdict {
    PRESENCE_UNKNOWN, /* nothing moves and nothing to compare with: cannot tell */
    PRESENCE_EMPTY,   /* the picture is the empty room seen before */
    PRESENCE_SEEN,    /* someone is there */
} presence_verdict;

typedef struct presence presence;

presence *presence_create(void);
/* Accepts NULL. */
void presence_destroy(presence *p);
/* A new look (the position screen opens): the verdict and the recent
 * movement are forgotten, the references are kept. */
void presence_begin(presence *p);

/* Feeds a frame (luma, width x height, stride bytes a row, t_ms rising).
 * known_here: the session knows the person is there (the counting screen),
 * which teaches the references. Returns the verdict since presence_begin:
 * SEEN stays SEEN until the next presence_begin. A bad frame changes
 * nothing; a change of size forgets the references too. */
presence_verdict presence_feed(presence *p, const uint8_t *luma, int width, int height,
                               int stride, int64_t t_ms, bool known_here);

/* Whether the picture was still at the last frame fed: no part of it has
 * moved for 1.5 s (a second's lag included: about 2.5 s after a movement
 * ends). Breathing and sensor noise are still; a limb settling is not.
 * False after presence_begin until a frame shows it. */
bool presence_still(const presence *p);

#endif
