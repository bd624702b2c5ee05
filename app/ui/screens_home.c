/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_home: the idle screen. It must answer, from across the room: what
 * programme is this, what is in it today, how am I doing this week, and how
 * do I start. The week is shown as one dot per prescribed session (filled when
 * done) as well as in words, and the streak as "N days in a row": gentle,
 * visible adherence, never a scolding. Once today's session is done, the
 * big line says so ("Done for today", green, with a tick) instead of
 * inviting another; OK still starts one.
 *
 * With several people (profiles.h) the title begins with the chosen one's
 * name: the figures are hers; a long OK asks "Who's exercising?" again. A
 * kiosk's guest sees no figures at all: they would be a stranger's.
 *
 * On a day stopped for pain or a warning sign (session.h) home answers other
 * questions instead: can I exercise today (no), why, and whom to contact; OK
 * shows the full advice, so the hint says "advice", not "start".
 */
#include <stdio.h>
#include <string.h>

#include "screens_parts.h"

/* "Clamshell · Glute bridge · Quad set": each title once, in order, as many
 * to a line as fit in max_w, so no name is broken in two and no separator is
 * left hanging at a line's end. */
static void today_text(ui *u, const programme *p, int max_w, char *buf, size_t cap)
{
    static const char sep[] = "  \xc2\xb7  ";
    size_t len = 0, line = 0; /* where the current line begins */
    buf[0] = '\0';
    for (int i = 0; p && i < p->n_blocks && len + 1 < cap; i++) {
        const programme_block *b = &p->blocks[i];
        const char *t = screen_tr(b->title[0] ? b->title : exercise_name(b->exercise));
        bool seen = false;
        for (int j = 0; j < i && !seen; j++) {
            const programme_block *o = &p->blocks[j];
            seen = !strcmp(t, screen_tr(o->title[0] ? o->title : exercise_name(o->exercise)));
        }
        if (seen)
            continue;
        size_t was = len;
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? sep : "", t);
        if (len >= cap)
            len = cap - 1;
        if (was > line && ui_text_width(u, buf + line, SZ_BODY, false) > max_w) {
            len = was; /* it goes on a line of its own */
            len += (size_t)snprintf(buf + len, cap - len, "\n%s", t);
            if (len >= cap)
                len = cap - 1;
            line = was + 1;
        }
    }
}

static void streak_text(int days, char *buf, size_t cap)
{
    if (days <= 0)
        snprintf(buf, cap, "%s", _("Start a new streak today"));
    else if (days == 1)
        snprintf(buf, cap, "%s", _("1 day so far: keep it going"));
    else
        snprintf(buf, cap, P_("%d day in a row", "%d days in a row", days), days);
}

/* A line's height at size (one line of ui_text). */
static int line_height(ui *u, float size)
{
    return ui_text_wrapped_height(u, "X", ui_width(u), size);
}

static int week_target(const session_view *v)
{
    const session_stats *s = &v->stats;
    return s->week_target > 0 ? s->week_target : (v->prog ? v->prog->sessions_per_week : 0);
}

/* "2 of 5 sessions this week"; never "6 of 5": past the goal it says so. ""
 * without a target. */
static void week_text(const session_view *v, char *buf, size_t cap)
{
    int done = v->stats.week_sessions, target = week_target(v);
    buf[0] = '\0';
    if (target <= 0)
        return;
    if (done < target)
        snprintf(buf, cap, P_("%d of %d session this week", "%d of %d sessions this week", target),
                 done, target);
    else
        snprintf(buf, cap, P_("Weekly goal reached: %d session", "Weekly goal reached: %d sessions",
                              done),
                 done);
}

/* One dot per prescribed session this week, filled when done. */
static void week_dots(ui *u, int done, int target, int cy)
{
    if (target <= 0 || target > 14)
        return;
    int r = ui_px(u, 0.022f), step = r * 3;
    int x = ui_width(u) / 2 - (target - 1) * step / 2;
    for (int i = 0; i < target; i++, x += step)
        ui_ring(u, x, cy, r, i < done ? r : ui_px(u, 0.006f), 1,
                i < done ? UI_ACCENT : UI_GREY);
}

