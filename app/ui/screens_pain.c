/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_pain: the pain check-ins and the stops they can lead to.
 *
 * The check-in uses the 0-10 numeric rating scale (PROTOCOL.md): the chosen
 * number is huge in the middle, with a word for it, and the whole scale sits
 * below with both ends labelled so "0 = no pain, 10 = worst" never needs
 * explaining. The check-in before a session starts at the person's last
 * answer and says so. Above 5 the number turns to the warning colour and one line
 * says what will happen, so an answer is never a surprise. PAIN_STOP and
 * RED_FLAG show the session's advice calmly, in large plain text;
 * RED_FLAG_CHECK lists the warning signs and asks before anything stops.
 */
#include <limits.h>
#include <stdio.h>

#include "screens_parts.h"

#define PAIN_LIMIT 5 /* above this the exercise (or session) stops */

static const char *pain_word(int pain)
{
    if (pain <= 0)
        return _("no pain");
    if (pain <= 3)
        return _("mild");
    if (pain <= 6)
        return _("moderate");
    if (pain <= 9)
        return _("severe");
    return _("worst imaginable");
}

static ui_color pain_color(int pain)
{
    return pain > PAIN_LIMIT ? UI_WARN : UI_WHITE;
}

/* After the exercises: "All done" only when every rep was (an early end is
 * not "all done"). */
static const char *pain_title(const session_view *v)
{
    bool all = v->total_done >= v->total_target;
    return v->screen == SCREEN_PAIN_BEFORE ? _("Before we start")
           : v->screen == SCREEN_PAIN_AFTER ? (all ? _("All done: one last check")
                                                   : _("One last check"))
                                            : _("Pain check");
}

static const char *pain_warning(session_screen s)
{
    return s == SCREEN_PAIN_BEFORE ? _("Above 5: no exercise today, rest instead")
           : s == SCREEN_PAIN_AFTER ? _("Above 5: rest, and take it easier next time")
                                     : _("Above 5: we stop for today");
}

/* 0..10 in a row, the chosen one boxed, "no pain" and "worst" under the ends. */
static void scale_row(ui *u, int pain, int y)
{
    int w = ui_width(u), width = ui_unit(u) * 13 / 10;
    if (width > w * 9 / 10)
        width = w * 9 / 10;
    int cell = width / 11, x0 = (w - cell * 11) / 2;
    int box = ui_px(u, 0.085f);
    char num[4];
    for (int i = 0; i <= 10; i++) {
        int cx = x0 + cell * i + cell / 2;
        snprintf(num, sizeof num, "%d", i);
        bool on = i == pain;
        if (on)
            ui_rect_outline(u, cx - box / 2, y - box / 8, box, box, ui_px(u, 0.006f),
                            pain_color(i));
        ui_text(u, num, cx, y, SZ_BODY, on ? pain_color(i) : UI_GREY, UI_CENTER, on);
    }
    int yl = y + box;
    ui_text(u, _("no pain"), x0, yl, SZ_SMALL, UI_GREY, UI_LEFT, false);
    ui_text(u, _("worst"), x0 + cell * 11, yl, SZ_SMALL, UI_GREY, UI_RIGHT, false);
}

void screens_pain(ui *u, const session_view *v, int64_t now_ms)
{
    int w = ui_width(u), cx = w / 2;
    int pain = v->pain < 0 ? 0 : v->pain > 10 ? 10 : v->pain;
    int y = screen_title(u, pain_title(v), UI_ACCENT);
    y += ui_px(u, 0.01f);
    y += ui_text_wrapped(u, _("How is your knee pain right now?"), cx, y, w * 9 / 10, SZ_BODY,
                         UI_WHITE, UI_CENTER);
    if (v->screen == SCREEN_PAIN_AFTER && v->pain_before >= 0) {
        /* The scale starts at the answer before the session: say so. */
        char before[96];
        snprintf(before, sizeof before, _("Before the session: %d"), v->pain_before);
        y += ui_text(u, before, cx, y, SZ_SMALL, UI_GREY, UI_CENTER, false);
    }
    int last = v->stats.last_pain_before;
    if (v->screen == SCREEN_PAIN_BEFORE && last >= 0 && last <= PAIN_LIMIT) {
        /* The scale starts at the last answer: said, so nobody adds to it. */
        char said[160]; /* short: the number below needs the room */
        snprintf(said, sizeof said, _("Last time: %d"), last);
        y += ui_text_wrapped(u, said, cx, y, w * 9 / 10, SZ_SMALL, UI_GREY, UI_CENTER);
    }

    int row = screen_hints_top(u) - ui_px(u, 0.22f);
    /* The number fills the room between the question and the scale, less a
     * line for the warning above 5 (kept free always: nothing jumps). */
    int warn_h = ui_px(u, SZ_SMALL * 1.2f), warn_y = row - ui_px(u, 0.085f) / 8 - warn_h;
    int room = warn_y - y;
    float size = (float)room / (float)ui_unit(u) * 0.62f;
    if (size > 0.4f)
        size = 0.4f;
    int ny = y + (room - ui_px(u, size * 1.45f)) / 2;
    char num[12];
    snprintf(num, sizeof num, "%d", pain);
    ny += ui_text(u, num, cx, ny, size, pain_color(pain), UI_CENTER, true) * 85 / 100;
    ui_text(u, pain_word(pain), cx, ny, SZ_BODY, pain_color(pain), UI_CENTER, false);

    scale_row(u, pain, row);
    if (pain > PAIN_LIMIT)
        ui_text(u, pain_warning(v->screen), cx, warn_y,
                screen_fit(u, pain_warning(v->screen), SZ_SMALL, false, w - 2 * screen_margin(u)),
                UI_WARN, UI_CENTER, false);
    screen_hints(u, (screen_hint[]){ { KEY_UPDOWN, _("choose") }, { KEY_OK, _("confirm") } }, 2);
}

