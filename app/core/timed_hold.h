/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * timed_hold: holds led by the clock, for an exercise whose work a camera
 * cannot be shown to see. A quad set tightens the thigh and draws the kneecap
 * up: a few pixels at 2-3 m, and the only public footage of a real one found
 * is a close-up of the thigh (tests/real/clips.tsv), nothing like the
 * station's view of a whole body. So the station leads
 * each hold by the clock and by voice, and the camera's only job is to check
 * that the person stayed still through it.
 *
 * Each cycle: TIGHTEN (TIMED_TIGHTEN_MS to get the thigh tight) -> HOLD (the
 * prescription) -> RELAX (TIMED_RELAX_MS) -> TIGHTEN ... A hold through which
 * the camera saw no movement ends in a REP event (hold_met, hold_ms the
 * prescription); one during which the person moved (sat up, turned, left)
 * ends in a PARTIAL, is not counted, and the next cycle tries again.
 *
 * Pure: times in, events out, no allocation; the caller owns the struct.
 */
#ifndef RM_TIMED_HOLD_H
#define RM_TIMED_HOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reps.h"

/* Two seconds to tighten: long enough to hear "tighten" and do it. Four to
 * relax: quad-set instructions say "relax for a few seconds" between holds. */
#define TIMED_TIGHTEN_MS 2000
#define TIMED_RELAX_MS 4000
/* A tick this late after a phase's end (a stalled loop) grants nothing: the
 * camera was not watching, so the cycle starts again at TIGHTEN. */
#define TIMED_LATE_MS 1000

typedef enum timed_phase { TIMED_TIGHTEN, TIMED_HOLD, TIMED_RELAX } timed_phase;

typedef struct timed_hold {
    int64_t hold_ms;   /* the prescription */
    timed_phase phase;
    int64_t phase_end; /* clock time at which the phase ends */
    int64_t hold_from; /* HOLD: when it began */
    bool moved;        /* HOLD: the camera saw the person move */
    int count;         /* holds completed since timed_hold_start */
} timed_hold;

/* Begins a cycle at TIGHTEN (a set starts, or a hold was interrupted: by the
 * pause menu, a lost camera; a hold is never timed across an interruption). */
void timed_hold_start(timed_hold *t, int64_t hold_ms, int64_t now_ms);
/* The camera saw movement at this time (counts only during HOLD). */
void timed_hold_moved(timed_hold *t);
/* Lets time pass up to now_ms; writes up to cap events (HOLD_START, HOLD_END,
 * REP or PARTIAL) and returns how many. Events carry the time they were due,
 * not now_ms. Call it at least every TIMED_LATE_MS (see timed_hold_next_ms). */
size_t timed_hold_tick(timed_hold *t, int64_t now_ms, reps_event *out, size_t cap);
/* When the current phase ends. */
int64_t timed_hold_next_ms(const timed_hold *t);
/* Time left in the current phase at now_ms, >= 0. */
int64_t timed_hold_left_ms(const timed_hold *t, int64_t now_ms);

#endif