/* "No exercise today", the reason and whom to contact, as large as fits. */
static void stopped_day(ui *u, const session_view *v, int y)
{
    bool red = v->day_stop == SESSION_STOP_RED_FLAG;
    const char *why = red ? _("You reported a warning sign today.")
                          : _("Your knee pain was above 5 today.");
    const char *who = red ? _("Please contact a doctor or physiotherapist. Chest pain or "
                              "shortness of breath: call emergency services.")
                          : _("Rest, and try again tomorrow. If the pain stays high, talk to "
                              "your physiotherapist.");
    int w = ui_width(u), cx = w / 2, max_w = w - 2 * screen_margin(u);
    int bottom = screen_hints_top(u) - screen_margin(u);
    const char *head = _("No exercise today");
    float hs = screen_fit(u, head, 0.11f, true, max_w);
    float size = SZ_BODY * 1.2f;
    int gap = ui_px(u, 0.03f), hh = ui_px(u, hs * 1.17f);
    int th = ui_text_wrapped_height(u, why, max_w, size) +
             ui_text_wrapped_height(u, who, max_w, size);
    while (hh + 2 * gap + th > bottom - y && size > ui_min_text(u)) {
        size = size * 0.92f > ui_min_text(u) ? size * 0.92f : ui_min_text(u);
        th = ui_text_wrapped_height(u, why, max_w, size) +
             ui_text_wrapped_height(u, who, max_w, size);
    }
    if (hh + 2 * gap + th > bottom - y)
        ui_report_unfit(u, who);
    y += (bottom - y - hh - 2 * gap - th) / 2;
    y += ui_text(u, head, cx, y, hs, UI_WARN, UI_CENTER, true) + gap;
    y += ui_text_wrapped(u, why, cx, y, max_w, size, UI_WHITE, UI_CENTER) + gap;
    ui_text_wrapped(u, who, cx, y, max_w, size, UI_WHITE, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("advice") } }, 1);
}

