/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_open: opening the adherence database and keeping its schema (see
 * adlog.h; the writes are in adlog.c).
 *
 * Schema (version 4, kept in PRAGMA user_version; PRAGMA application_id marks
 * the file as ours):
 *   sessions(id, started_at, ended_at, programme, sessions_per_week, rest_s,
 *            pain_before, pain_after, status)         status NULL while open
 *   prescription(session_id, block_index, key, exercise, side, sets, reps, hold_s)
 *            the programme as it was when the session began, one row per block
 *   sets(id, session_id, block_index, exercise, side, set_no, target_reps,
 *        hold_target_s, started_at, ended_at, reps_done, holds_met, status)
 *   reps(id, set_id, seq, number, t, hold_ms, hold_met, amplitude, source)
 *            source is 'camera', 'manual' or 'timed' (a hold led by the
 *            clock, the camera seeing the person keep still)
 *   progressions(id, profile, at, exercise, title, from_sets, from_reps, to_sets,
 *            to_reps, accepted, by)   a proposed next dose and the answer
 *            (progression.h); `by` says who answered and how
 * All times are wall-clock milliseconds since the epoch; pain is 0..10 or NULL
 * when it was not asked. A new schema version is one more entry in
 * `migrations`, applied in its own transaction when an older file is opened.
 *
 * Durability: WAL with synchronous=FULL, and every write is its own
 * transaction (a session's row and its prescription rows go in together), so
 * whatever a call reported as saved survives a power cut, and a failed write
 * (disk full, I/O error) is rolled back without touching earlier records. The
 * file, its -wal and -shm are created under umask 077 (0600) in a directory
 * created 0700; SQLite also gives -wal/-shm the database file's mode.
 *
 * Opening read-only (export) never creates, upgrades or closes anything. The
 * umask is process-wide, so opening must not race another thread creating
 * files.
 */
#include "adlog_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adlog_fault.h"
#include "atomic_file.h"
#include "log.h"
#include "xmalloc.h"

#define DB_NAME "adherence.db"
#define APPLICATION_ID 0x524d4144 /* "RMAD" */
#define BUSY_TIMEOUT_MS 5000
#define ERRBUF_LEN ADLOG_ERRBUF_LEN
/* Bounds that keep the log's footprint small whatever its age (issue 15):
 * SQLite's page cache in KiB (its default is 2 MB and it fills as large a
 * database is read; a session touches a few dozen pages), and the WAL, which
 * is checkpointed into the database every WAL_CHECKPOINT_PAGES pages (the
 * default, 1000 pages, is 4 MiB: more than a small data partition has free)
 * and cut back to WAL_KEEP_BYTES when it starts over, so a full checkpoint
 * gives its space back to the file system. */
#define CACHE_KIB 256
#define WAL_CHECKPOINT_PAGES 16
#define WAL_KEEP_BYTES (64 * 1024)

static const char *const migrations[] = {
    /* 0 -> 1: the first schema. */
    "CREATE TABLE sessions("
    " id INTEGER PRIMARY KEY,"
    " started_at INTEGER NOT NULL,"
    " ended_at INTEGER,"
    " programme TEXT NOT NULL,"
    " sessions_per_week INTEGER NOT NULL,"
    " rest_s INTEGER NOT NULL,"
    " pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),"
    " pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
    " status TEXT);"
    "CREATE INDEX sessions_started ON sessions(started_at);"
    "CREATE TABLE prescription("
    " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " block_index INTEGER NOT NULL,"
    " key TEXT NOT NULL,"
    " exercise TEXT NOT NULL,"
    " side TEXT NOT NULL,"
    " sets INTEGER NOT NULL,"
    " reps INTEGER NOT NULL,"
    " hold_s INTEGER NOT NULL,"
    " PRIMARY KEY (session_id, block_index));"
    "CREATE TABLE sets("
    " id INTEGER PRIMARY KEY,"
    " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " block_index INTEGER NOT NULL,"
    " exercise TEXT NOT NULL,"
    " side TEXT NOT NULL,"
    " set_no INTEGER NOT NULL,"
    " target_reps INTEGER NOT NULL,"
    " hold_target_s INTEGER NOT NULL,"
    " started_at INTEGER NOT NULL,"
    " ended_at INTEGER,"
    " reps_done INTEGER NOT NULL DEFAULT 0,"
    " holds_met INTEGER NOT NULL DEFAULT 0,"
    " status TEXT);"
    "CREATE INDEX sets_session ON sets(session_id);"
    "CREATE TABLE reps("
    " id INTEGER PRIMARY KEY,"
    " set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " number INTEGER NOT NULL,"
    " t INTEGER NOT NULL,"
    " hold_ms INTEGER NOT NULL,"
    " hold_met INTEGER NOT NULL,"
    " amplitude REAL NOT NULL,"
    " source TEXT NOT NULL CHECK (source IN ('camera', 'manual')));"
    "CREATE INDEX reps_set ON reps(set_id);"
    "CREATE INDEX reps_t ON reps(t);",
    /* 1 -> 2: whose session it was (erase by profile), and a rep saved twice
     * (a retry after an ambiguous failure) is refused. */
    "ALTER TABLE sessions ADD COLUMN profile TEXT NOT NULL DEFAULT 'default';"
    "CREATE INDEX sessions_profile ON sessions(profile);"
    "CREATE UNIQUE INDEX reps_set_seq ON reps(set_id, seq);",
    /* 2 -> 3: a rep's source may be 'timed', a hold led by the clock with the
     * camera seeing the person keep still (quad sets, timed_hold.h). SQLite
     * cannot change a CHECK, so the table is rebuilt (nothing refers to it). */
    "CREATE TABLE reps3("
    " id INTEGER PRIMARY KEY,"
    " set_id INTEGER NOT NULL REFERENCES sets(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " number INTEGER NOT NULL,"
    " t INTEGER NOT NULL,"
    " hold_ms INTEGER NOT NULL,"
    " hold_met INTEGER NOT NULL,"
    " amplitude REAL NOT NULL,"
    " source TEXT NOT NULL CHECK (source IN ('camera', 'manual', 'timed')));"
    "INSERT INTO reps3 SELECT id, set_id, seq, number, t, hold_ms, hold_met, amplitude, source"
    " FROM reps;"
    "DROP TABLE reps;"
    "ALTER TABLE reps3 RENAME TO reps;"
    "CREATE INDEX reps_set ON reps(set_id);"
    "CREATE INDEX reps_t ON reps(t);"
    "CREATE UNIQUE INDEX reps_set_seq ON reps(set_id, seq);",
    /* 3 -> 4: progression decisions (progression.h), by profile. */
    "CREATE TABLE progressions("
    " id INTEGER PRIMARY KEY,"
    " profile TEXT NOT NULL,"
    " at INTEGER NOT NULL,"
    " exercise TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " from_sets INTEGER NOT NULL,"
    " from_reps INTEGER NOT NULL,"
    " to_sets INTEGER NOT NULL,"
    " to_reps INTEGER NOT NULL,"
    " accepted INTEGER NOT NULL,"
    " by TEXT NOT NULL);"
    "CREATE INDEX progressions_profile ON progressions(profile, at);",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* mkdir -p, each created component 0700. */
static bool make_dirs(const char *dir, char *errbuf)
{
    return atomic_file_mkdirs(dir, 0700, errbuf);
}

/* Runs one statement returning one integer (a pragma, a count). */
static bool query_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
              sqlite3_step(st) == SQLITE_ROW;
    if (ok)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return ok;
}

/* What SQLite's last error on db says about the file. Only SQLite finding
 * the bytes wrong (NOTADB, CORRUPT) makes it damaged: a file that cannot be
 * opened or written (permissions, a read-only file system, a directory in
 * its place), a full disk or an I/O error say nothing about what is in it. */
static adlog_trouble trouble_of(sqlite3 *db)
{
    int primary = sqlite3_extended_errcode(db) & 0xff;
    if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        return ADLOG_DAMAGED;
    if (primary == SQLITE_FULL)
        return ADLOG_DISK_FULL;
    if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM ||
        primary == SQLITE_AUTH)
        return ADLOG_UNWRITABLE;
    return ADLOG_FAILED;
}

