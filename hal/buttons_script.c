/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_script: presses read from a file, for end-to-end tests and demos.
 * Each line is "SECONDS BUTTON [long|down|up]": "2.5 ok" presses OK briefly 2.5 s after
 * the clock's zero, "10 ok long" holds it. '#' starts a comment; blank lines are
 * skipped; the button name is case-insensitive.
 *
 * The whole script is parsed at creation, so a mistake is reported before the
 * station starts, as "FILE:LINE: problem". Times must be >= 0 and must not
 * decrease, so the file reads as a timeline; equal times are delivered in file
 * order. A press is delivered by poll once clock_now_ms reaches its time and is
 * stamped with its scripted time (not the poll time), so the session sees the
 * same times however coarsely a virtual clock is advanced. Scripted presses are
 * finished presses: they bypass debounce and long-press timing (press.h).
 *
 * Raw edges, for fault tests: "SECONDS BUTTON down" and "SECONDS BUTTON up"
 * are the contact closing and opening, fed through the same debounce, long
 * press and stuck logic (press.h) as the GPIO and keyboard backends. So
 * "10.000 ok down / 10.005 ok up / 10.010 ok down / ... / 10.300 ok up" is a
 * press with 5 ms contact bounce, and a "down" with no "up" is a stuck button.
 */
#include "buttons.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regfile.h"
#include "xmalloc.h"

enum { ERR_LEN = 256 };
/* A script is a page of text; anything bigger is the wrong file. */
#define MAX_SCRIPT_BYTES (1024 * 1024)
/* About 31 years: keeps seconds * 1000 well inside int64_t. */
#define MAX_SECONDS 1e9

/* A finished press, or a raw edge of the contact. */
typedef enum step_kind { STEP_PRESS, STEP_DOWN, STEP_UP } step_kind;

typedef struct script_step {
    button_event ev;
    step_kind kind;
} script_step;

typedef struct script_buttons {
    buttons base;
    script_step *steps;
    size_t count, next;
    press_state press;                  /* for the raw edges */
    button_event ready[BUTTON_COUNT];   /* from press_tick, not yet polled */
    int n_ready, ready_next;
} script_buttons;

/* Parsing state for one script. */
typedef struct parser {
    const char *name;
    int line;
    double last_seconds;
    script_step *steps;
    size_t count, cap;
    char *errbuf;
} parser;

static void fail(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(parser *p, const char *fmt, ...)
{
    if (!p->errbuf)
        return;
    int n = snprintf(p->errbuf, ERR_LEN, "%s:%d: ", p->name, p->line);
    if (n < 0 || n >= ERR_LEN)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->errbuf + n, (size_t)(ERR_LEN - n), fmt, ap);
    va_end(ap);
}

/* Splits off the next whitespace-separated token of *s, NUL-terminating it in
 * place; NULL when the line has no more. */
static char *next_token(char **s)
{
    char *p = *s;
    while (*p && isspace((unsigned char)*p))
        p++;
    if (!*p)
        return NULL;
    char *start = p;
    while (*p && !isspace((unsigned char)*p))
        p++;
    if (*p)
        *p++ = '\0';
    *s = p;
    return start;
}

static bool parse_seconds(parser *p, const char *tok, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(tok, &end);
    if (end == tok || *end || errno == ERANGE || !isfinite(v)) {
        fail(p, "bad time '%.40s' (want seconds, e.g. 2.5)", tok);
        return false;
    }
    if (v < 0) {
        fail(p, "time %.40s is negative (times are seconds from the start, >= 0)", tok);
        return false;
    }
    if (v > MAX_SECONDS) {
        fail(p, "time %.40s is too large", tok);
        return false;
    }
    if (v < p->last_seconds) {
        fail(p, "time %g is before the previous press at %g (times must not decrease)",
             v, p->last_seconds);
        return false;
    }
    *out = v;
    return true;
}

static void add_step(parser *p, double seconds, button_id id, step_kind kind, bool long_press)
{
    if (p->count == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->steps = xrealloc(p->steps, p->cap * sizeof *p->steps);
    }
    p->steps[p->count++] = (script_step){
        .ev = { .button = id, .long_press = long_press,
                .t_ms = (int64_t)(seconds * 1000.0 + 0.5) },
        .kind = kind };
    p->last_seconds = seconds;
}

