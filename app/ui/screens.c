/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens: the dispatch from the view's screen to the screen family that
 * draws it, and the frame every screen shares (title, margins, the button
 * hints along the bottom). A person has only three buttons and is lying on
 * a mat 3 m away: every screen ends with a line saying what each button does
 * now, in the same place and the same style.
 */
#include "screens.h"

#include <stdio.h>

#include "screens_parts.h"

int screen_margin(ui *u) { return ui_px(u, SZ_MARGIN); }

int screen_hints_top(ui *u)
{
    return ui_height(u) - screen_margin(u) - ui_px(u, SZ_HINT * 1.25f);
}

/* Each hint is "KEY action"; hints are separated by a wide gap. */
static void hints_row(ui *u, const screen_hint *hints, int n, int y)
{
    int gap = ui_px(u, 0.08f), space = ui_px(u, 0.02f), total = 0;
    for (int i = 0; i < n; i++)
        total += ui_text_width(u, hints[i].key, SZ_HINT, true) + space +
                 ui_text_width(u, hints[i].action, SZ_HINT, false) + (i ? gap : 0);
    int room = ui_width(u) - 2 * screen_margin(u);
    if (total > room && n > 1) { /* the gaps give way first, to half */
        int less = (total - room + n - 2) / (n - 1);
        less = less < gap / 2 ? less : gap / 2;
        gap -= less;
        total -= less * (n - 1);
    }
    if (total > room)
        ui_report_unfit(u, hints[n - 1].action);
    int x = (ui_width(u) - total) / 2;
    for (int i = 0; i < n; i++) {
        ui_text(u, hints[i].key, x, y, SZ_HINT, UI_ACCENT, UI_LEFT, true);
        x += ui_text_width(u, hints[i].key, SZ_HINT, true) + space;
        ui_text(u, hints[i].action, x, y, SZ_HINT, UI_WHITE, UI_LEFT, false);
        x += ui_text_width(u, hints[i].action, SZ_HINT, false) + gap;
    }
}

int screen_hint_row(ui *u)
{
    return ui_px(u, SZ_HINT * 1.25f);
}

void screen_hints(ui *u, const screen_hint *hints, int n)
{
    hints_row(u, hints, n, screen_hints_top(u));
}

void screen_hints_two(ui *u, const screen_hint *upper, int n_upper, const screen_hint *lower,
                      int n_lower)
{
    hints_row(u, upper, n_upper, screen_hints_top(u) - screen_hint_row(u));
    hints_row(u, lower, n_lower, screen_hints_top(u));
}

float screen_fit_size(ui *u, const char *text, float size, bool bold, int max_width)
{
    int tw = ui_text_width(u, text, size, bold);
    if (tw > max_width && tw > 0)
        size = size * (float)max_width / (float)tw * 0.98f;
    return size;
}

float screen_fit(ui *u, const char *text, float size, bool bold, int max_width)
{
    size = screen_fit_size(u, text, size, bold, max_width);
    if (size < ui_min_text(u)) { /* never below legible: it must be said shorter */
        ui_report_unfit(u, text);
        size = ui_min_text(u);
    }
    return size;
}

/* Shrunk to the width down to TITLE_SHRINK of its size; a title longer than
 * that (a narrow portrait screen, a long translation) wraps instead. */
#define TITLE_SHRINK 0.75f

int screen_heading(ui *u, const char *text, int cx, int y, int max_width, float size,
                   ui_color color, bool draw)
{
    float one = screen_fit_size(u, text, size, false, max_width);
    if (one < size * TITLE_SHRINK || one < ui_min_text(u))
        return draw ? ui_text_wrapped(u, text, cx, y, max_width, size, color, UI_CENTER)
                    : ui_text_wrapped_height(u, text, max_width, size);
    return draw ? ui_text(u, text, cx, y, one, color, UI_CENTER, false)
                : ui_text_wrapped_height(u, text, max_width, one);
}

int screen_title(ui *u, const char *text, ui_color color)
{
    int y = screen_margin(u), width = ui_width(u) - 2 * screen_margin(u);
    float size = screen_fit_size(u, text, SZ_TITLE, true, width);
    if (size >= SZ_TITLE * TITLE_SHRINK)
        return y + ui_text(u, text, ui_width(u) / 2, y, size, color, UI_CENTER, true);
    return y + ui_text_wrapped(u, text, ui_width(u) / 2, y, width, SZ_TITLE * 0.85f, color,
                               UI_CENTER);
}

