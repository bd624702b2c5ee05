/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_stick: the USB stick's screens and the progression proposal, and
 * the dispatch for every panel (screens_panels.h). What each must say from
 * across the room: what the stick would change and which button applies it;
 * why a programme was refused and that nothing changed; what was read and
 * written, and that the stick can now be removed. A proposal shows the dose
 * before and after in large type, and which button says yes.
 */
#include <stdio.h>
#include <string.h>

#include "screens_panels.h"
#include "screens_parts.h"

/* The file's name without its directories (the mount point says nothing). */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "Reports written: a.csv, a-report.png, a-report.pdf", "6 reports
 * written" (several people), or why not. */
static void reports_line(const panels_view *v, char *buf, size_t cap)
{
    const stick_written *w = &v->written;
    if (w->files == 0) {
        snprintf(buf, cap, _("No report written: %s"), w->error[0] ? w->error : _("unknown error"));
        return;
    }
    if (w->files > 3) { /* several people: the names would not fit */
        snprintf(buf, cap, P_("%d report written", "%d reports written", w->files), w->files);
        return;
    }
    size_t n = (size_t)snprintf(buf, cap, "%s ", _("Reports written:"));
    for (int i = 0; i < w->files && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? ", " : "", w->names[i]);
    if (w->files < 3 && n < cap)
        snprintf(buf + n, cap - n, _(" (not all: %s)"), w->error);
}

/* The changes, each wrapped, at one size that fits between y and bottom
 * (from a little above body text down to SZ_SMALL, the legible floor); what
 * does not fit even then ends in "... and N more". */
static int changes_height(ui *u, const panels_view *v, int width, float size)
{
    int h = 0;
    for (int i = 0; i < v->n_changes; i++)
        h += ui_text_wrapped_height(u, v->changes[i], width, size) + ui_px(u, size * 0.2f);
    return h;
}

static void change_list(ui *u, const panels_view *v, int y, int bottom)
{
    int width = ui_width(u) - 2 * screen_margin(u), m = screen_margin(u);
    float size = SZ_BODY * 1.15f;
    while (size > SZ_SMALL && changes_height(u, v, width, size) > bottom - y)
        size = size * 0.92f > SZ_SMALL ? size * 0.92f : SZ_SMALL;
    int gap = ui_px(u, size * 0.2f);
    int more_h = changes_height(u, v, width, size) > bottom - y
                     ? ui_text_wrapped_height(u, "...", width, size) : 0;
    for (int i = 0; i < v->n_changes; i++) {
        if (y + ui_text_wrapped_height(u, v->changes[i], width, size) > bottom - more_h) {
            char more[64];
            snprintf(more, sizeof more, P_("... and %d more", "... and %d more",
                                           v->n_changes - i), v->n_changes - i);
            ui_text(u, more, m, y, size, UI_GREY, UI_LEFT, false);
            break;
        }
        y += ui_text_wrapped(u, v->changes[i], m, y, width, size, UI_WHITE, UI_LEFT) + gap;
    }
}

static void stick_changes(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u);
    int y = screen_title(u, v->people ? _("People on the USB stick")
                                      : _("New programme on the USB stick"), UI_ACCENT);
    char buf[512];
    snprintf(buf, sizeof buf, _("From %.200s. It would change:"), base_name(v->programme_file));
    y += ui_text_wrapped(u, buf, m, y, w - 2 * m, SZ_SMALL, UI_GREY, UI_LEFT) + ui_px(u, 0.01f);
    /* The changes need the room: the reports' names wait for the last panel. */
    if (v->written.files > 0 && !v->written.error[0])
        snprintf(buf, sizeof buf, "%s", _("Reports written."));
    else
        reports_line(v, buf, sizeof buf);
    int rh = ui_text_wrapped_height(u, buf, w - 2 * m, SZ_SMALL);
    int bottom = screen_hints_top(u) - m - rh;
    change_list(u, v, y, bottom);
    ui_text_wrapped(u, buf, m, bottom + m / 2, w - 2 * m, SZ_SMALL, UI_GREY, UI_LEFT);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("apply") }, { KEY_DOWN, _("keep current") } },
                 2);
}

static void stick_bad(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2;
    int y = screen_title(u, _("Programme refused"), UI_WARN);
    y += ui_px(u, 0.02f);
    y += ui_text(u, _("Nothing was changed."), cx, y, SZ_BODY * 1.2f, UI_WHITE, UI_CENTER, true);
    y += ui_px(u, 0.03f);
    /* The file, its line and the reason, as the parser said them. */
    const char *err = v->error;
    const char *shown = strstr(err, STICK_FOLDER "/");
    shown = shown ? shown : err;
    y += ui_text_wrapped(u, shown, cx, y, w - 2 * m, SZ_BODY, UI_WARN, UI_CENTER);
    y += ui_px(u, 0.03f);
    ui_text_wrapped(u, _("Correct the file on a computer and plug the stick in again."), cx, y,
                    w - 2 * m, SZ_SMALL, UI_GREY, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("continue") } }, 1);
}