/* Parses one line (comment already cut off); true when it is fine. */
static bool parse_line(parser *p, char *line)
{
    char *time_tok = next_token(&line);
    if (!time_tok)
        return true;
    double seconds;
    if (!parse_seconds(p, time_tok, &seconds))
        return false;
    char *name = next_token(&line);
    button_id id;
    if (!name) {
        fail(p, "missing button after the time (use up, ok, down)");
        return false;
    }
    if (!button_parse(name, &id)) {
        fail(p, "unknown button '%.40s' (use up, ok, down)", name);
        return false;
    }
    char *mod = next_token(&line);
    step_kind kind = !mod                      ? STEP_PRESS
                     : !strcmp(mod, "down")    ? STEP_DOWN
                     : !strcmp(mod, "up")      ? STEP_UP
                                               : STEP_PRESS;
    if (mod && kind == STEP_PRESS && strcmp(mod, "long") != 0) {
        fail(p, "unexpected '%.40s' after the button (only long, down or up may follow)",
             mod);
        return false;
    }
    char *extra = mod ? next_token(&line) : NULL;
    if (extra) {
        fail(p, "unexpected '%.40s' after '%s'", extra, mod);
        return false;
    }
    add_step(p, seconds, id, kind, mod && kind == STEP_PRESS);
    return true;
}

/* Parses the whole text (modified in place); true when every line is fine. */
static bool parse_text(parser *p, char *text)
{
    char *line = text;
    while (line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        p->line++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        if (!parse_line(p, line))
            return false;
        line = nl ? nl + 1 : NULL;
    }
    return true;
}

/* Delivers due steps in order: a finished press as it is, a raw edge through
 * the press logic; then what the press logic makes of the time passing. */
static bool script_poll(buttons *b, button_event *out)
{
    script_buttons *s = (script_buttons *)b;
    if (s->ready_next < s->n_ready) {
        *out = s->ready[s->ready_next++];
        return true;
    }
    int64_t now = clock_now_ms(b->clock);
    while (s->next < s->count && s->steps[s->next].ev.t_ms <= now) {
        const script_step *st = &s->steps[s->next++];
        if (st->kind == STEP_PRESS) {
            *out = st->ev;
            return true;
        }
        if (press_edge(&s->press, st->ev.button, st->kind == STEP_DOWN, st->ev.t_ms, out))
            return true;
    }
    s->n_ready = press_tick(&s->press, now, s->ready);
    s->ready_next = 0;
    if (s->n_ready == 0)
        return false;
    *out = s->ready[s->ready_next++];
    return true;
}

static int64_t script_next_due_ms(const buttons *b)
{
    const script_buttons *s = (const script_buttons *)b;
    return s->next < s->count ? s->steps[s->next].ev.t_ms : INT64_MAX;
}

static bool script_finished(const buttons *b)
{
    const script_buttons *s = (const script_buttons *)b;
    return s->next >= s->count;
}

static void script_destroy(buttons *b)
{
    script_buttons *s = (script_buttons *)b;
    free(s->steps);
    free(s);
}

static const buttons_ops script_ops = {
    .name = "script",
    .poll = script_poll,
    .feed_sdl = NULL,
    .next_due_ms = script_next_due_ms,
    .finished = script_finished,
    .destroy = script_destroy,
};

buttons *buttons_script_create_from_text(const char *text, const char *name,
                                         const rm_clock *clock, char *errbuf)
{
    parser p = {.name = name ? name : "script", .errbuf = errbuf};
    if (errbuf)
        errbuf[0] = '\0';
    char *copy = xstrdup(text ? text : "");
    bool ok = parse_text(&p, copy);
    free(copy);
    if (!ok) {
        free(p.steps);
        return NULL;
    }
    script_buttons *s = xcalloc(1, sizeof *s);
    s->base.ops = &script_ops;
    s->base.clock = clock;
    s->steps = p.steps;
    s->count = p.count;
    press_init(&s->press, NULL);
    return &s->base;
}

/* Reads a whole file into a NUL-terminated string; NULL with errbuf set. */
static char *read_file(const char *path, char *errbuf)
{
    FILE *f = regfile_open(path, errbuf); /* a FIFO or a device would hang */
    if (!f)
        return NULL;
    char *buf = xmalloc(MAX_SCRIPT_BYTES + 1);
    size_t n = fread(buf, 1, MAX_SCRIPT_BYTES + 1, f);
    bool failed = ferror(f);
    fclose(f);
    if (failed || n > MAX_SCRIPT_BYTES) {
        if (errbuf)
            snprintf(errbuf, ERR_LEN, "%s: %s", path,
                     failed ? "cannot read the file" : "too large for a button script");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) {
        if (errbuf)
            snprintf(errbuf, ERR_LEN, "%s: not a text file", path);
        free(buf);
        return NULL;
    }
    return buf;
}

buttons *buttons_script_create(const char *path, const rm_clock *clock, char *errbuf)
{
    char *text = read_file(path, errbuf);
    if (!text)
        return NULL;
    buttons *b = buttons_script_create_from_text(text, path, clock, errbuf);
    free(text);
    return b;
}
