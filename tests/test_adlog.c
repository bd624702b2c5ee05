/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_adlog: the adherence log against a real SQLite file in a scratch
 * directory. Round trip of a whole session, per-set counts, camera and manual
 * reps, a crash mid-set closed as interrupted on reopen, file modes, the three
 * adherence figures over several days, CSV and JSON exports read back field by
 * field, a garbage file refused, `export` on a missing database, and write
 * failures (a full stream, a file-size limit) that must lose nothing already
 * saved. Wall times are fixed numbers and TZ is UTC, so every run is the same.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "adlog.h"
#include "check.h"
#include "cli.h"

#define MIN_MS (60LL * 1000)
#define HOUR_MS (60 * MIN_MS)
#define DAY_MS (24 * HOUR_MS)
/* 2024-03-10T00:00:00Z */
#define DAY0 1710028800000LL

/* ---- helpers ---- */

static programme test_programme(const char *name)
{
    programme p;
    memset(&p, 0, sizeof p);
    snprintf(p.name, sizeof p.name, "%s", name);
    p.rest_s = 45;
    p.sessions_per_week = 5;
    p.n_blocks = 2;
    programme_block *b = &p.blocks[0];
    snprintf(b->key, sizeof b->key, "clamshell-left");
    b->exercise = EXERCISE_CLAMSHELL;
    b->side = SIDE_LEFT;
    b->sets = 2;
    b->reps = 3;
    b->hold_s = 1;
    b = &p.blocks[1];
    snprintf(b->key, sizeof b->key, "bridge");
    b->exercise = EXERCISE_BRIDGE;
    b->side = SIDE_NONE;
    b->sets = 1;
    b->reps = 2;
    b->hold_s = 3;
    return p; /* 2×3 + 1×2 = 8 reps prescribed */
}

static session_rep rep_at(int seq, int number, int64_t t, int64_t hold_ms, bool met,
                          bool manual)
{
    session_rep r = { .seq = seq, .number = number, .t_ms = t, .hold_ms = hold_ms,
                      .hold_met = met, .amplitude = manual ? 0.0f : 0.9f,
                      .manual = manual };
    return r;
}

static sqlite3 *peek_db(const char *dir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s to check it\n", path);
        exit(EXIT_FAILURE);
    }
    return db;
}

/* One integer from a query, -1 when it returns no row. */
static long long peek_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        fprintf(stderr, "query failed: %s: %s\n", sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return v;
}

static bool peek_text(sqlite3 *db, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_ROW;
    snprintf(out, n, "%s", ok && sqlite3_column_text(st, 0)
                              ? (const char *)sqlite3_column_text(st, 0) : "(null)");
    sqlite3_finalize(st);
    return ok;
}

/* The whole export in a malloc'd string. */
static char *export_to_string(adlog *log, adlog_format format, bool *ok)
{
    FILE *f = tmpfile();
    *ok = adlog_export(log, f, format);
    long n = ftell(f);
    char *s = calloc(1, (size_t)n + 1);
    rewind(f);
    if (fread(s, 1, (size_t)n, f) != (size_t)n)
        *ok = false;
    fclose(f);
    return s;
}

/* Splits one CSV record (RFC 4180 quoting) starting at *p into fields;
 * advances *p past the line. Returns the number of fields. */
static int csv_split(const char **p, char fields[][128], int max)
{
    int n = 0;
    const char *s = *p;
    for (;;) {
        char *f = fields[n];
        size_t len = 0;
        if (*s == '"') {
            for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
                if (*s == '"')
                    s++;
                if (len < 127)
                    f[len++] = *s;
            }
            if (*s == '"')
                s++;
        } else {
            for (; *s && *s != ',' && *s != '\n'; s++)
                if (len < 127)
                    f[len++] = *s;
        }
        f[len] = '\0';
        n++;
        if (*s != ',' || n == max)
            break;
        s++;
    }
    if (*s == '\n')
        s++;
    *p = s;
    return n;
}

static mode_t mode_of(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? sb.st_mode & 0777 : (mode_t)-1;
}

static void write_file(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, n, f) != n || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(EXIT_FAILURE);
    }
}

/* Runs cmd_export with stdout sent to `out_path`; returns its exit status. */
static int run_export(const char *out_path, int argc, char **argv)
{
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, STDOUT_FILENO);
    close(fd);
    int status = cmd_export(argc, argv);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    return status;
}

/* ---- the full session of the round-trip tests ---- */

struct ids {
    int64_t session, set1, set2, set3;
};

/* Clamshell left, two sets (3 reps: 2 camera + 1 manual, then 2 camera and
 * stopped for pain), bridge one set with no reps (skipped); pain 3 -> 2. */
static struct ids record_full_session(adlog *log, const programme *p, int64_t t0)
{
    struct ids ids = { 0 };
    ids.session = adlog_begin_session(log, t0, p, 3);
    ids.set1 = adlog_begin_set(log, ids.session, t0 + MIN_MS, &p->blocks[0], 0, 1);
    session_rep r1 = rep_at(1, 1, 0, 1200, true, false);
    session_rep r2 = rep_at(2, 2, 0, 500, false, false);
    session_rep r3 = rep_at(3, 3, 0, 0, false, true);
    CHECK(adlog_rep(log, ids.set1, t0 + MIN_MS + 5000, &r1), "rep 1 saved");
    CHECK(adlog_rep(log, ids.set1, t0 + MIN_MS + 10250, &r2), "rep 2 saved");
    CHECK(adlog_rep(log, ids.set1, t0 + MIN_MS + 15000, &r3), "manual rep 3 saved");
    CHECK(adlog_end_set(log, ids.set1, t0 + 2 * MIN_MS, 3, 1, SET_STATUS_COMPLETED),
          "set 1 ended");
    ids.set2 = adlog_begin_set(log, ids.session, t0 + 3 * MIN_MS, &p->blocks[0], 0, 2);
    session_rep r4 = rep_at(4, 1, 0, 1500, true, false);
    session_rep r5 = rep_at(5, 2, 0, 1100, true, false);
    r5.timed = true; /* a hold led by the clock */
    CHECK(adlog_rep(log, ids.set2, t0 + 3 * MIN_MS + 5000, &r4), "rep 4 saved");
    CHECK(adlog_rep(log, ids.set2, t0 + 3 * MIN_MS + 10000, &r5), "rep 5 saved");
    CHECK(adlog_end_set(log, ids.set2, t0 + 4 * MIN_MS, 2, 2, SET_STATUS_PAIN), "set 2 ended");
    ids.set3 = adlog_begin_set(log, ids.session, t0 + 5 * MIN_MS, &p->blocks[1], 1, 1);
    CHECK(adlog_end_set(log, ids.set3, t0 + 5 * MIN_MS, 0, 0, SET_STATUS_SKIPPED),
          "set 3 ended");
    CHECK(adlog_end_session(log, ids.session, t0 + 6 * MIN_MS, 2, SESSION_STATUS_COMPLETED),
          "session ended");
    return ids;
}

