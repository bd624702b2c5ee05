/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_history: one profile's record as record_session values (record.h) for
 * the history screen, the progression rule and the report, and the
 * progression decisions (table progressions, schema 4). See adlog.h.
 *
 * These reads run a few times a day (home opens, a stick comes in), so their
 * SQL is prepared on each call rather than kept in the statement table. Each
 * read is one snapshot; a set still open counts its rep rows.
 */
#include "adlog_priv.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

static const char SESSIONS_SQL[] =
    "SELECT id, started_at, status, pain_before, pain_after FROM sessions"
    " WHERE profile = ?1 AND started_at >= ?2 ORDER BY started_at, id";

/* Per block of a session's prescription: the dose then, sets done in full,
 * reps, holds met, and the camera reps' range (amplitude). */
#define BLOCK_SETS "sets.session_id = p.session_id AND sets.block_index = p.block_index"
#define BLOCK_REPS "FROM reps JOIN sets ON reps.set_id = sets.id WHERE " BLOCK_SETS
static const char BLOCKS_SQL[] =
    "SELECT p.key, p.exercise, p.sets, p.reps, p.hold_s,"
    " (SELECT count(*) FROM sets WHERE " BLOCK_SETS " AND sets.status = 'completed'"
    "  AND sets.reps_done >= p.reps),"
    " (SELECT count(*) " BLOCK_REPS "),"
    " (SELECT count(*) " BLOCK_REPS " AND reps.hold_met),"
    " (SELECT coalesce(max(amplitude), 0) " BLOCK_REPS " AND reps.source = 'camera'),"
    " (SELECT coalesce(avg(amplitude), 0) " BLOCK_REPS " AND reps.source = 'camera'),"
    " (SELECT count(*) " BLOCK_REPS " AND reps.source = 'camera')"
    " FROM prescription p WHERE p.session_id = ?1 ORDER BY p.block_index";

static const char *profile_or_default(const char *profile)
{
    return profile && profile[0] ? profile : ADLOG_DEFAULT_PROFILE;
}

static void read_block(sqlite3_stmt *st, record_session *s)
{
    record_block *b = &s->blocks[s->n_blocks++];
    snprintf(b->key, sizeof b->key, "%s", (const char *)sqlite3_column_text(st, 0));
    if (!exercise_parse((const char *)sqlite3_column_text(st, 1), &b->exercise))
        b->exercise = EXERCISE_GENERIC;
    b->sets = sqlite3_column_int(st, 2);
    b->reps = sqlite3_column_int(st, 3);
    b->hold_s = sqlite3_column_int(st, 4);
    b->sets_full = sqlite3_column_int(st, 5);
    b->reps_done = sqlite3_column_int(st, 6);
    b->holds_met = sqlite3_column_int(st, 7);
    b->best_amplitude = (float)sqlite3_column_double(st, 8);
    b->mean_amplitude = (float)sqlite3_column_double(st, 9);
    b->camera_reps = sqlite3_column_int(st, 10);
    s->reps_done += b->reps_done;
    s->reps_target += b->sets * b->reps;
    if (b->hold_s > 0) {
        s->holds_met += b->holds_met;
        s->holds_target += b->sets * b->reps;
    }
}

static bool read_blocks(adlog *log, sqlite3_stmt *st, record_session *s)
{
    sqlite3_bind_int64(st, 1, s->id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (s->n_blocks < PROGRAMME_MAX_BLOCKS)
            read_block(st, s);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || adlog_fail(log, "history blocks");
}

static int column_pain(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? -1 : sqlite3_column_int(st, col);
}

static void read_session(sqlite3_stmt *st, record_session *s)
{
    memset(s, 0, sizeof *s);
    s->id = sqlite3_column_int64(st, 0);
    s->started_ms = sqlite3_column_int64(st, 1);
    s->day = adlog_local_day(s->started_ms);
    const char *status = (const char *)sqlite3_column_text(st, 2);
    s->completed = status && !strcmp(status, SESSION_STATUS_COMPLETED);
    s->stopped = status && (!strcmp(status, SESSION_STATUS_PAIN) ||
                            !strcmp(status, SESSION_STATUS_RED_FLAG));
    s->pain_before = column_pain(st, 3);
    s->pain_after = column_pain(st, 4);
}

static bool read_sessions(adlog *log, sqlite3_stmt *ss, sqlite3_stmt *bs, record_session **out,
                          int *n)
{
    int cap = 0, rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(ss)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            *out = xrealloc(*out, (size_t)cap * sizeof **out);
        }
        read_session(ss, &(*out)[*n]);
        ok = read_blocks(log, bs, &(*out)[(*n)++]);
    }
    return ok && (rc == SQLITE_DONE || adlog_fail(log, "history sessions"));
}

