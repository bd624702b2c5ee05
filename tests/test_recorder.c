/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_recorder: the session sink over a real adherence log while writes
 * fail. Faults come from the log's fault VFS (adlog_fault.h): a full disk
 * for a while, then room again; a few I/O errors; a record the log refuses;
 * no log at all; a queue that hits its cap; and, when the test may mount
 * (root), a real full disk: a tiny tmpfs, grown again with a remount. Checks
 * that the records wait, that they are written in order once writes work,
 * exactly once, with the times they happened (a rep counted before its set
 * began included), and what the recorder says about saved reps meanwhile.
 */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adlog.h"
#include "adlog_fault.h"
#include "check.h"
#include "test_fixtures.h"
#include "clock.h"
#include "recorder.h"

#define T0 1710028800000LL /* 2024-03-10T00:00:00Z */

static programme one_block(void)
{
    return fixture_one_bridge("Recorder", 6);
}

/* Rep seq, done now on clk. */
static session_rep rep(const rm_clock *clk, int seq)
{
    return (session_rep){ .seq = seq, .number = seq, .manual = true, .t_ms = clock_now_ms(clk) };
}

static long long peek(const char *dir, const char *sql)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* A log in dir, a virtual clock, a recorder over them, and a session with one
 * set begun through the recorder's sink. */
typedef struct fixture {
    adlog *log;
    rm_clock *clk;
    recorder *r;
    session_sink k;
    programme p;
    int64_t session, set;
} fixture;

static void fixture_open(fixture *f, const char *dir)
{
    char err[256] = "";
    CHECK(adlog_fault_set(""), "fault shim installed, no faults");
    f->log = adlog_open(dir, T0, err);
    CHECK(f->log != NULL, "open %s: %s", dir, err);
    f->clk = clock_create_virtual(T0);
    f->r = recorder_create(f->log, f->clk);
    f->k = recorder_sink(f->r);
    f->p = one_block();
    f->session = f->k.begin_session(f->k.ctx, &f->p, 2);
    f->set = f->k.begin_set(f->k.ctx, f->session, &f->p.blocks[0], 0, 1);
    CHECK(f->session > 0 && f->set > 0, "ids given");
}

static void fixture_close(fixture *f)
{
    adlog_fault_set("");
    recorder_destroy(f->r);
    adlog_close(f->log);
    clock_destroy(f->clk);
}

