/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_history: the last 8 weeks, opened from home with Down. Read from
 * the mat at 3 m, so the answers come first and large: this week's
 * adherence as a percentage and the streak (above the charts in portrait, in
 * a column left of them in landscape); then one bar per week (sessions done,
 * the prescribed number marked by a white line across it) and, under the
 * bars, the week's mean pain before (white) and after (accent) on the 0-10
 * scale, with a line at 5 (the limit). Black everywhere else: the mirror.
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

/* About half a small line: a figure drawn this far above a line has its
 * middle on it. */
static int half_line(ui *u)
{
    return ui_px(u, SZ_SMALL) * 6 / 10;
}

/* Weekly mean pain before (white) and after (accent), 0 at the bottom, its
 * lines at 10, 5 (the limit) and 0 labelled at its left (in the width given;
 * the 10 reaches half a line above y). */
static void pain_band(ui *u, const panels_view *v, int x, int y, int w, int h)
{
    int label = ui_text_width(u, "10", SZ_SMALL, false) + ui_px(u, 0.015f);
    int half = half_line(u);
    ui_text(u, "10", x, y - half, SZ_SMALL, UI_GREY, UI_LEFT, false);
    ui_text(u, "5", x, y + h / 2 - half, SZ_SMALL, UI_GREY, UI_LEFT, false);
    ui_text(u, "0", x, y + h - half, SZ_SMALL, UI_GREY, UI_LEFT, false);
    x += label;
    w -= label;
    int step = w / HISTORY_WEEKS, r = ui_px(u, 0.018f);
    ui_fill_rect(u, x, y, w, 1, UI_GREY); /* 10 */
    ui_fill_rect(u, x, y + h / 2, w, 1, UI_GREY); /* 5: the limit */
    ui_fill_rect(u, x, y + h, w, 1, UI_GREY); /* 0 */
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

/* The charts in the box from (x, y) to (x + w, bottom): the bars under their
 * legend (wrapped where the width is short), then the pain band under its
 * legend, its lines labelled 10, 5 and 0 at every size, and the scale in
 * words beside the legend too where that fits. */
static void charts(ui *u, const panels_view *v, int x, int y, int w, int bottom, bool portrait)
{
    int m = screen_margin(u), room = bottom - y;
    int row = ui_px(u, SZ_SMALL * 1.4f), one = ui_text_wrapped_height(u, "0", w, SZ_SMALL);
    const char *legend_text = _("Sessions each week (line: prescribed)");
    int legend_h = row * (ui_text_wrapped_height(u, legend_text, w, SZ_SMALL) / one);
    const char *before = _("Pain before"), *after = _("and after"), *scale = _("0-10, line at 5");
    int gap = ui_px(u, 0.02f), before_w = ui_text_width(u, before, SZ_SMALL, false);
    int pain_w = before_w + gap + ui_text_width(u, after, SZ_SMALL, false);
    bool words = pain_w + 2 * gap + ui_text_width(u, scale, SZ_SMALL, false) <= w;
    int pain_h = room / (portrait ? 3 : 4);
    int bars_h = room - pain_h - legend_h - row - m;
    ui_text_wrapped(u, legend_text, x, y, w, SZ_SMALL, UI_GREY, UI_LEFT);
    sessions_bars(u, v, x, y + legend_h + m / 2, w, bars_h);
    y += legend_h + bars_h + m;
    ui_text(u, before, x, y, SZ_SMALL, UI_WHITE, UI_LEFT, false);
    ui_text(u, after, x + before_w + gap, y, SZ_SMALL, UI_ACCENT, UI_LEFT, false);
    if (words)
        ui_text(u, scale, x + w, y, SZ_SMALL, UI_GREY, UI_RIGHT, false);
    /* half a line lower, so the 10 clears the legend */
    pain_band(u, v, x, y + row + half_line(u), w, pain_h - half_line(u));
}

/* Portrait: the figures, then the charts across the width. Landscape (the
 * 7" screen, a television): the figures in a column on the left and the
 * charts beside them with the whole height, which a stack would squeeze to
 * a strip. */
void screens_history(ui *u, const panels_view *v)
{
    int w = ui_width(u), cx = w / 2, m = screen_margin(u);
    int y = screen_title(u, _("Last 8 weeks"), UI_ACCENT) + ui_px(u, 0.01f);
    int bottom = screen_hints_top(u) - m;
    const history_week *now = &v->weeks[HISTORY_WEEKS - 1];
    char big[32], line[96], streak[96];
    snprintf(big, sizeof big, "%d%%", history_adherence_pct(now));
    snprintf(line, sizeof line, P_("%d of %d session this week", "%d of %d sessions this week", now->target),
             now->sessions, now->target);
    if (v->streak_days > 0)
        snprintf(streak, sizeof streak, P_("%d day in a row", "%d days in a row", v->streak_days),
                 v->streak_days);
    else
        snprintf(streak, sizeof streak, "%s", _("Start a new streak today"));
    if (ui_height(u) > w) {
        y += ui_text(u, big, cx, y, 0.2f, UI_WHITE, UI_CENTER, true);
        y += ui_text(u, line, cx, y, SZ_BODY, UI_WHITE, UI_CENTER, false);
        /* The streak (home shows it too) only where the charts keep room. */
        int streak_h = ui_px(u, SZ_BODY * 1.1f * 1.17f) + ui_px(u, 0.02f);
        if (bottom - y - streak_h > ui_px(u, 0.55f))
            y += ui_text(u, streak, cx, y, screen_fit(u, streak, SZ_BODY * 1.1f, true, w - 2 * m),
                         UI_OK, UI_CENTER, true) + ui_px(u, 0.02f);
        charts(u, v, m, y, w - 2 * m, bottom, true);
    } else {
        int col = (w - 2 * m) / 3, lx = m + col / 2, gap = ui_px(u, 0.05f);
        int ly = y + ui_text(u, big, lx, y, screen_fit(u, big, 0.2f, true, col), UI_WHITE,
                             UI_CENTER, true);
        ly += ui_text_wrapped(u, line, lx, ly, col, SZ_BODY, UI_WHITE, UI_CENTER) + ui_px(u, 0.03f);
        if (ly + ui_text_wrapped_height(u, streak, col, SZ_BODY) <= bottom)
            ui_text_wrapped(u, streak, lx, ly, col, SZ_BODY, UI_OK, UI_CENTER);
        charts(u, v, m + col + gap, y + ui_px(u, 0.02f), w - 2 * m - col - gap, bottom, false);
    }
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("back") } }, 1);
}
