/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_synthetic: the procedural person (synth.h) as a camera, the demo
 * default and a test source. Frames are paced by the clock: frame n of the
 * current performance is due at start + n * 1000 / fps, where start is the
 * clock time at creation or at the last camera_synthetic_set_exercise. A poll
 * renders only the newest due frame, so a slow main loop (or a virtual clock
 * that jumps) skips frames instead of falling behind; each frame is rendered
 * at its own due time, so its content matches its timestamp.
 *
 * The performance's time axis starts at start: the mat is empty for
 * DEMO_ARRIVE_MS (the person arriving, so the position screen sees someone
 * come: presence.h), the person settles, then does opt->reps repetitions
 * (forever, in sets, when reps < 0) and then lies still.
 *
 * A gap (option "gap=AT+SECONDS") is a camera that stops: no frame is due
 * from clock time AT for SECONDS, then frames resume where the performance
 * has got to, as a live camera's would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "camera.h"
#include "xmalloc.h"

#define ERRLEN 256
#define DEMO_ARRIVE_MS 500 /* within the settle, so the reps keep their times */
/* Arrived, the person lies still until "Go" (the position screen waits for
 * stillness, which it sees some 3.3 s after the arrival, and "Go" follows
 * a second later) and then begins, as a person would on hearing it. */
#define DEMO_SETTLE_MS 5500

typedef struct synthetic {
    camera base;
    synth_params params;
    int fps;
    int64_t start_ms;    /* clock time of the performance's frame 0 */
    int64_t next;        /* index of the next frame to deliver */
    int64_t last_t_ms;   /* timestamp of the last delivered frame, -1 before any */
    uint64_t seq;
    uint8_t *luma;
    int64_t gap_at_ms, gap_end_ms; /* no frames in [at, end) */
} synthetic;

/* --- the gap: a camera that stops for a while ---------------------------- */

bool camera_synthetic_parse_options(const char *opts, camera_options *opt, char *errbuf)
{
    double at, len;
    int used = 0;
    if (sscanf(opts, "gap=%lf+%lf%n", &at, &len, &used) == 2 && opts[used] == '\0' &&
        at >= 0 && len > 0 && at < 1e7 && len < 1e7) {
        opt->gap_at_ms = (int64_t)(at * 1000.0);
        opt->gap_for_ms = (int64_t)(len * 1000.0);
        return true;
    }
    snprintf(errbuf, ERRLEN, "synthetic camera: unknown option '%.80s' (want gap=AT+SECONDS)",
             opts);
    return false;
}

static bool in_gap(const synthetic *s, int64_t t_ms)
{
    return t_ms >= s->gap_at_ms && t_ms < s->gap_end_ms;
}

static camera_status synthetic_poll(camera *cam, camera_frame *out)
{
    synthetic *s = (synthetic *)cam;
    int64_t now = clock_now_ms(cam->clock);
    int64_t n = camera_last_due(s->start_ms, now, s->fps, 1);
    if (n < s->next || in_gap(s, now))
        return CAMERA_NONE;
    int64_t t = camera_due_ms(s->start_ms, n, s->fps, 1);
    synth_render(&s->params, t - s->start_ms, s->luma, s->params.width);
    s->next = n + 1;
    s->last_t_ms = t;
    *out = (camera_frame){ .luma = s->luma,
                           .width = s->params.width,
                           .height = s->params.height,
                           .stride = s->params.width,
                           .t_ms = t,
                           .seq = s->seq++ };
    return CAMERA_FRAME;
}

static int64_t synthetic_next_due(const camera *cam)
{
    const synthetic *s = (const synthetic *)cam;
    int64_t t = camera_due_ms(s->start_ms, s->next, s->fps, 1);
    if (in_gap(s, t) || in_gap(s, clock_now_ms(cam->clock)))
        return s->gap_end_ms;
    return t;
}

static void synthetic_destroy(camera *cam)
{
    synthetic *s = (synthetic *)cam;
    free(s->luma);
    free(s);
}

static const camera_ops synthetic_ops = {
    .name = "synthetic",
    .poll = synthetic_poll,
    .next_due_ms = synthetic_next_due,
    .destroy = synthetic_destroy,
};

/* Starts a new performance at the current clock time. Frame 0 is skipped when
 * a frame with that timestamp was already delivered, so timestamps rise. */
static void restart(synthetic *s)
{
    s->start_ms = clock_now_ms(s->base.clock);
    s->next = s->last_t_ms >= s->start_ms ? 1 : 0;
}

camera *camera_synthetic_create(exercise_kind ex, const camera_options *opt,
                                const rm_clock *clock, char *errbuf)
{
    camera_options defaults = camera_default_options();
    if (!opt)
        opt = &defaults;
    int w = opt->width ? opt->width : defaults.width;
    int h = opt->height ? opt->height : defaults.height;
    int fps = opt->fps ? opt->fps : defaults.fps;
    if (w < 16 || h < 16 || w > 4096 || h > 4096) {
        snprintf(errbuf, ERRLEN, "synthetic camera: bad size %dx%d (want 16..4096 a side)", w,
                 h);
        return NULL;
    }
    if (fps < 1 || fps > 240) {
        snprintf(errbuf, ERRLEN, "synthetic camera: bad frame rate %d (want 1..240)", fps);
        return NULL;
    }
    if ((unsigned)ex >= EXERCISE_KIND_COUNT) {
        snprintf(errbuf, ERRLEN, "synthetic camera: unknown exercise %d", (int)ex);
        return NULL;
    }
    synthetic *s = xcalloc(1, sizeof *s);
    s->base.ops = &synthetic_ops;
    s->base.clock = clock;
    s->params = synth_defaults(ex, w, h);
    s->params.reps = opt->reps;
    s->params.seed = opt->seed;
    s->params.arrive_ms = DEMO_ARRIVE_MS;
    s->params.settle_ms = DEMO_SETTLE_MS;
    s->fps = fps;
    s->last_t_ms = -1;
    s->luma = xmalloc((size_t)w * (size_t)h);
    s->gap_at_ms = opt->gap_at_ms;
    s->gap_end_ms = opt->gap_for_ms > 0 ? opt->gap_at_ms + opt->gap_for_ms : 0;
    restart(s);
    return &s->base;
}

void camera_synthetic_set_exercise(camera *cam, exercise_kind ex, bool mirror)
{
    cam = camera_fault_inner(cam);
    if (!cam || cam->ops != &synthetic_ops || (unsigned)ex >= EXERCISE_KIND_COUNT)
        return;
    synthetic *s = (synthetic *)cam;
    synth_params p = synth_defaults(ex, s->params.width, s->params.height);
    p.reps = s->params.reps;
    p.seed = s->params.seed;
    p.mirror = mirror;
    p.arrive_ms = DEMO_ARRIVE_MS;
    p.settle_ms = DEMO_SETTLE_MS;
    s->params = p;
    restart(s);
}