bool adlog_records(adlog *log, const char *profile, int64_t since_wall_ms,
                   record_session **out, int *n)
{
    *out = NULL;
    *n = 0;
    if (!log)
        return false;
    sqlite3_stmt *ss = NULL, *bs = NULL;
    bool ok = adlog_tx_begin(log, false) &&
              sqlite3_prepare_v2(log->db, SESSIONS_SQL, -1, &ss, NULL) == SQLITE_OK &&
              sqlite3_prepare_v2(log->db, BLOCKS_SQL, -1, &bs, NULL) == SQLITE_OK;
    if (!ok) {
        adlog_fail(log, "history");
    } else {
        sqlite3_bind_text(ss, 1, profile_or_default(profile), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ss, 2, since_wall_ms);
        ok = read_sessions(log, ss, bs, out, n);
    }
    sqlite3_finalize(ss);
    sqlite3_finalize(bs);
    adlog_tx_rollback(log);
    if (!ok) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return ok;
}

static const char DECISIONS_SQL[] =
    "SELECT at, exercise, accepted, title, from_sets, from_reps, to_sets, to_reps, by"
    " FROM progressions WHERE profile = ?1 ORDER BY at, id";

bool adlog_decisions(adlog *log, const char *profile, adlog_decision **out, int *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    if (!log || sqlite3_prepare_v2(log->db, DECISIONS_SQL, -1, &st, NULL) != SQLITE_OK)
        return log && adlog_fail(log, "progressions");
    sqlite3_bind_text(st, 1, profile_or_default(profile), -1, SQLITE_TRANSIENT);
    int rc, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            *out = xrealloc(*out, (size_t)cap * sizeof **out);
        }
        adlog_decision *d = &(*out)[(*n)++];
        memset(d, 0, sizeof *d);
        d->d.at_ms = sqlite3_column_int64(st, 0);
        snprintf(d->d.group, sizeof d->d.group, "%s", (const char *)sqlite3_column_text(st, 1));
        d->d.accepted = sqlite3_column_int(st, 2) != 0;
        snprintf(d->title, sizeof d->title, "%s", (const char *)sqlite3_column_text(st, 3));
        d->from_sets = sqlite3_column_int(st, 4);
        d->from_reps = sqlite3_column_int(st, 5);
        d->to_sets = sqlite3_column_int(st, 6);
        d->to_reps = sqlite3_column_int(st, 7);
        snprintf(d->by, sizeof d->by, "%s", (const char *)sqlite3_column_text(st, 8));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || adlog_fail(log, "progressions");
}

static const char DECIDE_SQL[] =
    "INSERT INTO progressions (profile, at, exercise, title, from_sets, from_reps, to_sets,"
    " to_reps, accepted, by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

bool adlog_progression(adlog *log, const char *profile, int64_t wall_ms,
                       const progression_step *step, bool accepted, const char *by)
{
    sqlite3_stmt *st = NULL;
    if (!log || log->readonly ||
        sqlite3_prepare_v2(log->db, DECIDE_SQL, -1, &st, NULL) != SQLITE_OK)
        return log && adlog_fail(log, "save progression");
    sqlite3_bind_text(st, 1, profile_or_default(profile), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, wall_ms);
    sqlite3_bind_text(st, 3, step->group, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, step->title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, step->from_sets);
    sqlite3_bind_int(st, 6, step->from_reps);
    sqlite3_bind_int(st, 7, step->to_sets);
    sqlite3_bind_int(st, 8, step->to_reps);
    sqlite3_bind_int(st, 9, accepted);
    sqlite3_bind_text(st, 10, by ? by : "", -1, SQLITE_TRANSIENT);
    bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok || adlog_fail(log, "save progression");
}
