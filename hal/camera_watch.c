/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_watch: the lost/back verdict (see camera_watch.h).
 */
#include "camera_watch.h"

void camera_watch_init(camera_watch *w, int64_t stall_ms)
{
    *w = (camera_watch){ .stall_ms = stall_ms };
}

static bool set_lost(camera_watch *w, bool lost)
{
    bool changed = w->lost != lost;
    w->lost = lost;
    return changed;
}

bool camera_watch_update(camera_watch *w, bool expecting, camera_status status, int64_t now_ms)
{
    if (!expecting) {
        w->expecting = false;
        return false;
    }
    if (!w->expecting) {
        w->expecting = true;
        w->since_ms = now_ms;
    }
    switch (status) {
    case CAMERA_FRAME:
        w->since_ms = now_ms;
        return set_lost(w, false);
    case CAMERA_ERROR:
    case CAMERA_END:
        return set_lost(w, true);
    default:
        return now_ms - w->since_ms >= w->stall_ms ? set_lost(w, true) : false;
    }
}

int64_t camera_watch_deadline(const camera_watch *w)
{
    return w->expecting && !w->lost ? w->since_ms + w->stall_ms : INT64_MAX;
}
