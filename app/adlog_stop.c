/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_stop: the day's stop, read from the log (adlog_day_stop in adlog.h).
 * The log, not the running session, is the truth, so a stop survives a
 * restart or a power cut, and a new local day clears it. "Today" is the local
 * calendar day of the time given, from its local midnight to the next (mktime,
 * so a DST day of 23 or 25 hours is still one day); a session begun later
 * that day than now (a clock set back) still counts.
 */
#include "adlog_priv.h"

#include <string.h>
#include <time.h>

/* Wall ms of the local midnight that began the day of wall_ms (days = 0) or
 * the one `days` later. UTC days if the local time is not known. */
static int64_t local_midnight(int64_t wall_ms, int days)
{
    int64_t utc = wall_ms - wall_ms % 86400000 + (int64_t)days * 86400000;
    time_t t = (time_t)(wall_ms / 1000 - (wall_ms % 1000 < 0));
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return utc;
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_mday += days;
    tm.tm_isdst = -1;
    time_t midnight = mktime(&tm);
    return midnight == (time_t)-1 ? utc : (int64_t)midnight * 1000;
}

bool adlog_day_stop(adlog *log, int64_t now_wall_ms, int pain_limit, session_stop *out)
{
    *out = SESSION_STOP_NONE;
    if (!log)
        return false;
    sqlite3_stmt *st = log->st[ST_DAY_STOP];
    sqlite3_bind_text(st, 1, log->profile, (int)strnlen(log->profile, sizeof log->profile),
                      SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, local_midnight(now_wall_ms, 0));
    sqlite3_bind_int64(st, 3, local_midnight(now_wall_ms, 1));
    sqlite3_bind_int(st, 4, pain_limit);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *status = (const char *)sqlite3_column_text(st, 0);
        bool red = status && !strcmp(status, SESSION_STATUS_RED_FLAG);
        *out = red ? SESSION_STOP_RED_FLAG : SESSION_STOP_PAIN;
    }
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (!ok)
        adlog_fail(log, "day stop");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}
