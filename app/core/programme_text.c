/* SPDX-License-Identifier: GPL-3.0-or-later */
/* programme_text: programmes to INI text and to words (programme_text.h). */
#include "programme_text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "intl.h"

typedef struct out_buf {
    char *buf;
    size_t cap, len;
    bool ok;
} out_buf;

static void put(out_buf *o, const char *fmt, ...)
{
    if (!o->ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= o->cap - o->len) {
        o->ok = false;
        return;
    }
    o->len += (size_t)n;
}

static void format_block(out_buf *o, const programme_block *b)
{
    put(o, "\n[exercise %s]\nexercise = %s\ntitle = %s\nside = %s\n", b->key,
        exercise_id(b->exercise), b->title, b->side == SIDE_NONE ? "none" : side_name(b->side));
    put(o, "sets = %d\nreps = %d\nhold_seconds = %d\n", b->sets, b->reps, b->hold_s);
    if (b->n_cues) {
        put(o, "cues = ");
        for (int c = 0; c < b->n_cues; c++)
            put(o, "%s%s", c ? " | " : "", b->cues[c]);
        put(o, "\n");
    }
}

bool programme_format(const programme *p, char *buf, size_t cap)
{
    out_buf o = { .buf = buf, .cap = cap, .ok = cap > 0 };
    if (cap)
        buf[0] = '\0';
    put(&o, "; Written by rehab-mirror: the programme in use, with any progression\n"
            "; the person accepted.\n[programme]\nname = %s\nrest_seconds = %d\n"
            "sessions_per_week = %d\nshort_holds_count = %s\nprogression = %s\n",
        p->name, p->rest_s, p->sessions_per_week, p->short_holds_count ? "yes" : "no",
        p->progression ? "on" : "off");
    if (p->progression_sessions > 0)
        put(&o, "progression_sessions = %d\n", p->progression_sessions);
    for (int i = 0; i < p->n_blocks; i++)
        format_block(&o, &p->blocks[i]);
    return o.ok;
}

/* "Glute bridge" or "Clamshell, left side". */
static void block_name(const programme_block *b, char *out, size_t cap)
{
    const char *t = _(b->title[0] ? b->title : exercise_name(b->exercise));
    if (b->side == SIDE_NONE)
        snprintf(out, cap, "%s", t);
    else
        snprintf(out, cap, b->side == SIDE_LEFT ? _("%s, left side") : _("%s, right side"), t);
}

/* "3 × 10, hold 2 s" or "3 × 10". */
static void dose(const programme_block *b, char *out, size_t cap)
{
    if (b->hold_s > 0)
        snprintf(out, cap, _("%d \xc3\x97 %d, hold %d s"), b->sets, b->reps, b->hold_s);
    else
        snprintf(out, cap, "%d \xc3\x97 %d", b->sets, b->reps);
}

static const programme_block *find_block(const programme *p, const char *key)
{
    for (int i = 0; i < p->n_blocks; i++)
        if (!strcmp(p->blocks[i].key, key))
            return &p->blocks[i];
    return NULL;
}

typedef struct diff_out {
    char (*lines)[PROGRAMME_DIFF_TEXT];
    int n;
} diff_out;

static void line(diff_out *d, const char *fmt, ...)
{
    if (d->n > PROGRAMME_DIFF_LINES)
        return;
    if (d->n == PROGRAMME_DIFF_LINES) { /* the last line says there is more */
        snprintf(d->lines[PROGRAMME_DIFF_LINES - 1], PROGRAMME_DIFF_TEXT, "%s", _("... and more"));
        d->n++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->lines[d->n++], PROGRAMME_DIFF_TEXT, fmt, ap);
    va_end(ap);
}

static void diff_blocks(diff_out *d, const programme *old, const programme *new)
{
    char name[PROGRAMME_TEXT + 16], a[48], b[48];
    for (int i = 0; i < new->n_blocks; i++) {
        const programme_block *nb = &new->blocks[i], *ob = find_block(old, nb->key);
        block_name(nb, name, sizeof name);
        dose(nb, b, sizeof b);
        if (!ob) {
            line(d, _("New: %s, %s"), name, b);
            continue;
        }
        dose(ob, a, sizeof a);
        bool count = ob->sets != nb->sets || ob->reps != nb->reps, hold = ob->hold_s != nb->hold_s;
        if (count && !hold) /* only what changed: the line must be read from across a room */
            line(d, _("%s: %d \xc3\x97 %d \xe2\x86\x92 %d \xc3\x97 %d"), name, ob->sets, ob->reps,
                 nb->sets, nb->reps);
        else if (hold && !count)
            line(d, _("%s: hold %d s \xe2\x86\x92 %d s"), name, ob->hold_s, nb->hold_s);
        else if (count)
            line(d, "%s: %s \xe2\x86\x92 %s", name, a, b);
        else if (ob->exercise != nb->exercise || ob->side != nb->side ||
                 strcmp(ob->title, nb->title) != 0 || ob->n_cues != nb->n_cues ||
                 memcmp(ob->cues, nb->cues, sizeof ob->cues) != 0)
            line(d, _("%s: changed"), name);
    }
    for (int i = 0; i < old->n_blocks; i++) {
        if (!find_block(new, old->blocks[i].key)) {
            block_name(&old->blocks[i], name, sizeof name);
            line(d, _("Removed: %s"), name);
        }
    }
}

int programme_diff(const programme *old, const programme *new,
                   char lines[][PROGRAMME_DIFF_TEXT])
{
    diff_out d = { .lines = lines };
    if (strcmp(old->name, new->name) != 0)
        line(&d, _("Programme: %s"), _(new->name));
    diff_blocks(&d, old, new);
    if (old->rest_s != new->rest_s)
        line(&d, _("Rest between sets: %d s \xe2\x86\x92 %d s"), old->rest_s, new->rest_s);
    if (old->sessions_per_week != new->sessions_per_week)
        line(&d, _("Sessions a week: %d \xe2\x86\x92 %d"), old->sessions_per_week,
             new->sessions_per_week);
    if (old->short_holds_count != new->short_holds_count)
        line(&d, _("Short holds count: %s"), new->short_holds_count ? _("yes") : _("no"));
    if (old->progression != new->progression)
        line(&d, _("Progression: %s"), new->progression ? _("on") : _("off"));
    return d.n > PROGRAMME_DIFF_LINES ? PROGRAMME_DIFF_LINES : d.n;
}