static void test_round_trip_and_modes(void)
{
    const char *base = check_tmpdir("adlog_round_trip");
    char dir[1100], path[1200];
    snprintf(dir, sizeof dir, "%s/data/station", base);
    char err[256] = "";
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open a fresh data dir: %s", err);
    if (!log)
        return;
    CHECK(mode_of(dir) == 0700, "data dir mode %o, want 0700", (unsigned)mode_of(dir));
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    CHECK(mode_of(path) == 0600, "db mode %o, want 0600", (unsigned)mode_of(path));

    programme p = test_programme("Runner's knee");
    struct ids ids = record_full_session(log, &p, DAY0 + 9 * HOUR_MS);
    CHECK(ids.session > 0 && ids.set1 > 0 && ids.set2 > 0 && ids.set3 > 0,
          "ids %lld %lld %lld %lld", (long long)ids.session, (long long)ids.set1,
          (long long)ids.set2, (long long)ids.set3);
    for (const char *suffix = "-wal"; suffix; suffix = strcmp(suffix, "-wal") ? NULL : "-shm") {
        char side_file[1300];
        snprintf(side_file, sizeof side_file, "%s%s", path, suffix);
        mode_t m = mode_of(side_file);
        CHECK(m == (mode_t)-1 || m == 0600, "%s mode %o, want 0600", suffix, (unsigned)m);
    }
    CHECK(adlog_rep(log, ids.set1, DAY0, &(session_rep){ .seq = 9 }) == false,
          "a rep on an ended set is refused");
    CHECK(adlog_begin_set(log, ids.session, DAY0, &p.blocks[0], 0, 3) == 0,
          "a set on an ended session is refused");
    CHECK(adlog_end_session(log, ids.session, DAY0, 1, SESSION_STATUS_ENDED) == false,
          "ending an ended session again is refused");
    adlog_close(log);

    /* Reopening must not disturb a closed session. */
    log = adlog_open(dir, DAY0 + DAY_MS, err);
    CHECK(log != NULL, "reopen: %s", err);
    adlog_close(log);

    sqlite3 *db = peek_db(dir);
    char text[256];
    CHECK_EQ_INT(peek_int(db, "PRAGMA user_version"), 4, "schema version");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM sessions WHERE profile = 'default'"), 1,
                 "a session without a profile is the default profile's");
    peek_text(db, "PRAGMA journal_mode", text, sizeof text);
    CHECK(!strcmp(text, "wal"), "journal mode %s, want wal", text);
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM sessions"), 1, "sessions");
    peek_text(db, "SELECT status FROM sessions", text, sizeof text);
    CHECK(!strcmp(text, "completed"), "session status %s", text);
    peek_text(db, "SELECT programme FROM sessions", text, sizeof text);
    CHECK(!strcmp(text, "Runner's knee"), "programme %s", text);
    CHECK_EQ_INT(peek_int(db, "SELECT pain_before FROM sessions"), 3, "pain before");
    CHECK_EQ_INT(peek_int(db, "SELECT pain_after FROM sessions"), 2, "pain after");
    CHECK_EQ_INT(peek_int(db, "SELECT started_at FROM sessions"), DAY0 + 9 * HOUR_MS,
                 "session started_at");
    CHECK_EQ_INT(peek_int(db, "SELECT ended_at FROM sessions"), DAY0 + 9 * HOUR_MS + 6 * MIN_MS,
                 "session ended_at");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM prescription"), 2, "prescription rows");
    CHECK_EQ_INT(peek_int(db, "SELECT sum(sets * reps) FROM prescription"), 8,
                 "prescribed reps");
    CHECK_EQ_INT(peek_int(db, "SELECT hold_s FROM prescription WHERE key = 'bridge'"), 3,
                 "bridge hold prescribed");
    peek_text(db, "SELECT side FROM prescription WHERE block_index = 0", text, sizeof text);
    CHECK(!strcmp(text, "left"), "prescribed side %s", text);
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM sets"), 3, "sets");
    CHECK_EQ_INT(peek_int(db, "SELECT reps_done FROM sets WHERE set_no = 1 AND block_index = 0"),
                 3, "set 1 reps_done");
    CHECK_EQ_INT(peek_int(db, "SELECT holds_met FROM sets WHERE set_no = 1 AND block_index = 0"),
                 1, "set 1 holds_met");
    peek_text(db, "SELECT status FROM sets WHERE set_no = 2", text, sizeof text);
    CHECK(!strcmp(text, "stopped-pain"), "set 2 status %s", text);
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps"), 5, "reps");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps r JOIN sets s ON r.set_id = s.id"
                              " WHERE s.set_no = 1 AND s.block_index = 0 AND source = 'camera'"),
                 2, "set 1 camera reps");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps WHERE source = 'manual'"), 1,
                 "manual reps");
    CHECK_EQ_INT(peek_int(db, "SELECT seq FROM reps WHERE source = 'timed'"), 5, "timed rep");
    CHECK_EQ_INT(peek_int(db, "SELECT hold_ms FROM reps WHERE seq = 1"), 1200, "rep 1 hold");
    CHECK_EQ_INT(peek_int(db, "SELECT t FROM reps WHERE seq = 2"),
                 DAY0 + 9 * HOUR_MS + MIN_MS + 10250, "rep 2 wall time");
    CHECK_EQ_INT(peek_int(db, "SELECT hold_met FROM reps WHERE seq = 2"), 0, "rep 2 hold met");
    sqlite3_close(db);
}

