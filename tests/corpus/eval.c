/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * eval: see eval.h. The run keeps only the decided reps and partials (a fixed
 * array; more than EVAL_MAX_REPS counted reps are counted but not kept).
 */
#include "eval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct eval_run {
    reps_counter *counter;
    int counted, partials, kept;
    reps_event reps[EVAL_MAX_REPS];
    int kept_partials;
    reps_event partial[EVAL_MAX_REPS]; /* for --events */
    int64_t frames;
    FILE *trace;
};

void eval_trace(eval_run *r, FILE *to)
{
    r->trace = to;
    if (to)
        fprintf(to, "#     t ph   (labelled: position, the window's low and high ends, its spread"
                    " along the direction, the range, level, this excursion's peak level,"
                    " rest side, o = out, the hold so far in ms)  events\n");
}

static void trace_frame(const eval_run *r, int64_t t_ms, const reps_event *ev, size_t n)
{
    static const char ph[] = "LRMH", kinds[] = "RPse";
    reps_trace x;
    reps_get_trace(r->counter, &x);
    reps_status st = reps_get_status(r->counter);
    fprintf(r->trace, "%7.2f %c pos %7.2f lo %7.2f hi %7.2f sd %6.2f range %6.2f level %5.2f peak %5.2f rest %+d %c hold %4d",
            (double)t_ms / 1000.0, ph[st.phase], (double)x.pos, (double)x.lo, (double)x.hi,
            (double)x.lambda, (double)x.range, (double)x.level, (double)x.peak, x.rest_side,
            x.out ? 'o' : '.', (int)st.hold_ms);
    for (size_t i = 0; i < n; i++)
        fprintf(r->trace, " %c%d", kinds[ev[i].kind], ev[i].count);
    fputc('\n', r->trace);
}

int64_t eval_hold_target_ms(const eval_truth *t)
{
    return t->hold_target_ms >= 0 ? t->hold_target_ms
                                  : reps_default_config(t->exercise).hold_target_ms;
}

eval_run *eval_begin(const eval_truth *t, float scale)
{
    eval_run *r = xcalloc(1, sizeof *r);
    reps_config cfg = reps_default_config(t->exercise);
    cfg.hold_target_ms = eval_hold_target_ms(t);
    cfg.scale = scale;
    r->counter = reps_create(&cfg);
    return r;
}

/* Keeps the counter's reps and partials. */
static void take(eval_run *r, const reps_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (ev[i].kind == REPS_EVENT_PARTIAL && r->kept_partials < EVAL_MAX_REPS)
            r->partial[r->kept_partials++] = ev[i];
        if (ev[i].kind == REPS_EVENT_PARTIAL)
            r->partials++;
        if (ev[i].kind != REPS_EVENT_REP)
            continue;
        r->counted++;
        if (r->kept < EVAL_MAX_REPS)
            r->reps[r->kept++] = ev[i];
    }
}

void eval_feed(eval_run *r, const uint8_t *luma, int width, int height, int stride, int64_t t_ms)
{
    reps_event ev[8];
    size_t n = reps_feed(r->counter, luma, width, height, stride, t_ms, ev, 8);
    if (r->trace)
        trace_frame(r, t_ms, ev, n);
    take(r, ev, n);
    r->frames++;
}

void eval_free(eval_run *r)
{
    if (!r)
        return;
    reps_destroy(r->counter);
    free(r);
}

/* Whether a rep counted at `at` may stand for true rep i (eval.h). */
static bool may_pair(int64_t at, const eval_truth *t, int i)
{
    return t->reps[i].down_ms - EVAL_MATCH_EARLY_MS <= at &&
           at <= t->reps[i].end_ms + EVAL_MATCH_LATE_MS;
}

/* The pairing of eval.h by dynamic programming over (counted, true) prefixes:
 * each cell holds the best (most pairs, then least total |error|) pairing of
 * the first k counted and i true reps. */
