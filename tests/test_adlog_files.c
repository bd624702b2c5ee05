/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_adlog_files: the adherence log against files it must not trust or
 * must not harm (issue 15): a database of another program or of a newer
 * rehab-mirror is left byte for byte as it was (never switched to WAL); a
 * healthy file that cannot be opened for writing (a directory in its place,
 * no permission, a read-only file system) is not set aside as damaged; a
 * small file system (a 256 KiB tmpfs, when the test may mount one) keeps
 * taking records session after session because the WAL is kept small; a
 * damaged -wal that would drop committed records is reported (a torn last
 * write is not); the page cache stays bounded however large the database is.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
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

#define T0 1710028800000LL /* 2024-03-10T00:00:00Z */
#define MIN_MS 60000LL

static programme one_block(void)
{
    return fixture_one_bridge("Files", 10);
}

/* The whole file in a malloc'd buffer; *n its size (0 and NULL when absent). */
static unsigned char *slurp(const char *path, size_t *n)
{
    *n = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(len > 0 ? (size_t)len : 1);
    *n = fread(buf, 1, len > 0 ? (size_t)len : 0, f);
    fclose(f);
    return buf;
}

static bool exists(const char *path)
{
    return access(path, F_OK) == 0;
}

/* Whether anything named adherence.db.corrupt-* is in dir. */
static bool moved_aside_in(const char *dir)
{
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -q corrupt", dir);
    return system(cmd) == 0;
}

/* A session of `reps` reps, each its own commit; false at the first failure. */
static bool session_of(adlog *log, const programme *p, int64_t t, int reps)
{
    int64_t s = adlog_begin_session(log, t, p, 0);
    int64_t set = s ? adlog_begin_set(log, s, t, &p->blocks[0], 0, 1) : 0;
    if (!set)
        return false;
    for (int i = 1; i <= reps; i++) {
        session_rep r = { .seq = i, .number = i, .hold_ms = 1000, .amplitude = 0.5f };
        if (!adlog_rep(log, set, t + i * 1000, &r))
            return false;
    }
    return adlog_end_set(log, set, t + 60000, reps, 0, SET_STATUS_COMPLETED) &&
           adlog_end_session(log, s, t + 61000, 0, SESSION_STATUS_COMPLETED);
}

/* ---- a file that is not ours ---- */

/* Writes a rollback-journal SQLite file at path with the given identity. */
static void foreign_db(const char *path, int user_version, int app_id, const char *table)
{
    unlink(path);
    sqlite3 *db = NULL;
    char sql[256];
    snprintf(sql, sizeof sql,
             "PRAGMA journal_mode = DELETE; CREATE TABLE %s(x); INSERT INTO %s VALUES (42);"
             " PRAGMA user_version = %d; PRAGMA application_id = %d",
             table, table, user_version, app_id);
    if (sqlite3_open(path, &db) != SQLITE_OK ||
        sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        fprintf(stderr, "cannot make %s: %s\n", path, sqlite3_errmsg(db));
    sqlite3_close(db);
}

/* Opening must refuse the file and leave every byte (bytes 18 and 19 say
 * rollback journal, 1, not WAL, 2) and make no -wal beside it. */
static void check_untouched(const char *dir, const char *what, const char *want_reason)
{
    char path[1200], wal[1300], err[256] = "";
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    snprintf(wal, sizeof wal, "%s-wal", path);
    size_t n0, n1;
    unsigned char *before = slurp(path, &n0);
    adlog *log = adlog_open(dir, T0, err);
    CHECK(log == NULL, "%s: refused", what);
    adlog_close(log);
    CHECK(strstr(err, want_reason) != NULL, "%s: reason '%s' has '%s'", what, err, want_reason);
    unsigned char *after = slurp(path, &n1);
    CHECK(before && after && n0 == n1 && !memcmp(before, after, n0),
          "%s: the file is byte for byte as it was", what);
    CHECK(after && n1 > 19 && after[18] == 1 && after[19] == 1,
          "%s: still a rollback-journal file (bytes 18/19 = %d/%d)", what,
          after && n1 > 19 ? after[18] : -1, after && n1 > 19 ? after[19] : -1);
    CHECK(!exists(wal), "%s: no -wal was made", what);
    CHECK(!moved_aside_in(dir), "%s: not moved aside", what);
    free(before);
    free(after);
}

static void test_not_ours(void)
{
    const char *dir = check_tmpdir("adlog_not_ours");
    char path[1200];
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    foreign_db(path, 99, 0x524d4144, "sessions");
    check_untouched(dir, "a newer rehab-mirror's log", "newer version");
    foreign_db(path, 2, 0x12345678, "sessions");
    check_untouched(dir, "a wrong application_id", "not an adherence log");
    foreign_db(path, 0, 0, "notes");
    check_untouched(dir, "another program's database", "not an adherence log");
}

/* A disk full while the schema is set up is a full disk, not a file that is
 * not ours (the screen would send the user after the wrong problem). */
static void test_full_at_open(void)
{
    const char *dir = check_tmpdir("adlog_full_at_open");
    char err[256] = "";
    adlog_trouble why = ADLOG_OK;
    for (int first = 1; first <= 8; first++) {
        char spec[32];
        snprintf(spec, sizeof spec, "full=%d-100000", first);
        CHECK(adlog_fault_set(spec), "fault %s", spec);
        adlog *log = adlog_open_why(dir, T0, &why, err);
        CHECK(log == NULL, "%s: no log on a full disk", spec);
        adlog_close(log);
        CHECK(why == ADLOG_DISK_FULL, "%s: the trouble is a full disk (%d): %s", spec, (int)why,
              err);
        CHECK(!moved_aside_in(dir), "%s: nothing moved aside", spec);
    }
    CHECK(adlog_fault_set(""), "faults off");
    adlog *log = adlog_open_why(dir, T0, &why, err);
    CHECK(log && why == ADLOG_OK, "opens once there is room: %s", err);
    adlog_close(log);
}

/* ---- a healthy file that cannot be written ---- */

/* A directory where the file should be: not damaged, not moved. */
static void test_directory_in_place(void)
{
    const char *dir = check_tmpdir("adlog_directory");
    char path[1200], err[256] = "";
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    mkdir(path, 0700);
    adlog *log = adlog_open(dir, T0, err);
    CHECK(log == NULL, "a directory is not opened as the log");
    adlog_close(log);
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && S_ISDIR(sb.st_mode), "the directory is left where it was");
    CHECK(!moved_aside_in(dir), "nothing moved aside (%s)", err);
}