/* ---- a crash mid-set ---- */

static void test_interrupted(void)
{
    const char *dir = check_tmpdir("adlog_interrupted");
    char err[256];
    programme p = test_programme("Crash");
    /* A child records half a set and dies without closing anything, as on a
     * power cut: the rows exist only in the WAL. */
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        adlog *log = adlog_open(dir, DAY0, err);
        int64_t s = adlog_begin_session(log, DAY0 + HOUR_MS, &p, -1);
        int64_t set = adlog_begin_set(log, s, DAY0 + HOUR_MS + MIN_MS, &p.blocks[0], 0, 1);
        session_rep r1 = rep_at(1, 1, 0, 1500, true, false);
        session_rep r2 = rep_at(2, 2, 0, 0, false, true);
        bool ok = set > 0 && adlog_rep(log, set, DAY0 + HOUR_MS + MIN_MS + 4000, &r1) &&
                  adlog_rep(log, set, DAY0 + HOUR_MS + MIN_MS + 8000, &r2);
        _exit(ok ? 0 : 1);
    }
    int wstatus = -1;
    waitpid(pid, &wstatus, 0);
    CHECK(pid > 0 && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0,
          "the child recorded its reps before dying");
    int64_t set = 1;
    session_rep r1 = rep_at(3, 3, 0, 1500, true, false);

    int64_t restart = DAY0 + 2 * HOUR_MS;
    adlog *log = adlog_open(dir, restart, err);
    CHECK(log != NULL, "reopen after the crash: %s", err);
    CHECK(adlog_rep(log, set, restart, &r1) == false, "no more reps on the interrupted set");
    adlog_close(log);

    sqlite3 *db = peek_db(dir);
    char text[64];
    peek_text(db, "SELECT status FROM sessions", text, sizeof text);
    CHECK(!strcmp(text, "interrupted"), "session status %s, want interrupted", text);
    CHECK_EQ_INT(peek_int(db, "SELECT ended_at FROM sessions"), restart, "session ended_at");
    CHECK_EQ_INT(peek_int(db, "SELECT pain_before IS NULL FROM sessions"), 1,
                 "pain before not asked is NULL");
    peek_text(db, "SELECT status FROM sets", text, sizeof text);
    CHECK(!strcmp(text, "interrupted"), "set status %s, want interrupted", text);
    CHECK_EQ_INT(peek_int(db, "SELECT ended_at FROM sets"), restart, "set ended_at");
    CHECK_EQ_INT(peek_int(db, "SELECT reps_done FROM sets"), 2, "reps counted from rep rows");
    CHECK_EQ_INT(peek_int(db, "SELECT holds_met FROM sets"), 1, "holds counted from rep rows");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps"), 2, "both reps kept");
    sqlite3_close(db);
}

/* A session ended from the pause menu mid-set closes that set too. */
/* A schema-2 file (reps' source only 'camera' or 'manual') is upgraded to 3
 * with its rows kept, and then takes a timed rep. The old file is made by
 * turning a new one's reps table back into the version-2 form. */
static void test_upgrade_from_2(void)
{
    const char *dir = check_tmpdir("adlog_upgrade2");
    char err[256], path[1200];
    programme p = test_programme("Old");
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    int64_t s = adlog_begin_session(log, DAY0, &p, 1);
    int64_t set = adlog_begin_set(log, s, DAY0 + 1000, &p.blocks[0], 0, 1);
    session_rep r = rep_at(1, 1, 0, 900, true, false);
    CHECK(adlog_rep(log, set, DAY0 + 5000, &r), "rep");
    adlog_close(log);
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    sqlite3 *db = NULL;
    const char *to_v2 =
        "BEGIN;"
        "CREATE TABLE reps2(id INTEGER PRIMARY KEY, set_id INTEGER NOT NULL REFERENCES"
        " sets(id) ON DELETE CASCADE, seq INTEGER NOT NULL, number INTEGER NOT NULL,"
        " t INTEGER NOT NULL, hold_ms INTEGER NOT NULL, hold_met INTEGER NOT NULL,"
        " amplitude REAL NOT NULL, source TEXT NOT NULL CHECK (source IN ('camera', 'manual')));"
        "INSERT INTO reps2 SELECT * FROM reps; DROP TABLE reps;"
        "ALTER TABLE reps2 RENAME TO reps; CREATE INDEX reps_set ON reps(set_id);"
        "CREATE INDEX reps_t ON reps(t); CREATE UNIQUE INDEX reps_set_seq ON reps(set_id, seq);"
        "DROP TABLE progressions; PRAGMA user_version = 2; COMMIT;";
    CHECK(sqlite3_open(path, &db) == SQLITE_OK &&
              sqlite3_exec(db, to_v2, NULL, NULL, NULL) == SQLITE_OK,
          "make a version-2 file: %s", sqlite3_errmsg(db));
    CHECK(sqlite3_exec(db, "INSERT INTO reps(set_id, seq, number, t, hold_ms, hold_met,"
                           " amplitude, source) VALUES (1, 2, 2, 0, 0, 0, 0, 'timed')",
                       NULL, NULL, NULL) != SQLITE_OK,
          "a version-2 file refuses a timed rep");
    sqlite3_close(db);
    log = adlog_open(dir, DAY0 + HOUR_MS, err);
    CHECK(log != NULL, "reopen the old file: %s", err);
    session_rep t = rep_at(1, 1, 0, 5000, true, false);
    t.timed = true;
    if (log) { /* the open session was interrupted by the reopening: a new one */
        s = adlog_begin_session(log, DAY0 + HOUR_MS, &p, 1);
        set = adlog_begin_set(log, s, DAY0 + HOUR_MS + 1000, &p.blocks[0], 0, 1);
    }
    CHECK(log && adlog_rep(log, set, DAY0 + HOUR_MS + 9000, &t), "a timed rep after the upgrade");
    adlog_close(log);
    db = peek_db(dir);
    CHECK_EQ_INT(peek_int(db, "PRAGMA user_version"), 4, "upgraded to version 4");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps WHERE source = 'camera' AND seq = 1"),
                 1, "the old rep kept");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps WHERE source = 'timed'"), 1,
                 "the timed rep saved");
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND"
                              " tbl_name = 'reps'"),
                 3, "the reps indexes are back");
    sqlite3_close(db);
}

