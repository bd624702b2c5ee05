/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_priv: what the adlog files share and nobody else sees. adlog_open.c
 * opens the database and keeps the schema, adlog.c does the writes,
 * adlog_stats.c and adlog_export.c only read. All SQL runs through statements prepared once when
 * the log is opened (the table below) and reset after each use.
 */
#ifndef RM_ADLOG_PRIV_H
#define RM_ADLOG_PRIV_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "adlog.h"

/* One entry per prepared statement; the SQL lives in adlog.c. */
enum adlog_stmt {
    ST_BEGIN,
    ST_BEGIN_READ,
    ST_COMMIT,
    ST_ROLLBACK,
    ST_INSERT_SESSION,
    ST_INSERT_PRESCRIPTION,
    ST_INSERT_SET,
    ST_INSERT_REP,
    ST_END_SET,
    ST_CLOSE_SESSION_SETS,
    ST_END_SESSION,
    ST_CLOSE_OPEN_SESSIONS,
    ST_WEEK_SESSIONS,
    ST_WEEK_REPS,
    ST_LATEST_PRESCRIBED,
    ST_COMPLETED_STARTS,
    ST_EXPORT_ROWS,
    ST_EXPORT_SESSIONS,
    ST_EXPORT_PRESCRIBED,
    ST_EXPORT_SETS,
    ST_EXPORT_REPS,
    ST_ADHERENCE,
    ST_DELETE_REP,
    ST_DAY_STOP,
    ST_LAST_PAIN,
    ST_COUNT
};

struct adlog {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];
    bool readonly;
    int lock_fd;           /* adlog_lock_file's descriptor, -1 when none */
    char moved_aside[4200]; /* where a damaged file went at open, "" none */
    char profile[64];      /* written into new sessions */
    bool retryable;        /* the last failed write may succeed later */
    char wal_damage[512];  /* adlog_wal_check's report at open, "" none */
    bool full;             /* the last failed write found the disk full: the next
                            * write checkpoints the WAL first */
};

#define ADLOG_ERRBUF_LEN 256

/* Prepares every statement of the table in adlog.c; false with the reason in
 * errbuf. */
bool adlog_prepare_all(adlog *log, const char *path, char *errbuf);
/* Closes sessions and sets left open (status NULL) as "interrupted", ending at
 * now_wall_ms; one transaction. */
bool adlog_close_interrupted(adlog *log, int64_t now_wall_ms);

/* Renames a damaged database PATH and its -wal/-shm aside (adlog_files.c);
 * the new name of PATH goes into moved (cap bytes). False if PATH could not be
 * renamed. */
bool adlog_move_aside(const char *path, int64_t now_wall_ms, char *moved, size_t cap);
/* Checks DB_PATH-wal, before SQLite opens DB_PATH, for commits SQLite would
 * silently drop because a frame before them is damaged (adlog_wal.c). False
 * with a one-line report in `report` (cap bytes) when it finds some; true
 * with "" when the WAL is whole, only torn at its end, or absent. */
bool adlog_wal_check(const char *db_path, char *report, size_t cap);
/* Opens PATH and takes a flock on it, shared or exclusive, without waiting.
 * The descriptor, or -1 with errno set (EWOULDBLOCK: someone holds it). */
int adlog_lock_file(const char *path, bool exclusive);

/* Logs one line naming `what` and SQLite's message; always returns false. */
bool adlog_fail(adlog *log, const char *what);

/* Transactions around writes that span several rows (write = BEGIN
 * IMMEDIATE) and around reads that must see one snapshot (write = false). */
bool adlog_tx_begin(adlog *log, bool write);
bool adlog_tx_commit(adlog *log);
/* Rolls back if a transaction is still open; harmless otherwise. */
void adlog_tx_rollback(adlog *log);

/* Formats wall milliseconds as ISO 8601 local time with offset,
 * "2024-05-01T10:00:00+02:00", or with ".250" milliseconds before the offset.
 * `out` holds at least ADLOG_ISO_LEN bytes. */
#define ADLOG_ISO_LEN 40
void adlog_iso_time(int64_t wall_ms, bool with_ms, char *out);

#endif