static const char *programme_outcome(const panels_view *v)
{
    if (v->applied)
        return _("New programme applied.");
    if (v->error[0])
        return _("Programme refused: nothing changed.");
    if (v->kept)
        return _("Programme not changed: you kept the current one.");
    if (v->programme_file[0])
        return _("The programme on the stick is the one in use.");
    return _("No programme on the stick.");
}

static void stick_done(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2;
    int y = screen_title(u, _("USB stick"), UI_ACCENT) + ui_px(u, 0.02f);
    y += ui_text_wrapped(u, programme_outcome(v), cx, y, w - 2 * m, SZ_BODY, UI_WHITE,
                         UI_CENTER);
    char buf[512];
    reports_line(v, buf, sizeof buf);
    y += ui_px(u, 0.02f);
    y += ui_text_wrapped(u, buf, cx, y, w - 2 * m, SZ_SMALL, UI_GREY, UI_CENTER);
    /* One line when it fits large, else two (as home's "Press OK to start"). */
    const char *done = _("You can remove the stick now.");
    float size = screen_fit_size(u, done, 0.09f, true, w - 2 * m);
    int mid = (y + screen_hints_top(u) - m) / 2;
    if (size >= 0.075f) {
        ui_text(u, done, cx, mid - ui_px(u, size) / 2, size, UI_OK, UI_CENTER, true);
    } else {
        size = screen_fit(u, _("You can remove"), 0.1f, true, w - 2 * m);
        int lh = ui_px(u, size * 1.17f);
        ui_text(u, _("You can remove"), cx, mid - lh, size, UI_OK, UI_CENTER, true);
        ui_text(u, _("the stick now."), cx, mid, size, UI_OK, UI_CENTER, true);
    }
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("done") } }, 1);
}

static const char PROGRESS_WHY[] =
    N_("A week of full sessions with little pain. Sets \xc3\x97 reps; "
       "no step adds more than a tenth to your programme.");

/* The proposal, centred between the title and the hints: the exercise, the
 * dose before and after (on one line, or two in portrait), and why. */
static void progress(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2, max_w = w - 2 * m;
    int top = screen_title(u, _("Ready for the next step?"), UI_ACCENT);
    int bottom = screen_hints_top(u) - m;
    const progression_step *st = &v->step;
    char from[32], to[32], dose[80];
    snprintf(from, sizeof from, "%d \xc3\x97 %d", st->from_sets, st->from_reps);
    snprintf(to, sizeof to, "%d \xc3\x97 %d", st->to_sets, st->to_reps);
    snprintf(dose, sizeof dose, "%s  \xe2\x86\x92  %s", from, to);
    bool two_lines = ui_height(u) > w;
    float size = two_lines ? screen_fit(u, from, 0.2f, true, max_w)
                           : screen_fit(u, dose, 0.16f, true, max_w);
    int gap = ui_px(u, 0.03f), line = ui_px(u, size * 1.17f);
    int name_h = ui_px(u, SZ_BODY * 1.3f * 1.17f);
    int dose_h = two_lines ? 3 * line : line;
    int why_h = ui_text_wrapped_height(u, _(PROGRESS_WHY), max_w, SZ_SMALL);
    int y = top + (bottom - top - name_h - dose_h - why_h - 2 * gap) / 2;
    y += ui_text(u, screen_tr(st->title), cx, y, SZ_BODY * 1.3f, UI_WHITE, UI_CENTER, true) + gap;
    if (two_lines) {
        y += ui_text(u, from, cx, y, size, UI_WHITE, UI_CENTER, true);
        y += ui_text(u, "\xe2\x86\x93", cx, y, size, UI_GREY, UI_CENTER, true);
        y += ui_text(u, to, cx, y, size, UI_OK, UI_CENTER, true);
    } else {
        y += ui_text(u, dose, cx, y, size, UI_OK, UI_CENTER, true);
    }
    ui_text_wrapped(u, _(PROGRESS_WHY), cx, y + gap, max_w, SZ_SMALL, UI_GREY, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("yes") }, { KEY_DOWN, _("not now") } }, 2);
}

void screens_draw_panel(ui *u, const panels_view *v)
{
    ui_legibility_reset(u); /* the home screen under the panel is not on screen */
    ui_clear(u);
    switch (v->kind) {
    case PANEL_HISTORY: screens_history(u, v); break;
    case PANEL_STICK_CHANGES: stick_changes(u, v); break;
    case PANEL_STICK_BAD: stick_bad(u, v); break;
    case PANEL_STICK_DONE: stick_done(u, v); break;
    case PANEL_PROGRESS: progress(u, v); break;
    default: break;
    }
}