/* Brings the schema up to SCHEMA_VERSION, one migration per transaction. The
 * version is read again inside the transaction in case another process got
 * there first. False with the reason in errbuf and its kind in *why. */
static bool migrate(sqlite3 *db, const char *path, char *errbuf, adlog_trouble *why)
{
    for (;;) {
        int version = 0, tables = 0, app_id = 0;
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
            !query_int(db, "PRAGMA user_version", &version) ||
            !query_int(db, "PRAGMA application_id", &app_id) ||
            !query_int(db, "SELECT count(*) FROM sqlite_master", &tables))
            goto fail;
        const char *refuse = NULL;
        if (version == SCHEMA_VERSION && app_id == APPLICATION_ID)
            refuse = "";
        else if (version > SCHEMA_VERSION)
            refuse = "written by a newer version of rehab-mirror";
        else if ((version == 0 && tables > 0) || (version > 0 && app_id != APPLICATION_ID))
            refuse = "a database, but not an adherence log";
        if (refuse) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            if (*refuse)
                snprintf(errbuf, ERRBUF_LEN, "%s: %s", path, refuse);
            *why = ADLOG_REFUSED;
            return !*refuse;
        }
        char pragmas[96];
        snprintf(pragmas, sizeof pragmas, "PRAGMA user_version = %d; PRAGMA application_id = %d",
                 version + 1, APPLICATION_ID);
        if (sqlite3_exec(db, migrations[version], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragmas, NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            goto fail;
        log_info("adherence log: %s: schema version %d", path, version + 1);
    }
fail:
    snprintf(errbuf, ERRBUF_LEN, "%s: cannot set up the schema: %s", path, sqlite3_errmsg(db));
    *why = trouble_of(db); /* before the rollback clears the error */
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return false;
}