/* A healthy log with one session in dir, closed (its WAL checkpointed). */
static void healthy_log(const char *dir)
{
    char err[256] = "";
    programme p = one_block();
    adlog *log = adlog_open(dir, T0, err);
    CHECK(log && session_of(log, &p, T0, 3), "a healthy log: %s", err);
    adlog_close(log);
}

/* No permission: only meaningful when not root (root reads anything). */
static void test_no_permission(void)
{
    if (geteuid() == 0) {
        fprintf(stderr, "note: running as root, which ignores file modes; skipping the "
                        "chmod 000 case (the read-only mount and the directory cover it)\n");
        return;
    }
    const char *dir = check_tmpdir("adlog_no_permission");
    char path[1200], err[256] = "";
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    healthy_log(dir);
    chmod(path, 0);
    adlog *log = adlog_open(dir, T0 + MIN_MS, err);
    CHECK(log == NULL, "an unreadable log is not opened");
    adlog_close(log);
    CHECK(exists(path) && !moved_aside_in(dir), "and not moved aside as damaged (%s)", err);
    chmod(path, 0600);
}

/* A read-only file system (a tmpfs remounted read-only): the healthy log is
 * not moved (a rename there fails anyway) and not changed. */
static void test_read_only_fs(void)
{
    const char *base = check_tmpdir("adlog_read_only");
    char mnt[1100], dir[1200], path[1300], err[256] = "";
    snprintf(mnt, sizeof mnt, "%s/mnt", base);
    snprintf(dir, sizeof dir, "%s/data", mnt);
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    mkdir(mnt, 0700);
    if (mount("tmpfs", mnt, "tmpfs", 0, "size=1m,mode=0700") != 0) {
        fprintf(stderr, "note: cannot mount a tmpfs (%s); skipping the read-only file system\n",
                strerror(errno));
        return;
    }
    healthy_log(dir);
    size_t n0, n1;
    unsigned char *before = slurp(path, &n0);
    CHECK(mount("tmpfs", mnt, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=1m,mode=0700") == 0,
          "remount read-only: %s", strerror(errno));
    for (int i = 0; i < 2; i++) {
        adlog *log = adlog_open(dir, T0 + MIN_MS, err);
        CHECK(log == NULL, "a log on a read-only file system is not opened for writing");
        adlog_close(log);
        CHECK(strstr(err, "read-only") != NULL, "the reason says read-only: %s", err);
    }
    unsigned char *after = slurp(path, &n1);
    CHECK(before && after && n0 == n1 && !memcmp(before, after, n0), "the log is unchanged");
    CHECK(!moved_aside_in(dir), "nothing moved aside");
    free(before);
    free(after);
    umount(mnt);
}

/* ---- a small file system ---- */

/* 30 sessions of 10 reps (a little over 300 commits) into dir, which holds
 * 256 KiB: all fit, because the WAL is checkpointed and truncated instead of
 * growing to SQLite's default 1000 pages (4 MiB), and the database itself
 * grows by the records only. */
static void fill_small(const char *dir, const char *what)
{
    char wal[1300], err[256] = "";
    snprintf(wal, sizeof wal, "%s/adherence.db-wal", dir);
    programme p = one_block();
    adlog *log = adlog_open(dir, T0, err);
    CHECK(log != NULL, "%s: open: %s", what, err);
    int done = 0;
    for (; log && done < 30; done++)
        if (!session_of(log, &p, T0 + done * 60 * MIN_MS, 10))
            break;
    CHECK_EQ_INT(done, 30, "sessions saved on 256 KiB");
    struct stat sb;
    CHECK(stat(wal, &sb) != 0 || sb.st_size <= 160 * 1024, "%s: the WAL stays small: %lld bytes",
          what, (long long)sb.st_size);
    adlog_close(log);
}

/* A real 256 KiB tmpfs where the test may mount one (root); and always the
 * fault VFS's disk= limit, which counts the database and its WAL (not the
 * -shm, which a real file system counts too). */
static void test_small_fs(void)
{
    const char *base = check_tmpdir("adlog_small_fs");
    char mnt[1100], dir[1200];
    snprintf(mnt, sizeof mnt, "%s/mnt", base);
    snprintf(dir, sizeof dir, "%s/data", mnt);
    mkdir(mnt, 0700);
    if (mount("tmpfs", mnt, "tmpfs", 0, "size=256k,mode=0700") == 0) {
        fill_small(dir, "a 256 KiB tmpfs");
        umount(mnt);
    } else {
        fprintf(stderr, "note: cannot mount a tmpfs (%s); the fault VFS only\n",
                strerror(errno));
    }
    CHECK(adlog_fault_set("disk=262144"), "a 256 KiB disk in the fault VFS");
    fill_small(check_tmpdir("adlog_small_vfs"), "256 KiB in the fault VFS");
    CHECK(adlog_fault_set(""), "faults off");
}

/* ---- a damaged WAL ---- */

static void copy_file(const char *from, const char *to)
{
    size_t n;
    unsigned char *buf = slurp(from, &n);
    FILE *f = fopen(to, "wb");
    if (f) {
        if (buf)
            fwrite(buf, 1, n, f);
        fclose(f);
    }
    free(buf);
}

/* dir/adherence.db and its -wal copied into a fresh directory NAME (into
 * `to`, 1100 bytes), as a power cut would leave them (the log is still open
 * in dir). */
static const char *snapshot(const char *dir, const char *name, char *to)
{
    char from[1200], dst[1200];
    snprintf(to, 1100, "%s", check_tmpdir(name));
    snprintf(from, sizeof from, "%s/adherence.db", dir);
    snprintf(dst, sizeof dst, "%s/adherence.db", to);
    copy_file(from, dst);
    snprintf(from, sizeof from, "%s/adherence.db-wal", dir);
    snprintf(dst, sizeof dst, "%s/adherence.db-wal", to);
    copy_file(from, dst);
    return to;
}

static long long count_reps(const char *dir)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT count(*) FROM reps", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* Flips a byte at offset of dir's -wal; cuts it to `cut` bytes when cut > 0. */
static void damage_wal(const char *dir, long offset, long cut)
{
    char wal[1200];
    snprintf(wal, sizeof wal, "%s/adherence.db-wal", dir);
    if (cut > 0) {
        CHECK(truncate(wal, cut) == 0, "cut the WAL");
        return;
    }
    int fd = open(wal, O_RDWR);
    unsigned char b = 0;
    CHECK(fd >= 0 && pread(fd, &b, 1, offset) == 1, "read the WAL byte");
    b ^= 0x5a;
    CHECK(fd >= 0 && pwrite(fd, &b, 1, offset) == 1, "damage the WAL byte");
    if (fd >= 0)
        close(fd);
}

/* Two reps committed in the WAL of a log left open (a power cut). A damaged
 * byte in the first frame's page hides both: reported. A WAL cut short in
 * its last frame (a torn last write) and an intact one: not reported. */
static void test_wal_damage(void)
{
    char dir[1100], whole[1100], torn[1100], bad[1100], err[256] = "";
    snprintf(dir, sizeof dir, "%s", check_tmpdir("adlog_wal"));
    programme p = one_block();
    adlog *log = adlog_open(dir, T0, err);
    int64_t s = log ? adlog_begin_session(log, T0, &p, 0) : 0;
    int64_t set = s ? adlog_begin_set(log, s, T0, &p.blocks[0], 0, 1) : 0;
    CHECK(set > 0, "a session and a set: %s", err);
    /* A checkpoint now, so the WAL holds just the reps. */
    sqlite3 *db = NULL;
    char path[1200];
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    sqlite3_open(path, &db);
    sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL); /* WAL mode seen */
    sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    sqlite3_close(db);
    for (int i = 1; i <= 2; i++) {
        session_rep r = { .seq = i, .number = i, .amplitude = 0.5f };
        CHECK(adlog_rep(log, set, T0 + i * 1000, &r), "rep %d", i);
    }

    snapshot(dir, "adlog_wal_whole", whole);
    CHECK_EQ_INT(count_reps(whole), 2, "an intact copy holds both reps");
    adlog *again = adlog_open(whole, T0 + MIN_MS, err);
    CHECK(again && !adlog_wal_damage(again)[0], "an intact WAL is not reported: '%s'",
          adlog_wal_damage(again));
    adlog_close(again);

    snapshot(dir, "adlog_wal_torn", torn);
    struct stat sb;
    char wal[1200];
    snprintf(wal, sizeof wal, "%s/adherence.db-wal", torn);
    CHECK(stat(wal, &sb) == 0 && sb.st_size > 4096, "the WAL has frames");
    damage_wal(torn, 0, (long)sb.st_size - 100);
    again = adlog_open(torn, T0 + MIN_MS, err);
    CHECK(again && !adlog_wal_damage(again)[0], "a torn last write is not reported: '%s'",
          adlog_wal_damage(again));
    adlog_close(again);

    snapshot(dir, "adlog_wal_damaged", bad);
    damage_wal(bad, 32 + 24 + 2000, 0); /* inside the first frame's page */
    again = adlog_open(bad, T0 + MIN_MS, err);
    CHECK(again != NULL, "a log with a damaged WAL still opens: %s", err);
    CHECK(strstr(adlog_wal_damage(again), "damaged at frame 1") != NULL,
          "the damage is reported: '%s'", adlog_wal_damage(again));
    adlog_close(again);
    CHECK(count_reps(bad) < 2, "(SQLite did drop committed reps: %lld left)", count_reps(bad));
    adlog_close(log);
}

