/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reps: the counting core's public face. Feed it luma frames with their
 * timestamps; it returns repetition and hold events. Pure: no I/O, no globals,
 * no allocation after reps_create, memory independent of clip length, so the
 * same code runs in the station, in `count`, in tests and in benchmarks.
 *
 * The counter follows the picture's position along the direction in which it
 * has changed most over the last seconds (motion.h) and counts cycles of it: a
 * rep leaves the end of the range where the person rests, reaches the other
 * end and comes back. Where the person rests is learnt from the movement, not
 * from a still period. A rep counts on the return to rest (it is decided on
 * the way down and reported once the person is back); its hold is the
 * time it spent near its top. An excursion well short of the range is reported
 * as PARTIAL and not counted. (The whole idea and its failures: top of reps.c.)
 */
#ifndef RM_REPS_H
#define RM_REPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "exercise.h"

typedef enum reps_event_kind {
    REPS_EVENT_REP,        /* a full repetition completed: counted */
    REPS_EVENT_PARTIAL,    /* an excursion well short of the full range: not counted */
    REPS_EVENT_HOLD_START, /* the top position was reached; the hold clock runs */
    REPS_EVENT_HOLD_END,   /* the top position was left; hold_ms is how long it lasted */
} reps_event_kind;

typedef struct reps_event {
    reps_event_kind kind;
    int64_t t_ms;       /* frame time at which the event was decided */
    int64_t start_ms;   /* REP, PARTIAL: when the excursion began */
    int64_t hold_ms;    /* REP, PARTIAL: time held at the top, measured when the
                           rep is decided; HOLD_END: the live hold's length */
    bool hold_met;      /* REP: hold_ms >= the configured hold target */
    bool began_unseen;  /* REP, PARTIAL: already under way when the counter became
                           ready (a clip, or a look at the person, that began
                           mid-rep): hold_ms is only the part of the hold it saw */
    float amplitude;    /* REP, PARTIAL: peak excursion / calibrated full rep (1 = full) */
    int count;          /* REP: the running count including this one */
} reps_event;

typedef enum reps_phase {
    REPS_PHASE_LEARNING, /* the first second of pictures: nothing to say yet */
    REPS_PHASE_REST,     /* at rest, ready */
    REPS_PHASE_MOVING,   /* on the way up or down */
    REPS_PHASE_HOLD,     /* at the top; hold clock running */
} reps_phase;

typedef struct reps_status {
    reps_phase phase;
    float level;        /* current excursion / calibrated full rep, 0.. (for a bar) */
    int64_t hold_ms;    /* HOLD: time held so far */
    int count;          /* reps counted since the last reset */
    float learn_progress; /* LEARNING: 0..1 */
    double least;       /* the least movement counted now, luma levels RMS (reps_missed
                           lowers it; a double, so the struct has no padding for the
                           session's memcmp of its view to trip on) */
} reps_status;

/* Tunables, with units. Documented defaults come from reps_default_config. */
typedef struct reps_config {
    exercise_kind exercise;
    int64_t hold_target_ms; /* hold that counts as met; 0 = any (default per exercise) */
    float scale;            /* how large the person is in the picture, against the
                               framing the counter was tuned on (reps_camera_scale);
                               the least movement counted grows with it. 0 = 1 */
} reps_config;

reps_config reps_default_config(exercise_kind exercise);

/* The framing the counter was tuned on: the real clips' median person, lying
 * across 65% of the picture's width, about 1.7 m long, so the picture is
 * about this wide where they lie. */
#define REPS_REFERENCE_VIEW_M 2.6

/* Where a camera can be, for reps_camera_scale (and the config's keys). */
#define REPS_CAMERA_DISTANCE_MIN 0.3 /* metres */
#define REPS_CAMERA_DISTANCE_MAX 10.0
#define REPS_CAMERA_VIEW_MIN 20.0    /* degrees across */
#define REPS_CAMERA_VIEW_MAX 170.0

/* How wide, in metres, a camera with a horizontal field of view of view_deg
 * degrees sees at distance_m; 0 when either is out of range. */
double reps_view_width_m(double distance_m, double view_deg);

/* reps_config.scale for a camera distance_m from the person (metres) with a
 * horizontal field of view of view_deg degrees: the tuned framing's view
 * width over this camera's there, as a person's size in the picture goes
 * with it. A Camera Module 3 (66 degrees) at 2 m is 1.0, at 2.5 m 0.80, at
 * 3 m 0.67. Values out of range give 1. */
float reps_camera_scale(double distance_m, double view_deg);

typedef struct reps_counter reps_counter;

/* Frames may be any size up to 4096x4096; a change of size relearns the rest
 * pose. */
reps_counter *reps_create(const reps_config *cfg);
void reps_destroy(reps_counter *c);
/* Forget the rest pose and the count: a new set or a new position. */
void reps_reset(reps_counter *c);
/* Forget the count, the rest pose and any movement under way, but keep the
 * picture of the last keep_ms: counting starts afresh from there, and a rest
 * pose seen in those moments is known at once (someone who was lying still
 * and has just begun to move). */
void reps_restart(reps_counter *c, int64_t keep_ms);

/* The person says a rep was just missed (OK at the station, with nothing
 * counted): if the picture moved over the window by less than the least
 * movement counted, but by at least a quarter of it (more than a resting
 * person's breathing at the framing tuned on), the person's reps are that
 * small: the least movement becomes half of what moved, for the counter's
 * life (reps_reset keeps it), so the next like it count. Returns the
 * factor by which it shrank (1: unchanged; from 0.25 to under 1 otherwise). */
float reps_missed(reps_counter *c);
/* Takes back what reps_missed did (shrink: what it returned), as when the rep
 * pressed for is undone; the last first. */
void reps_missed_undo(reps_counter *c, float shrink);

/* Feeds one frame. Writes up to `cap` events into out and returns how many.
 * Timestamps must not go backwards; a frame that does is ignored. */
size_t reps_feed(reps_counter *c, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, reps_event *out, size_t cap);

/* The input has ended (a clip's last frame): says a rep (or partial) decided
 * on the way down but not yet said, as reps_feed would once the person was
 * back. Returns how many events it wrote (0 or 1). */
size_t reps_flush(reps_counter *c, reps_event *out, size_t cap);

reps_status reps_get_status(const reps_counter *c);

/* What the counter saw and thought at the last frame, for tools that trace it
 * frame by frame (rm-evaluate --trace); not for the station. */
typedef struct reps_trace {
    float pos, lo, hi;   /* motion.h: position along the direction, the window's extremes */
    float lambda;        /* the window's spread along it */
    float range;         /* the range the level is measured against, luma levels */
    float level;         /* distance from rest / range, 0 at rest */
    float peak;          /* this excursion's highest level */
    int rest_side;       /* -1: rest at lo, +1: at hi, 0: not known */
    bool out;            /* in an excursion */
} reps_trace;

void reps_get_trace(const reps_counter *c, reps_trace *out);

#endif
