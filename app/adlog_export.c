/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_export: the whole adherence record as CSV or JSON (adlog_export in
 * adlog.h), for the person or their physiotherapist.
 *
 * CSV: a header line, then one row per set with its session's fields; a
 * session with no sets gets one row with the set fields empty. Times are ISO
 * 8601 local time with the UTC offset. "block" and "set_no" count from 1. A
 * field is quoted when it holds a comma, quote, CR, LF or edge spaces (RFC
 * 4180). Empty means unknown: pain not asked, session still open.
 *
 * JSON: {"sessions":[{..., "prescribed":[...], "sets":[{..., "reps":[...]}]}],
 * "adherence":{...}} with null for the unknowns. Strings are escaped per RFC
 * 8259 and bytes that are not valid UTF-8 become U+FFFD, so the output always
 * parses. "adherence" covers the whole record: completed sessions, reps done
 * (camera, manual and timed), reps prescribed by every session that was begun.
 * A set's reps are split by who counted them: camera_reps (a movement the
 * camera saw), manual_reps (the OK button), timed_reps (a hold led by the
 * clock while the camera saw the person keep still: quad sets).
 *
 * Reps done of a set still open (the station is mid-set) are counted from its
 * rep rows. The export reads one snapshot; the station can keep writing. Any
 * failed write on `out` (checked with ferror after a final fflush) makes the
 * export return false; so does a database error.
 */
#include "adlog_priv.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "xmalloc.h"

void adlog_iso_time(int64_t wall_ms, bool with_ms, char *out)
{
    int64_t ms = wall_ms % 1000;
    int64_t s = wall_ms / 1000;
    if (ms < 0) {
        ms += 1000;
        s--;
    }
    time_t t = (time_t)s;
    struct tm tm;
    char date[32], zone[8] = "+0000";
    if (!localtime_r(&t, &tm) || !strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm)) {
        snprintf(out, ADLOG_ISO_LEN, "@%" PRId64, wall_ms);
        return;
    }
    strftime(zone, sizeof zone, "%z", &tm);
    char frac[8] = "";
    if (with_ms)
        snprintf(frac, sizeof frac, ".%03d", (int)ms);
    /* %z is "+hhmm"; ISO 8601 extended format wants "+hh:mm". */
    snprintf(out, ADLOG_ISO_LEN, "%.19s%.4s%.3s:%.2s", date, frac, zone, zone + 3);
}

/* ---- CSV ---- */

static void csv_text(FILE *out, const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    bool quote = strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' '));
    if (!quote) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* Column `col` as text; NULL as an empty field. */
static void csv_col(FILE *out, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) != SQLITE_NULL)
        csv_text(out, (const char *)sqlite3_column_text(st, col));
}

/* Columns of ST_EXPORT_ROWS. */
enum {
    R_SESSION, R_STARTED, R_PROGRAMME, R_STATUS, R_PAIN_BEFORE, R_PAIN_AFTER, R_SET_ID,
    R_BLOCK, R_EXERCISE, R_SIDE, R_SET_NO, R_TARGET, R_DONE, R_CAMERA, R_MANUAL, R_TIMED,
    R_HOLDS, R_HOLD_TARGET, R_SET_STATUS
};

static void csv_row(FILE *out, sqlite3_stmt *st)
{
    char when[ADLOG_ISO_LEN];
    adlog_iso_time(sqlite3_column_int64(st, R_STARTED), false, when);
    fprintf(out, "%" PRId64 ",%s,", (int64_t)sqlite3_column_int64(st, R_SESSION), when);
    csv_col(out, st, R_PROGRAMME);
    for (int col = R_STATUS; col <= R_PAIN_AFTER; col++) {
        fputc(',', out);
        csv_col(out, st, col);
    }
    if (sqlite3_column_type(st, R_SET_ID) == SQLITE_NULL) {
        fputs(",,,,,,,,,,,,\n", out); /* a session with no sets: 12 empty set fields */
        return;
    }
    fprintf(out, ",%d,", sqlite3_column_int(st, R_BLOCK) + 1);
    csv_col(out, st, R_EXERCISE);
    fputc(',', out);
    csv_col(out, st, R_SIDE);
    for (int col = R_SET_NO; col <= R_SET_STATUS; col++) {
        fputc(',', out);
        csv_col(out, st, col);
    }
    fputc('\n', out);
}

static const char CSV_HEADER[] =
    "session_id,session_started,programme,session_status,pain_before,pain_after,"
    "block,exercise,side,set_no,target_reps,reps_done,camera_reps,manual_reps,"
    "timed_reps,holds_met,hold_target_s,set_status\n";

static bool export_csv(adlog *log, FILE *out)
{
    fputs(CSV_HEADER, out);
    sqlite3_stmt *st = log->st[ST_EXPORT_ROWS];
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !ferror(out))
        csv_row(out, st);
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE; /* ROW: stopped on a write error */
    if (!ok)
        adlog_fail(log, "export");
    sqlite3_reset(st);
    return ok;
}

