/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_watch: decides, from what camera_poll returns and the clock, whether
 * the camera is lost. Pure: no device, no clock of its own.
 *
 * A camera is lost when it reports CAMERA_ERROR or CAMERA_END, or when no
 * frame has come for stall_ms of clock time while frames were expected; it is
 * back at the next frame. Frames are expected only while the caller says so
 * (the screens that count or show the camera): the station stops polling the
 * camera on the other screens, so the wait restarts when expecting begins,
 * and a verdict of lost stands until a frame proves otherwise.
 */
#ifndef RM_CAMERA_WATCH_H
#define RM_CAMERA_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "camera.h"

#define CAMERA_WATCH_STALL_MS 2000

typedef struct camera_watch {
    int64_t stall_ms;  /* no frame for this long while expected = lost */
    bool expecting;
    int64_t since_ms;  /* the last frame, or when expecting began */
    bool lost;
} camera_watch;

void camera_watch_init(camera_watch *w, int64_t stall_ms);
/* One loop's news: whether frames are expected now, and (when they are) what
 * camera_poll returned at now_ms. True when the verdict changed. */
bool camera_watch_update(camera_watch *w, bool expecting, camera_status status, int64_t now_ms);
/* The clock time at which a missing frame makes the camera lost: INT64_MAX
 * when frames are not expected or it is already lost. */
int64_t camera_watch_deadline(const camera_watch *w);

#endif
