/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * phrases: everything the station says aloud, as one table. A phrase is an id
 * with a text template; the text is what espeak-ng reads (numbers as digits,
 * which the voice reads in its own language). The table is the one place to
 * translate: every template is marked N_() for xgettext, and phrases_text() is
 * the one place that looks them up (gettext; app/i18n.h picks the language).
 * Pure apart from that lookup.
 */
#ifndef RM_PHRASES_H
#define RM_PHRASES_H

#include <stdbool.h>
#include <stddef.h>

#include "exercise.h"
#include "programme.h"

/* Rep numbers are spoken up to the programme's largest set. */
#define PHRASES_MAX_NUMBER 50
/* "Set 2" ... "Set 10" (programme.h: at most 10 sets). */
#define PHRASES_MAX_SET 10

typedef enum phrase_id {
    PHRASE_NONE = 0,
    PHRASE_NUMBER,                               /* "1" ... "50": a rep counted */
    PHRASE_HOLD = PHRASE_NUMBER + PHRASES_MAX_NUMBER,
    PHRASE_RELAX,
    PHRASE_THREE_MORE,
    PHRASE_LAST_ONE,
    PHRASE_PARTIAL,                              /* an excursion too small to count */
    PHRASE_HOLD_LONGER,                          /* a rep whose hold fell short */
    PHRASE_TIGHTEN,                              /* a timed hold begins (quad sets) */
    PHRASE_MOVED,                                /* a timed hold spoiled by movement */
    PHRASE_REST,
    PHRASE_REST_ENDING,                          /* a long rest has 10 s left */
    PHRASE_PAUSED,                               /* the pause menu opened */
    PHRASE_CARRY_ON,                             /* back from it to where they were */
    PHRASE_SET,                                  /* "Set 2" ... "Set 10" (1 unused) */
    PHRASE_EXERCISE = PHRASE_SET + PHRASES_MAX_SET, /* name x side, see phrases_exercise */
    PHRASE_CAMERA_LOST = PHRASE_EXERCISE + EXERCISE_KIND_COUNT * 3,
    PHRASE_NOT_SEEN,                             /* position: nobody seen on the mat */
    PHRASE_SESSION_DONE,                         /* every prescribed rep done */
    PHRASE_SESSION_ENDED,                        /* ended with reps left */
    PHRASE_STILL_THERE,                          /* an abandoned session's warning */
    PHRASE_GO,                                   /* a counted set begins */
    PHRASE_LAST_SET,                             /* the block's last set is next (not "Set n") */
    PHRASE_KEEP_STILL,                           /* position: seen, not yet still */
    PHRASE_MISSED,                               /* set: moving, no rep counted for long */
    PHRASE_PAIN_AFTER,                           /* the last exercise is over: the pain check */
    PHRASE_STOP_PAIN,                            /* pain above the limit: no more today */
    PHRASE_STOP_RED_FLAG,                        /* a warning sign confirmed */
    PHRASE_OK_WAITING,                           /* set: an OK waits for the camera's verdict */
    PHRASE_COUNT
} phrase_id;

/* The phrase for rep n (1..PHRASES_MAX_NUMBER), or PHRASE_NONE. */
phrase_id phrases_number(int n);
/* "Set n" (2..PHRASES_MAX_SET), or PHRASE_NONE. */
phrase_id phrases_set(int n);
/* The exercise's name, with its side when it has one. */
phrase_id phrases_exercise(exercise_kind kind, side sd);

/* Writes the text to speak for id into buf (n bytes). False, with buf empty,
 * for PHRASE_NONE, unused ids and ids out of range. */
bool phrases_text(phrase_id id, char *buf, size_t n);

#endif
