/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * programme: loading a prescription from an INI file (format in programme.h)
 * with inih. The parser is strict about what it understands (unknown keys,
 * sections and values are errors naming the line) because a typo in a dose
 * must not silently become a different dose. On any error the caller gets the
 * built-in default, which matches assets/programmes/runners-knee.ini.
 *
 * A section name twice (two [exercise bridge]) is refused before inih sees the
 * text: inih hands the keys of both to the same callback, so the second would
 * quietly change the first's dose. A file is read whole first (at most
 * PROGRAMME_FILE_MAX bytes; a programme is a few hundred) so that check can
 * run on it.
 */
#include "programme.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "regfile.h"
#include "xmalloc.h"

#define PROGRAMME_FILE_MAX (64 * 1024)
#define MAX_SECTIONS (PROGRAMME_MAX_BLOCKS + 2) /* more is refused by the parser anyway */

typedef struct parse_state {
    programme *p;
    char section[PROGRAMME_TEXT + 16];
    char error[200];
} parse_state;

static void copy_text(char *dst, const char *src)
{
    snprintf(dst, PROGRAMME_TEXT, "%s", src);
}

static programme_block make_block(const char *key, const char *title, exercise_kind ex,
                                  side sd, int hold_s, const char *c0, const char *c1,
                                  const char *c2)
{
    programme_block b = { .exercise = ex, .side = sd, .sets = 3, .reps = 10, .hold_s = hold_s,
                          .n_cues = 3 };
    copy_text(b.key, key);
    copy_text(b.title, title);
    copy_text(b.cues[0], c0);
    copy_text(b.cues[1], c1);
    copy_text(b.cues[2], c2);
    return b;
}

void programme_default(programme *p)
{
    memset(p, 0, sizeof *p);
    copy_text(p->name, "Runner's knee");
    p->rest_s = 45;
    p->sessions_per_week = 5;
    p->short_holds_count = true;
    p->progression = true;
    p->blocks[0] = make_block("clamshell-left", "Clamshell", EXERCISE_CLAMSHELL, SIDE_LEFT, 1,
                              "Lie on your side, knees bent", "Keep your feet together",
                              "Lift the top knee, hips still");
    p->blocks[1] = make_block("clamshell-right", "Clamshell", EXERCISE_CLAMSHELL, SIDE_RIGHT,
                              1, "Lie on your other side", "Keep your feet together",
                              "Lift the top knee, hips still");
    p->blocks[2] = make_block("bridge", "Glute bridge", EXERCISE_BRIDGE, SIDE_NONE, 2,
                              "On your back, feet flat", "Squeeze and lift your hips",
                              "Shoulders, hips, knees in line");
    p->blocks[3] = make_block("quad-set", "Quad set", EXERCISE_QUAD_SET, SIDE_NONE, 5,
                              "Leg straight, towel under knee", "Press the knee down, tighten",
                              "Keep breathing while you hold");
    p->n_blocks = 4;
}

/* Parses a whole decimal integer in [lo, hi]. */
static bool parse_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end != '\0' || n < lo || n > hi)
        return false;
    *out = (int)n;
    return true;
}

static bool fail(parse_state *st, const char *fmt, const char *a, int lo, int hi)
{
    snprintf(st->error, sizeof st->error, fmt, a, lo, hi);
    return false;
}

static bool set_int(parse_state *st, const char *name, const char *v, int lo, int hi, int *out)
{
    if (!parse_int(v, lo, hi, out))
        return fail(st, "%s must be a whole number from %d to %d", name, lo, hi);
    return true;
}

/* Splits "a | b | c" into the block's cues, trimming spaces. */
static bool set_cues(parse_state *st, programme_block *b, const char *v)
{
    b->n_cues = 0;
    const char *s = v;
    while (*s) {
        const char *bar = strchr(s, '|');
        size_t len = bar ? (size_t)(bar - s) : strlen(s);
        while (len && (*s == ' ' || *s == '\t'))
            s++, len--;
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        if (b->n_cues == PROGRAMME_MAX_CUES)
            return fail(st, "%s: at most %d cues", "cues", PROGRAMME_MAX_CUES, 0);
        if (len >= PROGRAMME_TEXT)
            return fail(st, "%s: a cue is longer than %d characters", "cues",
                        PROGRAMME_TEXT - 1, 0);
        if (len) {
            memcpy(b->cues[b->n_cues], s, len);
            b->cues[b->n_cues][len] = '\0';
            b->n_cues++;
        }
        if (!bar)
            break;
        s = bar + 1;
    }
    return true;
}

