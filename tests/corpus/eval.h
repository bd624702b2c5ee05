/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * eval: scoring the counter against labelled clips. A clip's truth (eval_truth)
 * comes from a label JSON file (eval_read_labels) or straight from a planned
 * corpus clip (eval_truth_from_clip); the counter is the real counting core,
 * reps_create / reps_feed with frame n stamped n * 1000 * fps_den / fps_num ms,
 * exactly as `rehab-mirror count` runs it.
 *
 * Matching. Counted reps and true reps are paired in time order, each at most
 * once: a counted rep decided at t may stand for a true rep whose return began
 * no more than EVAL_MATCH_EARLY_MS after t (a rep cannot be known done before
 * the person starts back down) and that returned to rest no more than
 * EVAL_MATCH_LATE_MS before t. Of the pairings that keep both orders, the one
 * with the most pairs is taken, and among those the one whose times agree
 * best (least total |error|). Its rep-time error
 * is t minus the true return to rest (positive = late). Quad-set holds are judged
 * right when a true rep is paired and the counter's hold_met agrees with the
 * truth's; a missed rep or an extra counted rep is a hold judged wrong.
 */
#ifndef RM_EVAL_H
#define RM_EVAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "corpus.h"
#include "reps.h"

#define EVAL_MAX_REPS 128
#define EVAL_MATCH_EARLY_MS 500
#define EVAL_MATCH_LATE_MS 1500
#define EVAL_ON_TIME_S 0.3 /* the station's contract: a rep is reported this close to its return */

typedef struct eval_rep {
    int64_t down_ms;  /* the return begins (the top + the hold) */
    int64_t end_ms;   /* back at rest */
    int64_t hold_ms;  /* time held at the top */
    bool hold_met;    /* hold_ms reaches the clip's hold target */
    bool hold_known;  /* the hold was labelled: every synthetic rep, a real rep
                         whose manifest row gives its top (tests/real) */
} eval_rep;

typedef struct eval_truth {
    char name[64];
    exercise_kind exercise;
    bool negative;           /* no exercise in the clip */
    char nuisances[256];
    char split[16];          /* a real clip's manifest split (tuning, held-out), else "" */
    char scene[512];         /* when things happen, e.g. "walk behind 3.1-6.0 bump 7.6" */
    int64_t hold_target_ms;  /* < 0: the counter's default */
    int count, partials;
    int n_reps;
    eval_rep reps[EVAL_MAX_REPS];
} eval_truth;

/* One clip's outcome. */
typedef struct eval_result {
    int counted, partials;
    int matched;
    double err_sum, err_max;         /* rep-time error over matched reps, s */
    double errs[EVAL_MAX_REPS];      /* each matched rep's error, s */
    double hold_err_sum;             /* |counted - true| hold over matched reps whose
                                        hold is known, s */
    int holds_timed;                 /* those reps */
    int verdicts_right;              /* of them, with a hold target: the counter's
                                        met/short agrees with the truth's */
    int verdicts;
    int holds_right, holds_total;    /* quad sets only, a missed or extra rep wrong */
    int64_t frames;
} eval_result;

/* The hold a clip's reps are judged against, ms: its hold_target_ms, or the
 * counter's default for its exercise (0: no target). */
int64_t eval_hold_target_ms(const eval_truth *t);

/* Running the counter over one clip, told the person's size in the picture
 * (reps_config.scale; 0: the framing it was tuned on). */
typedef struct eval_run eval_run;
eval_run *eval_begin(const eval_truth *t, float scale);
/* Prints a line per frame (the counter's view, see reps_trace) to `to`; NULL stops. */
void eval_trace(eval_run *r, FILE *to);
/* One frame: width x height pixels, rows stride bytes apart. */
void eval_feed(eval_run *r, const uint8_t *luma, int width, int height, int stride, int64_t t_ms);
/* Scores the clip (after its last frame). */
void eval_end(eval_run *r, const eval_truth *t, eval_result *out);
/* Pairs nk reps counted at counted_ms (in time order) with t's true reps as
 * above: paired[i] is the index of the counted rep paired with true rep i, or
 * -1. Returns the number of pairs. */
