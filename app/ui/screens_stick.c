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

/* "Reports written: a.csv, a-report.png, a-report.pdf" or why not. */
static void reports_line(const panels_view *v, char *buf, size_t cap)
{
    const stick_written *w = &v->written;
    if (w->files == 0) {
        snprintf(buf, cap, "No report written: %s", w->error[0] ? w->error : "unknown error");
        return;
    }
    size_t n = (size_t)snprintf(buf, cap, "Reports written: ");
    for (int i = 0; i < w->files && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? ", " : "", w->names[i]);
    if (w->files < 3 && n < cap)
        snprintf(buf + n, cap - n, " (not all: %s)", w->error);
}

/* Lines that fit between y and bottom, shrinking the type to SZ_SMALL. */
static void change_list(ui *u, const panels_view *v, int y, int bottom)
{
    int w = ui_width(u), m = screen_margin(u);
    float size = SZ_BODY;
    int lh = ui_px(u, size * 1.25f);
    while (v->n_changes * lh > bottom - y && size > SZ_SMALL) {
        size *= 0.92f;
        lh = ui_px(u, size * 1.25f);
    }
    for (int i = 0; i < v->n_changes && y + lh <= bottom; i++, y += lh)
        ui_text(u, v->changes[i], m, y, screen_fit(u, v->changes[i], size, false, w - 2 * m),
                UI_WHITE, UI_LEFT, false);
}

static void stick_changes(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u);
    int y = screen_title(u, "New programme on the USB stick", UI_ACCENT);
    char buf[512];
    snprintf(buf, sizeof buf, "From %.200s. It would change:", base_name(v->programme_file));
    y += ui_text(u, buf, m, y, SZ_SMALL, UI_GREY, UI_LEFT, false) + ui_px(u, 0.01f);
    reports_line(v, buf, sizeof buf);
    int rh = ui_text_wrapped_height(u, buf, w - 2 * m, SZ_SMALL);
    int bottom = screen_hints_top(u) - m - rh;
    change_list(u, v, y, bottom);
    ui_text_wrapped(u, buf, m, bottom + m / 2, w - 2 * m, SZ_SMALL, UI_GREY, UI_LEFT);
    screen_hints(u, (screen_hint[]){ { KEY_OK, "apply" }, { KEY_DOWN, "keep current" } },
                 2);
}

static void stick_bad(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2;
    int y = screen_title(u, "Programme refused", UI_WARN);
    y += ui_px(u, 0.02f);
    y += ui_text(u, "Nothing was changed.", cx, y, SZ_BODY * 1.2f, UI_WHITE, UI_CENTER, true);
    y += ui_px(u, 0.03f);
    /* The file, its line and the reason, as the parser said them. */
    const char *err = v->error;
    const char *shown = strstr(err, STICK_FOLDER "/");
    shown = shown ? shown : err;
    y += ui_text_wrapped(u, shown, cx, y, w - 2 * m, SZ_BODY, UI_WARN, UI_CENTER);
    y += ui_px(u, 0.03f);
    ui_text_wrapped(u, "Correct the file on a computer and plug the stick in again.", cx, y,
                    w - 2 * m, SZ_SMALL, UI_GREY, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, "continue" } }, 1);
}

static const char *programme_outcome(const panels_view *v)
{
    if (v->applied)
        return "New programme applied.";
    if (v->error[0])
        return "Programme refused: nothing changed.";
    if (v->kept)
        return "Programme not changed: you kept the current one.";
    if (v->programme_file[0])
        return "The programme on the stick is the one in use.";
    return "No programme on the stick.";
}

static void stick_done(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2;
    int y = screen_title(u, "USB stick", UI_ACCENT) + ui_px(u, 0.02f);
    y += ui_text_wrapped(u, programme_outcome(v), cx, y, w - 2 * m, SZ_BODY, UI_WHITE,
                         UI_CENTER);
    char buf[512];
    reports_line(v, buf, sizeof buf);
    y += ui_px(u, 0.02f);
    y += ui_text_wrapped(u, buf, cx, y, w - 2 * m, SZ_SMALL, UI_GREY, UI_CENTER);
    const char *done = "You can remove the stick now.";
    float size = screen_fit(u, done, 0.09f, true, w - 2 * m);
    int bottom = screen_hints_top(u) - m;
    ui_text(u, done, cx, (y + bottom) / 2 - ui_px(u, size) / 2, size, UI_OK, UI_CENTER, true);
    screen_hints(u, (screen_hint[]){ { KEY_OK, "done" } }, 1);
}

static void progress(ui *u, const panels_view *v)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2;
    int y = screen_title(u, "Ready for the next step?", UI_ACCENT) + ui_px(u, 0.03f);
    const progression_step *st = &v->step;
    y += ui_text(u, st->title, cx, y, SZ_BODY * 1.3f, UI_WHITE, UI_CENTER, true);
    char dose[64];
    snprintf(dose, sizeof dose, "%d x %d  \xe2\x86\x92  %d x %d", st->from_sets, st->from_reps,
             st->to_sets, st->to_reps);
    float size = screen_fit(u, dose, 0.16f, true, w - 2 * m);
    y += ui_px(u, 0.02f);
    y += ui_text(u, dose, cx, y, size, UI_OK, UI_CENTER, true) + ui_px(u, 0.03f);
    ui_text_wrapped(u,
                    "A week of full sessions with little pain. Sets x reps; no step adds more "
                    "than a tenth to your programme.",
                    cx, y, w - 2 * m, SZ_SMALL, UI_GREY, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, "yes" }, { KEY_DOWN, "not now" } }, 2);
}

void screens_draw_panel(ui *u, const panels_view *v)
{
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
