/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * programme: what a person has been prescribed, read from an INI file such as
 * assets/programmes/runners-knee.ini:
 *
 *   [programme]
 *   name = Runner's knee
 *   rest_seconds = 45
 *   sessions_per_week = 5
 *   short_holds_count = yes        ; a rep whose hold fell short counts (yes|no)
 *   progression = on               ; propose the next dose when it is earned (on|off)
 *   progression_sessions = 5       ; sessions in a row that earn it (default: a week's)
 *
 *   [exercise clamshell-left]     ; one section per block, in order
 *   exercise = clamshell           ; clamshell | bridge | quad-set | generic
 *   title = Clamshell              ; optional display name
 *   side = left                    ; left | right | none
 *   sets = 3
 *   reps = 10
 *   hold_seconds = 1
 *   cues = Feet together | Lift the top knee | Keep hips still
 *
 * Malformed files are reported with the file and line; the caller falls back to
 * the built-in default programme (the same doses as the bundled file).
 */
#ifndef RM_PROGRAMME_H
#define RM_PROGRAMME_H

#include <stdbool.h>

#include "exercise.h"

#define PROGRAMME_MAX_BLOCKS 16
#define PROGRAMME_MAX_CUES 3
#define PROGRAMME_TEXT 64

typedef enum side { SIDE_NONE, SIDE_LEFT, SIDE_RIGHT } side;

typedef struct programme_block {
    char key[PROGRAMME_TEXT];   /* section name after "exercise ", e.g. "clamshell-left" */
    char title[PROGRAMME_TEXT]; /* "Clamshell" */
    exercise_kind exercise;
    side side;
    int sets;                   /* 1..10 */
    int reps;                   /* 1..50 per set */
    int hold_s;                 /* seconds at the top, 0..60 */
    int n_cues;
    char cues[PROGRAMME_MAX_CUES][PROGRAMME_TEXT];
} programme_block;

typedef struct programme {
    char name[PROGRAMME_TEXT];
    int rest_s;                 /* between sets, 10..300, default 45 */
    int sessions_per_week;      /* 1..14, default 5 */
    bool short_holds_count;     /* a rep whose hold fell short counts toward the set;
                                 * default yes: the camera times holds less surely
                                 * than it sees reps, and the person is told either way */
    bool progression;           /* the station may propose the next dose (progression.h);
                                 * default on, the physiotherapist may switch it off */
    int progression_sessions;   /* 1..28 sessions that earn a step; 0 = a week's
                                 * (sessions_per_week) */
    int n_blocks;
    programme_block blocks[PROGRAMME_MAX_BLOCKS];
} programme;

/* The built-in runner's-knee programme (PROTOCOL.md doses). */
void programme_default(programme *p);
/* Loads from a file. False with "FILE:LINE: reason" in errbuf (256 bytes); *p is
 * then the default programme. */
bool programme_load(programme *p, const char *path, char *errbuf);
/* As programme_load, from text in memory; `name` is used in messages. */
bool programme_parse(programme *p, const char *text, const char *name, char *errbuf);

const char *side_name(side s); /* "left", "right", "" */
/* Total reps prescribed across all blocks and sets. */
int programme_total_reps(const programme *p);

#endif