/* A disk that fills mid-set and empties again. */
static void test_full_then_room(void)
{
    const char *dir = check_tmpdir("recorder_full");
    fixture f;
    fixture_open(&f, dir);
    recorder *r = f.r;
    rm_clock *clk = f.clk;
    session_sink k = f.k;
    int64_t s = f.session, set = f.set;
    clock_advance_to(clk, 1000);
    session_rep x1 = rep(clk, 1);
    CHECK(k.rep(k.ctx, set, &x1), "rep 1 saved");
    int64_t row = 0;
    CHECK(recorder_rep_saved(r, 1, &row) && row == 1, "rep 1 known saved, session row %lld",
          (long long)row);

    CHECK(adlog_fault_set("full=1-1000000"), "the disk is full");
    for (int seq = 2; seq <= 4; seq++) {
        clock_advance_to(clk, seq * 1000);
        session_rep x = rep(clk, seq);
        CHECK(!k.rep(k.ctx, set, &x), "rep %d reported unsaved", seq);
    }
    CHECK_EQ_INT(recorder_pending(r), 3, "three reps wait");
    CHECK(recorder_disk_full(r), "the recorder knows the disk is full");
    CHECK(!recorder_rep_saved(r, 2, NULL), "rep 2 not known saved");
    recorder_retry(r);
    CHECK_EQ_INT(recorder_pending(r), 3, "still full: they still wait");

    CHECK(adlog_fault_set(""), "room again");
    clock_advance_to(clk, 4500);
    recorder_retry(r); /* too soon after the last try: nothing yet */
    CHECK_EQ_INT(recorder_pending(r), 3, "no retry before RECORDER_RETRY_MS");
    clock_advance_to(clk, 4000 + RECORDER_RETRY_MS);
    recorder_retry(r);
    CHECK_EQ_INT(recorder_pending(r), 0, "written once there is room");
    CHECK(!recorder_disk_full(r), "and no longer says the disk is full");
    CHECK(recorder_rep_saved(r, 4, NULL), "rep 4 known saved");

    /* An I/O error: the next record gets the earlier one through. */
    CHECK(adlog_fault_set("ioerr=1-1"), "an I/O error");
    clock_advance_to(clk, 9000);
    session_rep x5 = rep(clk, 5);
    CHECK(!k.rep(k.ctx, set, &x5), "rep 5 failed");
    CHECK(!recorder_disk_full(r), "an I/O error is not a full disk");
    clock_advance_to(clk, 10000);
    session_rep x6 = rep(clk, 6);
    k.rep(k.ctx, set, &x6);
    CHECK_EQ_INT(recorder_pending(r), 0, "rep 5 and 6 written with rep 6");
    CHECK(k.end_set(k.ctx, set, 6, 0, SET_STATUS_COMPLETED), "set ended");
    CHECK(k.end_session(k.ctx, s, 1, SESSION_STATUS_COMPLETED), "session ended");
    fixture_close(&f);

    CHECK_EQ_INT(peek(dir, "SELECT count(*) FROM reps"), 6, "six reps");
    CHECK_EQ_INT(peek(dir, "SELECT count(DISTINCT seq) FROM reps"), 6, "no duplicates");
    CHECK_EQ_INT(peek(dir, "SELECT t FROM reps WHERE seq = 3") - T0, 3000,
                 "a late rep keeps the time it happened");
    CHECK_EQ_INT(peek(dir, "SELECT count(*) FROM sessions WHERE status = 'completed'"), 1,
                 "session completed");
}

/* A rep counted before its set began (the person started before "Go": the
 * set begins with their second rep, session_reps.c) is handed over later than
 * it was done, and saved with when it was done; a rep handed over as it is
 * done keeps the time it is handed over. */
static void test_rep_done_earlier(void)
{
    const char *dir = check_tmpdir("recorder_earlier");
    fixture f;
    fixture_open(&f, dir);
    clock_advance_to(f.clk, 2000);
    session_rep first = rep(f.clk, 1);
    clock_advance_to(f.clk, 5000);
    session_rep second = rep(f.clk, 2);
    CHECK(f.k.rep(f.k.ctx, f.set, &first) && f.k.rep(f.k.ctx, f.set, &second),
          "both handed over at 5 s and saved");
    fixture_close(&f);
    CHECK_EQ_INT(peek(dir, "SELECT t FROM reps WHERE seq = 1") - T0, 2000,
                 "the first is saved with when it was done");
    CHECK_EQ_INT(peek(dir, "SELECT t FROM reps WHERE seq = 2") - T0, 5000,
                 "the second with when it was handed over");
}

/* A rep for a set the log never heard of is dropped, not retried forever. */
static void test_refused_and_no_log(void)
{
    const char *dir = check_tmpdir("recorder_refused");
    char err[256];
    adlog *log = adlog_open(dir, T0, err);
    rm_clock *clk = clock_create_virtual(T0);
    recorder *r = recorder_create(log, clk);
    session_sink k = recorder_sink(r);
    session_rep x = rep(clk, 1);
    CHECK(!k.rep(k.ctx, 12345, &x), "a rep of an unknown set is not saved");
    CHECK_EQ_INT(recorder_pending(r), 0, "and not kept waiting");
    recorder_destroy(r);
    adlog_close(log);

    /* No log: everything waits, up to the cap. */
    r = recorder_create(NULL, clk);
    k = recorder_sink(r);
    programme p = one_block();
    int64_t s = k.begin_session(k.ctx, &p, 0);
    int64_t set = k.begin_set(k.ctx, s, &p.blocks[0], 0, 1);
    for (int i = 1; i <= RECORDER_MAX_PENDING + 10; i++) {
        x = rep(clk, i);
        k.rep(k.ctx, set, &x);
    }
    CHECK_EQ_INT(recorder_pending(r), RECORDER_MAX_PENDING, "the queue stops at its cap");
    recorder_destroy(r);
    clock_destroy(clk);
}

