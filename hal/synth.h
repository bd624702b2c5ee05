/* SPDX-License-Identifier: GPL-3.0-or-later */
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
 *
 * The corpus generator (tests/corpus) drives the lower-level synth_render_frame,
 * which takes the whole state of one frame instead of a time: the person's pose
 * (movement, fidgeting arm and head, body shift), the camera's shift after a
 * bump, people walking past behind or in front, the exposure gain and mains
 * flicker (with rolling-shutter bands), and an empty room. synth_render is
 * synth_render_frame with a plain frame at the schedule's pose.
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
    float cx;            /* hip position, fraction of frame width; 0 = centred */
    float mat_y;         /* mat top, fraction of frame height; 0 = 0.8 */
    bool furnished;      /* a room with a door, furniture and a picture (texture
                            that shows a bumped camera), laid out from seed */
    int64_t arrive_ms;   /* nobody on the mat before this time (the person then
                            appears, lying at rest); 0 = there from the start.
                            The performance keeps its times: settle_ms covers it */
} synth_params;

/* Sensible defaults for an exercise at a size: 10 reps with the protocol's
 * tempo (2 s up, hold per exercise, 2 s down, 1.5 s rest), 3 s settle, noise 2. */
synth_params synth_defaults(exercise_kind exercise, int width, int height);

/* Renders the scene at time t_ms into luma (stride bytes per row). */
void synth_render(const synth_params *p, int64_t t_ms, uint8_t *luma, int stride);

/* The person's pose in one frame. */
typedef struct synth_pose {
    float s;                /* the exercise movement: 0 rest, 1 full top (partial < 1) */
    float arm;              /* near hand raised towards the face, 0..1 (fidgeting) */
    float head;             /* head lifted off the mat, 0..1 (fidgeting) */
    float shift_x, shift_y; /* whole body moved along / up, person lengths */
} synth_pose;

/* Someone walking past, standing upright, legs and arms swinging. */
typedef struct synth_walker {
    bool active;
    float x;      /* body centre, fraction of frame width (may be outside 0..1) */
    float foot_y; /* where the feet are, fraction of frame height */
    float height; /* standing height, fraction of frame height */
    float phase;  /* gait phase, radians */
    float luma;   /* clothing */
} synth_walker;

/* Everything that makes one frame. */
typedef struct synth_frame {
    synth_pose pose;
    bool empty;                /* nobody on the mat */
    int cam_dx, cam_dy;        /* camera shift (a bump), pixels; the scene moves by it */
    synth_walker behind, front; /* behind: occluded by the person; front: occludes */
    float gain;                /* exposure gain on the scene, 1 = nominal; 0 taken as 1 */
    float flicker;             /* mains flicker amplitude (fraction of brightness) */
    float flicker_phase;       /* flicker phase at the first row, radians */
    float flicker_per_row;     /* phase advance per row (rolling shutter), radians */
} synth_frame;

/* A frame at rest, nothing else going on. */
synth_frame synth_plain_frame(void);
/* Renders one frame; t_ms only seeds the sensor noise. */
void synth_render_frame(const synth_params *p, const synth_frame *f, int64_t t_ms,
                        uint8_t *luma, int stride);

/* The truth, for tests and labels: the time rep i (0-based) returns to rest,
 * its start and its hold at the top, and the total length of the performance
 * (settle + all reps; for reps < 0, INT64_MAX). */
typedef struct synth_rep_truth {
    int64_t start_ms, top_ms, hold_ms, end_ms;
} synth_rep_truth;
synth_rep_truth synth_rep_time(const synth_params *p, int i);
int64_t synth_duration_ms(const synth_params *p);
/* One movement's profile u ms after it starts: eased (half-cosine) from 0 to 1
 * over up_ms, 1 for hold_ms, eased back to 0 over down_ms; 0 before and after. */
float synth_move_level(int64_t u, int64_t up_ms, int64_t hold_ms, int64_t down_ms);
/* How far into the movement the person is at t_ms: 0 at rest, 1 at the top. */
float synth_pose_at(const synth_params *p, int64_t t_ms);

#endif
