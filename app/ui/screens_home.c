/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_home: the idle screen. It must answer, from across the room: what
 * programme is this, what is in it today, how am I doing this week, and how
 * do I start. The week is shown as one dot per prescribed session (filled when
 * done) as well as in words, and the streak as "N days in a row": gentle,
 * visible adherence, never a scolding.
 *
 * On a day stopped for pain or a warning sign (session.h) home answers other
 * questions instead: can I exercise today (no), why, and whom to contact; OK
 * shows the full advice, so the hint says "advice", not "start".
 */
#include <stdio.h>
#include <string.h>

#include "screens_parts.h"

/* "Clamshell · Glute bridge · Quad set": each title once, in order. */
static void today_list(const programme *p, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; p && i < p->n_blocks; i++) {
        const programme_block *b = &p->blocks[i];
        const char *t = screen_tr(b->title[0] ? b->title : exercise_name(b->exercise));
        bool seen = false;
        for (int j = 0; j < i && !seen; j++) {
            const programme_block *o = &p->blocks[j];
            seen = !strcmp(t, screen_tr(o->title[0] ? o->title : exercise_name(o->exercise)));
        }
        if (seen || len >= cap)
            continue;
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? "  \xc2\xb7  " : "", t);
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
    while (hh + 2 * gap + th > bottom - y && size > SZ_SMALL) {
        size *= 0.92f;
        th = ui_text_wrapped_height(u, why, max_w, size) +
             ui_text_wrapped_height(u, who, max_w, size);
    }
    y += (bottom - y - hh - 2 * gap - th) / 2;
    y += ui_text(u, head, cx, y, hs, UI_WARN, UI_CENTER, true) + gap;
    y += ui_text_wrapped(u, why, cx, y, max_w, size, UI_WHITE, UI_CENTER) + gap;
    ui_text_wrapped(u, who, cx, y, max_w, size, UI_WHITE, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("advice") } }, 1);
}

void screens_home(ui *u, const session_view *v, int64_t now_ms)
{
    const programme *p = v->prog;
    int w = ui_width(u), h = ui_height(u), cx = w / 2;
    int y = screen_title(u, p && p->name[0] ? screen_tr(p->name) : _("Your exercises"), UI_ACCENT);
    if (v->day_stop != SESSION_STOP_NONE) {
        stopped_day(u, v, y);
        return;
    }

    char buf[512];
    today_list(p, buf, sizeof buf);
    if (buf[0]) {
        y += ui_px(u, 0.02f);
        y += ui_text(u, _("Today"), cx, y, SZ_SMALL, UI_GREY, UI_CENTER, false);
        ui_text_wrapped(u, buf, cx, y, w * 9 / 10, SZ_BODY, UI_WHITE, UI_CENTER);
    }

    /* One line when it fits large, else two lines ("Press OK" / "to start"). */
    const char *start = _("Press OK to start");
    int max_w = w - 2 * screen_margin(u);
    float size = screen_fit(u, start, 0.12f, true, max_w);
    if (size >= 0.1f) {
        ui_text(u, start, cx, h * 42 / 100 - ui_px(u, size) / 2, size, UI_WHITE, UI_CENTER,
                true);
    } else {
        size = screen_fit(u, _("Press OK"), 0.14f, true, max_w);
        int lh = ui_px(u, size * 1.17f);
        ui_text(u, _("Press OK"), cx, h * 42 / 100 - lh, size, UI_WHITE, UI_CENTER, true);
        ui_text(u, _("to start"), cx, h * 42 / 100, size, UI_WHITE, UI_CENTER, true);
    }

    const session_stats *s = &v->stats;
    int target = s->week_target > 0 ? s->week_target : (p ? p->sessions_per_week : 0);
    int yb = screen_hints_top(u) - ui_px(u, 0.30f);
    streak_text(s->streak_days, buf, sizeof buf);
    yb += ui_text(u, buf, cx, yb, SZ_BODY * 1.15f, UI_OK, UI_CENTER, true);
    if (target > 0) {
        if (s->week_sessions < target) /* never "6 of 5": past the goal it says so */
            snprintf(buf, sizeof buf, P_("%d of %d session this week", "%d of %d sessions this week",
                                         target), s->week_sessions, target);
        else
            snprintf(buf, sizeof buf, P_("Weekly goal reached: %d session",
                                         "Weekly goal reached: %d sessions", s->week_sessions),
                     s->week_sessions);
        yb += ui_text(u, buf, cx, yb, SZ_BODY, UI_WHITE, UI_CENTER, false);
        week_dots(u, s->week_sessions, target, yb + ui_px(u, 0.04f));
    }
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("start") }, { KEY_UPDOWN, _("language") } }, 2);
}