static void test_end_with_open_set(void)
{
    const char *dir = check_tmpdir("adlog_open_set");
    char err[256];
    programme p = test_programme("Pause");
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    int64_t s = adlog_begin_session(log, DAY0, &p, 1);
    int64_t set = adlog_begin_set(log, s, DAY0 + 1000, &p.blocks[0], 0, 1);
    session_rep r = rep_at(1, 1, 0, 900, false, false);
    CHECK(adlog_rep(log, set, DAY0 + 5000, &r), "rep");
    CHECK(adlog_end_session(log, s, DAY0 + 9000, -1, SESSION_STATUS_RED_FLAG), "end session");
    adlog_close(log);
    sqlite3 *db = peek_db(dir);
    char text[64];
    peek_text(db, "SELECT status FROM sets", text, sizeof text);
    CHECK(!strcmp(text, "ended"), "open set closed as %s, want ended", text);
    CHECK_EQ_INT(peek_int(db, "SELECT reps_done FROM sets"), 1, "its rep counted");
    peek_text(db, "SELECT status FROM sessions", text, sizeof text);
    CHECK(!strcmp(text, "red-flag"), "session status %s", text);
    CHECK_EQ_INT(peek_int(db, "SELECT pain_after IS NULL FROM sessions"), 1, "pain after NULL");
    sqlite3_close(db);
}

/* ---- stats ---- */

/* A session with one set of `reps` reps, started at `t`, ended with `status`. */
static void quick_session(adlog *log, const programme *p, int64_t t, int reps,
                          const char *status)
{
    int64_t s = adlog_begin_session(log, t, p, 0);
    int64_t set = adlog_begin_set(log, s, t, &p->blocks[0], 0, 1);
    for (int i = 0; i < reps; i++) {
        session_rep r = rep_at(i + 1, i + 1, 0, 1000, true, false);
        CHECK(adlog_rep(log, set, t + (i + 1) * 1000, &r), "quick rep");
    }
    CHECK(adlog_end_set(log, set, t + 60000, reps, reps, SET_STATUS_COMPLETED), "quick set");
    CHECK(adlog_end_session(log, s, t + 120000, 0, status), "quick session");
}

static void test_stats(void)
{
    const char *dir = check_tmpdir("adlog_stats");
    char err[256];
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    session_stats st;
    CHECK(adlog_stats(log, DAY0, 5, &st), "stats on an empty log");
    CHECK_EQ_INT(st.last_pain_before, -1, "empty log: no last pain");
    CHECK(st.streak_days == 0 && st.week_sessions == 0 && st.week_reps == 0 &&
              st.week_target == 5 && st.week_reps_target == 0,
          "empty log: streak %d sessions %d/%d reps %d/%d", st.streak_days, st.week_sessions,
          st.week_target, st.week_reps, st.week_reps_target);

    programme p = test_programme("Stats");
    int64_t d = DAY0 + 10 * DAY_MS; /* "today" is day d, now 18:00 */
    int64_t now = d + 18 * HOUR_MS;
    quick_session(log, &p, d - 8 * DAY_MS + 10 * HOUR_MS, 4, SESSION_STATUS_COMPLETED); /* old */
    quick_session(log, &p, now - 7 * DAY_MS - HOUR_MS, 4, SESSION_STATUS_COMPLETED); /* 7d+1h */
    quick_session(log, &p, now - 7 * DAY_MS + HOUR_MS, 1, SESSION_STATUS_COMPLETED); /* in */
    quick_session(log, &p, d - 5 * DAY_MS + 9 * HOUR_MS, 1, SESSION_STATUS_COMPLETED);
    quick_session(log, &p, d - 4 * DAY_MS + 9 * HOUR_MS, 2, SESSION_STATUS_ENDED); /* gap */
    quick_session(log, &p, d - 3 * DAY_MS + 10 * HOUR_MS, 1, SESSION_STATUS_COMPLETED);
    quick_session(log, &p, d - 2 * DAY_MS + 9 * HOUR_MS, 1, SESSION_STATUS_COMPLETED);
    quick_session(log, &p, d - 2 * DAY_MS + 20 * HOUR_MS, 1, SESSION_STATUS_COMPLETED);
    quick_session(log, &p, d - 1 * DAY_MS + 23 * HOUR_MS, 1, SESSION_STATUS_COMPLETED);

    CHECK(adlog_stats(log, now, 5, &st), "stats");
    CHECK_EQ_INT(st.streak_days, 3, "streak ending yesterday (d-3, d-2, d-1)");
    CHECK(!st.done_today, "nothing done today yet");
    CHECK_EQ_INT(st.week_sessions, 6, "completed sessions in the last 7×24 h");
    CHECK_EQ_INT(st.week_target, 5, "week target");
    CHECK_EQ_INT(st.week_reps, 8, "reps in the last 7×24 h (1+1+2+1+1+1+1)");
    CHECK_EQ_INT(st.week_reps_target, 40, "8 prescribed × 5 sessions");

    quick_session(log, &p, d + 0 * HOUR_MS + 1000, 3, SESSION_STATUS_COMPLETED);
    CHECK(adlog_stats(log, now, 3, &st), "stats after today's session");
    CHECK_EQ_INT(st.streak_days, 4, "streak including today");
    CHECK(st.done_today, "today's session done");
    CHECK_EQ_INT(st.week_sessions, 7, "sessions with today's");
    CHECK_EQ_INT(st.week_reps, 11, "reps with today's");
    CHECK_EQ_INT(st.week_reps_target, 24, "8 prescribed × 3 sessions");

    CHECK(adlog_stats(log, d + 2 * DAY_MS + HOUR_MS, 3, &st), "stats two days later");
    CHECK_EQ_INT(st.streak_days, 0, "streak broken by a missed day");
    CHECK(!st.done_today, "two days later, nothing done that day");
    /* Looking back from d-2 evening: only d-3 and d-2 (d-4 was not completed). */
    CHECK(adlog_stats(log, d - 2 * DAY_MS + 22 * HOUR_MS, 3, &st), "stats in the past");
    CHECK_EQ_INT(st.streak_days, 2, "streak as it stood on d-2");
    CHECK(st.done_today, "d-2 evening: done that day (at 09:00 and 20:00)");
    CHECK(adlog_stats(log, d - 4 * DAY_MS + 22 * HOUR_MS, 3, &st), "stats on d-4");
    CHECK(!st.done_today && st.streak_days == 1,
          "d-4: a session ended early is not today's done (streak %d, from d-5)", st.streak_days);

    /* The last answer before a session, this profile's only. */
    CHECK_EQ_INT(st.last_pain_before, 0, "the last session's pain before");
    int64_t s3 = adlog_begin_session(log, d + 3 * HOUR_MS, &p, 3);
    CHECK(adlog_end_session(log, s3, d + 4 * HOUR_MS, 3, SESSION_STATUS_ENDED), "pain 3 session");
    CHECK(adlog_stats(log, now, 3, &st), "stats after a pain-3 session");
    CHECK_EQ_INT(st.last_pain_before, 3, "the latest answer: 3");
    adlog_set_profile(log, "other");
    CHECK(adlog_stats(log, now, 3, &st), "stats for another profile");
    CHECK_EQ_INT(st.last_pain_before, -1, "another profile has no last answer");
    adlog_close(log);
}

