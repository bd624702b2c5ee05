/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * eval_summary: the per-clip rows, the totals over a corpus and the verdict on
 * each target (see eval.h). The normalised error is |counted - true| / true
 * averaged over positives; the exact and within-one rates are over all clips,
 * negatives included (their truth is 0).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "eval.h"
#include "xmalloc.h"

eval_targets eval_issue_targets(void)
{
    return (eval_targets){ .min_clips = 60, .exact = 0.90, .within_one = 0.98,
                           .norm_err = 0.05, .holds = 0.95, .latency_s = 0.3,
                           .negative_counts = 0, .given = (1u << EVAL_T_COUNT) - 1 };
}

bool eval_in_place(const eval_truth *t, const eval_result *r)
{
    return r->counted == t->count && r->matched == t->count;
}

void eval_add(eval_summary *s, const eval_truth *t, const eval_result *r)
{
    int diff = abs(r->counted - t->count);
    s->clips++;
    s->exact += diff == 0;
    s->within_one += diff <= 1;
    s->exact_paired += eval_in_place(t, r);
    if (t->negative) {
        s->negatives++;
        s->negative_counts += r->counted;
        s->negatives_counted += r->counted > 0;
    } else {
        s->positives++;
        s->norm_err_sum += t->count > 0 ? (double)diff / t->count : (double)diff;
    }
    s->true_reps += t->count;
    s->counted_reps += r->counted;
    s->true_partials += t->partials;
    s->counted_partials += r->partials;
    s->hold_err_sum += r->hold_err_sum;
    s->errs = xrealloc(s->errs, (size_t)(s->matched + r->matched + 1) * sizeof *s->errs);
    for (int i = 0; i < r->matched; i++) {
        s->errs[s->matched + i] = r->errs[i];
        s->err_sum += r->errs[i];
        s->err_abs_sum += fabs(r->errs[i]);
        s->err_max = s->matched + i == 0 ? r->errs[i] : fmax(s->err_max, r->errs[i]);
    }
    s->matched += r->matched;
    s->holds_right += r->holds_right;
    s->holds_total += r->holds_total;
    s->holds_timed += r->holds_timed;
    s->verdicts_right += r->verdicts_right;
    s->verdicts += r->verdicts;
}

void eval_summary_free(eval_summary *s)
{
    free(s->errs);
    s->errs = NULL;
}

void eval_print_row_header(void)
{
    printf("%-26s %-9s %5s %7s %8s %15s %7s  %s\n", "clip", "exercise", "true", "counted",
           "partials", "rep-err 1st/last", "holds", "nuisances");
}

