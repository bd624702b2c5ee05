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
/* The hints' width at `size`. */
/* The gap between hints and between a key and its action, at `size`. */
static void hint_gaps(ui *u, float size, int *gap, int *space)
{
    *gap = ui_px(u, 0.08f * size / SZ_HINT);
    *space = ui_px(u, 0.02f * size / SZ_HINT);
}

static int hints_width(ui *u, const screen_hint *hints, int n, float size)
{
    int gap, space, total = 0;
    hint_gaps(u, size, &gap, &space);
    for (int i = 0; i < n; i++)
        total += ui_text_width(u, hints[i].key, size, true) + space +
                 ui_text_width(u, hints[i].action, size, false) + (i ? gap : 0);
    return total;
}

/* Shrunk to fit the width when there are many (a narrow portrait screen). */
void screen_hints(ui *u, const screen_hint *hints, int n)
{
    int gap, space;
    int max_w = ui_width(u) - 2 * screen_margin(u);
    float size = SZ_HINT;
    int total = hints_width(u, hints, n, size);
    if (total > max_w) {
        size = SZ_HINT * (float)max_w / (float)total * 0.98f;
        total = hints_width(u, hints, n, size);
    }
    hint_gaps(u, size, &gap, &space);
    int x = (ui_width(u) - total) / 2, y = screen_hints_top(u);
    for (int i = 0; i < n; i++) {
        ui_text(u, hints[i].key, x, y, size, UI_ACCENT, UI_LEFT, true);
        x += ui_text_width(u, hints[i].key, size, true) + space;
        ui_text(u, hints[i].action, x, y, size, UI_WHITE, UI_LEFT, false);
        x += ui_text_width(u, hints[i].action, size, false) + gap;
    }
}

float screen_fit(ui *u, const char *text, float size, bool bold, int max_width)
{
    int tw = ui_text_width(u, text, size, bold);
    if (tw > max_width && tw > 0)
        size = size * (float)max_width / (float)tw * 0.98f;
    return size;
}

int screen_title(ui *u, const char *text, ui_color color)
{
    int y = screen_margin(u);
    float size = screen_fit(u, text, SZ_TITLE, true, ui_width(u) - 2 * screen_margin(u));
    return y + ui_text(u, text, ui_width(u) / 2, y, size, color, UI_CENTER, true);
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
        snprintf(buf, cap, "Exercise");
        return;
    }
    const char *title = b->title[0] ? b->title : exercise_name(b->exercise);
    if (b->side == SIDE_NONE)
        snprintf(buf, cap, "%s", title);
    else
        snprintf(buf, cap, "%s, %s side", title, side_name(b->side));
}

int screen_seconds(int64_t ms)
{
    return ms <= 0 ? 0 : (int)((ms + 999) / 1000);
}

/* The station's one-line notice about the record (not saved, set aside), in
 * small grey type just above the hints, on one line (shrunk to fit): there to
 * read, not to alarm. */
static void draw_notice(ui *u, const char *text)
{
    int w = ui_width(u);
    float size = screen_fit(u, text, SZ_SMALL, false, w - 2 * screen_margin(u));
    int y = screen_hints_top(u) - ui_px(u, size * 1.2f) - screen_margin(u) / 3;
    ui_text(u, text, w / 2, y, size, UI_GREY, UI_CENTER, false);
}

void screens_draw(ui *u, const session_view *v, const camera_frame *frame, int64_t now_ms)
{
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
    default: screens_home(u, v, now_ms); break;
    }
    if (v->notice && (v->screen == SCREEN_HOME || v->screen == SCREEN_SUMMARY))
        draw_notice(u, v->notice);
}
