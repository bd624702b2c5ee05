/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * recorder: the session sink with a queue of unsaved records (recorder.h).
 *
 * Records are written strictly in order, so a set's row is written before its
 * reps and a session's before its sets; the recorder therefore needs to map
 * only the latest session and set it wrote from its own ids to the log's.
 * The queue is a ring of fixed records: a session record carries a copy of the
 * programme as prescribed, a set record a copy of its block.
 */
#include "recorder.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "xmalloc.h"

typedef enum rec_kind {
    REC_SESSION,
    REC_SET,
    REC_REP,
    REC_UNDO_REP,
    REC_END_SET,
    REC_END_SESSION
} rec_kind;

typedef struct record {
    rec_kind kind;
    int64_t wall_ms;
    int64_t session, set;   /* the recorder's ids */
    programme *prog;        /* REC_SESSION, owned */
    programme_block block;  /* REC_SET */
    int block_index, set_no;
    session_rep rep;        /* REC_REP, REC_UNDO_REP */
    int pain, reps_done, holds_met;
    char status[24];        /* REC_END_*: */
} record;

/* One id pair: the recorder's id and the log's row id (0: not written). */
typedef struct id_map {
    int64_t mine, row;
} id_map;

struct recorder {
    adlog *log;
    const rm_clock *clock;
    record *ring;
    int head, count;
    int64_t next_id;
    id_map session, set;      /* the latest written */
    int64_t latest_session;   /* the latest begun (queued or not) */
    int saved_seq;            /* highest rep seq written for session.mine */
    int64_t last_try_ms;
    int dropped;
    bool full;                /* the last try found the disk full */
};

static record *enqueue(recorder *r, rec_kind kind)
{
    if (r->count == RECORDER_MAX_PENDING) {
        if (r->dropped++ == 0)
            log_error("adherence log: %d records waiting; dropping new ones",
                      RECORDER_MAX_PENDING);
        return NULL;
    }
    record *rec = &r->ring[(r->head + r->count++) % RECORDER_MAX_PENDING];
    memset(rec, 0, sizeof *rec);
    rec->kind = kind;
    rec->wall_ms = clock_wall_ms(r->clock);
    return rec;
}

static void pop(recorder *r)
{
    free(r->ring[r->head].prog);
    r->ring[r->head].prog = NULL;
    r->head = (r->head + 1) % RECORDER_MAX_PENDING;
    r->count--;
}

/* The log's row for one of our ids, 0 when it is not the latest written. */
static int64_t row_of(const id_map *m, int64_t mine)
{
    return m->mine == mine ? m->row : 0;
}

typedef enum outcome { SAVED, RETRY, DROP } outcome;

/* A write's outcome: a refusal for good, or a failure that may pass. */
static outcome failed(const recorder *r)
{
    return adlog_retryable(r->log) ? RETRY : DROP;
}

static outcome write_one(recorder *r, record *rec)
{
    int64_t sess_row = row_of(&r->session, rec->session), set = row_of(&r->set, rec->set);
    int64_t row = 0;
    switch (rec->kind) {
    case REC_SESSION:
        if (!(row = adlog_begin_session(r->log, rec->wall_ms, rec->prog, rec->pain)))
            return failed(r);
        r->session = (id_map){ rec->session, row };
        r->saved_seq = 0;
        return SAVED;
    case REC_SET:
        if (!sess_row)
            return DROP; /* its session was dropped */
        if (!(row = adlog_begin_set(r->log, sess_row, rec->wall_ms, &rec->block,
                                    rec->block_index, rec->set_no)))
            return failed(r);
        r->set = (id_map){ rec->set, row };
        return SAVED;
    case REC_REP:
        if (!set)
            return DROP;
        if (!adlog_rep(r->log, set, rec->wall_ms, &rec->rep))
            return failed(r);
        if (r->session.mine == rec->session && rec->rep.seq > r->saved_seq)
            r->saved_seq = rec->rep.seq;
        return SAVED;
    case REC_UNDO_REP:
        if (!set)
            return DROP;
        return adlog_undo_rep(r->log, set, rec->rep.seq) ? SAVED : failed(r);
    case REC_END_SET:
        if (!set)
            return DROP;
        return adlog_end_set(r->log, set, rec->wall_ms, rec->reps_done, rec->holds_met,
                             rec->status) ? SAVED : failed(r);
    case REC_END_SESSION:
        if (!sess_row)
            return DROP;
        return adlog_end_session(r->log, sess_row, rec->wall_ms, rec->pain, rec->status)
                   ? SAVED
                   : failed(r);
    }
    return DROP;
}

/* Writes from the head until the queue is empty or a write fails for a
 * reason that may pass. True when nothing waits and nothing was dropped. */
