/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * report: the one-page report for the physiotherapist, drawn with cairo onto
 * any cairo surface (report_files.c makes a PNG and a PDF of it). A4 portrait,
 * printed black on white (unlike the screens, it is read on paper):
 *   - who, which programme, the 8 weeks covered;
 *   - this week's adherence (sessions done of prescribed, %), the streak, and
 *     reps and holds done against prescribed over the 8 weeks;
 *   - sessions done against prescribed per week (bars, the target dashed);
 *   - pain before and after each session over time (0-10, the limit of 5 and
 *     the acceptable 2 marked);
 *   - per exercise: today's dose, reps and holds done of prescribed, and the
 *     range of movement of the latest session's camera-counted reps against the
 *     person's own best (the log keeps each camera rep's range; reps counted by
 *     the OK button or led by the clock have none, and the table says so),
 *     and each session's mean range as a percentage of that best over time;
 *   - the progression steps proposed, accepted or declined, and by whom.
 * Pure drawing: the caller gathers the record (adlog_records, adlog_decisions).
 */
#ifndef RM_REPORT_H
#define RM_REPORT_H

#include <stdint.h>

#include <cairo.h>

#include "adlog.h"
#include "programme.h"
#include "record.h"

#define REPORT_WIDTH_PT 595.0 /* A4 portrait in points */
#define REPORT_HEIGHT_PT 842.0

typedef struct report_input {
    const char *profile;
    const programme *prog;           /* the programme in use now */
    const record_session *sessions;  /* the last 8 weeks, oldest first */
    int n_sessions;
    const adlog_decision *decisions; /* oldest first */
    int n_decisions;
    int64_t today;                   /* local day number */
    int64_t now_ms;                  /* wall clock, for "made on" */
    int streak_days;
} report_input;

/* Draws the page in points (0..REPORT_WIDTH_PT, 0..REPORT_HEIGHT_PT); scale
 * cr first for more pixels. */
void report_draw(cairo_t *cr, const report_input *in);

#endif
