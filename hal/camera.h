/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera: one interface for every source of frames. A camera is chosen at run
 * time by a spec string:
 *   "synthetic[:EXERCISE]"  the procedural person (synth.h), the demo default;
 *                           options follow after commas, e.g. ":bridge,gap=20+5"
 *                           (camera_synthetic_parse_options)
 *   "replay:FILE.y4m"       a recorded clip, optionally looping
 *   "libcamera[:ID]"        the real camera (camera_libcamera.h; needs HAVE_LIBCAMERA)
 *   any of these + "@FAULT..." the same camera misbehaving on purpose, for tests
 *                           (camera_fault.c: stop-after=N, resize-at=N, ...)
 *
 * Frames are luma only (8-bit, stride bytes per row) with a timestamp in the
 * station clock's milliseconds. Sources are polled from the main thread; a
 * backend that blocks (libcamera's completion callback) runs on its own thread
 * and only hands its newest frame over, so camera_poll never blocks.
 *
 * File and procedural sources are paced by the clock given at creation: frame n
 * becomes due at start + n * frame period. camera_next_due_ms tells a virtual
 * clock how far to jump to the next frame.
 */
#ifndef RM_CAMERA_H
#define RM_CAMERA_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
#include "synth.h"

typedef struct camera_frame {
    const uint8_t *luma; /* owned by the camera, valid until the next poll */
    int width, height, stride;
    int64_t t_ms;        /* clock time the frame was captured */
    uint64_t seq;        /* 0, 1, 2, ... per camera */
} camera_frame;

typedef enum camera_status {
    CAMERA_FRAME,  /* *out holds a new frame */
    CAMERA_NONE,   /* nothing new yet */
    CAMERA_END,    /* the source has finished (a clip without loop) */
    CAMERA_ERROR,  /* the source failed; camera_error() says why. Sticky for
                    * a file, but a live camera (libcamera) returns it only
                    * while it is lost ("camera stopped sending frames": none
                    * for 2 s) and CAMERA_FRAME again when frames resume */
} camera_status;

typedef struct camera camera;

/* The backend contract. Each backend fills one of these; see camera_replay.c,
 * camera_synthetic.c. */
typedef struct camera_ops {
    const char *name;
    camera_status (*poll)(camera *cam, camera_frame *out);
    int64_t (*next_due_ms)(const camera *cam); /* INT64_MAX when unknown or live */
    void (*destroy)(camera *cam);
} camera_ops;

struct camera {
    const camera_ops *ops;
    const rm_clock *clock;
    char error[256];
};

typedef struct camera_options {
    bool loop;            /* replay: start again at the end */
    int width, height;    /* synthetic: frame size (default 320x240) */
    int fps;              /* synthetic, libcamera: frame rate (default 15) */
    int reps;             /* synthetic: reps per performance, < 0 forever (default) */
    uint32_t seed;
    int64_t gap_at_ms;    /* synthetic: send no frame from this clock time ... */
    int64_t gap_for_ms;   /* ... for this long (0 = no gap): a camera that stops */
} camera_options;

camera_options camera_default_options(void);

/* Creates a camera from a spec string. NULL on failure with a one-line reason
 * in errbuf (256 bytes). Does not fall back: the caller decides that. */
camera *camera_create(const char *spec, const camera_options *opt, const rm_clock *clock,
                      char *errbuf);
void camera_destroy(camera *cam);

camera_status camera_poll(camera *cam, camera_frame *out);
int64_t camera_next_due_ms(const camera *cam);
const char *camera_error(const camera *cam);
const char *camera_name(const camera *cam);

/* Synthetic camera options, the comma-separated list after the exercise in
 * the spec: "gap=AT+SECONDS" sends no frame from clock second AT for SECONDS
 * (a camera that stops and comes back, for tests). False with a reason. */
bool camera_synthetic_parse_options(const char *opts, camera_options *opt, char *errbuf);

/* Synthetic cameras only: switch what the person performs, starting now (the
 * station tells the demo person which exercise the session is on). No-op on
 * other backends. */
void camera_synthetic_set_exercise(camera *cam, exercise_kind ex, bool mirror);

/* Pacing shared by the clock-paced backends. Frame n of a source running at
 * num/den frames per second that started at start_ms is due at
 * start_ms + floor(n * 1000 * den / num). camera_last_due gives the highest n
 * due by now_ms, -1 before frame 0 is due. */
int64_t camera_due_ms(int64_t start_ms, int64_t n, int num, int den);
int64_t camera_last_due(int64_t start_ms, int64_t now_ms, int num, int den);

/* Backend constructors, used by camera_create. */
camera *camera_replay_create(const char *path, const camera_options *opt,
                             const rm_clock *clock, char *errbuf);
camera *camera_synthetic_create(exercise_kind ex, const camera_options *opt,
                                const rm_clock *clock, char *errbuf);
/* Wraps inner in the fault injector, which owns it from then on; faults is
 * the text after the first '@' of the spec. NULL on a bad fault list (inner
 * is then still the caller's). */
camera *camera_fault_wrap(camera *inner, const char *faults, char *errbuf);
/* The wrapped camera of a fault injector, or cam itself. */
camera *camera_fault_inner(camera *cam);

#endif
