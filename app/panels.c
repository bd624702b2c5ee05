/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * panels: history, the USB stick and progression over the home screen
 * (panels.h). The stick is handled in the order a physiotherapist expects:
 * the reports are written first (of the programme in use until now), then
 * the programme on the stick is read and shown; only OK changes anything.
 * A stick that goes away closes its panels.
 */
#include "panels.h"

#include <stdlib.h>
#include <string.h>

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
    programme stick_prog;   /* STICK_CHANGES: what OK applies */
};

const char *panel_id(panel_kind k)
{
    static const char *const ids[] = { "home", "history", "stick-changes", "stick-bad",
                                       "stick-done", "progress" };
    return (unsigned)k < sizeof ids / sizeof ids[0] ? ids[k] : "unknown";
}

panels *panels_create(const char *usb_dir, const char *data_dir, const char *profile)
{
    panels *p = xcalloc(1, sizeof *p);
    snprintf(p->usb_dir, sizeof p->usb_dir, "%s", usb_dir ? usb_dir : "");
    snprintf(p->data_dir, sizeof p->data_dir, "%s", data_dir ? data_dir : "");
    snprintf(p->profile, sizeof p->profile, "%s", profile && *profile ? profile : "default");
    return p;
}

void panels_set_profile(panels *p, const char *profile)
{
    snprintf(p->profile, sizeof p->profile, "%s", profile && *profile ? profile : "default");
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

static void stick_arrived(panels *p, panels_env *env)
{
    panels_view *v = &p->v;
    memset(v->programme_file, 0, sizeof v->programme_file);
    v->error[0] = '\0';
    v->n_changes = 0;
    v->applied = v->kept = false;
    log_info("stick: %s/%s found", p->usb_dir, STICK_FOLDER);
    if (env->log)
        stick_write_reports(p->usb_dir, env->log, p->profile, env->prog, env->wall_ms,
                            streak(env), &v->written);
    else
        snprintf(v->written.error, sizeof v->written.error, "no record to report from");
    stick_programme sp;
    stick_read_programme(p->usb_dir, p->profile, &sp);
    if (sp.found)
        snprintf(v->programme_file, sizeof v->programme_file, "%s", sp.path);
    if (sp.found && !sp.valid) {
        log_warn("stick: programme refused: %s", sp.error);
        snprintf(v->error, sizeof v->error, "%s", sp.error);
        open_panel(p, PANEL_STICK_BAD);
        return;
    }
    if (sp.found)
        v->n_changes = programme_diff(env->prog, &sp.prog, v->changes);
    if (sp.found && v->n_changes > 0) {
        p->stick_prog = sp.prog;
        open_panel(p, PANEL_STICK_CHANGES);
    } else {
        open_panel(p, PANEL_STICK_DONE);
    }
}

static void apply_stick(panels *p, panels_env *env)
{
    char err[256] = "";
    if (!programme_store_save(p->data_dir, p->profile, &p->stick_prog, err)) {
        log_warn("stick: the programme could not be kept: %s", err);
        /* the reason cut to what fits after the prefix (a path may be long) */
        snprintf(p->v.error, sizeof p->v.error, "Not applied: %.*s",
                 (int)(sizeof p->v.error - sizeof "Not applied: "), err);
        open_panel(p, PANEL_STICK_BAD);
        return;
    }
    *env->prog = p->stick_prog;
    env->prog_changed = true;
    p->v.applied = true;
    log_info("stick: programme %s applied for %s", p->v.programme_file, p->profile);
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
