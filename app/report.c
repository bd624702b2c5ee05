/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * report: the physiotherapist's page (report.h). Each part is one function
 * that draws in a band of the page from a y it is given and returns the y
 * below it; sizes are in points, text in DejaVu Sans through cairo's simple
 * text API (fontconfig finds it: fonts-dejavu-core is a dependency).
 */
#include "report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "history.h"
#include "progression.h"

#define MARGIN 40.0
#define INNER (REPORT_WIDTH_PT - 2 * MARGIN)
#define FONT "DejaVu Sans"

static const char *const MONTHS[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* "3 Dec 2026" of a local day number (H. Hinnant's civil_from_days). */
static void day_text(int64_t z, bool year, char *out, size_t cap)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int64_t y = yoe + era * 400 + (m <= 2);
    if (year)
        snprintf(out, cap, "%d %s %lld", d, MONTHS[m - 1], (long long)y);
    else
        snprintf(out, cap, "%d %s", d, MONTHS[m - 1]);
}

/* "13-19 Nov" or "27 Nov-3 Dec": the week's days. */
static void week_text(const history_week *w, char *out, size_t cap)
{
    char a[32], b[32];
    day_text(w->first_day, false, a, sizeof a);
    day_text(w->last_day, false, b, sizeof b);
    const char *month_a = strchr(a, ' '), *month_b = strchr(b, ' ');
    if (month_a && month_b && !strcmp(month_a, month_b))
        snprintf(out, cap, "%.*s-%s", (int)(month_a - a), a, b);
    else
        snprintf(out, cap, "%s-%s", a, b);
}

static void font(cairo_t *cr, double size, bool bold)
{
    cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static void grey(cairo_t *cr, double level)
{
    cairo_set_source_rgb(cr, level, level, level);
}

/* Text with its baseline at y; align 0 left, 0.5 centre, 1 right of x. */
static void text(cairo_t *cr, double x, double y, double align, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    cairo_move_to(cr, x - align * e.x_advance, y);
    cairo_show_text(cr, s);
}

static double header(cairo_t *cr, const report_input *in, double y)
{
    char buf[256], from[32], to[32], made[64];
    day_text(in->today - 7 * HISTORY_WEEKS + 1, true, from, sizeof from);
    day_text(in->today, true, to, sizeof to);
    time_t t = (time_t)(in->now_ms / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(made, sizeof made, "%Y-%m-%d %H:%M", &tm))
        snprintf(made, sizeof made, "?");
    grey(cr, 0);
    font(cr, 20, true);
    snprintf(buf, sizeof buf, "Exercise report: %s", in->profile);
    text(cr, MARGIN, y + 20, 0, buf);
    font(cr, 10, false);
    grey(cr, 0.25);
    snprintf(buf, sizeof buf, "Programme: %s.  Period: %s to %s (8 weeks).  Made %s.",
             in->prog->name, from, to, made);
    text(cr, MARGIN, y + 38, 0, buf);
    return y + 52;
}

/* Reps and holds done of prescribed over the 8 weeks, from the weeks. */
static double figures(cairo_t *cr, const report_input *in, const history_week *w, double y)
{
    int reps = 0, reps_t = 0, holds = 0, holds_t = 0, sessions = 0, sessions_t = 0;
    for (int i = 0; i < HISTORY_WEEKS; i++) {
        reps += w[i].reps_done;
        reps_t += w[i].reps_target;
        holds += w[i].holds_met;
        holds_t += w[i].holds_target;
        sessions += w[i].sessions;
        sessions_t += w[i].target;
    }
    const history_week *now = &w[HISTORY_WEEKS - 1];
    char buf[256];
    double bw = INNER / 3;
    const char *big[3], *small[3];
    char b0[32], b1[32], b2[32], s0[96], s1[96], s2[96];
    snprintf(b0, sizeof b0, "%d%%", history_adherence_pct(now));
    snprintf(s0, sizeof s0, "this week: %d of %d sessions", now->sessions, now->target);
    snprintf(b1, sizeof b1, "%d day%s", in->streak_days, in->streak_days == 1 ? "" : "s");
    snprintf(s1, sizeof s1, "in a row with a completed session");
    snprintf(b2, sizeof b2, "%d of %d", sessions, sessions_t);
    snprintf(s2, sizeof s2, "sessions in 8 weeks");
    big[0] = b0, big[1] = b1, big[2] = b2, small[0] = s0, small[1] = s1, small[2] = s2;
    for (int i = 0; i < 3; i++) {
        grey(cr, 0);
        font(cr, 22, true);
        text(cr, MARGIN + bw * i, y + 26, 0, big[i]);
        font(cr, 9, false);
        grey(cr, 0.3);
        text(cr, MARGIN + bw * i, y + 40, 0, small[i]);
    }
    font(cr, 10, false);
    grey(cr, 0);
    snprintf(buf, sizeof buf, "Reps: %d of %d prescribed (%d%%).  Holds met: %d of %d.", reps,
             reps_t, reps_t ? reps * 100 / reps_t : 0, holds, holds_t);
    text(cr, MARGIN, y + 60, 0, buf);
    return y + 72;
}

static void chart_title(cairo_t *cr, double y, const char *title)
{
    grey(cr, 0);
    font(cr, 12, true);
    text(cr, MARGIN, y, 0, title);
}

/* Sessions done per week (bars) against the target (dashed). */
static double sessions_chart(cairo_t *cr, const history_week *w, double y)
{
    chart_title(cr, y + 12, "Sessions per week, done against prescribed");
    double top = y + 24, h = 120, x0 = MARGIN + 24, cw = INNER - 24;
    int max = 1;
    for (int i = 0; i < HISTORY_WEEKS; i++) {
        max = w[i].sessions > max ? w[i].sessions : max;
        max = w[i].target > max ? w[i].target : max;
    }
    double step = cw / HISTORY_WEEKS, unit = (h - 14) / max; /* room for the labels */
    cairo_set_line_width(cr, 0.5);
    grey(cr, 0.6);
    cairo_move_to(cr, x0, top + h);
    cairo_line_to(cr, x0 + cw, top + h);
    cairo_stroke(cr);
    font(cr, 8, false);
    char buf[80];
    for (int i = 0; i < HISTORY_WEEKS; i++) {
        double x = x0 + step * i, bh = w[i].sessions * unit;
        cairo_set_source_rgb(cr, 0.15, 0.35, 0.65);
        cairo_rectangle(cr, x + step * 0.2, top + h - bh, step * 0.6, bh);
        cairo_fill(cr);
        grey(cr, 0);
        cairo_set_line_width(cr, 1.2);
        double dash[] = { 3, 2 };
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, x + step * 0.1, top + h - w[i].target * unit);
        cairo_line_to(cr, x + step * 0.9, top + h - w[i].target * unit);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        snprintf(buf, sizeof buf, "%d/%d  %d%%", w[i].sessions, w[i].target,
                 history_adherence_pct(&w[i]));
        text(cr, x + step / 2, top + h - (w[i].sessions > w[i].target ? w[i].sessions
                                                                        : w[i].target) *
                                                  unit - 4,
             0.5, buf);
        week_text(&w[i], buf, sizeof buf);
        text(cr, x + step / 2, top + h + 11, 0.5, buf);
    }
    return top + h + 20;
}

static void pain_mark(cairo_t *cr, double x, double y, bool after)
{
    cairo_new_path(cr); /* not joined to where the last text ended */
    cairo_arc(cr, x, y, 2.6, 0, 6.2832);
    if (after) {
        cairo_set_source_rgb(cr, 0.8, 0.3, 0.1);
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
    } else {
        cairo_set_source_rgb(cr, 0.15, 0.35, 0.65);
        cairo_fill(cr);
    }
}

/* A time chart's horizontal lines from 0 to max every `step`, labelled on
 * the left; the line at `strong` darker (-1: none). */
static void grid(cairo_t *cr, double x0, double top, double cw, double h, int max, int step,
                 int strong)
{
    font(cr, 8, false);
    for (int level = 0; level <= max; level += step) {
        double ly = top + h - h * level / max;
        grey(cr, level == strong ? 0.45 : 0.85);
        cairo_set_line_width(cr, level == strong ? 0.8 : 0.4);
        cairo_move_to(cr, x0, ly);
        cairo_line_to(cr, x0 + cw, ly);
        cairo_stroke(cr);
        char buf[16]; /* any int: GCC 14 checks the whole range */
        snprintf(buf, sizeof buf, "%d", level);
        grey(cr, 0.3);
        text(cr, x0 - 6, ly + 3, 1, buf);
    }
}

/* Pain before (filled) and after (ring) each session, 0-10, over the weeks. */
static double pain_chart(cairo_t *cr, const report_input *in, double y)
{
    chart_title(cr, y + 12, "Pain before (filled) and after (ring) each session, 0-10");
    double top = y + 24, h = 110, x0 = MARGIN + 24, cw = INNER - 24;
    int64_t first = in->today - 7 * HISTORY_WEEKS + 1;
    double per_day = cw / (7.0 * HISTORY_WEEKS);
    grid(cr, x0, top, cw, h, 10, 2, 2);
    double ly = top + h - h * 0.5; /* the limit: above 5 stops exercise */
    cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, x0, ly);
    cairo_line_to(cr, x0 + cw, ly);
    cairo_stroke(cr);
    text(cr, x0 + cw, ly - 3, 1, "limit 5");
    int shown = 0;
    for (int i = 0; i < in->n_sessions; i++) {
        const record_session *s = &in->sessions[i];
        if (s->day < first || s->day > in->today)
            continue;
        double x = x0 + per_day * ((double)(s->day - first) + 0.5);
        if (s->pain_before >= 0)
            pain_mark(cr, x - 1.5, top + h - h * s->pain_before / 10.0, false), shown++;
        if (s->pain_after >= 0)
            pain_mark(cr, x + 1.5, top + h - h * s->pain_after / 10.0, true), shown++;
    }
    if (!shown) {
        grey(cr, 0.3);
        font(cr, 10, false);
        text(cr, x0 + cw / 2, top + h / 2, 0.5, "No pain answers in these 8 weeks.");
    }
    return top + h + 14;
}

