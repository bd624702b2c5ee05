/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * progression: when the station proposes the next dose (PROTOCOL.md,
 * "Progression"). Pure: a programme and the record in, a proposal out.
 *
 * The rule. Blocks of one exercise (both clamshell sides) step together: they
 * form a group (progression_group). A group has earned a step when each of the
 * last N sessions (N = the programme's progression_sessions, else its
 * sessions_per_week: a week of sessions) was completed, at the group's current
 * dose, with every set of the group's blocks done in full, pain before and after
 * at most PROGRESSION_PAIN_MAX, and no stop (pain above the limit, a warning
 * sign): any other session among the last N (ended early, stopped, interrupted)
 * breaks the run. Sessions before the group's last decision (accepted or
 * declined) do not count, so a declined step is asked again only after another
 * N good sessions.
 *
 * The step. Reps climb the ladder 10 -> 15 -> 20 (the next rung above the
 * current reps, capped at PROGRESSION_MAX_REPS); at 20, one more set. No step
 * adds more than 10% to the programme's prescribed reps per session (at least
 * one rep per set), so a step may stop short of the next rung (10 -> 12) and the
 * rung comes a week later. A set that would add more than that is not proposed:
 * the group is at the top of what the station proposes (a band is the
 * physiotherapist's call). After an accepted step nothing more is proposed for
 * PROGRESSION_GAP_DAYS (load up by at most about 10% a week).
 */
#ifndef RM_PROGRESSION_H
#define RM_PROGRESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "programme.h"
#include "record.h"

#define PROGRESSION_PAIN_MAX 2
#define PROGRESSION_MAX_REPS 20
#define PROGRESSION_GAP_DAYS 7
#define PROGRESSION_LOAD_PERCENT 10

typedef struct progression_step {
    char group[PROGRAMME_TEXT];  /* progression_group of its blocks */
    char title[PROGRAMME_TEXT];  /* the first block's title, for the screen */
    int from_sets, from_reps, to_sets, to_reps;
    int n_blocks;                /* the blocks that change (indices into the programme) */
    int blocks[PROGRAMME_MAX_BLOCKS];
} progression_step;

/* The group a block steps with: the exercise's id ("clamshell"), or for a
 * generic exercise its section key (two generic exercises are different). */
void progression_group(const programme_block *b, char *out /* PROGRAMME_TEXT */);

/* The step to propose now, if any. `sessions` are the profile's sessions,
 * oldest first; `decisions` its logged decisions, any order. True with *out
 * filled when a group has earned a step (the first such group in programme
 * order). False when progression is off, nothing is earned, an accepted step is
 * less than PROGRESSION_GAP_DAYS old, or the group is at the top. */
bool progression_propose(const programme *p, const record_session *sessions, int n_sessions,
                         const record_decision *decisions, int n_decisions, int64_t now_ms,
                         progression_step *out);

/* Applies a step to a programme (the blocks' sets and reps). */
void progression_apply(programme *p, const progression_step *step);

#endif
