/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens: draws the session's view, one function per screen family
 * (screens_home.c, screens_pain.c, screens_exercise.c, screens_end.c). Reads
 * only the view and the latest camera frame; changes nothing.
 *
 * What each screen must make obvious from 3 m: what is happening, the count (in
 * huge numerals), and which button does what next.
 */
#ifndef RM_SCREENS_H
#define RM_SCREENS_H

#include <stdint.h>

#include "camera.h"
#include "session.h"
#include "ui.h"

/* Draws the whole screen for view v at time now_ms. frame may be NULL (no
 * camera picture yet). Does not present. */
void screens_draw(ui *u, const session_view *v, const camera_frame *frame, int64_t now_ms);

#endif