/* One exercise's line of the table: the latest session's range against the
 * best, over the sessions that hold the block. */
static void range_text(const report_input *in, const char *key, char *out, size_t cap)
{
    float best = 0, last = 0;
    int last_n = 0;
    for (int i = 0; i < in->n_sessions; i++) {
        for (int j = 0; j < in->sessions[i].n_blocks; j++) {
            const record_block *b = &in->sessions[i].blocks[j];
            if (strcmp(b->key, key) != 0 || b->camera_reps == 0)
                continue;
            best = b->best_amplitude > best ? b->best_amplitude : best;
            last = b->mean_amplitude;
            last_n = b->camera_reps;
        }
    }
    if (last_n == 0 || best <= 0)
        snprintf(out, cap, "not measured");
    else
        snprintf(out, cap, "%d%% of best (%d reps)", (int)(last * 100.0f / best + 0.5f), last_n);
}

static double exercise_table(cairo_t *cr, const report_input *in, double y)
{
    chart_title(cr, y + 12, "Each exercise over the 8 weeks");
    const double col[] = { MARGIN, MARGIN + 150, MARGIN + 250, MARGIN + 330, MARGIN + 400 };
    const char *head[] = { "Exercise", "Dose now", "Reps done", "Holds met",
                           "Range, last session" };
    y += 28;
    font(cr, 8.5, true);
    grey(cr, 0.3);
    for (int c = 0; c < 5; c++)
        text(cr, col[c], y, 0, head[c]);
    font(cr, 9, false);
    for (int i = 0; i < in->prog->n_blocks; i++) {
        const programme_block *b = &in->prog->blocks[i];
        int done = 0, target = 0, holds = 0, holds_t = 0;
        for (int k = 0; k < in->n_sessions; k++)
            for (int j = 0; j < in->sessions[k].n_blocks; j++) {
                const record_block *rb = &in->sessions[k].blocks[j];
                if (strcmp(rb->key, b->key) != 0)
                    continue;
                done += rb->reps_done;
                target += rb->sets * rb->reps;
                holds += rb->hold_s > 0 ? rb->holds_met : 0;
                holds_t += rb->hold_s > 0 ? rb->sets * rb->reps : 0;
            }
        char name[96], dose[48], reps[48], hold[48], range[64];
        snprintf(name, sizeof name, "%s%s%s", b->title, b->side ? ", " : "", side_name(b->side));
        snprintf(dose, sizeof dose, "%d x %d, hold %d s", b->sets, b->reps, b->hold_s);
        snprintf(reps, sizeof reps, "%d of %d", done, target);
        snprintf(hold, sizeof hold, holds_t ? "%d of %d" : "-", holds, holds_t);
        range_text(in, b->key, range, sizeof range);
        y += 14;
        grey(cr, 0);
        const char *cells[] = { name, dose, reps, hold, range };
        for (int c = 0; c < 5; c++)
            text(cr, col[c], y, 0, cells[c]);
    }
    font(cr, 7.5, false);
    grey(cr, 0.35);
    text(cr, MARGIN, y + 13, 0,
         "Range: the movement's size as the camera sees it: the mean of the latest session's "
         "camera-counted reps against");
    text(cr, MARGIN, y + 23, 0,
         "the largest single rep in these 8 weeks. Not measured: no camera-counted reps (reps "
         "added with OK, quad-set holds led by the clock).");
    return y + 32;
}

