/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for history: sessions into weeks, pain means, adherence. */
#include <math.h>

#include "check.h"
#include "history.h"

static record_session at(int64_t day, bool completed, int before, int after)
{
    return (record_session){ .day = day, .completed = completed, .pain_before = before,
                             .pain_after = after, .reps_done = 30, .reps_target = 40 };
}

int main(void)
{
    int64_t today = 20000;
    record_session s[] = {
        at(today, true, 2, 1),      at(today - 6, true, 4, -1), at(today - 7, true, 6, 6),
        at(today - 55, true, 0, 0), at(today - 56, true, 9, 9), at(today + 1, true, 9, 9),
        at(today - 1, false, 3, 3),
    };
    history_week w[HISTORY_WEEKS];
    history_weeks(s, (int)(sizeof s / sizeof s[0]), today, 5, w);
    history_week *now = &w[HISTORY_WEEKS - 1];
    CHECK_EQ_INT(now->last_day, today, "this week ends today");
    CHECK_EQ_INT(now->first_day, today - 6, "and began 6 days ago");
    CHECK_EQ_INT(now->sessions, 2, "completed sessions this week");
    CHECK_EQ_INT(now->reps_done, 90, "reps of every session begun");
    CHECK_EQ_INT(now->reps_target, 120, "reps prescribed");
    CHECK(fabsf(now->pain_before - 3.0f) < 1e-4f, "pain before mean %.2f", now->pain_before);
    CHECK(fabsf(now->pain_after - 2.0f) < 1e-4f, "pain after mean %.2f", now->pain_after);
    CHECK_EQ_INT(w[HISTORY_WEEKS - 2].sessions, 1, "last week");
    CHECK_EQ_INT(w[0].sessions, 1, "8 weeks ago: day -55 in, day -56 out");
    CHECK(w[3].pain_before < 0, "a week with no answers has no pain mean");
    CHECK_EQ_INT(history_adherence_pct(now), 40, "2 of 5");
    history_week full = { .sessions = 7, .target = 5 };
    CHECK_EQ_INT(history_adherence_pct(&full), 100, "more than prescribed is 100%");
    history_week none = { .sessions = 1, .target = 0 };
    CHECK_EQ_INT(history_adherence_pct(&none), 0, "nothing prescribed");
    return check_done();
}