/* ---- export ---- */

static void check_csv(adlog *log)
{
    bool ok;
    char *csv = export_to_string(log, ADLOG_CSV, &ok);
    CHECK(ok, "CSV export succeeds");
    const char *p = csv;
    char f[21][128];
    int n = csv_split(&p, f, 20);
    CHECK_EQ_INT(n, 19, "CSV header fields");
    CHECK(!strcmp(f[1], "session_id") && !strcmp(f[2], "session_started") &&
              !strcmp(f[14], "manual_reps") && !strcmp(f[15], "timed_reps") &&
              !strcmp(f[18], "set_status") && !strcmp(f[0], "profile"),
          "CSV header names: %s %s %s %s %s %s", f[1], f[2], f[14], f[15], f[18], f[0]);

    n = csv_split(&p, f, 20); /* session 1, set 1 */
    CHECK_EQ_INT(n, 19, "row 1 fields");
    CHECK(!strcmp(f[1], "1") && !strcmp(f[0], "default"), "row 1 session_id %s of %s", f[1],
          f[0]);
    CHECK(!strcmp(f[2], "2024-03-10T09:00:00+00:00"), "row 1 started %s", f[2]);
    CHECK(!strcmp(f[3], "Knee, \"v2\""), "row 1 programme unquoted %s", f[3]);
    CHECK(!strcmp(f[4], "completed"), "row 1 session status %s", f[4]);
    CHECK(!strcmp(f[5], "3") && !strcmp(f[6], "2"), "row 1 pain %s -> %s", f[5], f[6]);
    CHECK(!strcmp(f[7], "1") && !strcmp(f[8], "clamshell") && !strcmp(f[9], "left") &&
              !strcmp(f[10], "1"),
          "row 1 block %s exercise %s side %s set %s", f[7], f[8], f[9], f[10]);
    CHECK(!strcmp(f[11], "3") && !strcmp(f[12], "3") && !strcmp(f[13], "2") &&
              !strcmp(f[14], "1") && !strcmp(f[15], "0") && !strcmp(f[16], "1"),
          "row 1 target %s done %s camera %s manual %s timed %s holds %s", f[11], f[12], f[13],
          f[14], f[15], f[16]);
    CHECK(!strcmp(f[17], "1") && !strcmp(f[18], "completed"), "row 1 hold %s status %s",
          f[17], f[18]);

    n = csv_split(&p, f, 20); /* set 2 */
    CHECK(n == 19 && !strcmp(f[10], "2") && !strcmp(f[12], "2") && !strcmp(f[13], "1") &&
              !strcmp(f[14], "0") && !strcmp(f[15], "1") && !strcmp(f[18], "stopped-pain"),
          "row 2: set %s done %s camera %s manual %s timed %s status %s", f[10], f[12], f[13],
          f[14], f[15], f[18]);
    n = csv_split(&p, f, 20); /* set 3: bridge, skipped */
    CHECK(n == 19 && !strcmp(f[7], "2") && !strcmp(f[8], "bridge") && !strcmp(f[9], "") &&
              !strcmp(f[12], "0") && !strcmp(f[17], "3") && !strcmp(f[18], "skipped"),
          "row 3: block %s exercise %s side '%s' done %s hold %s status %s", f[7], f[8], f[9],
          f[12], f[17], f[18]);
    n = csv_split(&p, f, 20); /* session 2: open, no sets */
    CHECK_EQ_INT(n, 19, "row 4 (no sets) fields");
    CHECK(!strcmp(f[1], "2") && !strcmp(f[4], "") && !strcmp(f[5], "") && !strcmp(f[7], "") &&
              !strcmp(f[18], ""),
          "row 4: id %s status '%s' pain '%s' block '%s' set status '%s'", f[1], f[4], f[5],
          f[7], f[18]);
    CHECK(*p == '\0', "nothing after the last row: %.40s", p);
    free(csv);
}