/* The best single camera rep of block `key` in these weeks, 0 when none. */
static float best_range(const report_input *in, const char *key)
{
    float best = 0;
    for (int i = 0; i < in->n_sessions; i++)
        for (int j = 0; j < in->sessions[i].n_blocks; j++) {
            const record_block *b = &in->sessions[i].blocks[j];
            if (!strcmp(b->key, key) && b->best_amplitude > best)
                best = b->best_amplitude;
        }
    return best;
}

/* Each session's mean range as a percentage of the person's best, one line
 * per exercise block with camera-counted reps (up to four colours). */
static double range_chart(cairo_t *cr, const report_input *in, double y)
{
    static const double colours[4][3] = {
        { 0.15, 0.35, 0.65 }, { 0.8, 0.3, 0.1 }, { 0.2, 0.55, 0.25 }, { 0.5, 0.3, 0.6 }
    };
    chart_title(cr, y + 12, "Range per session, % of the person's best rep");
    double top = y + 24, h = 80, x0 = MARGIN + 24, cw = INNER - 24;
    int64_t first = in->today - 7 * HISTORY_WEEKS + 1;
    double per_day = cw / (7.0 * HISTORY_WEEKS);
    grid(cr, x0, top, cw, h, 100, 50, -1);
    int lines = 0;
    double legend_x = x0;
    for (int k = 0; k < in->prog->n_blocks && lines < 4; k++) {
        const programme_block *pb = &in->prog->blocks[k];
        float best = best_range(in, pb->key);
        if (best <= 0)
            continue;
        const double *c = colours[lines++];
        cairo_set_source_rgb(cr, c[0], c[1], c[2]);
        cairo_set_line_width(cr, 1.2);
        cairo_new_path(cr);
        for (int i = 0; i < in->n_sessions; i++) {
            const record_session *s = &in->sessions[i];
            for (int j = 0; j < s->n_blocks; j++) {
                const record_block *b = &s->blocks[j];
                if (strcmp(b->key, pb->key) != 0 || b->camera_reps == 0 || s->day < first ||
                    s->day > in->today)
                    continue;
                double x = x0 + per_day * ((double)(s->day - first) + 0.5);
                double v = b->mean_amplitude / best;
                cairo_line_to(cr, x, top + h - h * (v > 1 ? 1 : v));
            }
        }
        cairo_stroke(cr);
        char name[96];
        snprintf(name, sizeof name, "%s%s%s", pb->title, pb->side ? " " : "", side_name(pb->side));
        cairo_rectangle(cr, legend_x, top + h + 6, 8, 3);
        cairo_fill(cr);
        grey(cr, 0.2);
        text(cr, legend_x + 11, top + h + 10, 0, name);
        cairo_text_extents_t e;
        cairo_text_extents(cr, name, &e);
        legend_x += 11 + e.x_advance + 14;
    }
    if (!lines) {
        grey(cr, 0.3);
        font(cr, 10, false);
        text(cr, x0 + cw / 2, top + h / 2, 0.5,
             "No camera-counted reps: the record has no range to show.");
    }
    return top + h + 16;
}