/* ---- JSON ---- */

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static int utf8_len(const unsigned char *s)
{
    unsigned char c = s[0];
    int n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                         : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    /* The second byte's range excludes overlongs, surrogates and > U+10FFFF. */
    unsigned char lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
    for (int i = 1; i < n; i++) {
        unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xbf;
        if (s[i] < lo_i || s[i] > hi_i)
            return 0;
    }
    return n;
}

static void json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int n = utf8_len(p);
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else if (n == 0)
            fputs("\\ufffd", out);
        else
            fwrite(p, 1, (size_t)n, out);
        p += n ? n : 1;
    }
    fputc('"', out);
}

/* "key":value pairs; the value from a column, null when NULL. */
static void json_key(FILE *out, const char *key, bool first)
{
    fprintf(out, "%s\"%s\":", first ? "" : ",", key);
}

static void json_int_col(FILE *out, const char *key, sqlite3_stmt *st, int col)
{
    json_key(out, key, false);
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        fputs("null", out);
    else
        fprintf(out, "%" PRId64, (int64_t)sqlite3_column_int64(st, col));
}

static void json_str_col(FILE *out, const char *key, sqlite3_stmt *st, int col)
{
    json_key(out, key, false);
    json_str(out, (const char *)sqlite3_column_text(st, col));
}

static void json_time_col(FILE *out, const char *key, sqlite3_stmt *st, int col, bool ms)
{
    json_key(out, key, false);
    if (sqlite3_column_type(st, col) == SQLITE_NULL) {
        fputs("null", out);
        return;
    }
    char when[ADLOG_ISO_LEN];
    adlog_iso_time(sqlite3_column_int64(st, col), ms, when);
    json_str(out, when);
}

/* Ends a loop over a statement's rows: DONE is success, anything else a
 * database error. Resets the statement either way. */
static bool finish_rows(adlog *log, sqlite3_stmt *st, int rc, const char *what)
{
    bool ok = rc == SQLITE_DONE;
    if (!ok)
        adlog_fail(log, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return ok;
}

static bool json_prescribed(adlog *log, FILE *out, int64_t session_id)
{
    sqlite3_stmt *st = log->st[ST_EXPORT_PRESCRIBED];
    sqlite3_bind_int64(st, 1, session_id);
    fputs(",\"prescribed\":[", out);
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        fprintf(out, "%s{\"block\":%d", n++ ? "," : "", sqlite3_column_int(st, 0) + 1);
        json_str_col(out, "key", st, 1);
        json_str_col(out, "exercise", st, 2);
        json_str_col(out, "side", st, 3);
        json_int_col(out, "sets", st, 4);
        json_int_col(out, "reps", st, 5);
        json_int_col(out, "hold_s", st, 6);
        fputc('}', out);
    }
    fputc(']', out);
    return finish_rows(log, st, rc, "export prescription");
}

static bool json_reps(adlog *log, FILE *out, int64_t set_id)
{
    sqlite3_stmt *st = log->st[ST_EXPORT_REPS];
    sqlite3_bind_int64(st, 1, set_id);
    fputs(",\"reps\":[", out);
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t hold_ms = sqlite3_column_int64(st, 3);
        double amplitude = sqlite3_column_double(st, 5);
        fprintf(out, "%s{\"seq\":%d", n++ ? "," : "", sqlite3_column_int(st, 0));
        json_int_col(out, "number", st, 1);
        json_time_col(out, "t", st, 2, true);
        fprintf(out, ",\"hold_s\":%" PRId64 ".%03d", hold_ms / 1000, (int)(hold_ms % 1000));
        fprintf(out, ",\"hold_met\":%s", sqlite3_column_int(st, 4) ? "true" : "false");
        fprintf(out, ",\"amplitude\":%.3f", isfinite(amplitude) ? amplitude : 0.0);
        json_str_col(out, "source", st, 6);
        fputc('}', out);
    }
    fputc(']', out);
    return finish_rows(log, st, rc, "export reps");
}

static bool json_sets(adlog *log, FILE *out, int64_t session_id)
{
    sqlite3_stmt *st = log->st[ST_EXPORT_SETS];
    sqlite3_bind_int64(st, 1, session_id);
    fputs(",\"sets\":[", out);
    int rc = SQLITE_DONE, n = 0;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        fprintf(out, "%s{\"block\":%d", n++ ? "," : "", sqlite3_column_int(st, 1) + 1);
        json_str_col(out, "exercise", st, 2);
        json_str_col(out, "side", st, 3);
        json_int_col(out, "set_no", st, 4);
        json_int_col(out, "target_reps", st, 5);
        json_int_col(out, "hold_target_s", st, 6);
        json_time_col(out, "started", st, 7, false);
        json_time_col(out, "ended", st, 8, false);
        json_int_col(out, "reps_done", st, 9);
        json_int_col(out, "camera_reps", st, 10);
        json_int_col(out, "manual_reps", st, 11);
        json_int_col(out, "timed_reps", st, 12);
        json_int_col(out, "holds_met", st, 13);
        json_str_col(out, "status", st, 14);
        ok = json_reps(log, out, sqlite3_column_int64(st, 0));
        fputc('}', out);
    }
    fputc(']', out);
    if (!ok) {
        sqlite3_reset(st);
        return false;
    }
    return finish_rows(log, st, rc, "export sets");
}