/* Whether the file at path is ours to write: empty (new), or an adherence
 * log at our schema version or older. Reads the header only, so a file that
 * is not ours is refused before anything (WAL mode, a migration) writes to
 * it. False with the reason in errbuf and its kind in *why (ADLOG_REFUSED,
 * or what kept it from being read). */
static bool ours(sqlite3 *db, const char *path, char *errbuf, adlog_trouble *why)
{
    int version = 0, app_id = 0, tables = 0;
    if (!query_int(db, "PRAGMA user_version", &version) ||
        !query_int(db, "PRAGMA application_id", &app_id) ||
        !query_int(db, "SELECT count(*) FROM sqlite_master", &tables)) {
        *why = trouble_of(db);
        snprintf(errbuf, ERRBUF_LEN, "%s: %s", path, sqlite3_errmsg(db));
        return false;
    }
    *why = ADLOG_REFUSED;
    if (version > SCHEMA_VERSION && app_id == APPLICATION_ID)
        snprintf(errbuf, ERRBUF_LEN,
                 "%s: written by a newer version of rehab-mirror (schema %d); left as it is",
                 path, version);
    else if ((version == 0 && tables > 0) || (version > 0 && app_id != APPLICATION_ID))
        snprintf(errbuf, ERRBUF_LEN,
                 "%s: a database, but not an adherence log (another program's?); left as "
                 "it is",
                 path);
    else
        return true;
    return false;
}

/* A read-only handle can only use a file already at our schema. */
static bool check_schema(sqlite3 *db, const char *path, char *errbuf)
{
    int version = 0, app_id = 0;
    if (!query_int(db, "PRAGMA user_version", &version) ||
        !query_int(db, "PRAGMA application_id", &app_id)) {
        snprintf(errbuf, ERRBUF_LEN, "%s: %s", path, sqlite3_errmsg(db));
        return false;
    }
    if (version == SCHEMA_VERSION && app_id == APPLICATION_ID)
        return true;
    if (app_id != APPLICATION_ID)
        snprintf(errbuf, ERRBUF_LEN, "%s: a database, but not an adherence log", path);
    else if (version > SCHEMA_VERSION)
        snprintf(errbuf, ERRBUF_LEN, "%s: written by a newer version (schema %d)", path,
                 version);
    else
        snprintf(errbuf, ERRBUF_LEN, "%s: old schema %d; start the station once to upgrade",
                 path, version);
    return false;
}

/* The reason a file cannot be opened for writing, in errbuf. */
static void say_unwritable(sqlite3 *db, const char *path, char *errbuf)
{
    int e = sqlite3_system_errno(db);
    const char *why = e == EROFS                   ? "the file system is read-only"
                      : e == EACCES || e == EPERM ? "no permission to read and write it"
                      : e == EISDIR                ? "it is a directory"
                      : sqlite3_db_readonly(db, "main") == 1
                          ? "it can only be read (read-only file system or no permission)"
                          : sqlite3_errmsg(db);
    snprintf(errbuf, ERRBUF_LEN, "%s: cannot be opened for writing: %s; left as it is", path,
             why);
}

/* PRAGMA quick_check: "ok", or the first problem in errbuf and *why: the
 * file is damaged when the check finds a problem or SQLite finds the bytes
 * wrong while checking, not when it cannot read them (an I/O error). */
