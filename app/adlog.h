/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog: the adherence log, a SQLite database `adherence.db` in the data
 * directory. It holds what was prescribed and what was done: sessions (with the
 * programme and doses as prescribed at the time, pain before and after, status),
 * sets, and every rep (camera or manual, hold, whether the hold was met). No
 * image is ever stored.
 *
 * Durability: a rep the user saw counted survives a power cut, because
 *   - journal_mode=WAL: a commit appends to adherence.db-wal and never rewrites
 *     committed pages in place, so a cut mid-write leaves the last commit whole
 *     (a torn last frame fails its checksum and is ignored on reopen);
 *   - synchronous=FULL: every commit fsyncs the WAL before it returns (NORMAL
 *     would only sync at checkpoints, and lose the last commits on a cut);
 *     checkpoints fsync the WAL before and the database after copying;
 *   - each record is its own transaction (adlog.c), and a call returns success
 *     only after its COMMIT did, so "saved" means on the disk;
 *   - SQLite syncs the directory when it creates the WAL file, so the file
 *     itself survives a cut right after it was made.
 * tests/e2e_killpoints.sh kills the station (SIGKILL) at every database write
 * and sync of a session and at times spread over it, and checks that every rep
 * the station had shown as saved is in the file and the file is intact. A
 * session left open by a crash is closed as "interrupted" by adlog_open.
 * secure_delete=ON: deleted rows are overwritten with zeroes (erase).
 *
 * Damage: a file at DATA_DIR/adherence.db that SQLite finds is not a
 * database, or that fails PRAGMA quick_check, is renamed (with its -wal and
 * -shm) to adherence.db.corrupt-YYYYMMDD-HHMMSS and a fresh one is begun;
 * adlog_moved_aside says so, for the screen. A file that cannot be opened for
 * writing (permissions, a read-only file system) is not damaged: it is
 * refused and left alone, as is a database of another program or of a newer
 * rehab-mirror, which is not written to at all (not even switched to WAL).
 * adlog_open_why says which, for the screen. The file is created 0600.
 *
 * Size: SQLite's page cache is bounded (256 KiB) and the WAL is checkpointed
 * every 16 pages, cut back to 64 KiB, and checkpointed whole after each
 * session, so a small data partition holds the record and not a WAL that
 * grew. A write that fails for want of space says so (adlog_disk_full), and
 * the next write first checkpoints the WAL to give its space back.
 *
 * Profiles: each session records whose it was (a short name, "default" unless
 * set; the chosen person's key with profiles.ini), so one person's record can
 * be erased, and the home figures (adlog_stats, adlog_day_stop) are the
 * current profile's only. A kiosk opens no log at all.
 *
 * Times are wall-clock milliseconds since the Unix epoch, passed in (the station
 * takes them from its clock so tests are reproducible). Days for streaks are
 * local calendar days.
 */
#ifndef RM_ADLOG_H
#define RM_ADLOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "programme.h"
#include "progression.h"
#include "record.h"
#include "session.h"

typedef struct adlog adlog;

/* Why a log could not be opened, for the screen. */
typedef enum adlog_trouble {
    ADLOG_OK,         /* opened */
    ADLOG_FAILED,     /* anything else (an I/O error, ...); errbuf says what */
    ADLOG_DAMAGED,    /* damaged, and it could not be moved aside */
    ADLOG_REFUSED,    /* another program's database or a newer version's: untouched */
    ADLOG_UNWRITABLE, /* cannot be opened for writing: permissions, read-only file system */
    ADLOG_DISK_FULL,  /* no room to set it up */
} adlog_trouble;

/* Opens or creates DATA_DIR/adherence.db (creating DATA_DIR 0700 if needed).
 * NULL with a one-line reason in errbuf (256 bytes). */
adlog *adlog_open(const char *data_dir, int64_t now_wall_ms, char *errbuf);
/* The same, saying in *why (not NULL) what kind of trouble it was. */
adlog *adlog_open_why(const char *data_dir, int64_t now_wall_ms, adlog_trouble *why,
                      char *errbuf);
/* Opens an existing DATA_DIR/adherence.db for reading (export): never creates
 * the file or the directory, never upgrades the schema, never closes open
 * sessions (the station may be running one). The write calls fail on it. NULL
 * with a one-line reason in errbuf (256 bytes). */
adlog *adlog_open_readonly(const char *data_dir, char *errbuf);
void adlog_close(adlog *log);
/* The name a damaged database was moved aside to when the log was opened, or
 * "" (also for NULL). */
const char *adlog_moved_aside(const adlog *log);

/* When opening found that damage in the -wal file loses saved records that
 * were whole on disk (adlog_wal.c): one line saying so; else "" (also for
 * NULL). */
const char *adlog_wal_damage(const adlog *log);

#define ADLOG_DEFAULT_PROFILE "default"
#define ADLOG_PROFILE_MAX 63
/* The profile written into sessions begun from now on (NULL or "": default).
 * Longer names are cut to ADLOG_PROFILE_MAX bytes. */
void adlog_set_profile(adlog *log, const char *profile);

/* Each returns the new row id, or 0 when the write failed. */
int64_t adlog_begin_session(adlog *log, int64_t wall_ms, const programme *p, int pain_before);
int64_t adlog_begin_set(adlog *log, int64_t session_id, int64_t wall_ms,
                        const programme_block *b, int block_index, int set_no);
bool adlog_rep(adlog *log, int64_t set_id, int64_t wall_ms, const session_rep *rep);
bool adlog_end_set(adlog *log, int64_t set_id, int64_t wall_ms, int reps_done, int holds_met,
                   const char *status);
bool adlog_end_session(adlog *log, int64_t session_id, int64_t wall_ms, int pain_after,
                       const char *status);

/* Takes back rep `seq` of an open set (the person chose "Undo last rep"): its
 * row is deleted, so every count (set, week, export) leaves it out. A closed
 * set's reps are never deleted. True unless the write failed (also when there
 * was no such rep in an open set: nothing to take back). */
bool adlog_undo_rep(adlog *log, int64_t set_id, int seq);

/* After a write failed: true when the reason may pass (disk full, I/O error,
 * busy), false when the log refused the record itself (no open record with
 * that id, read-only log, bad arguments). */
bool adlog_retryable(const adlog *log);
/* After a write failed: true when it failed for want of space (SQLITE_FULL). */
bool adlog_disk_full(const adlog *log);

/* Adherence three ways (PROTOCOL.md): sessions in the last 7 days against the
 * week's target, reps against prescribed, and the streak of days with a
 * completed session ending today (or yesterday), and whether one is today's. */
bool adlog_stats(adlog *log, int64_t now_wall_ms, int sessions_per_week, session_stats *out);

/* The day's stop (session.h): whether a session of this profile begun on the
 * local calendar day of now_wall_ms had pain above pain_limit answered
 * (before it began, during it or after it) or stopped for a confirmed
 * warning sign (which outranks pain). So a stop holds across a restart and
 * ends at local midnight. False (and *out NONE) when the log cannot be read. */
bool adlog_day_stop(adlog *log, int64_t now_wall_ms, int pain_limit, session_stop *out);

/* The local calendar day of a wall time, as a day number (days since
 * 1970-01-01 of the local date; DST days count as one). */
int64_t adlog_local_day(int64_t wall_ms);

/* One profile's sessions begun at or after since_wall_ms, oldest first, as
 * record_session values (app/adlog_history.c) in *out (malloc'd, the caller
 * frees it; NULL when none) and their number in *n. False when the log
 * cannot be read (*out NULL, *n 0). NULL or "" profile: the default. */
bool adlog_records(adlog *log, const char *profile, int64_t since_wall_ms,
                   record_session **out, int *n);

/* A progression decision as logged, with what the report shows of it. */
typedef struct adlog_decision {
    record_decision d;
    char title[PROGRAMME_TEXT];
    int from_sets, from_reps, to_sets, to_reps;
    char by[96];               /* who answered, and how */
} adlog_decision;
/* The profile's progression decisions, oldest first (*out malloc'd, as
 * adlog_records). */
bool adlog_decisions(adlog *log, const char *profile, adlog_decision **out, int *n);
/* Logs a proposed step and its answer (accepted or declined) for the profile,
 * with who answered (`by`, e.g. "alice at the station (OK)"). */
bool adlog_progression(adlog *log, const char *profile, int64_t wall_ms,
                       const progression_step *step, bool accepted, const char *by);

/* What adlog_erase removed. */
typedef struct adlog_erased {
    int64_t sessions, sets, reps;
} adlog_erased;
/* Deletes the sessions of one profile (NULL: every session) with their
 * prescription, sets and reps, in one transaction, then makes the deletion
 * real on disk: VACUUM rewrites the file without the freed pages and a
 * TRUNCATE checkpoint empties the WAL. Opens DATA_DIR itself and refuses
 * (false, reason in errbuf) while a station holds the log open. */
bool adlog_erase(const char *data_dir, const char *profile, adlog_erased *out, char *errbuf);

typedef enum adlog_format { ADLOG_CSV, ADLOG_JSON } adlog_format;
/* Writes the whole record: CSV one row per set with its session's fields, or
 * JSON {"sessions":[{..., "sets":[{..., "reps":[...]}]}]}; both say each
 * session's profile. */
bool adlog_export(adlog *log, FILE *out, adlog_format format);
/* The same, only the sessions of `profile` (NULL: everyone's). */
bool adlog_export_profile(adlog *log, FILE *out, adlog_format format, const char *profile);
/* How many sessions `profile` has in the log (for erase and export to tell an
 * unknown name from an empty record). False when the log cannot be read. */
bool adlog_profile_sessions(adlog *log, const char *profile, int64_t *out);
/* The profiles that have sessions, "alice, bob", into buf (cap bytes; cut
 * short when it does not fit). False when the log cannot be read. */
bool adlog_profile_names(adlog *log, char *buf, size_t cap);
/* True when `profile` has sessions; else false with a one-line reason in
 * errbuf (256 bytes) naming the profiles there are. */
bool adlog_profile_known(adlog *log, const char *profile, char *errbuf);
/* The CSV of adlog_export, only one profile's sessions (NULL or "": the
 * default), with a first column `profile` (the USB stick's reports). */
bool adlog_export_profile_csv(adlog *log, FILE *out, const char *profile);

#endif
