/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_erase: deleting one profile's record, or all of it, for good (see
 * adlog_erase in adlog.h and docs/PRIVACY.md).
 *
 * The rows go in one transaction, children first (reps, sets, prescription,
 * then sessions), so an interrupted erase removes nothing or everything. Then
 * the deletion is made real on disk: secure_delete (set when the log is
 * opened) has overwritten the freed cells with zeroes, VACUUM rewrites the
 * database without the freed pages, and a TRUNCATE checkpoint copies the WAL
 * into the database and empties it, so no copy of the old pages is left in
 * adherence.db or adherence.db-wal.
 *
 * A running station holds a shared lock on the file (adlog_files.c); erase
 * takes it exclusive without waiting and refuses if it cannot.
 */
#include "adlog_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

/* The sessions erased: one profile's (?1), or all of them (?1 NULL). */
#define CHOSEN "(SELECT id FROM sessions WHERE ?1 IS NULL OR profile = ?1)"
#define CHOSEN_SETS "(SELECT id FROM sets WHERE session_id IN " CHOSEN ")"

static const char *const COUNTS =
    "SELECT (SELECT count(*) FROM " CHOSEN "), (SELECT count(*) FROM " CHOSEN_SETS "),"
    " (SELECT count(*) FROM reps WHERE set_id IN " CHOSEN_SETS ")";
static const char *const DELETES[] = {
    "DELETE FROM reps WHERE set_id IN " CHOSEN_SETS,
    "DELETE FROM sets WHERE session_id IN " CHOSEN,
    "DELETE FROM prescription WHERE session_id IN " CHOSEN,
    "DELETE FROM sessions WHERE id IN " CHOSEN,
    /* the progression decisions (schema 4): the profile's, or all */
    "DELETE FROM progressions WHERE ?1 IS NULL OR profile = ?1",
};

/* Runs SQL with ?1 bound to profile (NULL: all); the first row's three
 * integers go to out when it returns one. */
static bool run(adlog *log, const char *sql, const char *profile, adlog_erased *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(log->db, sql, -1, &st, NULL) != SQLITE_OK)
        return adlog_fail(log, "erase");
    if (profile)
        sqlite3_bind_text(st, 1, profile, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && out) {
        out->sessions = sqlite3_column_int64(st, 0);
        out->sets = sqlite3_column_int64(st, 1);
        out->reps = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? true : adlog_fail(log, "erase");
}

static bool delete_rows(adlog *log, const char *profile, adlog_erased *out)
{
    if (!adlog_tx_begin(log, true))
        return false;
    bool ok = run(log, COUNTS, profile, out);
    for (size_t i = 0; ok && i < sizeof DELETES / sizeof DELETES[0]; i++)
        ok = run(log, DELETES[i], profile, NULL);
    if (ok && adlog_tx_commit(log))
        return true;
    adlog_tx_rollback(log);
    return false;
}

/* VACUUM, then copy the WAL into the file and empty it. */
static bool scrub(adlog *log)
{
    if (sqlite3_exec(log->db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
        return adlog_fail(log, "vacuum after erase");
    int busy = 0, frames = 0, done = 0;
    if (sqlite3_wal_checkpoint_v2(log->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &frames, &done) !=
            SQLITE_OK ||
        (busy = frames != done))
        return adlog_fail(log, busy ? "checkpoint after erase: busy" : "checkpoint after erase");
    return true;
}

bool adlog_erase(const char *data_dir, const char *profile, adlog_erased *out, char *errbuf)
{
    adlog_erased local = { 0 };
    out = out ? out : &local;
    *out = local;
    char path[4200];
    snprintf(path, sizeof path, "%s/adherence.db", data_dir ? data_dir : "");
    if (!data_dir || !*data_dir || access(path, F_OK) != 0) {
        errbuf_set(errbuf, "%s: no adherence log here", path);
        return false;
    }
    int lock = adlog_lock_file(path, true);
    if (lock < 0) {
        errbuf_set(errbuf, errno == EWOULDBLOCK
                               ? "%s is in use by the running station; stop it first "
                                 "(systemctl stop rehab-mirror) and try again"
                               : "%s: cannot lock it",
                   path);
        return false;
    }
    char err[ADLOG_ERRBUF_LEN] = "";
    adlog *log = adlog_open(data_dir, (int64_t)time(NULL) * 1000, err);
    bool ok = log && delete_rows(log, profile, out) && scrub(log);
    if (!log)
        errbuf_set(errbuf, "%s", err);
    else if (!ok)
        errbuf_set(errbuf, "%s: erase failed: %s", path, sqlite3_errmsg(log->db));
    adlog_close(log);
    close(lock);
    return ok;
}