const programme_block *screen_block(const session_view *v)
{
    if (!v->prog || v->block < 0 || v->block >= v->prog->n_blocks)
        return NULL;
    return &v->prog->blocks[v->block];
}

void screen_block_name(const programme_block *b, char *buf, size_t cap)
{
    if (!b) {
        snprintf(buf, cap, "%s", _("Exercise"));
        return;
    }
    const char *title = screen_tr(b->title[0] ? b->title : exercise_name(b->exercise));
    if (b->side == SIDE_NONE)
        snprintf(buf, cap, "%s", title);
    else
        snprintf(buf, cap, b->side == SIDE_LEFT ? _("%s, left side") : _("%s, right side"), title);
}

float screen_row_text(ui *u, int row)
{
    float size = (float)(row - row / 8) / (1.3f * (float)ui_unit(u));
    size = size < SZ_BODY * 1.25f ? size : SZ_BODY * 1.25f;
    return size > ui_min_text(u) ? size : ui_min_text(u);
}

const char *screen_tr(const char *s)
{
    return s && s[0] ? _(s) : s;
}

int screen_seconds(int64_t ms)
{
    return ms <= 0 ? 0 : (int)((ms + 999) / 1000);
}

/* The station's notice about the record (not saved, set aside), in small
 * grey type just above the hints (rows of them: home has two), wrapped at the
 * legibility floor when it is long: there to read, not to alarm. */
int screen_notice_height(ui *u, const char *text)
{
    if (!text)
        return 0;
    int max_w = ui_width(u) - 2 * screen_margin(u);
    return ui_text_wrapped_height(u, text, max_w, ui_min_text(u)) + screen_margin(u) / 3;
}

static void draw_notice(ui *u, const char *text, int rows)
{
    int w = ui_width(u), max_w = w - 2 * screen_margin(u);
    int y = screen_hints_top(u) - (rows - 1) * screen_hint_row(u) -
            screen_notice_height(u, text);
    ui_text_wrapped(u, text, w / 2, y, max_w, ui_min_text(u), UI_GREY, UI_CENTER);
}

void screens_draw(ui *u, const session_view *v, const camera_frame *frame, int64_t now_ms)
{
    ui_legibility_reset(u); /* counted per screen drawn (ui.h) */
    ui_clear(u);
    switch (v->screen) {
    case SCREEN_HOME: screens_home(u, v, now_ms); break;
    case SCREEN_PAIN_BEFORE:
    case SCREEN_PAIN_DURING:
    case SCREEN_PAIN_AFTER: screens_pain(u, v, now_ms); break;
    case SCREEN_PAIN_STOP: screens_pain_stop(u, v, now_ms); break;
    case SCREEN_RED_FLAG: screens_red_flag(u, v, now_ms); break;
    case SCREEN_RED_FLAG_CHECK: screens_red_flag_check(u, v, now_ms); break;
    case SCREEN_INTRO: screens_intro(u, v, now_ms); break;
    case SCREEN_POSITION: screens_position(u, v, frame, now_ms); break;
    case SCREEN_SET: screens_set(u, v, now_ms); break;
    case SCREEN_REST: screens_rest(u, v, now_ms); break;
    case SCREEN_PAUSE: screens_pause(u, v, now_ms); break;
    case SCREEN_SUMMARY: screens_summary(u, v, now_ms); break;
    case SCREEN_CAMERA_LOST: screens_camera_lost(u, v, now_ms); break;
    case SCREEN_WHO: screens_who(u, v, now_ms); break;
    case SCREEN_ATTRACT: screens_attract(u, v, now_ms); break;
    case SCREEN_SLEEP: screens_sleep(u, v, now_ms); break;
    case SCREEN_STILL_THERE: screens_still_there(u, v, now_ms); break;
    case SCREEN_LANGUAGE: screens_language(u, v, now_ms); break;
    default: screens_home(u, v, now_ms); break;
    }
    if (v->notice && (v->screen == SCREEN_HOME || v->screen == SCREEN_SUMMARY))
        draw_notice(u, screen_tr(v->notice), v->screen == SCREEN_HOME ? 2 : 1);
}