static bool quick_check(sqlite3 *db, const char *path, char *errbuf, adlog_trouble *why)
{
    sqlite3_stmt *st = NULL;
    bool ok = false;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const char *r = (const char *)sqlite3_column_text(st, 0);
        ok = r && !strcmp(r, "ok");
        if (!ok) {
            snprintf(errbuf, ERRBUF_LEN, "%s: damaged (%.120s)", path, r ? r : "?");
            *why = ADLOG_DAMAGED;
        }
    } else {
        *why = trouble_of(db);
        snprintf(errbuf, ERRBUF_LEN, "%s: %s (%s)", path,
                 *why == ADLOG_DAMAGED ? "damaged" : "cannot be checked", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return ok;
}

/* Connection settings; *why says what is wrong with the file when it is
 * refused. The first statement to read the file is the one that finds out it
 * is not a database or cannot be opened. Nothing is written before the file
 * is known to be ours (ours()) and writable: SQLite quietly opens a file it
 * may not write read-only, which is refused here rather than failing every
 * write later. Durability (adlog.h): WAL, synchronous=FULL. secure_delete
 * makes deleted records (erase) zeroes on disk rather than free pages still
 * holding them. The cache and WAL bounds are at the top of the file. */
static bool configure(sqlite3 *db, bool readonly, const char *path, char *errbuf,
                      adlog_trouble *why)
{
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(db, 1);
    char sizes[160];
    snprintf(sizes, sizeof sizes,
             "PRAGMA cache_size = -%d; PRAGMA journal_size_limit = %d;"
             " PRAGMA wal_autocheckpoint = %d",
             CACHE_KIB, WAL_KEEP_BYTES, WAL_CHECKPOINT_PAGES);
    int dummy;
    if (!query_int(db, "SELECT count(*) FROM sqlite_master", &dummy)) {
        *why = trouble_of(db);
        if (*why == ADLOG_DAMAGED)
            snprintf(errbuf, ERRBUF_LEN, "%s: not a database (%s)", path, sqlite3_errmsg(db));
        else if (*why == ADLOG_UNWRITABLE)
            say_unwritable(db, path, errbuf);
        else
            snprintf(errbuf, ERRBUF_LEN, "%s: %s", path, sqlite3_errmsg(db));
        return false;
    }
    if (readonly)
        return sqlite3_exec(db, sizes, NULL, NULL, NULL) == SQLITE_OK &&
               sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) == SQLITE_OK;
    if (sqlite3_db_readonly(db, "main") == 1) {
        *why = ADLOG_UNWRITABLE;
        say_unwritable(db, path, errbuf);
        return false;
    }
    if (!ours(db, path, errbuf, why))
        return false;
    if (!quick_check(db, path, errbuf, why))
        return false;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        const char *mode = (const char *)sqlite3_column_text(st, 0);
        if (!mode || strcmp(mode, "wal") != 0)
            log_warn("adherence log: %s: WAL not available, journal mode %s", path,
                     mode ? mode : "?");
    }
    sqlite3_finalize(st);
    if (sqlite3_exec(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                         " PRAGMA secure_delete = ON",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(db, sizes, NULL, NULL, NULL) != SQLITE_OK) {
        *why = trouble_of(db);
        snprintf(errbuf, ERRBUF_LEN, "%s: %s", path, sqlite3_errmsg(db));
        return false;
    }
    return true;
}

/* The files SQLite made are 0600 whatever the umask was when they were made. */
static void tighten_modes(const char *path)
{
    static const char *const suffixes[] = { "", "-wal", "-shm" };
    char name[4096];
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(name, sizeof name, "%s%s", path, suffixes[i]);
        if (chmod(name, 0600) != 0 && errno != ENOENT)
            log_errno("adherence log: chmod %s", name);
    }
}

static char *db_path(const char *data_dir)
{
    size_t n = strlen(data_dir) + sizeof "/" DB_NAME;
    char *path = xmalloc(n);
    snprintf(path, n, "%s/%s", data_dir, DB_NAME);
    return path;
}

/* Shared by both opens: the connection, its settings, the schema, the
 * statements. `now_wall_ms` < 0 means read-only. *why says what is wrong
 * when it returns NULL (ADLOG_DAMAGED: the caller may move it aside and try
 * again). */
