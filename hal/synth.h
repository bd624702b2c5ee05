/*
 * synth: a procedural person on a mat, rendered as a luma image. It is the
 * station's demo camera and the test source for the counter: it knows the true
 * timing of every repetition and hold it renders.
 *
 * The scene: a dark room, a lighter mat near the bottom of the frame, a person
 * lying down drawn from filled limb capsules (head, torso, upper and lower legs,
 * arms) in the start position of the exercise. Each repetition moves the
 * exercise's limbs from the rest pose to the top pose (up_ms), holds (hold_ms),
 * returns (down_ms) and rests (rest_ms) before the next. Clamshell: the top knee
 * opens upward about the feet. Bridge: the hips lift until shoulders, hips and
 * knees line up. Quad set: the thigh tightens, the kneecap and the front of the
 * thigh shift by a few pixels (the subtle one). Generic: a straight-leg raise.
 *
 * Rendering is a pure function of (params, t_ms): no state, no allocation, so
 * any frame can be produced on demand and identically on every machine
 * (noise comes from a hash of seed, frame time and pixel, not from rand()).
 */
#ifndef RM_SYNTH_H
#define RM_SYNTH_H

#include <stdbool.h>
#include <stdint.h>

#include "exercise.h"

/* An endless performance (reps < 0) comes in sets: SYNTH_SET_REPS reps, then a
 * pause of SYNTH_SET_PAUSE_MS at rest (on top of the rep's own rest), like a
 * person between sets. */
#define SYNTH_SET_REPS 10
#define SYNTH_SET_PAUSE_MS 6000

typedef struct synth_params {
    exercise_kind exercise;
    int width, height;   /* frame size in pixels */
    int reps;            /* repetitions to perform; < 0 means forever */
    int64_t settle_ms;   /* still, in the rest pose, before the first rep */
    int64_t up_ms, hold_ms, down_ms, rest_ms; /* one repetition's phases */
    float noise;         /* sensor noise standard deviation, in luma levels */
    uint32_t seed;       /* for the noise */
    bool mirror;         /* lie the other way (head on the right): the other side */
    float scale;         /* person length as a fraction of frame width, 0 = 0.7 */
} synth_params;

/* Sensible defaults for an exercise at a size: 10 reps with the protocol's
 * tempo (2 s up, hold per exercise, 2 s down, 1.5 s rest), 3 s settle, noise 2. */
synth_params synth_defaults(exercise_kind exercise, int width, int height);

/* Renders the scene at time t_ms into luma (stride bytes per row). */
void synth_render(const synth_params *p, int64_t t_ms, uint8_t *luma, int stride);

/* The truth, for tests and labels: the time rep i (0-based) returns to rest,
 * its start and its hold at the top, and the total length of the performance
 * (settle + all reps; for reps < 0, INT64_MAX). */
typedef struct synth_rep_truth {
    int64_t start_ms, top_ms, hold_ms, end_ms;
} synth_rep_truth;
synth_rep_truth synth_rep_time(const synth_params *p, int i);
int64_t synth_duration_ms(const synth_params *p);
/* How far into the movement the person is at t_ms: 0 at rest, 1 at the top. */
float synth_pose_at(const synth_params *p, int64_t t_ms);

#endif