int eval_pair(const int64_t *counted_ms, int nk, const eval_truth *t, int *paired)
{
    int ni = t->n_reps, w = ni + 1;
    int *pairs = xcalloc((size_t)(nk + 1) * (size_t)w, sizeof *pairs);
    double *cost = xcalloc((size_t)(nk + 1) * (size_t)w, sizeof *cost);
#define AT(a, k, i) a[(size_t)(k) * (size_t)w + (size_t)(i)]
    for (int k = 1; k <= nk; k++)
        for (int i = 1; i <= ni; i++) {
            /* best of: leave counted rep k out, leave true rep i out, pair them */
            int bp = AT(pairs, k - 1, i);
            double bc = AT(cost, k - 1, i);
            if (AT(pairs, k, i - 1) > bp ||
                (AT(pairs, k, i - 1) == bp && AT(cost, k, i - 1) < bc)) {
                bp = AT(pairs, k, i - 1);
                bc = AT(cost, k, i - 1);
            }
            if (may_pair(counted_ms[k - 1], t, i - 1)) {
                int p = AT(pairs, k - 1, i - 1) + 1;
                double c = AT(cost, k - 1, i - 1) +
                           fabs((double)(counted_ms[k - 1] - t->reps[i - 1].end_ms));
                if (p > bp || (p == bp && c < bc)) {
                    bp = p;
                    bc = c;
                }
            }
            AT(pairs, k, i) = bp;
            AT(cost, k, i) = bc;
        }
    for (int i = 0; i < ni; i++)
        paired[i] = -1;
    int n = AT(pairs, nk, ni);
    for (int k = nk, i = ni; k > 0 && i > 0;) { /* walk back along the choices */
        if (AT(pairs, k, i) == AT(pairs, k - 1, i) && AT(cost, k, i) == AT(cost, k - 1, i)) {
            k--;
        } else if (AT(pairs, k, i) == AT(pairs, k, i - 1) && AT(cost, k, i) == AT(cost, k, i - 1)) {
            i--;
        } else {
            paired[i - 1] = k - 1;
            k--;
            i--;
        }
    }
#undef AT
    free(pairs);
    free(cost);
    return n;
}

void eval_end(eval_run *r, const eval_truth *t, eval_result *out)
{
    int paired[EVAL_MAX_REPS];
    reps_event last[1]; /* the clip has ended: a rep decided but not yet said */
    take(r, last, reps_flush(r->counter, last, 1));
    memset(out, 0, sizeof *out);
    out->counted = r->counted;
    out->partials = r->partials;
    out->frames = r->frames;
    out->err_max = -INFINITY;
    int64_t at[EVAL_MAX_REPS];
    for (int k = 0; k < r->kept; k++)
        at[k] = r->reps[k].t_ms;
    out->matched = eval_pair(at, r->kept, t, paired);
    bool judge = t->exercise == EXERCISE_QUAD_SET && !t->negative;
    bool target = eval_hold_target_ms(t) > 0;
    for (int i = 0, m = 0; i < t->n_reps; i++) {
        if (paired[i] < 0)
            continue;
        const reps_event *e = &r->reps[paired[i]];
        double err = (double)(e->t_ms - t->reps[i].end_ms) / 1000.0;
        out->errs[m++] = err;
        out->err_sum += err;
        out->err_max = fmax(out->err_max, err);
        out->holds_right += judge && e->hold_met == t->reps[i].hold_met;
        if (!t->reps[i].hold_known)
            continue;
        out->hold_err_sum += fabs((double)(e->hold_ms - t->reps[i].hold_ms)) / 1000.0;
        out->holds_timed++;
        out->verdicts += target;
        out->verdicts_right += target && e->hold_met == t->reps[i].hold_met;
    }
    if (judge)
        out->holds_total = t->n_reps + (r->counted - out->matched);
}

int eval_rep_times(const eval_run *r, int64_t *ms, int max)
{
    int n = r->kept < max ? r->kept : max;
    for (int k = 0; k < n; k++)
        ms[k] = r->reps[k].t_ms;
    return n;
}

void eval_print_events(const eval_run *r, const eval_truth *t)
{
    if (t->scene[0])
        printf("    scene:        %s\n", t->scene);
    printf("    true returns:");
    for (int i = 0; i < t->n_reps; i++)
        printf(" %.2f(hold %.1f%s)", (double)t->reps[i].end_ms / 1000.0,
               (double)t->reps[i].hold_ms / 1000.0, t->reps[i].hold_met ? "" : " short");
    printf("\n    counted:     ");
    for (int k = 0; k < r->kept; k++)
        printf(" %.2f(hold %.1f%s, amp %.2f)", (double)r->reps[k].t_ms / 1000.0,
               (double)r->reps[k].hold_ms / 1000.0, r->reps[k].hold_met ? "" : " short",
               (double)r->reps[k].amplitude);
    if (r->kept_partials)
        printf("\n    partials:    ");
    for (int k = 0; k < r->kept_partials; k++)
        printf(" %.2f(amp %.2f)", (double)r->partial[k].t_ms / 1000.0,
               (double)r->partial[k].amplitude);
    printf("\n");
}