static adlog *open_common(const char *data_dir, bool readonly, int64_t now_wall_ms,
                          char *errbuf, adlog_trouble *why)
{
    adlog_fault_install(); /* tests only: nothing unless its variable is set */
    char *path = db_path(data_dir);
    adlog *log = xcalloc(1, sizeof *log);
    log->readonly = readonly;
    log->lock_fd = -1;
    snprintf(log->profile, sizeof log->profile, "%s", ADLOG_DEFAULT_PROFILE);
    *why = ADLOG_FAILED;
    /* Before SQLite replays the WAL and forgets what it could not read. */
    if (!readonly && !adlog_wal_check(path, log->wal_damage, sizeof log->wal_damage))
        log_error("adherence log: %s", log->wal_damage);
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    mode_t old_umask = umask(077);
    if (sqlite3_open_v2(path, &log->db, flags, NULL) != SQLITE_OK) {
        snprintf(errbuf, ERRBUF_LEN, "%s: %s", path,
                 log->db ? sqlite3_errmsg(log->db) : "out of memory");
        if (log->db && (*why = trouble_of(log->db)) == ADLOG_UNWRITABLE)
            say_unwritable(log->db, path, errbuf);
        goto fail;
    }
    if (!configure(log->db, readonly, path, errbuf, why))
        goto fail;
    if (readonly ? !check_schema(log->db, path, errbuf) : !migrate(log->db, path, errbuf, why))
        goto fail;
    if (!adlog_prepare_all(log, path, errbuf))
        goto fail;
    if (!readonly && !adlog_close_interrupted(log, now_wall_ms)) {
        snprintf(errbuf, ERRBUF_LEN, "%s: cannot close interrupted sessions: %s", path,
                 sqlite3_errmsg(log->db));
        *why = trouble_of(log->db);
        goto fail;
    }
    umask(old_umask);
    if (!readonly) {
        tighten_modes(path);
        log->lock_fd = adlog_lock_file(path, false);
    }
    free(path);
    *why = ADLOG_OK;
    return log;
fail:
    umask(old_umask);
    adlog_close(log);
    free(path);
    return NULL;
}

adlog *adlog_open(const char *data_dir, int64_t now_wall_ms, char *errbuf)
{
    adlog_trouble why;
    return adlog_open_why(data_dir, now_wall_ms, &why, errbuf);
}

adlog *adlog_open_why(const char *data_dir, int64_t now_wall_ms, adlog_trouble *why,
                      char *errbuf)
{
    char local[ERRBUF_LEN];
    if (!errbuf)
        errbuf = local;
    *why = ADLOG_FAILED;
    if (!data_dir || !*data_dir) {
        snprintf(errbuf, ERRBUF_LEN, "no data directory given");
        return NULL;
    }
    if (!make_dirs(data_dir, errbuf))
        return NULL;
    now_wall_ms = now_wall_ms < 0 ? 0 : now_wall_ms;
    adlog *log = open_common(data_dir, false, now_wall_ms, errbuf, why);
    if (log || *why != ADLOG_DAMAGED)
        return log;
    /* Damaged: keep it under another name and begin a fresh record. */
    log_warn("adherence log: %s", errbuf);
    char *path = db_path(data_dir), moved[4200];
    if (adlog_move_aside(path, now_wall_ms, moved, sizeof moved)) {
        log = open_common(data_dir, false, now_wall_ms, errbuf, why);
        if (log)
            snprintf(log->moved_aside, sizeof log->moved_aside, "%s", moved);
    }
    free(path);
    return log;
}

adlog *adlog_open_readonly(const char *data_dir, char *errbuf)
{
    char local[ERRBUF_LEN];
    if (!errbuf)
        errbuf = local;
    if (!data_dir || !*data_dir) {
        snprintf(errbuf, ERRBUF_LEN, "no data directory given");
        return NULL;
    }
    char *path = db_path(data_dir);
    struct stat sb;
    bool present = stat(path, &sb) == 0;
    adlog_trouble why;
    if (!present)
        snprintf(errbuf, ERRBUF_LEN, "%s: %s", path,
                 errno == ENOENT ? "no adherence log here" : strerror(errno));
    free(path);
    return present ? open_common(data_dir, true, -1, errbuf, &why) : NULL;
}

const char *adlog_moved_aside(const adlog *log)
{
    return log ? log->moved_aside : "";
}

const char *adlog_wal_damage(const adlog *log)
{
    return log ? log->wal_damage : "";
}

void adlog_set_profile(adlog *log, const char *profile)
{
    if (log)
        snprintf(log->profile, sizeof log->profile, "%s",
                 profile && *profile ? profile : ADLOG_DEFAULT_PROFILE);
}

void adlog_close(adlog *log)
{
    if (!log)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(log->st[i]);
    if (log->db && sqlite3_close(log->db) != SQLITE_OK)
        log_error("adherence log: close: %s", sqlite3_errmsg(log->db));
    if (log->lock_fd >= 0)
        close(log->lock_fd); /* after SQLite's close: see adlog_files.c */
    free(log);
}
