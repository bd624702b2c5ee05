/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * eval_labels: reads a clip's label JSON into an eval_truth. A small strict
 * JSON parser (objects, arrays, strings without escapes beyond \" and \\,
 * numbers, true/false/null) into a flat token list, then the fields the scoring
 * needs: "exercise" (required), "kind" (anything but "positive" is a negative;
 * default positive), "nuisances", "hold_target_ms", "count" (required),
 * "partial_count", "split", and "reps": [{"end_ms" (required), "top_ms", "hold_ms",
 * "hold_met"}] (or "events", the same list, where "reps" is a number, as in the
 * labels of `rehab-mirror synth`). A hand-labelled real clip needs only exercise, count and each
 * rep's end_ms (the return is then taken to begin 3 s before it, the hold to
 * be unknown and met); with top_ms and hold_ms its hold is known, and
 * hold_met, when not given, is whether hold_ms reaches the clip's hold target
 * (hold_target_ms, or the counter's default for the exercise). Anything else
 * is ignored.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "xmalloc.h"

#define MAX_TOKENS 8192
#define MAX_LABEL_BYTES (1 << 20)

typedef enum tok_kind { T_OBJ, T_ARR, T_STR, T_PRIM } tok_kind;

typedef struct tok {
    tok_kind kind;
    int start, end; /* text span (strings: without quotes) */
    int next;       /* index of the token after this one and all its children */
    int size;       /* children: members x 2 (key, value) or elements */
} tok;

typedef struct parser {
    const char *s;
    int pos, len, n;
    tok *t;
} parser;

static void skip_ws(parser *p)
{
    while (p->pos < p->len && isspace((unsigned char)p->s[p->pos]))
        p->pos++;
}

static int parse_value(parser *p);

static int new_tok(parser *p, tok_kind k)
{
    if (p->n >= MAX_TOKENS)
        return -1;
    p->t[p->n] = (tok){ .kind = k, .start = p->pos };
    return p->n++;
}

static int parse_string(parser *p)
{
    int i = new_tok(p, T_STR);
    if (i < 0)
        return -1;
    p->t[i].start = ++p->pos;
    while (p->pos < p->len && p->s[p->pos] != '"')
        p->pos += p->s[p->pos] == '\\' ? 2 : 1;
    if (p->pos >= p->len)
        return -1;
    p->t[i].end = p->pos++;
    p->t[i].next = p->n;
    return i;
}

static int parse_container(parser *p, tok_kind k)
{
    char close = k == T_OBJ ? '}' : ']';
    int i = new_tok(p, k);
    if (i < 0)
        return -1;
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        p->pos++;
        p->t[i].next = p->n;
        return i;
    }
    for (;;) {
        skip_ws(p);
        if (k == T_OBJ) {
            if (p->pos >= p->len || p->s[p->pos] != '"' || parse_string(p) < 0)
                return -1;
            skip_ws(p);
            if (p->pos >= p->len || p->s[p->pos++] != ':')
                return -1;
            p->t[i].size++;
        }
        if (parse_value(p) < 0)
            return -1;
        p->t[i].size++;
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == close) {
            p->pos++;
            p->t[i].next = p->n;
            return i;
        }
        return -1;
    }
}

static int parse_value(parser *p)
{
    skip_ws(p);
    if (p->pos >= p->len)
        return -1;
    char c = p->s[p->pos];
    if (c == '{')
        return parse_container(p, T_OBJ);
    if (c == '[')
        return parse_container(p, T_ARR);
    if (c == '"')
        return parse_string(p);
    int i = new_tok(p, T_PRIM);
    if (i < 0)
        return -1;
    while (p->pos < p->len && (isalnum((unsigned char)p->s[p->pos]) || p->s[p->pos] == '-' ||
                               p->s[p->pos] == '+' || p->s[p->pos] == '.'))
        p->pos++;
    p->t[i].end = p->pos;
    p->t[i].next = p->n;
    return p->t[i].end > p->t[i].start ? i : -1;
}

