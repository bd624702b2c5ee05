/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * history: a profile's record summed by week, for the history screen and the
 * report (PROTOCOL.md, "Adherence": sessions against prescribed, reps and
 * holds against prescribed, pain before and after). Pure: records in, weeks
 * out.
 *
 * A week is seven local calendar days ending on a given day: week
 * HISTORY_WEEKS - 1 ends today (so "this week" is the last 7 days, as on the
 * home screen), the one before it ends 7 days earlier, and so on. Sessions
 * done counts completed sessions; the target is the programme's
 * sessions_per_week. Reps and holds are summed over every session begun
 * (done against what those sessions prescribed). Pain is the mean of the
 * answers given, -1 when there were none.
 */
#ifndef RM_HISTORY_H
#define RM_HISTORY_H

#include <stdint.h>

#include "record.h"

#define HISTORY_WEEKS 8

typedef struct history_week {
    int64_t first_day, last_day; /* local day numbers, inclusive */
    int sessions, target;
    int reps_done, reps_target;
    int holds_met, holds_target;
    float pain_before, pain_after; /* means, -1 when none */
} history_week;

/* Fills weeks[HISTORY_WEEKS], oldest first, the last ending on `today`.
 * `sessions` in any order. */
void history_weeks(const record_session *sessions, int n, int64_t today,
                   int sessions_per_week, history_week *weeks);

/* Sessions done against prescribed, as a whole percentage (0..100, more
 * sessions than prescribed is 100); 0 when nothing was prescribed. */
int history_adherence_pct(const history_week *w);

#endif