int eval_pair(const int64_t *counted_ms, int nk, const eval_truth *t, int *paired);
/* The times of the reps counted so far, ms, in order (at most max). Returns how many. */
int eval_rep_times(const eval_run *r, int64_t *ms, int max);
/* The counted reps and partials next to the truth, for finding what went wrong. */
void eval_print_events(const eval_run *r, const eval_truth *t);
void eval_free(eval_run *r);

void eval_truth_from_clip(const corpus_clip *c, eval_truth *t);
/* Adds "what from-to" (or "what from" when to_s <= from_s) to t->scene. */
void eval_scene_add(eval_truth *t, const char *what, double from_s, double to_s);
/* The frame src (width x height, packed) as if the camera were `farther`
 * times as far from the scene (1 to EVAL_MAX_FARTHER): the picture shrunk by
 * that factor (each pixel the mean of the source pixels it covers), centred
 * on a mid-grey border, at the same size, into dst (width x height). The
 * person is that many times smaller, as at a station whose camera stands
 * farther from the mat than the clip's did. */
#define EVAL_MAX_FARTHER 4.0
void eval_farther(const uint8_t *src, int width, int height, double farther, uint8_t *dst);
/* The time t_ms of footage played `slower` times slower (1: as it is). */
int64_t eval_slowed(double slower, int64_t t_ms);
/* The labels of footage played `slower` times slower: every time in them
 * scaled, holds too; the hold target is the programme's and stays. */
void eval_truth_slower(eval_truth *t, double slower);
/* Reads a label file; false with a one-line reason in err (256 bytes). */
bool eval_read_labels(const char *path, eval_truth *t, char *err);
/* The label files in dir (DIR/NAME.json, with `only` in NAME when not NULL),
 * sorted by name, as malloc'd paths in *paths (free each and the array).
 * Returns how many, or -1 with a one-line reason in err (256 bytes) when dir
 * cannot be read. */
int eval_list_labels(const char *dir, const char *only, char ***paths, char *err);

/* Totals over a corpus and the issue's targets. */
typedef struct eval_summary {
    int clips, positives, negatives, exact, within_one;
    int exact_paired;        /* exact, and each true rep paired with a counted one */
    double norm_err_sum;     /* sum of |counted - true| / true over positives */
    int negative_counts, negatives_counted; /* reps counted on negatives; clips */
    int matched, true_reps, counted_reps, true_partials, counted_partials;
    double err_sum, err_abs_sum, err_max, hold_err_sum;
    double *errs;            /* every matched rep's error (for the median and 95th percentile) */
    int holds_timed, verdicts_right, verdicts;
    int holds_right, holds_total;
    int framings;            /* each clip was scored this many times (0 or 1: once):
                                the intervals take clips / framings as the trials */
} eval_summary;

typedef struct eval_targets {
    int min_clips;
    double exact, within_one, norm_err, holds, latency_s;
    int negative_counts;
    unsigned given;          /* which are targets: bits EVAL_T_CLIPS.. */
} eval_targets;

enum { EVAL_T_CLIPS, EVAL_T_EXACT, EVAL_T_WITHIN_ONE, EVAL_T_NORM_ERR, EVAL_T_NEGATIVES,
       EVAL_T_HOLDS, EVAL_T_LATENCY, EVAL_T_COUNT };

/* The issue's targets: >= 60 clips, exact >= 0.9, within one >= 0.98, mean
 * normalised error <= 0.05, no counts on negatives, holds >= 0.95, every rep
 * reported no later than 0.3 s after its return to rest. */
eval_targets eval_issue_targets(void);
/* Whether a clip was counted exactly with each true rep paired with a counted
 * one ("in place"): a right count with its reps half a cycle off is not. */
bool eval_in_place(const eval_truth *t, const eval_result *r);
void eval_add(eval_summary *s, const eval_truth *t, const eval_result *r);
void eval_print_row_header(void);
void eval_print_row(const eval_truth *t, const eval_result *r);
/* Prints the summary and each target's verdict; true when all targets are met. */
bool eval_print_summary(const eval_summary *s, const eval_targets *tg);
void eval_summary_free(eval_summary *s);
/* The 95% Wilson score interval of a rate of successes / trials: the range of
 * true rates that would give this one often, for trials that are independent
 * (clips, not the framings of one clip). Trials <= 0 gives 0 to 1. */
void eval_wilson(double successes, double trials, double *lo, double *hi);

#endif