/* A calm stop: a title in the warning colour, the advice large and plain. */
static void stop_screen(ui *u, const char *title, const char *advice, const char *ok_action)
{
    int w = ui_width(u), cx = w / 2;
    int y = screen_title(u, title, UI_WARN);
    int room = screen_hints_top(u) - screen_margin(u) - y;
    int max_w = w * 85 / 100;
    /* As large as fits, centred in the room between title and hints. */
    float size = SZ_BODY * 1.3f;
    int th = ui_text_wrapped_height(u, advice, max_w, size);
    while (th > room && size > ui_min_text(u)) {
        size = size * 0.9f > ui_min_text(u) ? size * 0.9f : ui_min_text(u);
        th = ui_text_wrapped_height(u, advice, max_w, size);
    }
    if (th > room)
        ui_report_unfit(u, advice);
    ui_text_wrapped(u, advice, cx, y + (room - th) / 2, max_w, size, UI_WHITE, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, ok_action } }, 1);
}

void screens_pain_stop(ui *u, const session_view *v, int64_t now_ms)
{
    const char *advice = v->advice && v->advice[0]
                             ? screen_tr(v->advice)
                             : _("That is more pain than we want. Rest now, and try an easier "
                                 "dose next time. If it keeps happening, talk to a "
                                 "physiotherapist.");
    stop_screen(u, _("Let's stop here"), advice, _("home"));
}

/* The warning signs of PROTOCOL.md, in the person's words. */
static const char *const SIGNS[] = {
    N_("Sharp or sudden pain"),
    N_("Pain that makes you limp or stops you standing on it"),
    N_("Swelling"),
    N_("The knee gives way, locks or catches"),
    N_("Fever with a hot, red, swollen knee"),
    N_("Calf pain or swelling"),
    N_("Chest pain or shortness of breath"),
};
#define N_SIGNS ((int)(sizeof SIGNS / sizeof SIGNS[0]))

static void sign_line(int i, char *line, size_t cap)
{
    snprintf(line, cap, "\xe2\x80\xa2 %s", _(SIGNS[i])); /* a bullet */
}

/* Signs first..last-1 as a bulleted list, left-aligned at x; with draw false
 * only measures. Returns the height. */
static int sign_list(ui *u, int first, int last, int x, int y, int max_w, float size, bool draw)
{
    char line[160];
    int y0 = y, gap = ui_px(u, size * 0.15f);
    for (int i = first; i < last; i++) {
        sign_line(i, line, sizeof line);
        y += (draw ? ui_text_wrapped(u, line, x, y, max_w, size, UI_WHITE, UI_LEFT)
                   : ui_text_wrapped_height(u, line, max_w, size)) + gap;
    }
    return y - y0;
}

/* "I have a warning sign": the question as the title, the signs under it
 * (two columns on a landscape screen), nothing ends until OK confirms. */
void screens_red_flag_check(ui *u, const session_view *v, int64_t now_ms)
{
    int w = ui_width(u), m = screen_margin(u);
    int y = screen_title(u, _("Do you have one of these?"), UI_WARN) + m / 2;
    int bottom = screen_hints_top(u) - m / 2;
    int cols = w > ui_height(u) ? 2 : 1, split = N_SIGNS;
    int col_w = (w - (cols + 1) * m) / cols;
    float size = SZ_BODY * 1.3f;
    int th;
    for (;;) {
        th = INT_MAX; /* two columns: the split with the shorter taller column */
        for (int k = cols == 2 ? 1 : N_SIGNS; k <= N_SIGNS; k++) {
            int a = sign_list(u, 0, k, 0, 0, col_w, size, false);
            int b = sign_list(u, k, N_SIGNS, 0, 0, col_w, size, false);
            if ((a > b ? a : b) < th)
                th = a > b ? a : b, split = k;
        }
        if (th <= bottom - y || size <= ui_min_text(u))
            break;
        size = size * 0.93f > ui_min_text(u) ? size * 0.93f : ui_min_text(u);
    }
    if (th > bottom - y)
        ui_report_unfit(u, _(SIGNS[0]));
    int top = y + (bottom - y - th) / 2;
    sign_list(u, 0, split, m, top, col_w, size, true);
    if (cols == 2)
        sign_list(u, split, N_SIGNS, 2 * m + col_w, top, col_w, size, true);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("yes, stop") }, { KEY_UPDOWN, _("no, back") } }, 2);
}

void screens_red_flag(ui *u, const session_view *v, int64_t now_ms)
{
    const char *advice = v->advice && v->advice[0]
                             ? screen_tr(v->advice)
                             : _("Please stop and contact a doctor or physiotherapist. "
                                 "For chest pain or shortness of breath, call emergency "
                                 "services now.");
    char title[160];
    snprintf(title, sizeof title, "\xe2\x9a\xa0  %s", _("Please stop now"));
    stop_screen(u, title, advice, _("finish"));
}
