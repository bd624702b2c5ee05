/*
 * reps: the counting core's public face. Feed it luma frames with their
 * timestamps; it returns repetition and hold events. Pure: no I/O, no globals,
 * no allocation after reps_create, memory independent of clip length, so the
 * same code runs in the station, in `count`, in tests and in benchmarks.
 *
 * A counter learns the rest pose while the person settles (phase LEARNING),
 * then reports each excursion from it. A rep counts on the return to rest; the
 * hold is the time spent at the top. An excursion well short of the calibrated
 * full range is reported as PARTIAL and not counted. Movements that are not
 * the exercise (someone walking past, a hand to the face, a knocked camera)
 * are not reported at all; when the picture settles somewhere new the rest
 * pose is re-anchored there. (How the signal is made is in motion.c, how it is
 * counted at the top of reps.c.)
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
    float amplitude;    /* REP, PARTIAL: peak excursion / calibrated full rep (1 = full) */
    int count;          /* REP: the running count including this one */
} reps_event;

typedef enum reps_phase {
    REPS_PHASE_LEARNING, /* learning the rest pose: keep still */
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
} reps_status;

/* Tunables, with units. Documented defaults come from reps_default_config. */
typedef struct reps_config {
    exercise_kind exercise;
    int64_t hold_target_ms; /* hold that counts as met; 0 = any (default per exercise) */
    int64_t learn_ms;       /* stillness needed to learn the rest pose */
} reps_config;

reps_config reps_default_config(exercise_kind exercise);

typedef struct reps_counter reps_counter;

/* Frames may be any size up to 4096x4096; a change of size relearns the rest
 * pose. */
reps_counter *reps_create(const reps_config *cfg);
void reps_destroy(reps_counter *c);
/* Forget the rest pose and the count: a new set or a new position. */
void reps_reset(reps_counter *c);

/* Feeds one frame. Writes up to `cap` events into out and returns how many.
 * Timestamps must not go backwards; a frame that does is ignored. */
size_t reps_feed(reps_counter *c, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, reps_event *out, size_t cap);

reps_status reps_get_status(const reps_counter *c);

/* What the counter saw and thought at the last frame, for tools that trace it
 * frame by frame (rm-evaluate --trace); not for the station. */
typedef struct reps_trace {
    float excursion, moment, energy, similarity, match, spread, cx, cy, sigma, moved;
    bool still;
    int zone_reps;
    float enter, floor;  /* the high threshold at rest; the rest floor */
    float full, peak;    /* calibrated full rep; this excursion's peak */
    float sm;            /* the smoothed signal the hold logic uses */
} reps_trace;

void reps_get_trace(const reps_counter *c, reps_trace *out);

#endif
