/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_look: see camera_look.h. Every 4th pixel of every 4th row is
 * enough for a mean and a share.
 */
#include "camera_look.h"

#include <stdio.h>
#include <time.h>

#define STEP 4

/* Adds a frame's sampled pixels to the sums. */
static void measure(const camera_frame *f, double *sum, double *white, double *n)
{
    for (int y = 0; y < f->height; y += STEP) {
        const uint8_t *row = f->luma + (size_t)y * (size_t)f->stride;
        for (int x = 0; x < f->width; x += STEP) {
            *sum += row[x];
            *white += row[x] >= CAMERA_LOOK_WHITE;
            *n += 1.0;
        }
    }
}

/* Waits for the next frame: a virtual clock jumps to it, a real one sleeps. */
static void wait_frame(const camera *cam, rm_clock *clock)
{
    int64_t now = clock_now_ms(clock);
    if (clock_is_virtual(clock)) {
        int64_t due = camera_next_due_ms(cam);
        clock_advance_to(clock, due != INT64_MAX && due > now ? due : now + 10);
    } else {
        nanosleep(&(struct timespec){ .tv_nsec = 10 * 1000 * 1000 }, NULL);
    }
}

static camera_look_verdict judge(const camera_look_result *r)
{
    if (r->frames == 0)
        return CAMERA_LOOK_NONE;
    if (r->mean < CAMERA_LOOK_DARK_MEAN)
        return CAMERA_LOOK_DARK;
    if (r->white_share > 0.5)
        return CAMERA_LOOK_GLARE;
    if (r->frames >= 2 && r->fps < CAMERA_LOOK_MIN_FPS)
        return CAMERA_LOOK_SLOW;
    return CAMERA_LOOK_OK;
}

void camera_look(camera *cam, rm_clock *clock, int64_t max_ms, int max_frames,
                 camera_look_result *out)
{
    *out = (camera_look_result){ .first_ms = -1 };
    int64_t start = clock_now_ms(clock), first_t = 0, last_t = 0;
    double sum = 0.0, white = 0.0, n = 0.0;
    while (out->frames < max_frames && clock_now_ms(clock) - start < max_ms) {
        camera_frame f;
        camera_status st = camera_poll(cam, &f);
        if (st == CAMERA_FRAME) {
            if (out->frames++ == 0) {
                out->first_ms = clock_now_ms(clock) - start;
                first_t = f.t_ms;
            }
            last_t = f.t_ms;
            out->width = f.width;
            out->height = f.height;
            measure(&f, &sum, &white, &n);
        } else if (st == CAMERA_ERROR) {
            snprintf(out->error, sizeof out->error, "%s", camera_error(cam));
            out->verdict = CAMERA_LOOK_FAILED;
            break;
        } else if (st == CAMERA_END) {
            break;
        } else {
            wait_frame(cam, clock);
        }
    }
    if (n > 0.0) {
        out->mean = sum / n;
        out->white_share = white / n;
    }
    if (out->frames >= 2 && last_t > first_t)
        out->fps = (out->frames - 1) * 1000.0 / (double)(last_t - first_t);
    if (out->verdict != CAMERA_LOOK_FAILED) /* a camera that stops at once has failed */
        out->verdict = judge(out);
}
