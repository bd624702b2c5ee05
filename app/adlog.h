/*
 * adlog: the adherence log, a SQLite database `adherence.db` in the data
 * directory. It holds what was prescribed and what was done: sessions (with the
 * programme and doses as prescribed at the time, pain before and after, status),
 * sets, and every rep (camera or manual, hold, whether the hold was met). No
 * image is ever stored.
 *
 * Durability: WAL journal, synchronous=FULL, each record committed on its own,
 * so a rep the user saw counted survives a power cut. A session left open by a
 * crash is closed as "interrupted" by adlog_open. The file is created 0600.
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
#include "session.h"

typedef struct adlog adlog;

/* Opens or creates DATA_DIR/adherence.db (creating DATA_DIR 0700 if needed).
 * NULL with a one-line reason in errbuf (256 bytes). */
adlog *adlog_open(const char *data_dir, int64_t now_wall_ms, char *errbuf);
/* Opens an existing DATA_DIR/adherence.db for reading (export): never creates
 * the file or the directory, never upgrades the schema, never closes open
 * sessions (the station may be running one). The write calls fail on it. NULL
 * with a one-line reason in errbuf (256 bytes). */
adlog *adlog_open_readonly(const char *data_dir, char *errbuf);
void adlog_close(adlog *log);

/* Each returns the new row id, or 0 when the write failed. */
int64_t adlog_begin_session(adlog *log, int64_t wall_ms, const programme *p, int pain_before);
int64_t adlog_begin_set(adlog *log, int64_t session_id, int64_t wall_ms,
                        const programme_block *b, int block_index, int set_no);
bool adlog_rep(adlog *log, int64_t set_id, int64_t wall_ms, const session_rep *rep);
bool adlog_end_set(adlog *log, int64_t set_id, int64_t wall_ms, int reps_done, int holds_met,
                   const char *status);
bool adlog_end_session(adlog *log, int64_t session_id, int64_t wall_ms, int pain_after,
                       const char *status);

/* Adherence three ways (PROTOCOL.md): sessions in the last 7 days against the
 * week's target, reps against prescribed, and the streak of days with a
 * completed session ending today (or yesterday). */
bool adlog_stats(adlog *log, int64_t now_wall_ms, int sessions_per_week, session_stats *out);

typedef enum adlog_format { ADLOG_CSV, ADLOG_JSON } adlog_format;
/* Writes the whole record: CSV one row per set with its session's fields, or
 * JSON {"sessions":[{..., "sets":[{..., "reps":[...]}]}]}. */
bool adlog_export(adlog *log, FILE *out, adlog_format format);

#endif
