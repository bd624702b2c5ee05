/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog: the statements and the writes of the adherence log (see adlog.h for
 * the contract; adlog_open.c opens the file and keeps the schema, adlog_stats.c
 * and adlog_export.c do the reads).
 *
 * Every statement is prepared once when the log is opened (stmt_sql below) and
 * reset after each use. Every write is its own transaction: a single INSERT or
 * UPDATE in autocommit, or BEGIN IMMEDIATE ... COMMIT where one record spans
 * rows (a session and its prescription; ending a session and its open sets).
 * A write that fails (disk full, I/O error, no open record with that id) logs
 * one line, is rolled back whole, and returns 0/false; what was committed
 * before stays. After a disk-full failure the next write first checkpoints
 * the WAL (see writable()), and every session's end checkpoints it, so the
 * WAL cannot keep a small disk full. Times are wall-clock milliseconds, as
 * passed in.
 *
 * Not thread-safe: one adlog is used from the main loop only.
 */
#include "adlog_priv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "adlog_fault.h"
#include "log.h"

/* Reps done and holds met of an open set, counted from its rep rows. */
#define SET_REPS_COUNTED "(SELECT count(*) FROM reps WHERE reps.set_id = sets.id)"
#define SET_HOLDS_COUNTED \
    "(SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND reps.hold_met)"

