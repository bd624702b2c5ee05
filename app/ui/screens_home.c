/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_home: the idle screen. It must answer, from across the room: what
 * programme is this, what is in it today, how am I doing this week, and how
 * do I start. The week is shown as one dot per prescribed session (filled when
 * done) as well as in words, and the streak as "N days in a row": gentle,
 * visible adherence, never a scolding.
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
        const char *t = b->title[0] ? b->title : exercise_name(b->exercise);
        bool seen = false;
        for (int j = 0; j < i && !seen; j++) {
            const programme_block *o = &p->blocks[j];
            seen = !strcmp(t, o->title[0] ? o->title : exercise_name(o->exercise));
        }
        if (seen || len >= cap)
            continue;
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? "  \xc2\xb7  " : "", t);
    }
}

static void streak_text(int days, char *buf, size_t cap)
{
    if (days <= 0)
        snprintf(buf, cap, "Start a new streak today");
    else if (days == 1)
        snprintf(buf, cap, "1 day so far: keep it going");
    else
        snprintf(buf, cap, "%d days in a row", days);
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

void screens_home(ui *u, const session_view *v, int64_t now_ms)
{
    const programme *p = v->prog;
    int w = ui_width(u), h = ui_height(u), cx = w / 2;
    int y = screen_title(u, p && p->name[0] ? p->name : "Your exercises", UI_ACCENT);

    char buf[512];
    today_list(p, buf, sizeof buf);
    if (buf[0]) {
        y += ui_px(u, 0.02f);
        y += ui_text(u, "Today", cx, y, SZ_SMALL, UI_GREY, UI_CENTER, false);
        ui_text_wrapped(u, buf, cx, y, w * 9 / 10, SZ_BODY, UI_WHITE, UI_CENTER);
    }

    /* One line when it fits large, else two lines ("Press OK" / "to start"). */
    const char *start = "Press OK to start";
    int max_w = w - 2 * screen_margin(u);
    float size = screen_fit(u, start, 0.12f, true, max_w);
    if (size >= 0.1f) {
        ui_text(u, start, cx, h * 42 / 100 - ui_px(u, size) / 2, size, UI_WHITE, UI_CENTER,
                true);
    } else {
        size = screen_fit(u, "Press OK", 0.14f, true, max_w);
        int lh = ui_px(u, size * 1.17f);
        ui_text(u, "Press OK", cx, h * 42 / 100 - lh, size, UI_WHITE, UI_CENTER, true);
        ui_text(u, "to start", cx, h * 42 / 100, size, UI_WHITE, UI_CENTER, true);
    }

    const session_stats *s = &v->stats;
    int target = s->week_target > 0 ? s->week_target : (p ? p->sessions_per_week : 0);
    int yb = screen_hints_top(u) - ui_px(u, 0.30f);
    streak_text(s->streak_days, buf, sizeof buf);
    yb += ui_text(u, buf, cx, yb, SZ_BODY * 1.15f, UI_OK, UI_CENTER, true);
    if (target > 0) {
        snprintf(buf, sizeof buf, "%d of %d sessions this week", s->week_sessions, target);
        yb += ui_text(u, buf, cx, yb, SZ_BODY, UI_WHITE, UI_CENTER, false);
        week_dots(u, s->week_sessions, target, yb + ui_px(u, 0.04f));
    }
    screen_hints(u, (screen_hint[]){ { KEY_OK, "start" } }, 1);
}
