/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * recorder: the session's sink (session.h) over the adherence log, with a
 * queue for what could not be saved yet. Every record the session reports
 * (session begun, set begun, rep, rep taken back, set ended, session ended) is
 * queued with the wall time it happened (a rep's from its t_ms on the clock:
 * one counted before its set began is handed over later) and written in order
 * at once; a write that fails for a reason that may pass (disk full, I/O
 * error, log busy or not open) stays at the head of the queue, and the records
 * behind it wait, until recorder_retry or the next record gets it written.
 * Nothing is written twice: a record leaves the queue only once its write
 * reported success, and the log refuses a rep it already holds. A record the
 * log refuses for good (its set is already closed) is dropped with one log
 * line.
 *
 * The session is given the recorder's own ids (1, 2, ...), which stay valid
 * while the records wait; the recorder maps them to the log's row ids when it
 * writes them. At most RECORDER_MAX_PENDING records wait; beyond that new ones
 * are dropped with a log line (the station has been unable to write for hours).
 *
 * Main thread only; `log` may be NULL (nothing can be saved: everything waits).
 */
#ifndef RM_RECORDER_H
#define RM_RECORDER_H

#include <stdbool.h>
#include <stdint.h>

#include "adlog.h"
#include "clock.h"
#include "session.h"

#define RECORDER_MAX_PENDING 4096
#define RECORDER_RETRY_MS 2000 /* clock time between retries while records wait */

typedef struct recorder recorder;

/* Neither log nor clock is owned; both must outlive the recorder. */
recorder *recorder_create(adlog *log, const rm_clock *clock);
/* Records still waiting are lost (logged with their count). */
void recorder_destroy(recorder *r);

/* The sink to give session_create; its ctx is r. */
session_sink recorder_sink(recorder *r);

/* Gives a recorder created without a log the log, once it could be opened
 * (not owned); what waits is written at the next retry. */
void recorder_set_log(recorder *r, adlog *log);
/* Writes what waits, if RECORDER_RETRY_MS has passed since the last try.
 * Cheap when nothing waits; call it every loop. */
void recorder_retry(recorder *r);
/* Records waiting to be written. */
int recorder_pending(const recorder *r);
/* Whether records wait because the last try found the disk full (for the
 * screen: "the disk is full" rather than just "not saved yet"). */
bool recorder_disk_full(const recorder *r);
/* Whether rep `seq` of the latest session begun is saved; if so *db_session
 * is that session's row id in the log. */
bool recorder_rep_saved(const recorder *r, int seq, int64_t *db_session);

#endif
