/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * record: one session of the adherence record as the pure modules that judge a
 * history (history.h, progression.h) and the report see it. The adherence log
 * fills these in (adlog_records, app/adlog_history.c); tests build them by hand.
 * Days are local calendar day numbers (days since 1970-01-01 of the local
 * date), worked out by the reader, so nothing here needs a time zone.
 */
#ifndef RM_RECORD_H
#define RM_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "programme.h"

/* One block of a session: its prescription then, and what was done of it. */
typedef struct record_block {
    char key[PROGRAMME_TEXT];   /* "clamshell-left" */
    exercise_kind exercise;
    int sets, reps, hold_s;     /* as prescribed when the session began */
    int sets_full;              /* sets completed with at least `reps` reps */
    int reps_done, holds_met;
    float best_amplitude;       /* largest camera rep's range, 0 when none */
    float mean_amplitude;       /* mean of the camera reps' ranges, 0 when none */
    int camera_reps;            /* reps whose range the camera measured */
} record_block;

typedef struct record_session {
    int64_t id;
    int64_t started_ms;         /* wall clock */
    int64_t day;                /* local calendar day number of started_ms */
    bool completed;             /* status 'completed' */
    bool stopped;               /* a pain stop or a warning sign ended it */
    int pain_before, pain_after; /* 0..10, -1 when not asked */
    int reps_done, reps_target;
    int holds_met, holds_target; /* holds: reps of blocks with a hold > 0 */
    int n_blocks;
    record_block blocks[PROGRAMME_MAX_BLOCKS];
} record_session;

/* A progression decision as logged (adlog_progression). */
typedef struct record_decision {
    int64_t at_ms;
    char group[PROGRAMME_TEXT]; /* progression_group of the blocks it changed */
    bool accepted;
} record_decision;

#endif