/* ---- memory ---- */

/* A database of several MB, read whole (export): SQLite's memory stays
 * within a bounded page cache rather than growing toward the default 2 MB. */
static void test_cache_bounded(void)
{
    const char *dir = check_tmpdir("adlog_cache");
    char path[1200], err[256] = "";
    snprintf(path, sizeof path, "%s/adherence.db", dir);
    programme p = one_block();
    adlog *log = adlog_open(dir, T0, err);
    CHECK(log && session_of(log, &p, T0, 1), "a log: %s", err);
    adlog_close(log);
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    sqlite3_exec(db,
                 "BEGIN; WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n"
                 " WHERE i < 60000) INSERT INTO reps (set_id, seq, number, t, hold_ms,"
                 " hold_met, amplitude, source) SELECT 1, i, i, i * 1000, 1000, 1, 0.5,"
                 " 'camera' FROM n; COMMIT",
                 NULL, NULL, NULL);
    sqlite3_close(db);
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && sb.st_size > 3 * 1024 * 1024, "a database of %lld bytes",
          (long long)sb.st_size);

    log = adlog_open(dir, T0 + MIN_MS, err);
    FILE *sink = fopen("/dev/null", "w");
    CHECK(log && sink && adlog_export(log, sink, ADLOG_JSON), "exported");
    if (sink)
        fclose(sink);
    long long used = sqlite3_memory_used();
    CHECK(used < 1024 * 1024, "SQLite holds %lld bytes after reading it all", used);
    adlog_close(log);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    test_not_ours();
    test_full_at_open();
    test_directory_in_place();
    test_no_permission();
    test_read_only_fs();
    test_small_fs();
    test_wal_damage();
    test_cache_bounded();
    return check_done();
}