void screens_home(ui *u, const session_view *v, int64_t now_ms)
{
    const programme *p = v->prog;
    int w = ui_width(u), cx = w / 2;
    const char *prog_name = p && p->name[0] ? screen_tr(p->name) : _("Your exercises");
    char title[160];
    if (v->people_count > 1 && v->person < v->people_count && !v->kiosk) /* whose it is */
        snprintf(title, sizeof title, "%s \xc2\xb7 %s", v->people[v->person], prog_name);
    else
        snprintf(title, sizeof title, "%s", prog_name);
    int y = screen_title(u, title, UI_ACCENT);
    if (v->day_stop != SESSION_STOP_NONE) {
        stopped_day(u, v, y);
        return;
    }

    char list[512], streak[128], week[128];
    today_text(u, p, w * 9 / 10, list, sizeof list);
    streak_text(v->stats.streak_days, streak, sizeof streak);
    week_text(v, week, sizeof week);
    /* Three blocks with equal gaps between them: today's exercises, how to
     * start (one line when it fits large, else "Press OK" / "to start"), and
     * the week. Heights are measured first, so no block runs into another. */
    int max_w = w - 2 * screen_margin(u);
    int list_h = list[0] ? ui_px(u, 0.02f) + line_height(u, SZ_SMALL) +
                               ui_text_wrapped_height(u, list, w * 9 / 10, SZ_BODY)
                         : 0;
    /* A small screen: the list without its "Today" label. */
    bool label = screen_hints_top(u) - screen_hint_row(u) - y > ui_px(u, 0.95f);
    if (list[0] && !label)
        list_h -= line_height(u, SZ_SMALL);
    /* The big line: how to start, or, once today's session is done (a guest
     * is never told so), that it is: green, with a tick; OK still starts. */
    bool done = v->stats.done_today && !v->kiosk;
    char start[96], line1[64];
    snprintf(start, sizeof start, done ? "\xe2\x9c\x93 %s" : "%s",
             done ? _("Done for today") : _("Press OK to start"));
    snprintf(line1, sizeof line1, done ? "\xe2\x9c\x93 %s" : "%s", done ? _("Done") : _("Press OK"));
    const char *line2 = done ? _("for today") : _("to start");
    ui_color start_color = done ? UI_OK : UI_WHITE;
    float size = screen_fit_size(u, start, 0.12f, true, max_w);
    bool one_line = size >= 0.1f;
    if (!one_line) {
        float a = screen_fit_size(u, line1, 0.12f, true, max_w);
        float b = screen_fit_size(u, line2, 0.12f, true, max_w);
        size = a < b ? a : b;
    }
    int dot = ui_px(u, 0.022f);
    /* The figures' lines shrink to the width (a long translation on a
     * portrait screen), never below the legible floor. */
    float streak_size = v->kiosk ? SZ_BODY : screen_fit(u, streak, SZ_BODY * 1.15f, true, max_w);
    float week_size = v->kiosk || !week[0] ? SZ_BODY : screen_fit(u, week, SZ_BODY, false, max_w);
    /* A guest's home keeps the figures' room, empty: the same layout. */
    int stats_h = line_height(u, SZ_BODY * 1.15f) +
                  (week[0] ? line_height(u, SZ_BODY) + 3 * dot : 0);
    int rest = screen_hints_top(u) - screen_hint_row(u) - screen_margin(u) / 2 - y - list_h -
               stats_h - screen_notice_height(u, v->notice ? screen_tr(v->notice) : NULL);
    while (line_height(u, size) * (one_line ? 1 : 2) > rest && size * 0.95f >= SZ_BODY)
        size *= 0.95f; /* the start line gives way, down to body size */
    int free = rest - line_height(u, size) * (one_line ? 1 : 2);
    if (free < 0 || size < ui_min_text(u))
        ui_report_unfit(u, start);
    int gap = free > 0 ? free / 3 : 0;
    if (list[0]) {
        y += ui_px(u, 0.02f);
        if (label)
            y += ui_text(u, _("Today"), cx, y, SZ_SMALL, UI_GREY, UI_CENTER, false);
        y += ui_text_wrapped(u, list, cx, y, w * 9 / 10, SZ_BODY, UI_WHITE, UI_CENTER);
    }
    y += gap;
    if (one_line) {
        y += ui_text(u, start, cx, y, size, start_color, UI_CENTER, true);
    } else {
        y += ui_text(u, line1, cx, y, size, start_color, UI_CENTER, true);
        y += ui_text(u, line2, cx, y, size, start_color, UI_CENTER, true);
    }
    y += gap;
    if (!v->kiosk) { /* a guest's home shows nobody's figures */
        y += ui_text(u, streak, cx, y, streak_size, UI_OK, UI_CENTER, true);
        if (week[0]) {
            y += ui_text(u, week, cx, y, week_size, UI_WHITE, UI_CENTER, false);
            const session_stats *st = &v->stats;
            week_dots(u, st->week_sessions, week_target(v), y + 3 * dot / 2);
        }
    }
    /* Two rows of hints. A guest has no history; with people to choose, a
     * long OK asks who again (the language is then a long OK there). */
    const char *hold = v->people_count > 1 && !v->kiosk ? _("someone else") : _("language");
    screen_hint row2[] = { { KEY_OK, _("start") }, { KEY_HOLD_OK, hold } };
    if (v->kiosk)
        screen_hints_two(u, (screen_hint[]){ { KEY_UP, _("pain today") } }, 1, row2, 2);
    else
        screen_hints_two(u, (screen_hint[]){ { KEY_UP, _("pain today") }, { KEY_DOWN, _("history") } },
                         2, row2, 2);
}
