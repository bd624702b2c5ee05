/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * panels: history, the USB stick and progression over the home screen
 * (panels.h). The stick is handled in the order a physiotherapist expects:
 * the reports are written first (of the programme in use until now), then
 * the programme on the stick is read and shown; only OK changes anything.
 * A stick that goes away closes its panels.
 */
#include "panels.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "intl.h"
#include "languages.h"
#include "log.h"
#include "programme_store.h"
#include "xmalloc.h"

#define STICK_POLL_MS 1000
#define DAY_MS (24LL * 60 * 60 * 1000)
#define RECORD_DAYS (7 * HISTORY_WEEKS + 28) /* history, and progression's runs */

struct panels {
    char usb_dir[STICK_PATH];
    char data_dir[STICK_PATH];
    char profile[64];
    panels_view v;
    bool stick_in;          /* the stick was ours at the last look */
    bool stick_waiting;     /* it came in away from home: handle it there */
    int64_t next_poll_ms;
    const profiles *people; /* the station's (n = 0: one person) */
    char profiles_path[STICK_PATH]; /* where a stick's people are kept; "" never */
    stick_people stick;     /* STICK_CHANGES: the people and programmes OK applies */
    bool stick_people_new;  /* ... including the people themselves */
};

const char *panel_id(panel_kind k)
{
    static const char *const ids[] = { "home", "history", "stick-changes", "stick-bad",
                                       "stick-done", "progress" };
    return (unsigned)k < sizeof ids / sizeof ids[0] ? ids[k] : "unknown";
}

panels *panels_create(const char *usb_dir, const char *data_dir, const char *who)
{
    panels *p = xcalloc(1, sizeof *p);
    snprintf(p->usb_dir, sizeof p->usb_dir, "%s", usb_dir ? usb_dir : "");
    snprintf(p->data_dir, sizeof p->data_dir, "%s", data_dir ? data_dir : "");
    snprintf(p->profile, sizeof p->profile, "%s", who && *who ? who : "default");
    return p;
}

void panels_set_profile(panels *p, const char *who)
{
    snprintf(p->profile, sizeof p->profile, "%s", who && *who ? who : "default");
}

void panels_set_people(panels *p, const profiles *people, const char *profiles_path)
{
    p->people = people;
    snprintf(p->profiles_path, sizeof p->profiles_path, "%s", profiles_path ? profiles_path : "");
}

void panels_destroy(panels *p)
{
    free(p);
}

static void open_panel(panels *p, panel_kind k)
{
    p->v.kind = k;
    p->v.generation++;
}

static int streak(const panels_env *env)
{
    session_stats stats = { 0 };
    if (env->log && adlog_stats(env->log, env->wall_ms, env->prog->sessions_per_week, &stats))
        return stats.streak_days;
    return 0;
}

/* The profile's sessions of the last RECORD_DAYS, oldest first. */
static record_session *records(panels *p, const panels_env *env, int *n)
{
    record_session *rs = NULL;
    *n = 0;
    if (env->log &&
        !adlog_records(env->log, p->profile, env->wall_ms - RECORD_DAYS * DAY_MS, &rs, n))
        log_warn("cannot read the record for the history");
    return rs;
}

static void open_history(panels *p, const panels_env *env)
{
    int n;
    record_session *rs = records(p, env, &n);
    history_weeks(rs, n, adlog_local_day(env->wall_ms), env->prog->sessions_per_week,
                  p->v.weeks);
    free(rs);
    p->v.streak_days = streak(env);
    open_panel(p, PANEL_HISTORY);
}

/* --- the stick ----------------------------------------------------------- */

/* One more line on STICK_CHANGES; past PROGRAMME_DIFF_LINES (more than any
 * screen shows: the panel then ends in "... and N more") lines are dropped. */
