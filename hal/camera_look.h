/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_look: a short look at a camera's picture, for `rehab-mirror doctor`:
 * whether frames come, their size and rate, and whether the picture is one
 * the counter can use. A camera that lists fine can still give nothing a
 * counter can see: a lens cap or a dark room (motion.c takes a frame darker
 * than 16 levels on average for no picture), a window behind the mat that
 * washes the picture out, or a frame rate too low to follow a rep.
 *
 * It polls the camera for up to max_ms of the given clock (a virtual clock
 * is advanced to each frame, so tests take no time; a real one is slept on)
 * or until max_frames have come, whichever is first.
 */
#ifndef RM_CAMERA_LOOK_H
#define RM_CAMERA_LOOK_H

#include "camera.h"

typedef enum camera_look_verdict {
    CAMERA_LOOK_OK,
    CAMERA_LOOK_NONE,    /* no frame within max_ms */
    CAMERA_LOOK_FAILED,  /* the camera reported an error (error says which) */
    CAMERA_LOOK_DARK,    /* mean luma below CAMERA_LOOK_DARK_MEAN */
    CAMERA_LOOK_GLARE,   /* more than half the picture at CAMERA_LOOK_WHITE or above */
    CAMERA_LOOK_SLOW,    /* fewer than CAMERA_LOOK_MIN_FPS frames a second */
} camera_look_verdict;

#define CAMERA_LOOK_DARK_MEAN 16 /* motion.c: darker than this is no picture */
#define CAMERA_LOOK_WHITE 250    /* a pixel this bright has lost its detail */
#define CAMERA_LOOK_MIN_FPS 8    /* a rep's 1-2 s up and down needs 8 frames a second
                                    at least; the station asks for 15 */

typedef struct camera_look_result {
    camera_look_verdict verdict;
    int frames;
    int width, height;      /* of the last frame */
    int64_t first_ms;       /* after the look began, the first frame came (-1: none) */
    double fps;             /* over the frames seen (0 with fewer than 2) */
    double mean;            /* mean luma over them, 0-255 */
    double white_share;     /* share of pixels at CAMERA_LOOK_WHITE or above */
    char error[256];        /* CAMERA_LOOK_FAILED: the camera's reason */
} camera_look_result;

void camera_look(camera *cam, rm_clock *clock, int64_t max_ms, int max_frames,
                 camera_look_result *out);

#endif
