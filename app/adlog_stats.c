/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_stats: the three adherence figures of PROTOCOL.md for the home screen
 * (see adlog_stats in adlog.h).
 *
 * All three are the current profile's (adlog_set_profile): people sharing a
 * station each see their own.
 * - Sessions: completed sessions that started in the 7×24 h up to now, against
 *   the week's target (sessions_per_week, passed in from the current programme).
 * - Reps: rep rows (camera and manual, any session status) timed in the same
 *   window, against the latest session's prescribed reps × sessions_per_week
 *   (0 when there is no session yet).
 * - Streak: local calendar days in a row, each with at least one completed
 *   session (by its start time), ending today or yesterday; yesterday counts so
 *   the streak does not read 0 in the morning before today's session. Days are
 *   numbered from the civil date localtime_r gives, not by dividing seconds, so
 *   DST days of 23 or 25 hours still count as one day each. Done today: one of
 *   those sessions started today.
 */
#include "adlog_priv.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define WEEK_MS (7LL * 24 * 60 * 60 * 1000)

/* Steps a statement that yields one integer row, then resets it. */
static bool one_int(adlog *log, enum adlog_stmt which, int64_t *out, const char *what)
{
    sqlite3_stmt *st = log->st[which];
    int rc = sqlite3_step(st);
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (!ok)
        adlog_fail(log, what);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}

/* Binds parameter i to the log's profile: the figures are one person's. */
static void bind_own(sqlite3_stmt *st, int i, const adlog *log)
{
    sqlite3_bind_text(st, i, log->profile, (int)strnlen(log->profile, sizeof log->profile),
                      SQLITE_TRANSIENT);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int64_t adlog_local_day(int64_t wall_ms)
{
    int64_t s = wall_ms / 1000 - (wall_ms % 1000 < 0);
    time_t t = (time_t)s;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return s / 86400;
    return days_from_civil((int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The streak (above) in *out, and whether today is one of its days. */
static bool streak(adlog *log, int64_t now_wall_ms, int *out, bool *today_done)
{
    sqlite3_stmt *st = log->st[ST_COMPLETED_STARTS];
    sqlite3_bind_int64(st, 1, now_wall_ms);
    bind_own(st, 2, log);
    int64_t today = adlog_local_day(now_wall_ms), expect = today;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t day = adlog_local_day(sqlite3_column_int64(st, 0));
        if (day == expect) {
            *today_done = *today_done || day == today;
            n++;
            expect = day - 1;
        } else if (day == expect + 1) {
            continue; /* another session on a day already counted */
        } else if (n == 0 && day == today - 1) {
            n = 1;    /* nothing yet today: the streak may end yesterday */
            expect = day - 1;
        } else {
            break;
        }
    }
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (!ok)
        adlog_fail(log, "streak");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    *out = n;
    return ok;
}

bool adlog_stats(adlog *log, int64_t now_wall_ms, int sessions_per_week, session_stats *out)
{
    if (!log || !out)
        return false;
    session_stats s = { .week_target = sessions_per_week, .last_pain_before = -1 };
    int64_t sessions = 0, reps = 0, prescribed = 0, last_pain = -1;
    sqlite3_bind_int64(log->st[ST_WEEK_SESSIONS], 1, now_wall_ms - WEEK_MS);
    sqlite3_bind_int64(log->st[ST_WEEK_SESSIONS], 2, now_wall_ms);
    sqlite3_bind_int64(log->st[ST_WEEK_REPS], 1, now_wall_ms - WEEK_MS);
    sqlite3_bind_int64(log->st[ST_WEEK_REPS], 2, now_wall_ms);
    bind_own(log->st[ST_WEEK_SESSIONS], 3, log);
    bind_own(log->st[ST_WEEK_REPS], 3, log);
    bind_own(log->st[ST_LATEST_PRESCRIBED], 1, log);
    sqlite3_bind_text(log->st[ST_LAST_PAIN], 1, log->profile,
                      (int)strnlen(log->profile, sizeof log->profile), SQLITE_TRANSIENT);
    bool ok = adlog_tx_begin(log, false) &&
              one_int(log, ST_WEEK_SESSIONS, &sessions, "week sessions") &&
              one_int(log, ST_WEEK_REPS, &reps, "week reps") &&
              one_int(log, ST_LATEST_PRESCRIBED, &prescribed, "prescribed reps") &&
              one_int(log, ST_LAST_PAIN, &last_pain, "last pain") &&
              streak(log, now_wall_ms, &s.streak_days, &s.done_today);
    /* Only reads happened: ending the snapshot cannot lose anything. */
    adlog_tx_rollback(log);
    if (!ok)
        return false;
    s.week_sessions = (int)sessions;
    s.week_reps = (int)reps;
    s.last_pain_before = (int)last_pain;
    s.week_reps_target = (int)prescribed * (sessions_per_week > 0 ? sessions_per_week : 0);
    *out = s;
    return true;
}

bool adlog_profile_sessions(adlog *log, const char *profile, int64_t *out)
{
    *out = 0;
    if (!log || !profile)
        return false;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(log->db, "SELECT count(*) FROM sessions WHERE profile = ?1", -1, &st,
                           NULL) != SQLITE_OK) {
        adlog_fail(log, "profile sessions");
        return false;
    }
    sqlite3_bind_text(st, 1, profile, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    else
        adlog_fail(log, "profile sessions");
    sqlite3_finalize(st);
    return rc == SQLITE_ROW;
}

bool adlog_profile_names(adlog *log, char *buf, size_t cap)
{
    if (cap)
        buf[0] = '\0';
    sqlite3_stmt *st = NULL;
    if (!log || sqlite3_prepare_v2(log->db, "SELECT DISTINCT profile FROM sessions ORDER BY 1",
                                   -1, &st, NULL) != SQLITE_OK)
        return false;
    size_t len = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && len < cap)
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? ", " : "",
                                (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

bool adlog_profile_known(adlog *log, const char *profile, char *errbuf)
{
    int64_t n = 0;
    if (!adlog_profile_sessions(log, profile, &n)) {
        snprintf(errbuf, 256, "cannot read the record");
        return false;
    }
    if (n > 0)
        return true;
    char names[160];
    adlog_profile_names(log, names, sizeof names);
    snprintf(errbuf, 256, "no sessions of profile '%.40s' (profiles in the record: %s)", profile,
             names[0] ? names : "none");
    return false;
}