static void check_json(adlog *log)
{
    bool ok;
    char *json = export_to_string(log, ADLOG_JSON, &ok);
    CHECK(ok, "JSON export succeeds");
    static const char *const want[] = {
        "{\"sessions\":[{\"id\":1,\"profile\":\"default\",\"started\":\"2024-03-10T09:00:00+00:00\","
        "\"ended\":\"2024-03-10T09:06:00+00:00\",\"programme\":\"Knee, \\\"v2\\\"\","
        "\"status\":\"completed\",\"pain_before\":3,\"pain_after\":2,",
        "\"prescribed\":[{\"block\":1,\"key\":\"clamshell-left\",\"exercise\":\"clamshell\","
        "\"side\":\"left\",\"sets\":2,\"reps\":3,\"hold_s\":1},",
        "\"sets\":[{\"block\":1,\"exercise\":\"clamshell\",\"side\":\"left\",\"set_no\":1,"
        "\"target_reps\":3,\"hold_target_s\":1,\"started\":\"2024-03-10T09:01:00+00:00\","
        "\"ended\":\"2024-03-10T09:02:00+00:00\",\"reps_done\":3,\"camera_reps\":2,"
        "\"manual_reps\":1,\"timed_reps\":0,\"holds_met\":1,\"status\":\"completed\",\"reps\":[",
        "{\"seq\":1,\"number\":1,\"t\":\"2024-03-10T09:01:05.000+00:00\",\"hold_s\":1.200,"
        "\"hold_met\":true,\"amplitude\":0.900,\"source\":\"camera\"}",
        "{\"seq\":2,\"number\":2,\"t\":\"2024-03-10T09:01:10.250+00:00\",\"hold_s\":0.500,"
        "\"hold_met\":false,",
        "{\"seq\":3,\"number\":3,\"t\":\"2024-03-10T09:01:15.000+00:00\",\"hold_s\":0.000,"
        "\"hold_met\":false,\"amplitude\":0.000,\"source\":\"manual\"}",
        "\"camera_reps\":1,\"manual_reps\":0,\"timed_reps\":1,",
        "\"hold_s\":1.100,\"hold_met\":true,\"amplitude\":0.900,\"source\":\"timed\"}",
        "\"status\":\"skipped\",\"reps\":[]}]}",
        "{\"id\":2,\"profile\":\"default\",\"started\":\"2024-03-11T08:00:00+00:00\",\"ended\":null,"
        "\"programme\":\"tab\\there\\u0001 caf\xc3\xa9 \\ufffd\",\"status\":null,"
        "\"pain_before\":null,\"pain_after\":null,",
        "\"sets\":[]}],\"adherence\":{\"sessions_completed\":1,\"reps_done\":5,"
        "\"reps_prescribed\":16}}\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        CHECK(strstr(json, want[i]) != NULL, "JSON holds\n  %s\nin\n  %s", want[i], json);
    CHECK(json[0] == '{' && !strcmp(json + strlen(json) - 3, "}}\n"), "JSON is one object");
    free(json);
}

static void test_export(void)
{
    const char *dir = check_tmpdir("adlog_export");
    char err[256];
    setenv("TZ", "UTC", 1);
    tzset();
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    programme p = test_programme("Knee, \"v2\"");
    record_full_session(log, &p, DAY0 + 9 * HOUR_MS);
    programme odd = test_programme("tab\there\x01 caf\xc3\xa9 \xff");
    CHECK(adlog_begin_session(log, DAY0 + 32 * HOUR_MS, &odd, -1) > 0, "open session 2");
    adlog_close(log);

    log = adlog_open_readonly(dir, err);
    CHECK(log != NULL, "read-only open: %s", err);
    if (!log)
        return;
    sqlite3 *db = peek_db(dir);
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM sessions WHERE status IS NULL"), 1,
                 "read-only open leaves the open session alone");
    sqlite3_close(db);
    CHECK(adlog_begin_session(log, DAY0, &p, 1) == 0, "writes fail on a read-only log");
    check_csv(log);
    check_json(log);

    FILE *full = fopen("/dev/full", "w");
    if (full) {
        CHECK(adlog_export(log, full, ADLOG_JSON) == false, "export to a full device fails");
        fclose(full);
    }
    adlog_close(log);
}

/* ---- people sharing a station ---- */

/* Two people: each one's figures are their own, an export can be limited to
 * one of them and says whose each session is, and a name with no sessions is
 * told apart from an empty record. */