/* The log keeps a rep once even when it is written twice. */
static void test_rep_twice(void)
{
    const char *dir = check_tmpdir("recorder_twice");
    char err[256];
    adlog *log = adlog_open(dir, T0, err);
    programme p = one_block();
    int64_t s = adlog_begin_session(log, T0, &p, 0);
    int64_t set = adlog_begin_set(log, s, T0, &p.blocks[0], 0, 1);
    session_rep x = { .seq = 1, .number = 1, .manual = true };
    CHECK(adlog_rep(log, set, T0, &x) && adlog_rep(log, set, T0, &x), "both writes succeed");
    adlog_close(log);
    CHECK_EQ_INT(peek(dir, "SELECT count(*) FROM reps"), 1, "one row");
}

/* A real full disk: a 192 KiB tmpfs (160 KiB no longer holds schema 4's
 * empty database and WAL) fills during a session, after about 400 reps; growing it
 * (remount) lets the waiting reps through. Skipped where mounting is not
 * allowed. */
static void test_tmpfs(void)
{
    const char *base = check_tmpdir("recorder_tmpfs");
    char mnt[1100], dir[1200];
    snprintf(mnt, sizeof mnt, "%s/mnt", base);
    snprintf(dir, sizeof dir, "%s/data", mnt);
    mkdir(mnt, 0700);
    if (mount("tmpfs", mnt, "tmpfs", 0, "size=192k,mode=0700") != 0) {
        fprintf(stderr, "note: cannot mount a tmpfs (%s); skipping the real full disk\n",
                strerror(errno));
        return;
    }
    fixture f;
    fixture_open(&f, dir);
    recorder *r = f.r;
    rm_clock *clk = f.clk;
    session_sink k = f.k;
    int64_t set = f.set;
    int seq = 0;
    while (seq < 4000 && recorder_pending(r) == 0) {
        clock_advance_to(clk, ++seq * 1000);
        session_rep x = rep(clk, seq);
        k.rep(k.ctx, set, &x);
    }
    CHECK(recorder_pending(r) > 0, "the disk filled after %d reps", seq);
    CHECK(recorder_disk_full(r), "a real full disk is known as full");
    for (int i = 0; i < 3; i++) {
        clock_advance_to(clk, ++seq * 1000);
        session_rep x = rep(clk, seq);
        CHECK(!k.rep(k.ctx, set, &x), "rep %d on a full disk is not saved", seq);
    }
    int waiting = recorder_pending(r);
    CHECK(mount("tmpfs", mnt, "tmpfs", MS_REMOUNT, "size=4m,mode=0700") == 0, "grow: %s",
          strerror(errno));
    clock_advance_to(clk, (seq + 5) * 1000);
    recorder_retry(r);
    CHECK_EQ_INT(recorder_pending(r), 0, "all waiting records written once there is room");
    fixture_close(&f);
    CHECK_EQ_INT(peek(dir, "SELECT count(*) FROM reps"), seq, "every rep saved");
    CHECK_EQ_INT(peek(dir, "SELECT count(DISTINCT seq) FROM reps"), seq, "none twice");
    fprintf(stderr, "tmpfs: full after %d reps, %d records waited, all %d saved after growing\n",
            seq - 3, waiting, seq);
    umount(mnt);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    test_full_then_room();
    test_refused_and_no_log();
    test_rep_twice();
    test_rep_done_earlier();
    test_tmpfs();
    return check_done();
}
