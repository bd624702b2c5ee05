/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rm-bench: the counting core's cost on one clip, without the file reading.
 *
 *   rm-bench [--exercise EX] [--repeat N] [--position] CLIP.y4m
 *
 * Reads every frame into memory first, then feeds them to a counter (the reps
 * API, as `rehab-mirror count` does) N times (default 3; a fresh counter each
 * pass) and prints: frames, the counter's heap (what reps_create allocated),
 * the allocations made while frames were fed (the target is none), and the
 * wall time per frame: the mean and the slowest of each frame's best time over
 * the passes (so a scheduler hiccup on a busy machine does not count). Allocations are counted by wrapping
 * malloc, calloc, realloc and free at link time (-Wl,--wrap), which covers every
 * call from the counting core's objects. A program that prints figures, not a
 * test: scripts/bench runs it.
 *
 * --position feeds each frame as the position screen does at its busiest
 * (session.c, look; session_reps.c): to presence and to two counters, the one
 * started when someone was seen and the watch beside it, until one of them
 * counts a rep. Each frame goes through position_frame, which callgrind can
 * name (scripts/bench).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "presence.h"
#include "reps.h"
#include "xmalloc.h"
#include "y4m.h"

static long allocs, alloc_bytes;

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);

void *__wrap_malloc(size_t n)
{
    allocs++;
    alloc_bytes += (long)n;
    return __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
    allocs++;
    alloc_bytes += (long)(k * n);
    return __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
    allocs++;
    alloc_bytes += (long)n;
    return __real_realloc(p, n);
}

typedef struct clip {
    uint8_t *frames;
    int w, h, n;
    int64_t *t_ms;
} clip;

static bool load(const char *path, clip *c)
{
    char err[256];
    y4m_reader *r = y4m_open(path, err);
    if (!r) {
        fprintf(stderr, "rm-bench: %s\n", err);
        return false;
    }
    const y4m_info *in = y4m_reader_info(r);
    size_t size = (size_t)in->width * (size_t)in->height, cap = 0;
    *c = (clip){ .w = in->width, .h = in->height };
    const uint8_t *luma;
    int got;
    while ((got = y4m_read_frame(r, &luma, err)) == 1) {
        if ((size_t)c->n == cap) {
            cap = cap ? 2 * cap : 64;
            c->frames = xrealloc(c->frames, cap * size);
            c->t_ms = xrealloc(c->t_ms, cap * sizeof *c->t_ms);
        }
        memcpy(c->frames + (size_t)c->n * size, luma, size);
        c->t_ms[c->n] = (int64_t)c->n * 1000 * in->fps_den / in->fps_num;
        c->n++;
    }
    if (got < 0)
        fprintf(stderr, "rm-bench: %s\n", err);
    y4m_close(r);
    return got == 0 && c->n > 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One frame of the position screen at its busiest. Not inlined, so that
 * callgrind counts its instructions apart. */
__attribute__((noinline)) static void position_frame(presence *p, reps_counter *a,
                                                     reps_counter *b, const uint8_t *luma,
                                                     int w, int h, int64_t t_ms)
{
    reps_event ev[8];
    presence_feed(p, luma, w, h, w, t_ms, false);
    reps_feed(a, luma, w, h, w, t_ms, ev, 8);
    reps_feed(b, luma, w, h, w, t_ms, ev, 8);
}

int main(int argc, char **argv)
{
    exercise_kind ex = EXERCISE_BRIDGE;
    int repeat = 3;
    bool position = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--exercise") && i + 1 < argc) {
            if (!exercise_parse(argv[++i], &ex))
                return fprintf(stderr, "rm-bench: unknown exercise %s\n", argv[i]), 2;
        } else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = atoi(argv[++i]);
            repeat = repeat < 1 ? 1 : repeat;
        } else if (!strcmp(argv[i], "--position")) {
            position = true;
        } else if (argv[i][0] != '-' && !path) {
            path = argv[i];
        } else {
            return fprintf(stderr, "usage: rm-bench [--exercise EX] [--repeat N] [--position] CLIP.y4m\n"), 2;
        }
    }
    clip c;
    if (!path || !load(path, &c))
        return path ? 1 : (fprintf(stderr, "rm-bench: no clip given\n"), 2);
    size_t size = (size_t)c.w * (size_t)c.h;
    double *frame_best = xmalloc((size_t)c.n * sizeof *frame_best);
    for (int k = 0; k < c.n; k++)
        frame_best[k] = 1e30;
    long create_allocs = 0, create_bytes = 0, feed_allocs = 0;
    int counted = 0;
    for (int pass = 0; pass < repeat; pass++) {
        reps_config cfg = reps_default_config(ex);
        long a0 = allocs, b0 = alloc_bytes;
        reps_counter *rc = reps_create(&cfg);
        reps_counter *watch = position ? reps_create(&cfg) : NULL;
        presence *pr = position ? presence_create() : NULL;
        create_allocs = allocs - a0;
        create_bytes = alloc_bytes - b0;
        long f0 = allocs;
        reps_event ev[8];
        for (int k = 0; k < c.n; k++) {
            const uint8_t *luma = c.frames + (size_t)k * size;
            double f0t = now_s();
            if (position)
                position_frame(pr, rc, watch, luma, c.w, c.h, c.t_ms[k]);
            else
                reps_feed(rc, luma, c.w, c.h, c.w, c.t_ms[k], ev, 8);
            double f = now_s() - f0t;
            frame_best[k] = f < frame_best[k] ? f : frame_best[k];
        }
        feed_allocs += allocs - f0;
        counted = reps_get_status(rc).count;
        reps_destroy(rc);
        reps_destroy(watch);
        presence_destroy(pr);
    }
    printf("clip %s: %dx%d, %d frames, %d reps counted\n", path, c.w, c.h, c.n, counted);
    printf("%s heap: %ld bytes in %ld blocks (reps_create%s)\n",
           position ? "position screen" : "counter", create_bytes, create_allocs,
           position ? " twice, presence_create" : "");
    printf("allocations while feeding %d frames x %d passes: %ld\n", c.n, repeat, feed_allocs);
    int slow = 0;
    double sum = 0.0;
    for (int k = 0; k < c.n; k++) {
        sum += frame_best[k];
        slow = frame_best[k] > frame_best[slow] ? k : slow;
    }
    printf("wall time per frame (%s, each frame's best of %d): mean %.1f us, "
           "slowest %.1f us (frame %d)\n",
           position ? "presence and two counters" : "counter only", repeat, sum / c.n * 1e6,
           frame_best[slow] * 1e6, slow);
    free(frame_best);
    free(c.frames);
    free(c.t_ms);
    return 0;
}
