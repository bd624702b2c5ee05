/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stretch: the contrast stretch of the live camera view, so a person lying in
 * a dim room stands out from it (issue 13 measured 1.1-1.9:1 unstretched). The
 * frame's luma range, from its 1st to its 99th percentile, is mapped onto
 * 0..top: a few specks (a lamp, a black corner) do not set the range. A flat
 * picture is not blown up into noise: the range is at least STRETCH_MIN_RANGE
 * levels, centred on where the picture is. Pure: no allocation, no state; only
 * for what is shown, never for counting.
 */
#ifndef RM_STRETCH_H
#define RM_STRETCH_H

#include <stdint.h>

#define STRETCH_MIN_RANGE 24 /* luma levels: sensor noise (2-3 levels) stays small */

/* Fills lut so that lut[v] is the shown level of luma v for this frame
 * (width x height, stride bytes a row; every other row and column is looked
 * at). A NULL or empty frame gives the plain scale v * top / 255. */
void stretch_lut(const uint8_t *luma, int width, int height, int stride, uint8_t top,
                 uint8_t lut[256]);

#endif