/* The value of key in object token obj, or -1. */
static int member(const parser *p, int obj, const char *key)
{
    if (obj < 0 || p->t[obj].kind != T_OBJ)
        return -1;
    size_t kl = strlen(key);
    for (int i = obj + 1, m = 0; m < p->t[obj].size / 2; m++) {
        const tok *k = &p->t[i];
        int v = i + 1;
        if ((size_t)(k->end - k->start) == kl && !memcmp(p->s + k->start, key, kl))
            return v;
        i = p->t[v].next;
    }
    return -1;
}

static bool get_num(const parser *p, int v, double *out)
{
    if (v < 0 || p->t[v].kind != T_PRIM)
        return false;
    char buf[64], *end;
    int n = p->t[v].end - p->t[v].start;
    if (n <= 0 || n >= (int)sizeof buf)
        return false;
    memcpy(buf, p->s + p->t[v].start, (size_t)n);
    buf[n] = '\0';
    *out = strtod(buf, &end);
    return *end == '\0';
}

static bool get_str(const parser *p, int v, char *out, size_t cap)
{
    if (v < 0 || p->t[v].kind != T_STR)
        return false;
    snprintf(out, cap, "%.*s", p->t[v].end - p->t[v].start, p->s + p->t[v].start);
    return true;
}

static bool get_bool(const parser *p, int v, bool dflt)
{
    if (v < 0 || p->t[v].kind != T_PRIM)
        return dflt;
    return !strncmp(p->s + p->t[v].start, "true", 4);
}

static bool read_reps(const parser *p, int arr, eval_truth *t, char *err)
{
    if (arr < 0)
        return true;
    if (p->t[arr].kind != T_ARR)
        return snprintf(err, 256, "\"reps\" is not an array"), false;
    int64_t target = eval_hold_target_ms(t); /* read_truth has read what it needs */
    for (int i = arr + 1, k = 0; k < p->t[arr].size; k++, i = p->t[i].next) {
        double end, v;
        if (t->n_reps >= EVAL_MAX_REPS)
            return snprintf(err, 256, "more than %d reps", EVAL_MAX_REPS), false;
        if (!get_num(p, member(p, i, "end_ms"), &end))
            return snprintf(err, 256, "rep %d has no end_ms", k + 1), false;
        eval_rep *r = &t->reps[t->n_reps++];
        r->end_ms = (int64_t)end;
        r->hold_known = get_num(p, member(p, i, "hold_ms"), &v);
        r->hold_ms = r->hold_known ? (int64_t)v : 0;
        r->down_ms = get_num(p, member(p, i, "top_ms"), &v) ? (int64_t)v + r->hold_ms
                                                            : r->end_ms - 3000;
        r->hold_met = get_bool(p, member(p, i, "hold_met"), !r->hold_known || r->hold_ms >= target);
    }
    return true;
}

/* The scene line from "walkers", "fidgets", "opens_mid_rep", "exposure_steps"
 * and "bump", in that order (as eval_truth_from_clip writes it). */
static void read_scene(const parser *p, eval_truth *t)
{
    static const char *const lists[] = { "walkers", "fidgets", "exposure_steps" };
    for (int l = 0; l < 3; l++) {
        if (l == 2 && get_bool(p, member(p, 0, "opens_mid_rep"), false))
            eval_scene_add(t, "opens mid-rep", 0.0, 0.0);
        int arr = member(p, 0, lists[l]);
        if (arr < 0 || p->t[arr].kind != T_ARR)
            continue;
        for (int i = arr + 1, k = 0; k < p->t[arr].size; k++, i = p->t[i].next) {
            double a = 0, b = 0;
            const char *what = l == 1 ? "fidget" : l == 2 ? "exposure step" : "walk behind";
            if (l == 0 && get_bool(p, member(p, i, "front"), false))
                what = "walk in front";
            if (l == 0 && get_bool(p, member(p, i, "stays"), false))
                what = "companion";
            if (get_num(p, member(p, i, l == 2 ? "t_ms" : "start_ms"), &a))
                get_num(p, member(p, i, "end_ms"), &b);
            eval_scene_add(t, what, a / 1000.0, b / 1000.0);
        }
    }
    double bump;
    if (get_num(p, member(p, member(p, 0, "bump"), "t_ms"), &bump))
        eval_scene_add(t, "bump", bump / 1000.0, 0.0);
}