static bool json_session(adlog *log, FILE *out, sqlite3_stmt *st, bool first)
{
    int64_t id = sqlite3_column_int64(st, 0);
    fprintf(out, "%s{\"id\":%" PRId64, first ? "" : ",", id);
    json_time_col(out, "started", st, 1, false);
    json_time_col(out, "ended", st, 2, false);
    json_str_col(out, "programme", st, 3);
    json_str_col(out, "status", st, 4);
    json_int_col(out, "pain_before", st, 5);
    json_int_col(out, "pain_after", st, 6);
    bool ok = json_prescribed(log, out, id) && json_sets(log, out, id);
    fputc('}', out);
    return ok;
}

static bool json_adherence(adlog *log, FILE *out)
{
    sqlite3_stmt *st = log->st[ST_ADHERENCE];
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        fputs(",\"adherence\":{", out);
        json_key(out, "sessions_completed", true);
        fprintf(out, "%" PRId64, (int64_t)sqlite3_column_int64(st, 0));
        json_int_col(out, "reps_done", st, 1);
        json_int_col(out, "reps_prescribed", st, 2);
        fputc('}', out);
    } else {
        adlog_fail(log, "export adherence");
    }
    sqlite3_reset(st);
    return ok;
}

static bool export_json(adlog *log, FILE *out)
{
    sqlite3_stmt *st = log->st[ST_EXPORT_SESSIONS];
    fputs("{\"sessions\":[", out);
    int rc = SQLITE_DONE, n = 0;
    bool ok = true;
    while (ok && !ferror(out) && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = json_session(log, out, st, n++ == 0);
    if (ok && ferror(out))
        rc = SQLITE_DONE; /* stopped on a write error; reported by the caller */
    fputc(']', out);
    if (!ok) {
        sqlite3_reset(st);
        return false;
    }
    if (!finish_rows(log, st, rc, "export sessions"))
        return false;
    ok = json_adherence(log, out);
    fputs("}\n", out);
    return ok;
}

/* The export's rows restricted to one profile: ST_EXPORT_ROWS's SQL with
 * "WHERE s.profile = ?1" before its ORDER BY, prepared for this call. */
static sqlite3_stmt *profile_rows(adlog *log, const char *profile)
{
    const char *sql = sqlite3_sql(log->st[ST_EXPORT_ROWS]);
    const char *order = sql ? strstr(sql, " ORDER BY ") : NULL;
    if (!order)
        return NULL;
    size_t n = strlen(sql) + 64;
    char *text = xmalloc(n);
    snprintf(text, n, "%.*s WHERE s.profile = ?1%s", (int)(order - sql), sql, order);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(log->db, text, -1, &st, NULL) != SQLITE_OK)
        st = NULL;
    free(text);
    if (st)
        sqlite3_bind_text(st, 1, profile, -1, SQLITE_TRANSIENT);
    return st;
}

bool adlog_export_profile_csv(adlog *log, FILE *out, const char *profile)
{
    if (!log || !out)
        return false;
    if (!profile || !*profile)
        profile = ADLOG_DEFAULT_PROFILE;
    sqlite3_stmt *st = adlog_tx_begin(log, false) ? profile_rows(log, profile) : NULL;
    bool ok = st != NULL || adlog_fail(log, "export profile");
    if (ok) {
        fprintf(out, "profile,%s", CSV_HEADER);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW && !ferror(out)) {
            csv_text(out, profile);
            fputc(',', out);
            csv_row(out, st);
        }
        ok = rc == SQLITE_ROW || rc == SQLITE_DONE || adlog_fail(log, "export profile");
    }
    sqlite3_finalize(st);
    adlog_tx_rollback(log);
    if (fflush(out) != 0 || ferror(out)) {
        log_errno("adherence log: export: write failed");
        return false;
    }
    return ok;
}

bool adlog_export(adlog *log, FILE *out, adlog_format format)
{
    if (!log || !out)
        return false;
    if (!adlog_tx_begin(log, false))
        return false;
    bool ok = format == ADLOG_JSON ? export_json(log, out) : export_csv(log, out);
    adlog_tx_rollback(log); /* a read snapshot: nothing to commit */
    if (fflush(out) != 0 || ferror(out)) {
        log_errno("adherence log: export: write failed");
        return false;
    }
    return ok;
}