static void add_change(panels_view *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_change(panels_view *v, const char *fmt, ...)
{
    if (v->n_changes >= PROGRAMME_DIFF_LINES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->changes[v->n_changes++], PROGRAMME_DIFF_TEXT, fmt, ap);
    va_end(ap);
}

/* Person i's own programme (kept in the data directory, or named by
 * profiles.ini), as the station would load it for them; false when they
 * follow the station's. */
static bool own_programme(const panels *p, int i, programme *out)
{
    char path[STICK_PATH], err[256];
    if (programme_store_load(p->data_dir, p->people->p[i].key, out, err))
        return true;
    profiles_programme(p->people, i, path, sizeof path);
    return path[0] && programme_load(out, path, err);
}

/* The profiles the reports are for: each of the station's people, or the one.
 * The station's programme stands for anyone without their own (it is the
 * configured one unless the person at the station has their own). */
static void write_reports(panels *p, panels_env *env)
{
    stick_written *all = &p->v.written, one;
    memset(all, 0, sizeof *all);
    if (!env->log) {
        snprintf(all->error, sizeof all->error, "no record to report from");
        return;
    }
    int n = p->people && p->people->n > 0 ? p->people->n : 1;
    for (int i = 0; i < n; i++) {
        const char *key = p->people && p->people->n > 0 ? p->people->p[i].key : p->profile;
        const programme *prog = env->prog;
        programme theirs;
        if (strcmp(key, p->profile) != 0 && own_programme(p, i, &theirs))
            prog = &theirs;
        adlog_set_profile(env->log, key); /* whose streak */
        stick_write_reports(p->usb_dir, env->log, key, prog, env->wall_ms, streak(env), &one);
        for (int f = 0; f < one.files; f++, all->files++)
            if (all->files < 3)
                snprintf(all->names[all->files], sizeof all->names[0], "%s", one.names[f]);
        if (one.error[0] && !all->error[0])
            snprintf(all->error, sizeof all->error, "%s", one.error);
    }
    adlog_set_profile(env->log, p->profile);
}

/* "Deutsch" for "de-at"; a language the station does not ship as written. */
static const char *language_name(const char *code)
{
    int row = languages_find(code);
    return !code[0] ? _("the station's") : row >= 0 ? languages[row].name : code;
}

/* What the stick's people change against the station's. */
static void people_changes(panels *p)
{
    const profiles *now = p->people, *next = &p->stick.people;
    for (int i = 0; i < next->n; i++) {
        const profile *np = &next->p[i];
        int j = now ? profiles_find(now, np->key) : -1;
        if (j < 0)
            add_change(&p->v, _("New person: %s"), np->name);
        else if (strcmp(now->p[j].name, np->name) != 0)
            add_change(&p->v, _("Renamed: %s \xe2\x86\x92 %s"), now->p[j].name, np->name);
        else if (strcmp(now->p[j].language, np->language) != 0)
            add_change(&p->v, _("%s: language %s"), np->name, language_name(np->language));
    }
    for (int j = 0; now && j < now->n; j++)
        if (profiles_find(next, now->p[j].key) < 0)
            add_change(&p->v, _("Removed: %s (the record stays)"), now->p[j].name);
}

/* What a programme on the stick changes for one person: in full for the one
 * at the station, one line for another (when it differs from theirs). */
static void programme_changes(panels *p, panels_env *env, const char *key, const char *name,
                              const programme *next)
{
    char lines[PROGRAMME_DIFF_LINES][PROGRAMME_DIFF_TEXT], err[256];
    if (!strcmp(key, p->profile)) {
        int n = programme_diff(env->prog, next, lines);
        for (int i = 0; i < n; i++)
            add_change(&p->v, "%s", lines[i]);
        return;
    }
    programme stored;
    if (!programme_store_load(p->data_dir, key, &stored, err) ||
        programme_diff(&stored, next, lines) > 0)
        add_change(&p->v, _("%s: a new programme"), name);
}

/* Without a profiles.ini on the stick: the programme for each of the
 * station's people (programmes/KEY.ini; programme.ini only for the one at
 * the station, as before there were people). False when one is refused. */
static bool read_programmes(panels *p)
{
    stick_people *sp = &p->stick;
    int n = p->people && p->people->n > 0 ? p->people->n : 1;
    for (int i = 0; i < n; i++) {
        const char *key = p->people && p->people->n > 0 ? p->people->p[i].key : p->profile;
        stick_programme one;
        stick_read_programme(p->usb_dir, key, &one);
        bool shared = strstr(one.path, "/programmes/") == NULL;
        if (!one.found || (shared && strcmp(key, p->profile) != 0))
            continue;
        snprintf(p->v.programme_file, sizeof p->v.programme_file, "%s", one.path);
        if (!one.valid) {
            snprintf(p->v.error, sizeof p->v.error, "%s", one.error);
            return false;
        }
        if (p->people && p->people->n > 0)
            sp->people.p[i] = p->people->p[i];
        else
            snprintf(sp->people.p[i].key, sizeof sp->people.p[i].key, "%.31s", key);
        sp->has_prog[i] = true;
        sp->progs[i] = one.prog;
    }
    sp->people.n = n;
    return true;
}

static void stick_arrived(panels *p, panels_env *env)
{
    panels_view *v = &p->v;
    memset(v->programme_file, 0, sizeof v->programme_file);
    v->error[0] = '\0';
    v->n_changes = 0;
    v->applied = v->kept = false;
    log_info("stick: %s/%s found", p->usb_dir, STICK_FOLDER);
    write_reports(p, env);
    stick_people *sp = &p->stick;
    sp->found = false;
    if (p->profiles_path[0])
        stick_read_people(p->usb_dir, sp);
    p->stick_people_new = v->people = sp->found;
    if (sp->found) {
        snprintf(v->programme_file, sizeof v->programme_file, "%.1100s/%s/" PROFILES_FILE,
                 p->usb_dir, STICK_FOLDER);
        if (!sp->valid)
            snprintf(v->error, sizeof v->error, "%s", sp->error);
    } else {
        memset(sp, 0, sizeof *sp);
        sp->valid = read_programmes(p);
    }
    if (!sp->valid) {
        log_warn("stick: refused: %s", v->error);
        open_panel(p, PANEL_STICK_BAD);
        return;
    }
    if (sp->found)
        people_changes(p);
    for (int i = 0; i < sp->people.n; i++)
        if (sp->has_prog[i])
            programme_changes(p, env, sp->people.p[i].key, sp->people.p[i].name, &sp->progs[i]);
    open_panel(p, v->n_changes > 0 ? PANEL_STICK_CHANGES : PANEL_STICK_DONE);
}

static bool write_text(FILE *f, void *ctx)
{
    return fputs(ctx, f) >= 0;
}

/* OK on STICK_CHANGES: the people (when the stick brought them) and every
 * programme, each kept in the data directory; the person at the station's
 * programme is the one in use from now. */
static void apply_stick(panels *p, panels_env *env)
{
    char err[256] = "", text[4096];
    const stick_people *sp = &p->stick;
    bool ok = true;
    for (int i = 0; i < sp->people.n && ok; i++)
        if (sp->has_prog[i])
            ok = programme_store_save(p->data_dir, sp->people.p[i].key, &sp->progs[i], err);
    if (ok && p->stick_people_new) {
        ok = profiles_format(&sp->people, text, sizeof text) &&
             atomic_file_write(p->profiles_path, 0644, write_text, text, err);
        if (!ok && !err[0])
            snprintf(err, sizeof err, "the people do not fit in %zu bytes", sizeof text);
    }
    if (!ok) {
        log_warn("stick: not applied: %s", err);
        /* the reason cut to what fits after the prefix (a path may be long) */
        snprintf(p->v.error, sizeof p->v.error, "Not applied: %.*s",
                 (int)(sizeof p->v.error - sizeof "Not applied: "), err);
        open_panel(p, PANEL_STICK_BAD);
        return;
    }
    for (int i = 0; i < sp->people.n; i++)
        if (sp->has_prog[i] && !strcmp(sp->people.p[i].key, p->profile)) {
            *env->prog = sp->progs[i];
            env->prog_changed = true;
        }
    env->people_changed = p->stick_people_new;
    p->v.applied = true;
    log_info("stick: %s applied", p->v.programme_file);
    open_panel(p, PANEL_STICK_DONE);
}

static void watch_stick(panels *p, panels_env *env, bool home)
{
    if (!p->usb_dir[0] || env->now_ms < p->next_poll_ms)
        return;
    p->next_poll_ms = env->now_ms + STICK_POLL_MS;
    bool in = stick_is_ours(p->usb_dir);
    if (in && !p->stick_in)
        p->stick_waiting = true;
    if (!in && p->stick_in) {
        p->stick_waiting = false;
        log_info("stick: gone");
        if (p->v.kind >= PANEL_STICK_CHANGES && p->v.kind <= PANEL_STICK_DONE)
            open_panel(p, PANEL_NONE);
    }
    p->stick_in = in;
    if (p->stick_waiting && home && (p->v.kind == PANEL_NONE || p->v.kind == PANEL_HISTORY)) {
        p->stick_waiting = false;
        stick_arrived(p, env);
    }
}

/* --- progression --------------------------------------------------------- */

static void offer_step(panels *p, panels_env *env)
{
    int n, nd = 0;
    record_session *rs = records(p, env, &n);
    adlog_decision *ad = NULL;
    if (env->log && !adlog_decisions(env->log, p->profile, &ad, &nd))
        nd = 0;
    record_decision *d = xcalloc((size_t)nd + 1, sizeof *d);
    for (int i = 0; i < nd; i++)
        d[i] = ad[i].d;
    if (progression_propose(env->prog, rs, n, d, nd, env->wall_ms, &p->v.step)) {
        log_info("progression: proposing %s %d x %d -> %d x %d", p->v.step.title,
                 p->v.step.from_sets, p->v.step.from_reps, p->v.step.to_sets,
                 p->v.step.to_reps);
        open_panel(p, PANEL_PROGRESS);
    }
    free(d);
    free(ad);
    free(rs);
}

static void answer_step(panels *p, panels_env *env, bool accepted)
{
    char by[96], err[256] = "";
    snprintf(by, sizeof by, "%s at the station (%s)", p->profile, accepted ? "OK" : "Down");
    if (accepted) {
        programme next = *env->prog;
        progression_apply(&next, &p->v.step);
        if (programme_store_save(p->data_dir, p->profile, &next, err)) {
            *env->prog = next;
            env->prog_changed = true;
        } else {
            log_warn("progression: the new dose could not be kept: %s", err);
            accepted = false;
            snprintf(by, sizeof by, "not saved: %.80s", err);
        }
    }
    if (!adlog_progression(env->log, p->profile, env->wall_ms, &p->v.step, accepted, by))
        log_warn("progression: the decision could not be logged");
    log_info("progression: %s %s", p->v.step.title, accepted ? "accepted" : "declined");
    open_panel(p, PANEL_NONE);
}

/* --- public -------------------------------------------------------------- */

void panels_update(panels *p, panels_env *env)
{
    bool home = env->view->screen == SCREEN_HOME;
    if (home && env->prev_screen == SCREEN_SUMMARY && p->v.kind == PANEL_NONE)
        offer_step(p, env);
    watch_stick(p, env, home);
    if (!home && p->v.kind != PANEL_NONE)
        open_panel(p, PANEL_NONE); /* a session under way: never over it */
}

bool panels_press(panels *p, panels_env *env, const button_event *ev)
{
    bool ok = ev->button == BUTTON_OK && !ev->long_press;
    bool down = ev->button == BUTTON_DOWN && !ev->long_press;
    switch (p->v.kind) {
    case PANEL_NONE:
        if (env->view->screen == SCREEN_HOME && down) {
            open_history(p, env);
            return true;
        }
        return false;
    case PANEL_STICK_CHANGES:
        if (ok)
            apply_stick(p, env);
        else if (down) {
            p->v.kept = true;
            open_panel(p, PANEL_STICK_DONE);
        }
        return true;
    case PANEL_PROGRESS:
        if (ok || down)
            answer_step(p, env, ok);
        return true;
    default: /* HISTORY, STICK_BAD, STICK_DONE: any button goes home */
        if (p->v.kind == PANEL_STICK_BAD)
            open_panel(p, PANEL_STICK_DONE);
        else
            open_panel(p, PANEL_NONE);
        return true;
    }
}

bool panels_active(const panels *p)
{
    return p->v.kind != PANEL_NONE;
}

const panels_view *panels_get_view(const panels *p)
{
    return &p->v;
}

int64_t panels_next_due_ms(const panels *p)
{
    return p->usb_dir[0] ? p->next_poll_ms : INT64_MAX;
}
