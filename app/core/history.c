/* SPDX-License-Identifier: GPL-3.0-or-later */
/* history: weekly sums of a profile's record (history.h). */
#include "history.h"

#include <string.h>

void history_weeks(const record_session *sessions, int n, int64_t today,
                   int sessions_per_week, history_week *weeks)
{
    float before_sum[HISTORY_WEEKS] = { 0 }, after_sum[HISTORY_WEEKS] = { 0 };
    int before_n[HISTORY_WEEKS] = { 0 }, after_n[HISTORY_WEEKS] = { 0 };
    memset(weeks, 0, sizeof *weeks * HISTORY_WEEKS);
    for (int w = 0; w < HISTORY_WEEKS; w++) {
        weeks[w].last_day = today - 7LL * (HISTORY_WEEKS - 1 - w);
        weeks[w].first_day = weeks[w].last_day - 6;
        weeks[w].target = sessions_per_week;
    }
    for (int i = 0; i < n; i++) {
        const record_session *s = &sessions[i];
        int64_t back = today - s->day; /* days before today */
        if (back < 0 || back >= 7LL * HISTORY_WEEKS)
            continue;
        history_week *w = &weeks[HISTORY_WEEKS - 1 - back / 7];
        int k = (int)(w - weeks);
        w->sessions += s->completed;
        w->reps_done += s->reps_done;
        w->reps_target += s->reps_target;
        w->holds_met += s->holds_met;
        w->holds_target += s->holds_target;
        if (s->pain_before >= 0) {
            before_sum[k] += (float)s->pain_before;
            before_n[k]++;
        }
        if (s->pain_after >= 0) {
            after_sum[k] += (float)s->pain_after;
            after_n[k]++;
        }
    }
    for (int k = 0; k < HISTORY_WEEKS; k++) {
        weeks[k].pain_before = before_n[k] ? before_sum[k] / (float)before_n[k] : -1.0f;
        weeks[k].pain_after = after_n[k] ? after_sum[k] / (float)after_n[k] : -1.0f;
    }
}

int history_adherence_pct(const history_week *w)
{
    if (w->target <= 0)
        return 0;
    int pct = w->sessions * 100 / w->target;
    return pct > 100 ? 100 : pct;
}
