/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_replay: a recorded Y4M clip as a camera. Frame n (counting every
 * frame delivered or skipped since creation, across loops) is due at
 * start + n * 1000 * fps_den / fps_num, start being the clock time at creation,
 * so timestamps keep rising when a looping clip starts again. A poll reads
 * forward to the newest due frame, dropping the ones in between, exactly as a
 * live camera would drop frames behind a slow consumer.
 *
 * The end of the clip is CAMERA_END (or a rewind with opt->loop); a malformed
 * or truncated frame is CAMERA_ERROR with the reader's reason, which names the
 * file. Both are sticky: later polls return the same status.
 */
#include <stdio.h>
#include <stdlib.h>

#include "camera.h"
#include "xmalloc.h"
#include "y4m.h"

#define ERRLEN 256
#define MAX_RATE_TERM 1000000 /* keeps the pacing arithmetic far from overflow */

typedef struct replay {
    camera base;
    y4m_reader *reader;
    bool loop;
    int num, den;        /* frame rate, reduced */
    int64_t start_ms;
    int64_t next;        /* index of the next frame to deliver */
    int64_t read_index;  /* index the next frame read from the file will have */
    uint64_t seq;
    camera_status done;  /* CAMERA_FRAME while running, then END or ERROR */
} replay;

/* Reads the next frame of the clip, rewinding once at its end when looping.
 * 1 on a frame, 0 at the end, -1 on error (reason in cam->error). */
static int read_next(replay *r, const uint8_t **luma)
{
    int got = y4m_read_frame(r->reader, luma, r->base.error);
    if (got == 0 && r->loop) {
        if (!y4m_rewind(r->reader)) {
            snprintf(r->base.error, ERRLEN, "replay: cannot rewind the clip");
            return -1;
        }
        got = y4m_read_frame(r->reader, luma, r->base.error);
    }
    if (got > 0)
        r->read_index++;
    return got;
}

static camera_status replay_poll(camera *cam, camera_frame *out)
{
    replay *r = (replay *)cam;
    if (r->done != CAMERA_FRAME)
        return r->done;
    int64_t n = camera_last_due(r->start_ms, clock_now_ms(cam->clock), r->num, r->den);
    if (n < r->next)
        return CAMERA_NONE;
    const uint8_t *luma = NULL;
    int64_t index = -1;
    while (r->read_index <= n) {
        index = r->read_index;
        int got = read_next(r, &luma);
        if (got <= 0) {
            r->done = got == 0 ? CAMERA_END : CAMERA_ERROR;
            return r->done;
        }
    }
    r->next = n + 1;
    const y4m_info *info = y4m_reader_info(r->reader);
    *out = (camera_frame){ .luma = luma,
                           .width = info->width,
                           .height = info->height,
                           .stride = info->width,
                           .t_ms = camera_due_ms(r->start_ms, index, r->num, r->den),
                           .seq = r->seq++ };
    return CAMERA_FRAME;
}

static int64_t replay_next_due(const camera *cam)
{
    const replay *r = (const replay *)cam;
    if (r->done != CAMERA_FRAME)
        return INT64_MAX;
    return camera_due_ms(r->start_ms, r->next, r->num, r->den);
}

static void replay_destroy(camera *cam)
{
    replay *r = (replay *)cam;
    y4m_close(r->reader);
    free(r);
}

static const camera_ops replay_ops = {
    .name = "replay",
    .poll = replay_poll,
    .next_due_ms = replay_next_due,
    .destroy = replay_destroy,
};

static int gcd(int a, int b)
{
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

camera *camera_replay_create(const char *path, const camera_options *opt,
                             const rm_clock *clock, char *errbuf)
{
    char why[ERRLEN];
    y4m_reader *reader = y4m_open(path, why);
    if (!reader) {
        snprintf(errbuf, ERRLEN, "replay: %.240s", why);
        return NULL;
    }
    const y4m_info *info = y4m_reader_info(reader);
    int g = gcd(info->fps_num, info->fps_den);
    int num = info->fps_num / g, den = info->fps_den / g;
    if (num > MAX_RATE_TERM || den > MAX_RATE_TERM) {
        snprintf(errbuf, ERRLEN, "replay: %.200s: unusable frame rate %d:%d", path,
                 info->fps_num, info->fps_den);
        y4m_close(reader);
        return NULL;
    }
    replay *r = xcalloc(1, sizeof *r);
    r->base.ops = &replay_ops;
    r->base.clock = clock;
    r->reader = reader;
    r->loop = opt ? opt->loop : false;
    r->num = num;
    r->den = den;
    r->start_ms = clock_now_ms(clock);
    r->done = CAMERA_FRAME;
    return &r->base;
}
