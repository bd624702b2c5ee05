/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_lobby: the screens outside a session (session.h, "the lobby").
 *
 * WHO asks one question, "Who's exercising?", with the names as large as the
 * pause menu's items and the chosen one framed. ATTRACT invites a passer-by:
 * the demo figure going through the exercises and "Press OK to try", large.
 * SLEEP is black: behind a two-way mirror it is the mirror. STILL_THERE says
 * that the session will end by itself, in seconds as large as a rep count,
 * and which button keeps it going.
 */
#include <stdio.h>

#include "screens_parts.h"

#define ATTRACT_TURN_MS 8000 /* the demo figure shows each exercise this long */

void screens_who(ui *u, const session_view *v, int64_t now_ms)
{
    (void)now_ms;
    int w = ui_width(u), cx = w / 2, m = screen_margin(u);
    int y = screen_title(u, _("Who's exercising?"), UI_ACCENT);
    int n = v->people_count, bottom = screen_hints_top(u) - m;
    int row = n > 0 ? (bottom - y) / n : 0, max_row = ui_px(u, 0.15f);
    row = row < max_row ? row : max_row;
    y += (bottom - y - row * n) / 2;
    /* The box: wide enough for the longest name in bold (as it is drawn when
     * chosen), up to the screen's margins; a name wider still shrinks. */
    int bw = ui_unit(u) * 9 / 10;
    for (int i = 0; i < n; i++) {
        int need = ui_text_width(u, v->people[i], SZ_BODY * 1.6f, true) + 2 * m;
        bw = need > bw ? need : bw;
    }
    bw = bw < w - 2 * m ? bw : w - 2 * m;
    for (int i = 0; i < n; i++, y += row) {
        bool on = i == v->who_cursor;
        float size = screen_fit(u, v->people[i], SZ_BODY * 1.6f, on, bw - 2 * m);
        float fit = (float)(row - row / 8) / (float)ui_unit(u) / 1.3f;
        size = size < fit ? size : fit;
        int th = ui_px(u, size * 1.17f);
        if (on)
            ui_rect_outline(u, cx - bw / 2, y, bw, row - row / 8, ui_px(u, 0.008f), UI_ACCENT);
        ui_text(u, v->people[i], cx, y + (row - row / 8 - th) / 2, size,
                on ? UI_ACCENT : UI_WHITE, UI_CENTER, on);
    }
    screen_hints_two(u, (screen_hint[]){ { KEY_UPDOWN, _("choose") } }, 1,
                     (screen_hint[]){ { KEY_OK, _("that's me") }, { KEY_HOLD_OK, _("language") } }, 2);
}

/* The invitation, as large as fits: one line, or two ("Press OK" / "to try")
 * on a narrow screen, as home does. Returns the height used (draw false:
 * only measures). */
static int attract_call(ui *u, bool kiosk, int y, bool draw)
{
    const char *line = kiosk ? _("Press OK to try") : _("Press OK to start");
    const char *second = kiosk ? _("to try") : _("to start");
    int cx = ui_width(u) / 2, max_w = ui_width(u) - 2 * screen_margin(u);
    float size = screen_fit(u, line, 0.12f, true, max_w);
    if (size >= 0.1f) {
        if (draw)
            ui_text(u, line, cx, y, size, UI_WHITE, UI_CENTER, true);
        return ui_px(u, size * 1.17f);
    }
    size = screen_fit(u, _("Press OK"), 0.14f, true, max_w);
    float size2 = screen_fit(u, second, 0.14f, true, max_w);
    size = size < size2 ? size : size2;
    int lh = ui_px(u, size * 1.17f);
    if (draw) {
        ui_text(u, _("Press OK"), cx, y, size, UI_WHITE, UI_CENTER, true);
        ui_text(u, second, cx, y + lh, size, UI_WHITE, UI_CENTER, true);
    }
    return 2 * lh;
}

void screens_attract(ui *u, const session_view *v, int64_t now_ms)
{
    static const exercise_kind shown[] = { EXERCISE_BRIDGE, EXERCISE_CLAMSHELL,
                                           EXERCISE_QUAD_SET };
    int w = ui_width(u), m = screen_margin(u);
    const char *title = !v->kiosk && v->prog && v->prog->name[0] ? screen_tr(v->prog->name)
                                                                  : _("Knee exercises");
    int y = screen_title(u, title, UI_ACCENT);
    int64_t t = now_ms - v->screen_since_ms;
    t = t < 0 ? 0 : t;
    exercise_kind ex = shown[(t / ATTRACT_TURN_MS) % 3];
    /* The figure (about twice as wide as tall) and the call, as one group
     * centred between the title and the hints. */
    int bottom = screen_hints_top(u) - m, call_h = attract_call(u, v->kiosk, 0, false);
    int fig_h = (bottom - y - call_h - 2 * m) * 7 / 10, fig_max = (w - 2 * m) * 55 / 100;
    fig_h = fig_h < fig_max ? fig_h : fig_max;
    int top = y + (bottom - y - fig_h - m - call_h) / 2;
    ui_demo_figure(u, ex, false, t % ATTRACT_TURN_MS, m, top, w - 2 * m, fig_h);
    attract_call(u, v->kiosk, top + fig_h + m, true);
    screen_hints(u, (screen_hint[]){ { KEY_OK, v->kiosk ? _("try") : _("start") } }, 1);
}

void screens_sleep(ui *u, const session_view *v, int64_t now_ms)
{
    (void)u; /* black: screens_draw has cleared it */
    (void)v;
    (void)now_ms;
}

void screens_still_there(ui *u, const session_view *v, int64_t now_ms)
{
    (void)now_ms;
    int w = ui_width(u), cx = w / 2, m = screen_margin(u);
    int y = screen_title(u, _("Are you still there?"), UI_WARN);
    int secs = screen_seconds(v->abandon_in_ms);
    char num[16], line[96];
    snprintf(num, sizeof num, "%d", secs);
    snprintf(line, sizeof line,
             P_("The session ends in %d second.", "The session ends in %d seconds.", secs), secs);
    const char *keep = _("Press OK to carry on.");
    int bottom = screen_hints_top(u) - m, room = bottom - y, max_w = w - 2 * m;
    float big = (float)room / (float)ui_unit(u) * 0.45f;
    big = big < 0.4f ? big : 0.4f;
    /* The two lines wrap (a narrow portrait screen, a long language). */
    float body = SZ_BODY * 1.3f;
    int bh = ui_px(u, big * 1.17f);
    int lh = ui_text_wrapped_height(u, line, max_w, body);
    int kh = ui_text_wrapped_height(u, keep, max_w, body);
    y += (room - (bh + m + lh + kh)) / 2;
    y += ui_text(u, num, cx, y, big, UI_WHITE, UI_CENTER, true) + m;
    y += ui_text_wrapped(u, line, cx, y, max_w, body, UI_WHITE, UI_CENTER);
    ui_text_wrapped(u, keep, cx, y, max_w, body, UI_ACCENT, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("carry on") } }, 1);
}
