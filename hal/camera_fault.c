/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_fault: a camera that wraps another and misbehaves on purpose, for
 * tests of what the station does when a real camera does the same. Chosen by
 * a suffix on any camera spec (camera.h): "BASE@FAULT[@FAULT...]", e.g.
 * "synthetic:bridge@resize-at=100@stop-after=300". Frame numbers n count the
 * frames the wrapper has delivered, from 0.
 *   stop-after=N    after N frames, no more: CAMERA_ERROR ("camera stopped
 *                   sending frames") from then on, as a pulled ribbon cable
 *   resize-at=N     from frame N on, frames are the centre quarter (half the
 *                   width and height) of the inner camera's
 *   backwards-at=N  from frame N on, timestamps are 10 s earlier (a clock step)
 *   stall-at=N      frames N..N+29 carry frame N-1's timestamp (a stuck clock)
 * Everything else (pacing, the demo person's exercise) is the inner camera's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "camera.h"
#include "xmalloc.h"

#define ERRLEN 256
#define NEVER INT64_MAX
#define BACKWARDS_MS 10000
#define STALL_FRAMES 30

typedef struct faulty {
    camera base;
    camera *inner;
    int64_t stop_after, resize_at, backwards_at, stall_at;
    int64_t n;            /* frames delivered */
    int64_t stalled_t;    /* the timestamp repeated while stalled */
    bool stopped;
} faulty;

static camera_status faulty_poll(camera *cam, camera_frame *out)
{
    faulty *f = (faulty *)cam;
    if (f->stopped || f->n >= f->stop_after) {
        if (!f->stopped)
            snprintf(cam->error, sizeof cam->error,
                     "camera stopped sending frames (injected after %lld)",
                     (long long)f->stop_after);
        f->stopped = true;
        return CAMERA_ERROR;
    }
    camera_status st = camera_poll(f->inner, out);
    if (st != CAMERA_FRAME) {
        if (st == CAMERA_ERROR)
            snprintf(cam->error, sizeof cam->error, "%s", camera_error(f->inner));
        return st;
    }
    int64_t n = f->n++;
    if (n >= f->resize_at && out->width >= 32 && out->height >= 32) {
        int w = out->width / 2, h = out->height / 2;
        out->luma += (size_t)(out->height / 4) * (size_t)out->stride + (size_t)(out->width / 4);
        out->width = w;
        out->height = h;
    }
    if (n >= f->backwards_at)
        out->t_ms -= BACKWARDS_MS;
    if (n + 1 == f->stall_at)
        f->stalled_t = out->t_ms;
    if (n >= f->stall_at && n < f->stall_at + STALL_FRAMES)
        out->t_ms = f->stalled_t;
    out->seq = (uint64_t)n;
    return CAMERA_FRAME;
}

static int64_t faulty_next_due(const camera *cam)
{
    const faulty *f = (const faulty *)cam;
    return f->stopped ? NEVER : camera_next_due_ms(f->inner);
}

static void faulty_destroy(camera *cam)
{
    faulty *f = (faulty *)cam;
    camera_destroy(f->inner);
    free(f);
}

static const camera_ops faulty_ops = {
    .name = "fault",
    .poll = faulty_poll,
    .next_due_ms = faulty_next_due,
    .destroy = faulty_destroy,
};

/* One "name=N" item into its field. */
static bool parse_fault(faulty *f, const char *item)
{
    static const char *const names[] = { "stop-after", "resize-at", "backwards-at", "stall-at" };
    int64_t *fields[] = { &f->stop_after, &f->resize_at, &f->backwards_at, &f->stall_at };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t len = strlen(names[i]);
        if (strncmp(item, names[i], len) != 0 || item[len] != '=')
            continue;
        char *end;
        long long v = strtoll(item + len + 1, &end, 10);
        if (end == item + len + 1 || *end || v < 0)
            return false;
        *fields[i] = v;
        return true;
    }
    return false;
}

camera *camera_fault_wrap(camera *inner, const char *faults, char *errbuf)
{
    faulty *f = xcalloc(1, sizeof *f);
    f->base.ops = &faulty_ops;
    f->base.clock = inner->clock;
    f->stop_after = f->resize_at = f->backwards_at = f->stall_at = NEVER;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", faults);
    char *save = NULL;
    for (char *item = strtok_r(buf, "@", &save); item; item = strtok_r(NULL, "@", &save)) {
        if (!parse_fault(f, item)) {
            snprintf(errbuf, ERRLEN,
                     "camera fault '%.60s' not understood (want stop-after=N, resize-at=N, "
                     "backwards-at=N or stall-at=N)",
                     item);
            free(f);
            return NULL;
        }
    }
    f->inner = inner;
    return &f->base;
}

camera *camera_fault_inner(camera *cam)
{
    return cam && cam->ops == &faulty_ops ? ((faulty *)cam)->inner : cam;
}