static bool programme_key(parse_state *st, const char *name, const char *v)
{
    programme *p = st->p;
    if (!strcmp(name, "name")) {
        if (strlen(v) >= PROGRAMME_TEXT || !*v)
            return fail(st, "%s must be 1 to %d characters", "name", PROGRAMME_TEXT - 1, 0);
        copy_text(p->name, v);
        return true;
    }
    if (!strcmp(name, "rest_seconds"))
        return set_int(st, name, v, 10, 300, &p->rest_s);
    if (!strcmp(name, "sessions_per_week"))
        return set_int(st, name, v, 1, 14, &p->sessions_per_week);
    if (!strcmp(name, "short_holds_count")) {
        bool yes = !strcmp(v, "yes"), no = !strcmp(v, "no");
        if (!yes && !no)
            return fail(st, "%s must be yes or no", name, 0, 0);
        p->short_holds_count = yes;
        return true;
    }
    if (!strcmp(name, "progression")) {
        bool on = !strcmp(v, "on"), off = !strcmp(v, "off");
        if (!on && !off)
            return fail(st, "%s must be on or off", name, 0, 0);
        p->progression = on;
        return true;
    }
    if (!strcmp(name, "progression_sessions"))
        return set_int(st, name, v, 1, 28, &p->progression_sessions);
    return fail(st, "unknown key '%s' in [programme]", name, 0, 0);
}

static bool block_key(parse_state *st, programme_block *b, const char *name, const char *v)
{
    if (!strcmp(name, "exercise")) {
        if (!exercise_parse(v, &b->exercise))
            return fail(st, "unknown exercise '%s' (use clamshell, bridge, quad-set, generic)",
                        v, 0, 0);
        return true;
    }
    if (!strcmp(name, "title")) {
        if (strlen(v) >= PROGRAMME_TEXT || !*v)
            return fail(st, "%s must be 1 to %d characters", "title", PROGRAMME_TEXT - 1, 0);
        copy_text(b->title, v);
        return true;
    }
    if (!strcmp(name, "side")) {
        if (!strcmp(v, "left"))
            b->side = SIDE_LEFT;
        else if (!strcmp(v, "right"))
            b->side = SIDE_RIGHT;
        else if (!strcmp(v, "none"))
            b->side = SIDE_NONE;
        else
            return fail(st, "side must be left, right or none, not '%s'", v, 0, 0);
        return true;
    }
    if (!strcmp(name, "sets"))
        return set_int(st, name, v, 1, 10, &b->sets);
    if (!strcmp(name, "reps"))
        return set_int(st, name, v, 1, 50, &b->reps);
    if (!strcmp(name, "hold_seconds"))
        return set_int(st, name, v, 0, 60, &b->hold_s);
    if (!strcmp(name, "cues"))
        return set_cues(st, b, v);
    return fail(st, "unknown key '%s' in an exercise section", name, 0, 0);
}

/* Starts a new block for section "exercise KEY". */
static bool begin_block(parse_state *st, const char *section)
{
    programme *p = st->p;
    const char *key = section + strlen("exercise");
    while (*key == ' ')
        key++;
    if (!*key || strlen(key) >= PROGRAMME_TEXT)
        return fail(st, "section [%s] needs a short name after 'exercise'", section, 0, 0);
    if (p->n_blocks == PROGRAMME_MAX_BLOCKS)
        return fail(st, "%s: at most %d exercise sections", "programme", PROGRAMME_MAX_BLOCKS,
                    0);
    programme_block *b = &p->blocks[p->n_blocks++];
    *b = (programme_block){ .exercise = EXERCISE_GENERIC, .sets = 3, .reps = 10 };
    copy_text(b->key, key);
    exercise_kind ex;
    if (exercise_parse(key, &ex))
        b->exercise = ex;
    copy_text(b->title, exercise_name(b->exercise));
    return true;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    parse_state *st = user;
    /* Until a block exists, a key outside [programme] re-checks its section (a
     * key before any section, or in a refused one, must not reach block_key). */
    if (strcmp(section, st->section) != 0 ||
        (st->p->n_blocks == 0 && strcmp(section, "programme") != 0)) {
        snprintf(st->section, sizeof st->section, "%s", section);
        if (!strncmp(section, "exercise", 8) && (section[8] == ' ' || section[8] == '\0')) {
            if (!begin_block(st, section))
                return 0;
        } else if (strcmp(section, "programme") != 0) {
            return fail(st, "unknown section [%s] (use [programme] or [exercise NAME])",
                        section, 0, 0);
        }
    }
    if (!strcmp(section, "programme"))
        return programme_key(st, name, value);
    return block_key(st, &st->p->blocks[st->p->n_blocks - 1], name, value);
}