static void test_profiles(void)
{
    const char *dir = check_tmpdir("adlog_profiles");
    char err[256] = "";
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    programme p = test_programme("Knee");
    adlog_set_profile(log, "alice");
    record_full_session(log, &p, DAY0 + 9 * HOUR_MS);
    record_full_session(log, &p, DAY0 + 10 * HOUR_MS);
    adlog_set_profile(log, "bob");
    record_full_session(log, &p, DAY0 + 11 * HOUR_MS);
    session_stats st;
    CHECK(adlog_stats(log, DAY0 + 12 * HOUR_MS, 3, &st), "bob's stats");
    CHECK(st.week_sessions == 1 && st.week_reps == 5 && st.streak_days == 1,
          "bob's: %d sessions, %d reps, streak %d", st.week_sessions, st.week_reps,
          st.streak_days);
    adlog_set_profile(log, "alice");
    CHECK(adlog_stats(log, DAY0 + 12 * HOUR_MS, 3, &st), "alice's stats");
    CHECK(st.week_sessions == 2 && st.week_reps == 10, "alice's: %d sessions, %d reps",
          st.week_sessions, st.week_reps);
    adlog_set_profile(log, "carol");
    CHECK(adlog_stats(log, DAY0 + 12 * HOUR_MS, 3, &st), "carol's stats");
    CHECK(st.week_sessions == 0 && st.week_reps == 0 && st.streak_days == 0 &&
              st.week_reps_target == 0,
          "carol has nothing: %d sessions, %d reps, streak %d, target %d", st.week_sessions,
          st.week_reps, st.streak_days, st.week_reps_target);

    FILE *f = tmpfile();
    CHECK(adlog_export_profile(log, f, ADLOG_CSV, "bob"), "bob's CSV");
    char line[512];
    int rows = 0, bobs = 0;
    rewind(f);
    while (fgets(line, sizeof line, f)) {
        rows++;
        bobs += !strncmp(line, "bob,", 4);
    }
    fclose(f);
    CHECK(rows == 4 && bobs == 3, "bob's CSV: a header and his 3 set rows, got %d rows, %d his",
          rows, bobs);
    f = tmpfile();
    CHECK(adlog_export_profile(log, f, ADLOG_JSON, "alice"), "alice's JSON");
    long n = ftell(f);
    char *json = calloc(1, (size_t)n + 1);
    rewind(f);
    CHECK(fread(json, 1, (size_t)n, f) == (size_t)n, "read back");
    fclose(f);
    CHECK(!strstr(json, "\"bob\"") && strstr(json, "\"profile\":\"alice\"") &&
              strstr(json, "\"sessions_completed\":2,\"reps_done\":10,"),
          "alice's JSON has her 2 sessions only: %.300s", json);
    free(json);

    CHECK(adlog_profile_known(log, "alice", err), "alice is known");
    CHECK(!adlog_profile_known(log, "alcie", err), "a mistyped name is not");
    CHECK(strstr(err, "'alcie'") && strstr(err, "alice, bob"), "the reason names them: %s", err);
    adlog_close(log);
}

/* ---- refusing files and the export command ---- */

static bool file_is(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "rb");
    char back[8192];
    size_t got = f ? fread(back, 1, sizeof back, f) : 0;
    if (f)
        fclose(f);
    return got == n && !memcmp(back, text, n);
}

/* A file that is not a database: export refuses it and leaves it; the station
 * moves it (and its -wal) aside with a time stamp and begins a fresh log. */
static void test_garbage(void)
{
    const char *dir = check_tmpdir("adlog_garbage");
    char path[1200], wal[1200], moved[1400], err[256] = "";
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    snprintf(wal, sizeof wal, "%s/adherence.db-wal", dir);
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)("not a database "[i % 15]);
    write_file(path, junk, sizeof junk);
    CHECK(adlog_open_readonly(dir, err) == NULL, "export refuses it: %s", err);
    CHECK(strstr(err, "not a database") != NULL, "reason: %s", err);
    CHECK(file_is(path, junk, sizeof junk), "export left the file untouched");

    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "the station opens a fresh log: %s", err);
    snprintf(moved, sizeof moved, "%s/adherence.db.corrupt-20240310-000000", dir);
    CHECK(!strcmp(adlog_moved_aside(log), moved), "moved aside to %s", adlog_moved_aside(log));
    CHECK(file_is(moved, junk, sizeof junk), "the damaged file is kept, unchanged");
    programme p = test_programme("Fresh");
    CHECK(adlog_begin_session(log, DAY0, &p, 1) > 0, "the fresh log records");
    adlog_close(log);

    /* Damaged again at the same second: the next name. */
    write_file(path, "garbage\n", 8);
    unlink(wal);
    log = adlog_open(dir, DAY0, err);
    CHECK(log && strstr(adlog_moved_aside(log), ".corrupt-20240310-000000.2"),
          "a second damaged file gets .2: %s", adlog_moved_aside(log));
    adlog_close(log);
    CHECK(adlog_moved_aside(NULL)[0] == '\0', "NULL log: nothing moved");

    /* Some other program's SQLite database is refused and left alone. */
    unlink(path);
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE notes(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(adlog_open(dir, DAY0, err) == NULL, "a foreign database is refused");
    CHECK(strstr(err, "not an adherence log") != NULL, "reason: %s", err);
    CHECK(access(path, F_OK) == 0, "and not moved");
}

/* A real log with a page overwritten: quick_check finds it, the station moves
 * it aside. */
static void test_damaged_page(void)
{
    const char *dir = check_tmpdir("adlog_damaged_page");
    char path[1200], err[256] = "";
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    adlog *log = adlog_open(dir, DAY0, err);
    programme p = test_programme("Pages");
    for (int i = 0; i < 40; i++)
        quick_session(log, &p, DAY0 + i * HOUR_MS, 2, SESSION_STATUS_COMPLETED);
    adlog_close(log); /* the last close checkpoints the WAL into the file */
    int fd = open(path, O_WRONLY);
    char junk[1024];
    memset(junk, 0x5a, sizeof junk);
    CHECK(fd >= 0 && pwrite(fd, junk, sizeof junk, 4096) == (ssize_t)sizeof junk,
          "overwrite part of page 2");
    if (fd >= 0)
        close(fd);
    log = adlog_open(dir, DAY0 + DAY_MS, err);
    CHECK(log != NULL, "opens fresh: %s", err);
    CHECK(strstr(adlog_moved_aside(log), ".corrupt-20240311-000000") != NULL,
          "the damaged log was moved aside: '%s'", adlog_moved_aside(log));
    adlog_close(log);
}