static bool flush(recorder *r)
{
    bool dropped = false;
    while (r->count > 0 && r->log) {
        outcome o = write_one(r, &r->ring[r->head]);
        r->full = o == RETRY && adlog_disk_full(r->log);
        if (o == RETRY)
            break;
        if (o == DROP) {
            log_error("adherence log: a record the log refuses was dropped");
            dropped = true;
        }
        pop(r);
    }
    if (r->count == 0 && r->dropped) {
        log_warn("adherence log: saving again; %d records were dropped", r->dropped);
        r->dropped = 0;
    }
    r->last_try_ms = clock_now_ms(r->clock);
    return r->count == 0 && !dropped;
}

/* ---- the sink ---- */

static int64_t sink_begin_session(void *ctx, const programme *p, int pain_before)
{
    recorder *r = ctx;
    record *rec = enqueue(r, REC_SESSION);
    r->latest_session = ++r->next_id;
    if (rec) {
        rec->session = r->latest_session;
        rec->prog = xmalloc(sizeof *rec->prog);
        *rec->prog = *p;
        rec->pain = pain_before;
        flush(r);
    }
    return r->latest_session;
}

static int64_t sink_begin_set(void *ctx, int64_t session_id, const programme_block *b,
                              int block_index, int set_no)
{
    recorder *r = ctx;
    int64_t id = ++r->next_id;
    record *rec = enqueue(r, REC_SET);
    if (rec) {
        rec->session = session_id;
        rec->set = id;
        rec->block = *b;
        rec->block_index = block_index;
        rec->set_no = set_no;
        flush(r);
    }
    return id;
}

static bool sink_rep(void *ctx, int64_t set_id, const session_rep *rep)
{
    recorder *r = ctx;
    record *rec = enqueue(r, REC_REP);
    if (!rec)
        return false;
    /* when it was done: a rep counted before its set began (session_reps.c)
     * is handed over when the set begins */
    int64_t ago = clock_now_ms(r->clock) - rep->t_ms;
    if (ago > 0)
        rec->wall_ms -= ago;
    rec->session = r->latest_session;
    rec->set = set_id;
    rec->rep = *rep;
    return flush(r);
}

static bool sink_undo_rep(void *ctx, int64_t set_id, const session_rep *rep)
{
    recorder *r = ctx;
    record *rec = enqueue(r, REC_UNDO_REP);
    if (!rec)
        return false;
    rec->session = r->latest_session;
    rec->set = set_id;
    rec->rep = *rep;
    return flush(r);
}

static bool sink_end_set(void *ctx, int64_t set_id, int reps_done, int holds_met,
                         const char *status)
{
    recorder *r = ctx;
    record *rec = enqueue(r, REC_END_SET);
    if (!rec)
        return false;
    rec->set = set_id;
    rec->reps_done = reps_done;
    rec->holds_met = holds_met;
    snprintf(rec->status, sizeof rec->status, "%s", status);
    return flush(r);
}

static bool sink_end_session(void *ctx, int64_t session_id, int pain_after, const char *status)
{
    recorder *r = ctx;
    record *rec = enqueue(r, REC_END_SESSION);
    if (!rec)
        return false;
    rec->session = session_id;
    rec->pain = pain_after;
    snprintf(rec->status, sizeof rec->status, "%s", status);
    return flush(r);
}

/* ---- public ---- */

recorder *recorder_create(adlog *log, const rm_clock *clock)
{
    recorder *r = xcalloc(1, sizeof *r);
    r->log = log;
    r->clock = clock;
    r->ring = xcalloc(RECORDER_MAX_PENDING, sizeof *r->ring);
    return r;
}

void recorder_destroy(recorder *r)
{
    if (!r)
        return;
    if (r->count)
        log_error("adherence log: %d records could not be saved", r->count);
    while (r->count)
        pop(r);
    free(r->ring);
    free(r);
}

session_sink recorder_sink(recorder *r)
{
    return (session_sink){ r, sink_begin_session, sink_begin_set, sink_rep, sink_end_set,
                           sink_end_session, sink_undo_rep };
}

void recorder_set_log(recorder *r, adlog *log)
{
    r->log = log;
}

void recorder_retry(recorder *r)
{
    if (r->count > 0 && clock_now_ms(r->clock) - r->last_try_ms >= RECORDER_RETRY_MS)
        flush(r);
}

int recorder_pending(const recorder *r)
{
    return r->count;
}

bool recorder_disk_full(const recorder *r)
{
    return r->count > 0 && r->full;
}

bool recorder_rep_saved(const recorder *r, int seq, int64_t *db_session)
{
    bool saved = r->session.mine == r->latest_session && r->latest_session &&
                 r->saved_seq >= seq;
    if (saved && db_session)
        *db_session = r->session.row;
    return saved;
}