/* The name inside a section line "[NAME]" (as inih reads it: the line's first
 * character is '[', the name runs to the first ']'), into out; false for any
 * other line. A line that begins with a space is a continuation for inih. */
static bool section_name(const char *line, size_t len, char *out, size_t cap)
{
    if (len == 0 || line[0] != '[')
        return false;
    const char *end = memchr(line, ']', len);
    size_t n = end ? (size_t)(end - line - 1) : len - 1;
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), line + 1);
    return true;
}

/* Refuses a section name that appears twice: the line of the second in
 * *line (1-based) and the reason in st->error. Only the first MAX_SECTIONS
 * sections are compared; more is an error of its own. */
static bool unique_sections(parse_state *st, const char *text, int *line)
{
    char names[MAX_SECTIONS][PROGRAMME_TEXT + 16];
    int lines[MAX_SECTIONS], n = 0, no = 0;
    if (!strncmp(text, "\xEF\xBB\xBF", 3)) /* inih skips a UTF-8 byte order mark */
        text += 3;
    for (const char *s = text; *s && n < MAX_SECTIONS; no++) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (section_name(s, len, names[n], sizeof names[n])) {
            for (int i = 0; i < n; i++) {
                if (!strcmp(names[i], names[n])) {
                    *line = no + 1;
                    snprintf(st->error, sizeof st->error,
                             "section [%.100s] again (first at line %d): each section once",
                             names[n], lines[i]);
                    return false;
                }
            }
            lines[n++] = no + 1;
        }
        s = nl ? nl + 1 : s + len;
    }
    return true;
}

/* Shared tail of load and parse: turn inih's result into our contract. */
static bool finish(programme *p, parse_state *st, int rc, const char *name, char *errbuf)
{
    if (rc == 0 && p->n_blocks == 0) {
        rc = 1;
        snprintf(st->error, sizeof st->error, "no [exercise NAME] sections");
    }
    if (rc == 0)
        return true;
    if (rc < 0)
        snprintf(errbuf, 256, "%s: cannot read the file: %s", name, strerror(errno));
    else
        snprintf(errbuf, 256, "%s:%d: %s", name, rc,
                 st->error[0] ? st->error : "not a valid INI line");
    programme_default(p);
    return false;
}

static void begin(programme *p, parse_state *st)
{
    programme_default(p);
    p->n_blocks = 0;
    memset(st, 0, sizeof *st);
    st->p = p;
}

bool programme_load(programme *p, const char *path, char *errbuf)
{
    FILE *f = regfile_open(path, errbuf);
    if (!f) {
        programme_default(p);
        return false;
    }
    char *text = xmalloc(PROGRAMME_FILE_MAX + 1);
    size_t n = fread(text, 1, PROGRAMME_FILE_MAX + 1, f);
    bool read_error = ferror(f);
    fclose(f);
    bool ok = false;
    if (read_error)
        snprintf(errbuf, 256, "%s: cannot read the file", path);
    else if (n > PROGRAMME_FILE_MAX)
        snprintf(errbuf, 256, "%s: larger than %d KiB: not a programme", path,
                 PROGRAMME_FILE_MAX / 1024);
    else {
        text[n] = '\0';
        ok = programme_parse(p, text, path, errbuf);
    }
    free(text);
    if (!ok)
        programme_default(p);
    return ok;
}

bool programme_parse(programme *p, const char *text, const char *name, char *errbuf)
{
    parse_state st;
    begin(p, &st);
    int line = 0;
    if (!unique_sections(&st, text, &line))
        return finish(p, &st, line, name, errbuf);
    return finish(p, &st, ini_parse_string(text, on_key, &st), name, errbuf);
}

const char *side_name(side s)
{
    return s == SIDE_LEFT ? "left" : s == SIDE_RIGHT ? "right" : "";
}

int programme_total_reps(const programme *p)
{
    int total = 0;
    for (int i = 0; i < p->n_blocks; i++)
        total += p->blocks[i].sets * p->blocks[i].reps;
    return total;
}