static void test_cmd_export(void)
{
    const char *base = check_tmpdir("adlog_cmd_export");
    char missing[1100], empty[1100], out[1100], dbfile[1200];
    snprintf(missing, sizeof missing, "%s/none", base);
    snprintf(empty, sizeof empty, "%s/empty", base);
    snprintf(out, sizeof out, "%s/out.txt", base);
    mkdir(empty, 0700);

    char *a1[] = { "export", "--data-dir", missing, "--format", "csv" };
    CHECK_EQ_INT(run_export(out, 5, a1), 1, "export with no data dir");
    CHECK(access(missing, F_OK) != 0, "export did not create the data dir");
    char *a2[] = { "export", "--data-dir", empty, "--format", "json" };
    CHECK_EQ_INT(run_export(out, 5, a2), 1, "export with no database");
    snprintf(dbfile, sizeof dbfile, "%s/adherence.db", empty);
    CHECK(access(dbfile, F_OK) != 0, "export did not create an empty database");

    char *a3[] = { "export", "--data-dir", empty, "--format", "xml" };
    CHECK_EQ_INT(run_export(out, 5, a3), 2, "unknown format");
    char *a4[] = { "export", "--format", "csv" };
    CHECK_EQ_INT(run_export(out, 3, a4), 2, "no --data-dir");
    char *a5[] = { "export", "--data-dir", empty, "--format", "csv", "--bogus" };
    CHECK_EQ_INT(run_export(out, 6, a5), 2, "unknown option");
    char *a6[] = { "export", "--data-dir" };
    CHECK_EQ_INT(run_export(out, 2, a6), 2, "--data-dir without a value");

    char err[256];
    adlog *log = adlog_open(empty, DAY0, err);
    programme p = test_programme("Cmd");
    quick_session(log, &p, DAY0 + HOUR_MS, 2, SESSION_STATUS_COMPLETED);
    adlog_close(log);
    char dir_arg[1200];
    snprintf(dir_arg, sizeof dir_arg, "--data-dir=%s", empty);
    char *a7[] = { "export", dir_arg, "--format=csv" };
    CHECK_EQ_INT(run_export(out, 3, a7), 0, "export of a real log");
    FILE *f = fopen(out, "r");
    char line[512] = "";
    if (f) {
        if (!fgets(line, sizeof line, f))
            line[0] = '\0';
        CHECK(!strncmp(line, "profile,session_id,session_started,", 35), "CSV header: %s", line);
        const char *row = "default,1,2024-03-10T01:00:00+00:00,Cmd,completed,0,0,"
                          "1,clamshell,left,1,3,2,2,0,0,2,1,completed\n";
        CHECK(fgets(line, sizeof line, f) && !strcmp(line, row),
              "CSV row: %s", line);
        fclose(f);
    }
    char *a8[] = { "export", dir_arg, "--format=csv", "--profile", "defualt" };
    CHECK_EQ_INT(run_export(out, 5, a8), 1, "export of a profile with no sessions");
    char *a9[] = { "export", dir_arg, "--format=json", "--profile=default" };
    CHECK_EQ_INT(run_export(out, 4, a9), 0, "export of one profile");
}

/* ---- write failures ---- */

static off_t size_of(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? sb.st_size : 0;
}

/* A file-size limit makes the next write fail (EFBIG), as a full disk would:
 * the write reports failure and everything saved before it stays. The limit
 * is a byte, not the WAL's size: a WAL that was checkpointed starts over
 * from its beginning and would not grow. */
static void test_write_failure(void)
{
    const char *dir = check_tmpdir("adlog_write_failure");
    char err[256], wal[1200];
    snprintf(wal, sizeof wal, "%s/adherence.db-wal", dir);
    programme p = test_programme("Full");
    adlog *log = adlog_open(dir, DAY0, err);
    CHECK(log != NULL, "open: %s", err);
    if (!log)
        return;
    int64_t s = adlog_begin_session(log, DAY0, &p, 0);
    int64_t set = adlog_begin_set(log, s, DAY0, &p.blocks[0], 0, 1);
    session_rep r = rep_at(1, 1, 0, 1000, true, false);
    CHECK(adlog_rep(log, set, DAY0 + 1000, &r), "rep before the disk fills");

    struct rlimit old, lim;
    getrlimit(RLIMIT_FSIZE, &old);
    lim = old;
    lim.rlim_cur = size_of(wal) > 0 ? 1 : 0;
    signal(SIGXFSZ, SIG_IGN);
    bool limited = lim.rlim_cur > 0 && setrlimit(RLIMIT_FSIZE, &lim) == 0;
    if (limited) {
        r.seq = 2;
        CHECK(adlog_rep(log, set, DAY0 + 2000, &r) == false, "rep on a full disk fails");
        CHECK(adlog_end_session(log, s, DAY0 + 3000, 0, SESSION_STATUS_COMPLETED) == false,
              "ending on a full disk fails");
        setrlimit(RLIMIT_FSIZE, &old);
        r.seq = 3;
        CHECK(adlog_rep(log, set, DAY0 + 4000, &r), "writes work again once there is room");
    } else {
        fprintf(stderr, "note: could not limit the file size; skipping the full-disk part\n");
    }
    signal(SIGXFSZ, SIG_DFL);
    adlog_close(log);

    sqlite3 *db = peek_db(dir);
    CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps WHERE seq = 1"), 1,
                 "the rep saved before the failure survives");
    if (limited) {
        CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps WHERE seq = 2"), 0,
                     "the failed rep is not half-saved");
        CHECK_EQ_INT(peek_int(db, "SELECT count(*) FROM reps WHERE seq = 3"), 1,
                     "the rep after the failure is saved");
        CHECK_EQ_INT(peek_int(db, "SELECT status IS NULL FROM sessions"), 1,
                     "the failed end left the session open");
    }
    sqlite3_close(db);

    CHECK(adlog_rep(NULL, 1, 0, &r) == false && adlog_begin_session(NULL, 0, &p, 0) == 0,
          "calls on a log that failed to open just fail");
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    test_round_trip_and_modes();
    test_interrupted();
    test_end_with_open_set();
    test_upgrade_from_2();
    test_stats();
    test_export();
    test_profiles();
    test_garbage();
    test_damaged_page();
    test_cmd_export();
    test_write_failure();
    return check_done();
}