static double decisions(cairo_t *cr, const report_input *in, double y)
{
    chart_title(cr, y + 12, "Progression");
    font(cr, 9, false);
    grey(cr, 0);
    y += 28;
    char buf[320], when[32];
    if (!in->prog->progression) {
        text(cr, MARGIN, y, 0, "Switched off in the programme (progression = off).");
        y += 13;
    }
    int first = in->n_decisions > 8 ? in->n_decisions - 8 : 0;
    for (int i = first; i < in->n_decisions; i++) {
        const adlog_decision *d = &in->decisions[i];
        day_text(adlog_local_day(d->d.at_ms), true, when, sizeof when);
        snprintf(buf, sizeof buf, "%s: %s %d x %d -> %d x %d, %s by %s", when, d->title,
                 d->from_sets, d->from_reps, d->to_sets, d->to_reps,
                 d->d.accepted ? "accepted" : "declined", d->by);
        text(cr, MARGIN, y, 0, buf);
        y += 13;
    }
    if (in->n_decisions == 0 && in->prog->progression)
        text(cr, MARGIN, y, 0, "No step proposed yet."), y += 13;
    return y;
}

void report_draw(cairo_t *cr, const report_input *in)
{
    history_week w[HISTORY_WEEKS];
    history_weeks(in->sessions, in->n_sessions, in->today, in->prog->sessions_per_week, w);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    double y = header(cr, in, MARGIN - 10);
    y = figures(cr, in, w, y);
    y = sessions_chart(cr, w, y + 6);
    y = pain_chart(cr, in, y + 6);
    y = exercise_table(cr, in, y + 4);
    y = range_chart(cr, in, y + 2);
    decisions(cr, in, y + 4);
    font(cr, 7.5, false);
    grey(cr, 0.4);
    text(cr, REPORT_WIDTH_PT / 2, REPORT_HEIGHT_PT - 20, 0.5,
         "rehab-mirror: counts from camera motion and the buttons. Not a medical device.");
}
