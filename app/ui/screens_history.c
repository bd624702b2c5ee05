/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_history: the last 8 weeks, opened from home with Down. Read from
 * the mat at 3 m, so the answers come first and large: this week's
 * adherence as a percentage and the streak; then one bar per week (sessions
 * done, the prescribed number marked by a white line across it) and, under
 * the bars, the week's mean pain before (white) and after (accent) on the
 * 0-10 scale, with a line at 5 (the limit). Black everywhere else: the mirror.
 */
#include <stdio.h>

#include "screens_parts.h"
#include "screens_panels.h"

/* The bars: sessions done (accent; the OK green when the target was met)
 * against the target (a white line), the numbers under each. */
static void sessions_bars(ui *u, const panels_view *v, int x, int y, int w, int h)
{
    int max = 1;
    for (int i = 0; i < HISTORY_WEEKS; i++) {
        max = v->weeks[i].sessions > max ? v->weeks[i].sessions : max;
        max = v->weeks[i].target > max ? v->weeks[i].target : max;
    }
    int label = ui_px(u, SZ_SMALL * 1.25f), bars = h - label, step = w / HISTORY_WEEKS;
    int line = ui_px(u, 0.006f);
    for (int i = 0; i < HISTORY_WEEKS; i++) {
        const history_week *wk = &v->weeks[i];
        int bx = x + step * i + step / 6, bw = step * 2 / 3;
        int bh = wk->sessions * bars / max, th = wk->target * bars / max;
        bool met = wk->target > 0 && wk->sessions >= wk->target;
        if (bh > 0)
            ui_fill_rect(u, bx, y + bars - bh, bw, bh, met ? UI_OK : UI_ACCENT);
        if (th > 0)
            ui_fill_rect(u, bx - step / 12, y + bars - th - line / 2, bw + step / 6, line,
                         UI_WHITE);
        char buf[16];
        snprintf(buf, sizeof buf, "%d", wk->sessions);
        ui_text(u, buf, bx + bw / 2, y + bars + line, SZ_SMALL, UI_WHITE, UI_CENTER, true);
    }
}

static void pain_dot(ui *u, int x, int y, int r, ui_color c, bool ring)
{
    ui_ring(u, x, y, r, ring ? ui_px(u, 0.006f) : r, 1, c);
}

/* Weekly mean pain before (white) and after (accent), 0 at the bottom. */
static void pain_band(ui *u, const panels_view *v, int x, int y, int w, int h)
{
    int step = w / HISTORY_WEEKS, r = ui_px(u, 0.014f);
    ui_fill_rect(u, x, y + h, w, 1, UI_GREY);
    ui_fill_rect(u, x, y + h / 2, w, 1, UI_GREY); /* 5: the limit */
    for (int i = 0; i < HISTORY_WEEKS; i++) {
        const history_week *wk = &v->weeks[i];
        int cx = x + step * i + step / 2;
        if (wk->pain_before >= 0)
            pain_dot(u, cx - r, y + h - (int)((float)h * wk->pain_before / 10.0f), r, UI_WHITE,
                     false);
        if (wk->pain_after >= 0)
            pain_dot(u, cx + r, y + h - (int)((float)h * wk->pain_after / 10.0f), r, UI_ACCENT,
                     true);
    }
}

void screens_history(ui *u, const panels_view *v)
{
    int w = ui_width(u), cx = w / 2, m = screen_margin(u);
    int y = screen_title(u, _("Last 8 weeks"), UI_ACCENT);
    const history_week *now = &v->weeks[HISTORY_WEEKS - 1];
    char big[32], line[96];
    snprintf(big, sizeof big, "%d%%", history_adherence_pct(now));
    snprintf(line, sizeof line, P_("%d of %d session this week", "%d of %d sessions this week", now->target),
             now->sessions, now->target);
    bool portrait = ui_height(u) > w;
    y += ui_px(u, 0.01f);
    if (portrait) {
        y += ui_text(u, big, cx, y, 0.2f, UI_WHITE, UI_CENTER, true);
        y += ui_text(u, line, cx, y, SZ_BODY, UI_WHITE, UI_CENTER, false);
    } else { /* the figure left, its words right of it */
        int bw = ui_text_width(u, big, 0.16f, true), gap = ui_px(u, 0.03f);
        int lw = ui_text_width(u, line, SZ_BODY, false), left = cx - (bw + gap + lw) / 2;
        int bh = ui_text(u, big, left, y, 0.16f, UI_WHITE, UI_LEFT, true);
        ui_text(u, line, left + bw + gap, y + bh / 2 - ui_px(u, SZ_BODY) / 2, SZ_BODY, UI_WHITE,
                UI_LEFT, false);
        y += bh;
    }
    if (v->streak_days > 0)
        snprintf(line, sizeof line, P_("%d day in a row", "%d days in a row", v->streak_days),
                 v->streak_days);
    else
        snprintf(line, sizeof line, "%s", _("Start a new streak today"));
    /* The streak (home shows it too) only where the charts keep room. */
    int streak_h = ui_px(u, SZ_BODY * 1.1f * 1.17f) + ui_px(u, 0.02f);
    if (screen_hints_top(u) - m - y - streak_h > ui_px(u, 0.55f))
        y += ui_text(u, line, cx, y, screen_fit(u, line, SZ_BODY * 1.1f, true, w - 2 * m), UI_OK,
                     UI_CENTER, true) + ui_px(u, 0.02f);

    int bottom = screen_hints_top(u) - m, room = bottom - y;
    /* Each legend a row; wrapped, or the scale on a row of its own, where the
     * width is short (portrait, a long translation). */
    int row = ui_px(u, SZ_SMALL * 1.4f), one = ui_text_wrapped_height(u, "0", w, SZ_SMALL);
    const char *legend_text = _("Sessions each week (line: prescribed)");
    int legend_h = row * (ui_text_wrapped_height(u, legend_text, w - 2 * m, SZ_SMALL) / one);
    const char *before = _("Pain before"), *after = _("and after"), *scale = _("0-10, line at 5");
    int gap = ui_px(u, 0.02f), before_w = ui_text_width(u, before, SZ_SMALL, false);
    int pain_w = before_w + gap + ui_text_width(u, after, SZ_SMALL, false);
    bool scale_below = pain_w + 2 * gap + ui_text_width(u, scale, SZ_SMALL, false) > w - 2 * m;
    int pain_legend_h = scale_below ? 2 * row : row;
    int pain_h = room / (portrait ? 3 : 5);
    int bars_h = room - pain_h - legend_h - pain_legend_h - m;
    ui_text_wrapped(u, legend_text, m, y, w - 2 * m, SZ_SMALL, UI_GREY, UI_LEFT);
    sessions_bars(u, v, m, y + legend_h + m / 2, w - 2 * m, bars_h);
    y += legend_h + bars_h + m;
    ui_text(u, before, m, y, SZ_SMALL, UI_WHITE, UI_LEFT, false);
    ui_text(u, after, m + before_w + gap, y, SZ_SMALL, UI_ACCENT, UI_LEFT, false);
    if (scale_below)
        ui_text(u, scale, m, y + row, SZ_SMALL, UI_GREY, UI_LEFT, false);
    else
        ui_text(u, scale, w - m, y, SZ_SMALL, UI_GREY, UI_RIGHT, false);
    y += pain_legend_h - row; /* the band starts a row below its legend, as before */
    pain_band(u, v, m, y + row, w - 2 * m, pain_h);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("back") } }, 1);
}
