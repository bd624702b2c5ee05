/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_adlog_stop: what issue 13 added to the adherence log, against a real
 * SQLite file. The day's stop (adlog_day_stop): pain above the limit before a
 * session, during it or after it (a session completed with pain 6 after) and
 * a warning sign stop the local day they began on, a warning
 * sign outranks pain, a session ended early with pain within the limit does
 * not, another profile's stop does not, and the next local day is clear even
 * across a DST change. A rep taken back (adlog_undo_rep) leaves every count.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "adlog.h"
#include "check.h"

#define HOUR_MS (60LL * 60 * 1000)
/* 2024-03-30T12:00:00Z: the day before Europe's clocks go forward. */
#define NOON 1711800000000LL

static programme one_block(void)
{
    programme p;
    programme_default(&p);
    p.n_blocks = 1;
    return p;
}

static session_stop stop_at(adlog *log, int64_t t)
{
    session_stop s = SESSION_STOP_NONE;
    CHECK(adlog_day_stop(log, t, SESSION_PAIN_LIMIT, &s), "day stop read");
    return s;
}

static void ended_session(adlog *log, int64_t t, int pain_before, int pain_after,
                          const char *status)
{
    programme p = one_block();
    int64_t id = adlog_begin_session(log, t, &p, pain_before);
    CHECK(id > 0, "session begun");
    CHECK(adlog_end_session(log, id, t + 1000, pain_after, status), "session ended");
}

static void stopped_session(adlog *log, int64_t t, int pain_before, const char *status)
{
    ended_session(log, t, pain_before, pain_before, status);
}

static void test_day_stop(void)
{
    const char *dir = check_tmpdir("adlog_day_stop");
    char err[256];
    adlog *log = adlog_open(dir, NOON, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_NONE, "an empty log: no stop");
    ended_session(log, NOON - 3 * HOUR_MS, 3, 5, SESSION_STATUS_ENDED);
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_NONE, "ended early, pain 5 after: no stop");
    adlog_set_profile(log, "after");
    ended_session(log, NOON - 2 * HOUR_MS, 2, 6, SESSION_STATUS_COMPLETED);
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_PAIN, "completed with pain 6 after: stopped");
    CHECK_EQ_INT(stop_at(log, NOON + 12 * HOUR_MS + 1), SESSION_STOP_NONE, "the next day: clear");
    adlog_set_profile(log, NULL);
    adlog_set_profile(log, "someone-else");
    stopped_session(log, NOON - HOUR_MS, 8, SESSION_STATUS_PAIN);
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_PAIN, "that profile's day is stopped");
    adlog_set_profile(log, "a-third");
    ended_session(log, NOON - 2 * HOUR_MS, 3, 8, SESSION_STATUS_PAIN); /* pain 8 during */
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_PAIN, "pain 8 during a session: stopped");
    adlog_set_profile(log, NULL);
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_NONE, "another profile's stop is theirs");
    stopped_session(log, NOON - HOUR_MS, 7, SESSION_STATUS_PAIN);
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_PAIN, "pain 7 before: stopped");
    CHECK_EQ_INT(stop_at(log, NOON + 11 * HOUR_MS), SESSION_STOP_PAIN, "until local midnight");
    stopped_session(log, NOON - HOUR_MS / 2, 0, SESSION_STATUS_RED_FLAG);
    stopped_session(log, NOON - HOUR_MS / 4, 9, SESSION_STATUS_PAIN);
    CHECK_EQ_INT(stop_at(log, NOON), SESSION_STOP_RED_FLAG, "a warning sign outranks pain");
    /* Paris: the 31st has 23 hours (clocks forward at 02:00). A warning sign
     * at 00:30 on the 31st stops the 31st until 00:00 on the 1st (22:00Z).
     * Paris's rule written out (POSIX TZ), so the test needs no tzdata: a
     * fresh Debian root has none (scripts/test-fresh). */
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    CHECK_EQ_INT(stop_at(log, NOON + 9 * HOUR_MS + HOUR_MS / 2), SESSION_STOP_RED_FLAG,
                 "Paris, 22:30 on the 30th: stopped");
    CHECK_EQ_INT(stop_at(log, NOON + 11 * HOUR_MS + HOUR_MS / 2), SESSION_STOP_NONE,
                 "Paris, 00:30 on the 31st: clear");
    stopped_session(log, NOON + 11 * HOUR_MS + HOUR_MS / 2, 0, SESSION_STATUS_RED_FLAG);
    CHECK_EQ_INT(stop_at(log, NOON + 33 * HOUR_MS + HOUR_MS / 2), SESSION_STOP_RED_FLAG,
                 "Paris, 23:30 on the 31st (a 23-hour day): stopped");
    CHECK_EQ_INT(stop_at(log, NOON + 34 * HOUR_MS + HOUR_MS / 2), SESSION_STOP_NONE,
                 "Paris, 00:30 on the 1st: clear");
    setenv("TZ", "UTC", 1);
    tzset();
    CHECK_EQ_INT(stop_at(log, NOON + 12 * HOUR_MS + 1), SESSION_STOP_NONE,
                 "UTC, the next day: clear");
    adlog_close(log);
}

static void test_undo_rep(void)
{
    const char *dir = check_tmpdir("adlog_undo");
    char err[256];
    adlog *log = adlog_open(dir, NOON, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    programme p = one_block();
    int64_t s = adlog_begin_session(log, NOON, &p, 1);
    int64_t set = adlog_begin_set(log, s, NOON, &p.blocks[0], 0, 1);
    for (int i = 1; i <= 3; i++) {
        session_rep r = { .seq = i, .number = i, .manual = i == 3 };
        CHECK(adlog_rep(log, set, NOON + i * 1000, &r), "rep %d", i);
    }
    CHECK(adlog_undo_rep(log, set, 3), "rep 3 taken back");
    CHECK(adlog_undo_rep(log, set, 7), "a rep never saved: nothing to do");
    session_rep r = { .seq = 4, .number = 3 };
    CHECK(adlog_rep(log, set, NOON + 5000, &r), "the next rep");
    CHECK(adlog_end_set(log, set, NOON + 6000, 3, 0, SET_STATUS_COMPLETED), "set ended");
    adlog_undo_rep(log, set, 4); /* a closed set's reps stay */
    adlog_close(log);
    char path[1200];
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    sqlite3 *db = NULL;
    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT group_concat(seq || source, ' ') FROM reps", -1, &st, NULL);
    const char *got = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0)
                                                      : NULL;
    CHECK(got && !strcmp(got, "1camera 2camera 4camera"), "reps left: %s", got ? got : "?");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    test_day_stop();
    test_undo_rep();
    return check_done();
}