/* Appends to the scene line; silently stops when it is full. */
void eval_scene_add(eval_truth *t, const char *what, double from_s, double to_s)
{
    size_t n = strlen(t->scene);
    if (to_s > from_s)
        snprintf(t->scene + n, sizeof t->scene - n, "%s%s %.1f-%.1f", n ? ", " : "", what,
                 from_s, to_s);
    else
        snprintf(t->scene + n, sizeof t->scene - n, "%s%s %.1f", n ? ", " : "", what, from_s);
}

static void scene_from_clip(const corpus_clip *c, eval_truth *t)
{
    for (int i = 0; i < c->n_walks; i++)
        eval_scene_add(t, c->walks[i].sway_hz > 0.0f ? "companion"
                          : c->walks[i].front   ? "walk in front"
                                                : "walk behind",
                       (double)c->walks[i].start_ms / 1000.0,
                       (double)(c->walks[i].start_ms + c->walks[i].dur_ms) / 1000.0);
    for (int i = 0; i < c->n_moves; i++) {
        const corpus_move *m = &c->moves[i];
        if (m->kind == MOVE_FIDGET)
            eval_scene_add(t, "fidget", (double)m->start_ms / 1000.0,
                           (double)(m->start_ms + m->up_ms + m->hold_ms + m->down_ms) / 1000.0);
    }
    if (c->n_moves > 0 && c->moves[0].kind == MOVE_OPENING)
        eval_scene_add(t, "opens mid-rep", 0.0, 0.0);
    for (int i = 0; i < c->n_steps; i++)
        eval_scene_add(t, "exposure step", (double)c->step_ms[i] / 1000.0, 0.0);
    if (c->bump_ms >= 0)
        eval_scene_add(t, "bump", (double)c->bump_ms / 1000.0, 0.0);
}

void eval_truth_from_clip(const corpus_clip *c, eval_truth *t)
{
    memset(t, 0, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", c->name);
    t->exercise = c->params.exercise;
    t->negative = c->kind != CORPUS_POSITIVE;
    corpus_nuisance_names(c->nuisances, t->nuisances, sizeof t->nuisances);
    t->hold_target_ms = c->hold_target_ms;
    for (int i = 0; i < c->n_moves && t->n_reps < EVAL_MAX_REPS; i++) {
        const corpus_move *m = &c->moves[i];
        if (m->kind == MOVE_PARTIAL)
            t->partials++;
        if (m->kind != MOVE_REP)
            continue;
        eval_rep *e = &t->reps[t->n_reps++];
        e->down_ms = m->start_ms + m->up_ms + m->hold_ms;
        e->end_ms = e->down_ms + m->down_ms;
        e->hold_ms = m->hold_ms;
        e->hold_met = m->hold_ms >= c->hold_target_ms;
        e->hold_known = true;
    }
    t->count = t->n_reps;
    scene_from_clip(c, t);
}

/* Where output pixel i (of n, the picture centred) starts in the source, in
 * source pixels, clamped to [0, n]. */
static int farther_edge(int i, int n, double farther)
{
    double x = ((double)i - (double)n / 2.0) * farther + (double)n / 2.0;
    return x < 0.0 ? 0 : x > (double)n ? n : (int)floor(x);
}

void eval_farther(const uint8_t *src, int width, int height, double farther, uint8_t *dst)
{
    for (int y = 0; y < height; y++) {
        int y0 = farther_edge(y, height, farther), y1 = farther_edge(y + 1, height, farther);
        for (int x = 0; x < width; x++) {
            int x0 = farther_edge(x, width, farther), x1 = farther_edge(x + 1, width, farther);
            if (y1 <= y0 || x1 <= x0) { /* outside the picture: the border */
                dst[(size_t)y * (size_t)width + (size_t)x] = 128;
                continue;
            }
            unsigned sum = 0;
            for (int v = y0; v < y1; v++)
                for (int u = x0; u < x1; u++)
                    sum += src[(size_t)v * (size_t)width + (size_t)u];
            unsigned cnt = (unsigned)((y1 - y0) * (x1 - x0));
            dst[(size_t)y * (size_t)width + (size_t)x] = (uint8_t)((sum + cnt / 2) / cnt);
        }
    }
}