static const char *const stmt_sql[ST_COUNT] = {
    [ST_BEGIN] = "BEGIN IMMEDIATE",
    [ST_BEGIN_READ] = "BEGIN",
    [ST_COMMIT] = "COMMIT",
    [ST_ROLLBACK] = "ROLLBACK",
    [ST_INSERT_SESSION] = "INSERT INTO sessions (started_at, programme, sessions_per_week,"
                          " rest_s, pain_before, profile) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [ST_INSERT_PRESCRIPTION] = "INSERT INTO prescription (session_id, block_index, key,"
                               " exercise, side, sets, reps, hold_s)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [ST_INSERT_SET] = "INSERT INTO sets (session_id, block_index, exercise, side, set_no,"
                      " target_reps, hold_target_s, started_at)"
                      " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
                      " WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?1 AND status IS NULL)",
    [ST_INSERT_REP] = "INSERT INTO reps (set_id, seq, number, t, hold_ms, hold_met, amplitude,"
                      " source) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
                      " WHERE EXISTS (SELECT 1 FROM sets WHERE id = ?1 AND status IS NULL)",
    [ST_END_SET] = "UPDATE sets SET ended_at = ?2, reps_done = ?3, holds_met = ?4, status = ?5"
                   " WHERE id = ?1 AND status IS NULL",
    [ST_CLOSE_SESSION_SETS] = "UPDATE sets SET status = ?2, ended_at = ?3,"
                              " reps_done = " SET_REPS_COUNTED ","
                              " holds_met = " SET_HOLDS_COUNTED
                              " WHERE status IS NULL AND (?1 IS NULL OR session_id = ?1)",
    [ST_END_SESSION] = "UPDATE sessions SET ended_at = ?2, pain_after = ?3, status = ?4"
                       " WHERE id = ?1 AND status IS NULL",
    [ST_CLOSE_OPEN_SESSIONS] = "UPDATE sessions SET ended_at = ?1, status = ?2"
                               " WHERE status IS NULL",
    /* adlog_stats.c: one profile's figures (?3, ?1, ?2: its name). */
    [ST_WEEK_SESSIONS] = "SELECT count(*) FROM sessions WHERE status = 'completed'"
                         " AND started_at > ?1 AND started_at <= ?2 AND profile = ?3",
    [ST_WEEK_REPS] = "SELECT count(*) FROM reps JOIN sets ON sets.id = reps.set_id"
                     " JOIN sessions s ON s.id = sets.session_id"
                     " WHERE reps.t > ?1 AND reps.t <= ?2 AND s.profile = ?3",
    [ST_LATEST_PRESCRIBED] = "SELECT (SELECT coalesce(sum(p.sets * p.reps), 0)"
                             " FROM prescription p WHERE p.session_id = s.id)"
                             " FROM sessions s WHERE s.profile = ?1"
                             " ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
    [ST_COMPLETED_STARTS] = "SELECT started_at FROM sessions WHERE status = 'completed'"
                            " AND started_at <= ?1 AND profile = ?2 ORDER BY started_at DESC",
    /* adlog_export.c: ?1 is the profile, NULL for everyone's. */
    [ST_EXPORT_ROWS] =
        "SELECT s.id, s.started_at, s.programme, s.status, s.pain_before, s.pain_after,"
        " sets.id, sets.block_index, sets.exercise, sets.side, sets.set_no,"
        " sets.target_reps,"
        " CASE WHEN sets.status IS NULL THEN " SET_REPS_COUNTED " ELSE sets.reps_done END,"
        " (SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND source = 'camera'),"
        " (SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND source = 'manual'),"
        " (SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND source = 'timed'),"
        " CASE WHEN sets.status IS NULL THEN " SET_HOLDS_COUNTED " ELSE sets.holds_met END,"
        " sets.hold_target_s, sets.status, s.profile"
        " FROM sessions s LEFT JOIN sets ON sets.session_id = s.id"
        " WHERE ?1 IS NULL OR s.profile = ?1"
        " ORDER BY s.id, sets.id",
    [ST_EXPORT_SESSIONS] = "SELECT id, started_at, ended_at, programme, status, pain_before,"
                           " pain_after, profile FROM sessions"
                           " WHERE ?1 IS NULL OR profile = ?1 ORDER BY id",
    [ST_EXPORT_PRESCRIBED] = "SELECT block_index, key, exercise, side, sets, reps, hold_s"
                             " FROM prescription WHERE session_id = ?1 ORDER BY block_index",
    [ST_EXPORT_SETS] =
        "SELECT id, block_index, exercise, side, set_no, target_reps, hold_target_s,"
        " started_at, ended_at,"
        " CASE WHEN status IS NULL THEN " SET_REPS_COUNTED " ELSE reps_done END,"
        " (SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND source = 'camera'),"
        " (SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND source = 'manual'),"
        " (SELECT count(*) FROM reps WHERE reps.set_id = sets.id AND source = 'timed'),"
        " CASE WHEN status IS NULL THEN " SET_HOLDS_COUNTED " ELSE holds_met END,"
        " status FROM sets WHERE session_id = ?1 ORDER BY id",
    [ST_EXPORT_REPS] = "SELECT seq, number, t, hold_ms, hold_met, amplitude, source"
                       " FROM reps WHERE set_id = ?1 ORDER BY id",
    [ST_ADHERENCE] = "SELECT (SELECT count(*) FROM sessions WHERE status = 'completed'"
                     "  AND (?1 IS NULL OR profile = ?1)),"
                     " (SELECT count(*) FROM reps JOIN sets ON sets.id = reps.set_id"
                     "  JOIN sessions s ON s.id = sets.session_id"
                     "  WHERE ?1 IS NULL OR s.profile = ?1),"
                     " (SELECT coalesce(sum(p.sets * p.reps), 0) FROM prescription p"
                     "  JOIN sessions s ON s.id = p.session_id WHERE ?1 IS NULL OR s.profile = ?1)",
    [ST_DELETE_REP] = "DELETE FROM reps WHERE set_id = ?1 AND seq = ?2"
                      " AND EXISTS (SELECT 1 FROM sets WHERE id = ?1 AND status IS NULL)",
    /* adlog_stop.c: a warning sign outranks pain, then the latest. Pain
     * above the limit stops the day whenever it was answered: before (the
     * session stopped), during (stopped, its pain_after) or after it. */
    [ST_DAY_STOP] = "SELECT status FROM sessions WHERE profile = ?1"
                    " AND started_at >= ?2 AND started_at < ?3"
                    " AND (status = 'red-flag' OR pain_before > ?4 OR pain_after > ?4)"
                    " ORDER BY status = 'red-flag' DESC, started_at DESC LIMIT 1",
    /* adlog_stats.c: the profile's last answer before a session, -1 none. */
    [ST_LAST_PAIN] = "SELECT coalesce((SELECT pain_before FROM sessions WHERE profile = ?1"
                     " AND pain_before IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1),"
                     " -1)",
};

/* Failures that can pass: space returns, the disk comes back, a reader goes. */
static bool transient(int rc)
{
    int primary = rc & 0xff;
    return primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_BUSY ||
           primary == SQLITE_LOCKED || primary == SQLITE_NOMEM || primary == SQLITE_CANTOPEN ||
           primary == SQLITE_PROTOCOL;
}

bool adlog_retryable(const adlog *log)
{
    return log && log->retryable;
}

bool adlog_disk_full(const adlog *log)
{
    return log && log->full;
}

bool adlog_fail(adlog *log, const char *what)
{
    if (log && log->db) {
        int rc = sqlite3_extended_errcode(log->db);
        log->retryable = transient(rc);
        log->full = (rc & 0xff) == SQLITE_FULL;
    }
    log_error("adherence log: %s: %s", what, log && log->db ? sqlite3_errmsg(log->db) : "");
    return false;
}

/* ---- statements and transactions ---- */

bool adlog_prepare_all(adlog *log, const char *path, char *errbuf)
{
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(log->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               &log->st[i], NULL) != SQLITE_OK) {
            snprintf(errbuf, ADLOG_ERRBUF_LEN, "%s: preparing statement %d: %s", path, i,
                     sqlite3_errmsg(log->db));
            return false;
        }
    }
    return true;
}