static bool read_truth(const parser *p, eval_truth *t, char *err)
{
    char buf[64];
    double v;
    if (!get_str(p, member(p, 0, "exercise"), buf, sizeof buf) ||
        !exercise_parse(buf, &t->exercise))
        return snprintf(err, 256, "no known \"exercise\""), false;
    if (!get_num(p, member(p, 0, "count"), &v) || v < 0)
        return snprintf(err, 256, "no \"count\""), false;
    t->count = (int)v;
    t->negative = get_str(p, member(p, 0, "kind"), buf, sizeof buf) && strcmp(buf, "positive");
    if (!get_str(p, member(p, 0, "nuisances"), t->nuisances, sizeof t->nuisances))
        snprintf(t->nuisances, sizeof t->nuisances, "-");
    if (!get_str(p, member(p, 0, "split"), t->split, sizeof t->split))
        t->split[0] = '\0';
    t->hold_target_ms = get_num(p, member(p, 0, "hold_target_ms"), &v) ? (int64_t)v : -1;
    t->partials = get_num(p, member(p, 0, "partial_count"), &v) ? (int)v : 0;
    int list = member(p, 0, "reps");
    if (list >= 0 && p->t[list].kind != T_ARR)
        list = member(p, 0, "events");
    if (!read_reps(p, list, t, err))
        return false;
    read_scene(p, t);
    if (t->n_reps && t->n_reps != t->count)
        return snprintf(err, 256, "\"count\" %d but %d reps listed", t->count, t->n_reps), false;
    return true;
}

int64_t eval_slowed(double slower, int64_t t_ms)
{
    return (int64_t)((double)t_ms * slower + 0.5);
}

void eval_truth_slower(eval_truth *t, double slower)
{
    if (slower == 1.0)
        return;
    for (int i = 0; i < t->n_reps; i++) {
        eval_rep *r = &t->reps[i];
        r->down_ms = eval_slowed(slower, r->down_ms);
        r->end_ms = eval_slowed(slower, r->end_ms);
        r->hold_ms = eval_slowed(slower, r->hold_ms);
        if (r->hold_known)
            r->hold_met = r->hold_ms >= eval_hold_target_ms(t);
    }
}

bool eval_read_labels(const char *path, eval_truth *t, char *err)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        return snprintf(err, 256, "%s: cannot open", path), false;
    char *text = xmalloc(MAX_LABEL_BYTES);
    size_t n = fread(text, 1, MAX_LABEL_BYTES, f);
    fclose(f);
    parser p = { .s = text, .len = (int)n, .t = xmalloc(MAX_TOKENS * sizeof(tok)) };
    char why[256] = "";
    bool ok = n < MAX_LABEL_BYTES && parse_value(&p) == 0 && p.t[0].kind == T_OBJ;
    if (!ok)
        snprintf(why, sizeof why, "not a JSON object (or too large)");
    else
        ok = read_truth(&p, t, why);
    if (!ok)
        snprintf(err, 256, "%.180s: %.70s", path, why);
    const char *base = strrchr(path, '/');
    snprintf(t->name, sizeof t->name, "%s", base ? base + 1 : path);
    char *dot = strrchr(t->name, '.');
    if (dot)
        *dot = '\0';
    free(p.t);
    free(text);
    return ok;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int eval_list_labels(const char *dir, const char *only, char ***paths, char *err)
{
    *paths = NULL;
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, 256, "cannot open %.200s: %s", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len > 5 && !strcmp(e->d_name + len - 5, ".json") &&
            (!only || strstr(e->d_name, only))) {
            names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
            names[n] = xmalloc(strlen(dir) + len + 2);
            sprintf(names[n++], "%s/%s", dir, e->d_name);
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, by_name);
    *paths = names;
    return n;
}