void eval_print_row(const eval_truth *t, const eval_result *r)
{
    char err[40] = "-", holds[16] = "-", parts[16];
    if (r->matched) /* the first and the last paired rep's time error */
        snprintf(err, sizeof err, "%+.2f/%+.2fs", r->errs[0], r->errs[r->matched - 1]);
    if (r->holds_total)
        snprintf(holds, sizeof holds, "%d/%d", r->holds_right, r->holds_total);
    snprintf(parts, sizeof parts, "%d/%d", r->partials, t->partials);
    printf("%-26s %-9s %5d %7d %8s %15s %7s  %s%s\n", t->name,
           t->negative ? "-" : exercise_id(t->exercise), t->count, r->counted, parts, err,
           holds, t->nuisances, r->counted == t->count ? "" : "   <-- miscount");
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-th quantile (0 < q <= 1) of every paired rep's time error: the
 * smallest error at or above which a share 1 - q of them lie. */
static double percentile(const eval_summary *s, double q)
{
    if (s->matched == 0)
        return 0.0;
    double *v = xmalloc((size_t)s->matched * sizeof *v);
    for (int i = 0; i < s->matched; i++)
        v[i] = s->errs[i];
    qsort(v, (size_t)s->matched, sizeof *v, cmp_double);
    int k = (int)ceil(q * s->matched) - 1;
    double p = v[k < 0 ? 0 : k];
    free(v);
    return p;
}

void eval_wilson(double successes, double trials, double *lo, double *hi)
{
    const double z = 1.959964; /* the normal's 97.5th percentile */
    if (trials <= 0) {
        *lo = 0.0;
        *hi = 1.0;
        return;
    }
    double p = successes / trials, z2n = z * z / trials;
    double mid = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * sqrt(p * (1 - p) / trials + z2n / (4 * trials));
    *lo = fmax(0.0, mid - half);
    *hi = fmin(1.0, mid + half);
}

/* Prints one figure with its target; returns whether it is met. */
static bool verdict(const char *what, double value, const char *fmt, bool given, bool ok,
                    const char *target)
{
    printf("  %-34s ", what);
    printf(fmt, value);
    if (given)
        printf("   target %-10s %s", target, ok ? "ok" : "MISSED");
    printf("\n");
    return !given || ok;
}

bool eval_print_summary(const eval_summary *s, const eval_targets *tg)
{
    char t[32];
    bool ok = true;
    eval_targets z = { 0 };
    if (!tg)
        tg = &z;
#define GIVEN(bit) ((tg->given >> (bit)) & 1u)
    double n = s->clips ? s->clips : 1, pos = s->positives ? s->positives : 1;
    double mean_err = s->matched ? s->err_sum / s->matched : 0.0;
    double mean_abs = s->matched ? s->err_abs_sum / s->matched : 0.0;
    double p50 = percentile(s, 0.5), p95 = percentile(s, 0.95), worst = s->matched ? s->err_max : 0.0;
    double holds = s->holds_total ? (double)s->holds_right / s->holds_total : 1.0;
    printf("summary: %d clips (%d with exercise, %d without), %d true reps, %d counted, "
           "%d paired\n", s->clips, s->positives, s->negatives, s->true_reps, s->counted_reps,
           s->matched);
    snprintf(t, sizeof t, ">= %d", tg->min_clips);
    ok &= verdict("clips", s->clips, "%6.0f", GIVEN(EVAL_T_CLIPS), s->clips >= tg->min_clips, t);
    snprintf(t, sizeof t, ">= %.2f", tg->exact);
    ok &= verdict("exact count rate", s->exact / n, "%6.3f", GIVEN(EVAL_T_EXACT), s->exact / n >= tg->exact, t);
    /* A count that is right with its reps in the wrong places (half a cycle
     * off: rest taken at the wrong end, a set-up counted and a rep lost) is
     * right by luck; this one is not. */
    printf("  %-34s %6.3f\n", "  exact, each rep in its place", s->exact_paired / n);
    snprintf(t, sizeof t, ">= %.2f", tg->within_one);
    ok &= verdict("within-one rate", s->within_one / n, "%6.3f", GIVEN(EVAL_T_WITHIN_ONE),
                  s->within_one / n >= tg->within_one, t);
    /* How far these rates could be from the same counter's on other clips
     * like these: each clip a trial, its framings not independent of it. */
    double f = s->framings > 1 ? s->framings : 1, elo, ehi, wlo, whi;
    eval_wilson(s->exact / f, s->clips / f, &elo, &ehi);
    eval_wilson(s->within_one / f, s->clips / f, &wlo, &whi);
    printf("  %-34s exact %.2f-%.2f, within one %.2f-%.2f (%.0f clips)\n",
           "  95% intervals", elo, ehi, wlo, whi, s->clips / f);
    snprintf(t, sizeof t, "<= %.3f", tg->norm_err);
    ok &= verdict("mean |counted-true|/true", s->norm_err_sum / pos, "%6.3f",
                  GIVEN(EVAL_T_NORM_ERR),
                  s->norm_err_sum / pos <= tg->norm_err, t);
    snprintf(t, sizeof t, "<= %d", tg->negative_counts);
    ok &= verdict("reps counted on negatives", s->negative_counts, "%6.0f",
                  GIVEN(EVAL_T_NEGATIVES),
                  s->negative_counts <= tg->negative_counts, t);
    printf("  %-34s %6d of %d\n", "negatives with any count", s->negatives_counted,
           s->negatives);
    snprintf(t, sizeof t, ">= %.2f", tg->holds);
    ok &= verdict("quad-set holds judged right", holds, "%6.3f",
                  GIVEN(EVAL_T_HOLDS) && s->holds_total,
                  holds >= tg->holds, t);
    printf("  %-34s %6d of %d\n", "  (holds right of judged)", s->holds_right, s->holds_total);
    printf("  %-34s %6.2f s over %d paired reps with a known hold\n",
           "hold time error, mean |error|",
           s->holds_timed ? s->hold_err_sum / s->holds_timed : 0.0, s->holds_timed);
    printf("  %-34s %6d of %d (met or short of the hold target)\n", "  hold verdicts right",
           s->verdicts_right, s->verdicts);
    printf("  %-34s %6d of %d true partials\n", "partials reported", s->counted_partials,
           s->true_partials);
    printf("  %-34s %+6.2f s (mean |error| %.2f s)\n", "rep time error, mean", mean_err,
           mean_abs);
    printf("  %-34s %+6.2f s\n", "rep time error, median", p50);
    int early = 0, late = 0;
    for (int i = 0; i < s->matched; i++) {
        early += s->errs[i] < -EVAL_ON_TIME_S;
        late += s->errs[i] > EVAL_ON_TIME_S;
    }
    printf("  %-34s %6d of %d (%d earlier, %d later)\n", "rep time error within 0.3 s",
           s->matched - early - late, s->matched, early, late);
    printf("  %-34s %+6.2f s\n", "rep time error, 95th percentile", p95);
    snprintf(t, sizeof t, "<= %.2f s", tg->latency_s);
    ok &= verdict("rep time error, latest (latency)", worst, "%+6.2f s",
                  GIVEN(EVAL_T_LATENCY),
                  worst <= tg->latency_s, t);
#undef GIVEN
    printf("result: %s\n", !tg->given ? "no targets given"
                           : ok        ? "all given targets met"
                                       : "TARGETS MISSED");
    return ok;
}