/* Steps a statement that returns no rows, then resets it. */
static bool step_done(adlog *log, enum adlog_stmt which, const char *what)
{
    sqlite3_stmt *st = log->st[which];
    int rc = sqlite3_step(st);
    bool ok = rc == SQLITE_DONE;
    if (!ok)
        adlog_fail(log, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}

bool adlog_tx_begin(adlog *log, bool write)
{
    return step_done(log, write ? ST_BEGIN : ST_BEGIN_READ, "begin transaction");
}

bool adlog_tx_commit(adlog *log)
{
    return step_done(log, ST_COMMIT, "commit");
}

void adlog_tx_rollback(adlog *log)
{
    /* After some errors (SQLITE_FULL, IOERR) SQLite has already rolled back. */
    if (!sqlite3_get_autocommit(log->db))
        step_done(log, ST_ROLLBACK, "rollback");
}

static bool changed_one(adlog *log, const char *what)
{
    if (sqlite3_changes(log->db) == 1)
        return true;
    log->retryable = false;
    log->full = false;
    log_error("adherence log: %s: no open record with that id", what);
    return false;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s, size_t max)
{
    sqlite3_bind_text(st, i, s, (int)strnlen(s, max), SQLITE_TRANSIENT);
}

static void bind_pain(sqlite3_stmt *st, int i, int pain)
{
    if (pain >= 0 && pain <= 10)
        sqlite3_bind_int(st, i, pain);
    else
        sqlite3_bind_null(st, i);
}

static const char *side_text(side s)
{
    return s == SIDE_LEFT ? "left" : s == SIDE_RIGHT ? "right" : "";
}

/* Copies the WAL into the database and cuts it to nothing, giving its
 * space back to the file system. Cheap when the WAL is empty. */
static bool checkpoint(adlog *log)
{
    int rc = sqlite3_wal_checkpoint_v2(log->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    if (rc != SQLITE_OK)
        log_warn("adherence log: checkpoint: %s", sqlite3_errmsg(log->db));
    return rc == SQLITE_OK;
}

/* Before each write. After a write found the disk full, the WAL (which may
 * hold most of the space SQLite has taken) is checkpointed first: the space
 * it frees may be all this write needs. */
static bool writable(adlog *log)
{
    /* NULL: the log could not be opened; that was reported once already. */
    if (!log)
        return false;
    log->retryable = false;
    if (log->readonly)
        return false;
    if (log->full && checkpoint(log))
        log->full = false;
    return true;
}

/* ---- writes ---- */

static bool insert_prescription(adlog *log, int64_t session_id, int index,
                                const programme_block *b)
{
    sqlite3_stmt *st = log->st[ST_INSERT_PRESCRIPTION];
    sqlite3_bind_int64(st, 1, session_id);
    sqlite3_bind_int(st, 2, index);
    bind_text(st, 3, b->key, sizeof b->key);
    sqlite3_bind_text(st, 4, exercise_id(b->exercise), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, side_text(b->side), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, b->sets);
    sqlite3_bind_int(st, 7, b->reps);
    sqlite3_bind_int(st, 8, b->hold_s);
    return step_done(log, ST_INSERT_PRESCRIPTION, "save prescription");
}

int64_t adlog_begin_session(adlog *log, int64_t wall_ms, const programme *p, int pain_before)
{
    if (!writable(log) || !p || !adlog_tx_begin(log, true))
        return 0;
    sqlite3_stmt *st = log->st[ST_INSERT_SESSION];
    sqlite3_bind_int64(st, 1, wall_ms);
    bind_text(st, 2, p->name, sizeof p->name);
    sqlite3_bind_int(st, 3, p->sessions_per_week);
    sqlite3_bind_int(st, 4, p->rest_s);
    bind_pain(st, 5, pain_before);
    bind_text(st, 6, log->profile, sizeof log->profile);
    if (!step_done(log, ST_INSERT_SESSION, "begin session"))
        goto fail;
    int64_t id = sqlite3_last_insert_rowid(log->db);
    int n = p->n_blocks < 0 ? 0 : p->n_blocks > PROGRAMME_MAX_BLOCKS ? PROGRAMME_MAX_BLOCKS
                                                                     : p->n_blocks;
    for (int i = 0; i < n; i++)
        if (!insert_prescription(log, id, i, &p->blocks[i]))
            goto fail;
    if (!adlog_tx_commit(log))
        goto fail;
    return id;
fail:
    adlog_tx_rollback(log);
    return 0;
}

int64_t adlog_begin_set(adlog *log, int64_t session_id, int64_t wall_ms,
                        const programme_block *b, int block_index, int set_no)
{
    if (!writable(log) || !b)
        return 0;
    sqlite3_stmt *st = log->st[ST_INSERT_SET];
    sqlite3_bind_int64(st, 1, session_id);
    sqlite3_bind_int(st, 2, block_index);
    sqlite3_bind_text(st, 3, exercise_id(b->exercise), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, side_text(b->side), -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 5, set_no);
    sqlite3_bind_int(st, 6, b->reps);
    sqlite3_bind_int(st, 7, b->hold_s);
    sqlite3_bind_int64(st, 8, wall_ms);
    if (!step_done(log, ST_INSERT_SET, "begin set") || !changed_one(log, "begin set"))
        return 0;
    return sqlite3_last_insert_rowid(log->db);
}

bool adlog_rep(adlog *log, int64_t set_id, int64_t wall_ms, const session_rep *rep)
{
    if (!writable(log) || !rep)
        return false;
    sqlite3_stmt *st = log->st[ST_INSERT_REP];
    sqlite3_bind_int64(st, 1, set_id);
    sqlite3_bind_int(st, 2, rep->seq);
    sqlite3_bind_int(st, 3, rep->number);
    sqlite3_bind_int64(st, 4, wall_ms);
    sqlite3_bind_int64(st, 5, rep->hold_ms > 0 ? rep->hold_ms : 0);
    sqlite3_bind_int(st, 6, rep->hold_met);
    sqlite3_bind_double(st, 7, isfinite(rep->amplitude) ? rep->amplitude : 0.0);
    sqlite3_bind_text(st, 8, rep->manual ? "manual" : rep->timed ? "timed" : "camera", -1,
                      SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    /* Already there: a retry of a write whose failure was reported after it
     * reached the disk. Saved once is what matters. */
    if (rc == SQLITE_CONSTRAINT_UNIQUE)
        return true;
    if (rc != SQLITE_DONE)
        return adlog_fail(log, "save rep");
    return changed_one(log, "save rep");
}

bool adlog_end_set(adlog *log, int64_t set_id, int64_t wall_ms, int reps_done, int holds_met,
                   const char *status)
{
    if (!writable(log) || !status)
        return false;
    sqlite3_stmt *st = log->st[ST_END_SET];
    sqlite3_bind_int64(st, 1, set_id);
    sqlite3_bind_int64(st, 2, wall_ms);
    sqlite3_bind_int(st, 3, reps_done);
    sqlite3_bind_int(st, 4, holds_met);
    sqlite3_bind_text(st, 5, status, -1, SQLITE_TRANSIENT);
    bool ok = step_done(log, ST_END_SET, "end set") && changed_one(log, "end set");
    if (ok && adlog_fault_ops() >= 0) /* where a fault test can aim after this set */
        log_debug("adherence log: set %lld ended after %lld counted writes", (long long)set_id,
                  adlog_fault_ops());
    return ok;
}

bool adlog_undo_rep(adlog *log, int64_t set_id, int seq)
{
    if (!writable(log))
        return false;
    sqlite3_stmt *st = log->st[ST_DELETE_REP];
    sqlite3_bind_int64(st, 1, set_id);
    sqlite3_bind_int(st, 2, seq);
    return step_done(log, ST_DELETE_REP, "undo rep");
}

/* Closes the open sets of one session (session_id > 0) or of all sessions
 * (0), counting their reps and holds from the rep rows. */
static bool close_open_sets(adlog *log, int64_t session_id, int64_t wall_ms,
                            const char *status)
{
    sqlite3_stmt *st = log->st[ST_CLOSE_SESSION_SETS];
    if (session_id > 0)
        sqlite3_bind_int64(st, 1, session_id);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, wall_ms);
    return step_done(log, ST_CLOSE_SESSION_SETS, "close open sets");
}

bool adlog_end_session(adlog *log, int64_t session_id, int64_t wall_ms, int pain_after,
                       const char *status)
{
    if (!writable(log) || !status || !adlog_tx_begin(log, true))
        return false;
    /* A set still open here was cut short (red flag, end from the pause menu). */
    if (!close_open_sets(log, session_id, wall_ms, SET_STATUS_ENDED))
        goto fail;
    sqlite3_stmt *st = log->st[ST_END_SESSION];
    sqlite3_bind_int64(st, 1, session_id);
    sqlite3_bind_int64(st, 2, wall_ms);
    bind_pain(st, 3, pain_after);
    sqlite3_bind_text(st, 4, status, -1, SQLITE_TRANSIENT);
    if (!step_done(log, ST_END_SESSION, "end session") || !changed_one(log, "end session") ||
        !adlog_tx_commit(log))
        goto fail;
    /* Between sessions the WAL goes into the database, so it starts each
     * session empty (a failure here loses nothing: the WAL keeps it all). */
    checkpoint(log);
    return true;
fail:
    adlog_tx_rollback(log);
    return false;
}

/* Sessions and sets left open by a crash or power cut become "interrupted". */
bool adlog_close_interrupted(adlog *log, int64_t now_wall_ms)
{
    if (!adlog_tx_begin(log, true))
        return false;
    if (!close_open_sets(log, 0, now_wall_ms, SESSION_STATUS_INTERRUPTED))
        goto fail;
    sqlite3_stmt *st = log->st[ST_CLOSE_OPEN_SESSIONS];
    sqlite3_bind_int64(st, 1, now_wall_ms);
    sqlite3_bind_text(st, 2, SESSION_STATUS_INTERRUPTED, -1, SQLITE_STATIC);
    if (!step_done(log, ST_CLOSE_OPEN_SESSIONS, "close interrupted sessions"))
        goto fail;
    int closed = sqlite3_changes(log->db);
    if (!adlog_tx_commit(log))
        goto fail;
    if (closed)
        log_info("adherence log: closed %d interrupted session(s)", closed);
    return true;
fail:
    adlog_tx_rollback(log);
    return false;
}
