/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cues: what the station says, and when, rationed as a good coach does. Pure:
 * it compares the session's view before and after each loop and is told how
 * long the voice is still busy; it answers with at most one cue to start now.
 *
 * The rules: one cue at a time (a cue waits until the voice is free); a rep
 * number is never late: it starts at once, cutting off whatever is playing
 * (an older rep number included) and dropping whatever waits; every other cue
 * waits in a single slot, where a newer cue of at least its rank replaces it,
 * and is dropped once it is older than its rank's patience (a "2" of the hold
 * countdown heard a second late is worse than silence); a cue asked with a rep
 * number ("3 more", a timed hold's "relax") follows that number, its patience
 * counted from when the number has been said. A cue that waited
 * starts a short pause after the voice falls silent.
 *
 * The hold's last three seconds tick; they are never counted aloud, since
 * the rep's number follows the hold at once and "3, 2, 1, 2" (or "hold, 1,
 * relax, 2") sounds like counting. Numbers are only ever rep counts.
 *
 * Each cue names a phrase (phrases.h) and the tone (audio.h) that stands in
 * for it when there is no voice, so the tones behave as before voice came.
 */
#ifndef RM_CUES_H
#define RM_CUES_H

#include <stdbool.h>
#include <stdint.h>

#include "phrases.h"
#include "session.h"

/* The tone standing in for a phrase (audio.h's audio_cue values + 1; 0 none).
 * Kept here as plain ints so that this pure module needs no hal header. */
typedef enum cue_tone {
    CUE_TONE_NONE = 0,
    CUE_TONE_REP,
    CUE_TONE_HOLD_TICK,
    CUE_TONE_HOLD_DONE,
    CUE_TONE_SET_DONE,
    CUE_TONE_ALERT,
} cue_tone;

/* How urgent a cue is; a higher rank replaces a waiting lower one. */
typedef enum cue_rank {
    CUE_RANK_INFO,   /* N more, last one, partial, rest, set and exercise starts, session end */
    CUE_RANK_TIMED,  /* hold, the last seconds, relax: tied to the moment */
    CUE_RANK_ALERT,  /* camera lost, pain stop, red flag, "are you still there?" */
    CUE_RANK_REP,    /* a rep number: starts at once */
} cue_rank;

typedef struct cue {
    phrase_id phrase;    /* PHRASE_NONE: tone only */
    cue_tone tone;       /* without a voice; CUE_TONE_NONE: nothing */
    cue_rank rank;
    int64_t due_ms;      /* when it was asked for */
} cue;

/* Caller-owned state: cues_init before the first update. */
typedef struct cues {
    cue waiting;         /* the one cue waiting for the voice */
    bool has_waiting;
    bool behind_rep;     /* it was asked with a rep number (its "3 more", its
                            "relax"): its patience runs from when the number
                            has been said, not from when it was asked */
    int64_t rep_ms;      /* when the last rep number started */
    int64_t quiet_since_ms; /* when the voice last fell silent; -1 while busy */
    bool hold_said;      /* "hold" started in this rep (the view's held_this_rep) */
} cues;

/* A cue that waited for the voice starts this long after it falls silent, so
 * that "7" and "3 more" are two phrases, not "7 3 more". */
#define CUES_PAUSE_MS 150

void cues_init(cues *c);

/* Patience per rank, in ms: a cue not started this long after it was asked
 * for is dropped. */
int64_t cues_patience_ms(cue_rank rank);

/* One loop's decision. prev and v are the session's view at the last update
 * and now; busy_ms is how long the voice (or tone) already queued still plays.
 * Returns true with *out set when a cue should start now; *interrupt then
 * says whether what is playing must be cut off first (rep numbers). */
bool cues_update(cues *c, const session_view *prev, const session_view *v, int64_t now_ms,
                 int64_t busy_ms, cue *out, bool *interrupt);

#endif
