/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_exercise: the screens around the counting itself: INTRO (what to
 * do, shown by the demo figure, the cues and the dose), POSITION (the
 * contrast-stretched camera view with the box the body should lie in; beside
 * it whether anyone is seen on the mat, then the counter's first second of
 * pictures), REST (a big countdown and what comes next) and PAUSE (the
 * menu a long OK opens). SET, the counting screen, is in screens_set.c.
 *
 * Landscape screens put the picture on the left and the words on the right;
 * portrait screens stack them. Every screen ends with the button hints.
 */
#include <stdio.h>

#include "screens_parts.h"

/* Wide enough for picture and words side by side (16:9, not 4:3). */
static bool landscape(ui *u) { return ui_width(u) * 10 >= ui_height(u) * 15; }


/* "3 sets × 10 reps, hold 2 s", wrapped only after its comma: every other
 * space becomes a no-break space, so "3 sets × 10 reps" and "hold 2 s" each
 * stay whole. */
static void dose_text(const programme_block *b, char *buf, size_t cap)
{
    char sets[48], reps[48], text[160];
    snprintf(sets, sizeof sets, P_("%d set", "%d sets", b->sets), b->sets);
    snprintf(reps, sizeof reps, P_("%d rep", "%d reps", b->reps), b->reps);
    int n = snprintf(text, sizeof text, "%s \xc3\x97 %s", sets, reps);
    if (b->hold_s > 0 && n > 0 && (size_t)n < sizeof text)
        snprintf(text + n, sizeof text - (size_t)n, _(", hold %d\xc2\xa0s"), b->hold_s);
    size_t k = 0;
    for (const char *p = text; *p && k + 3 <= cap; p++) {
        if (*p == ' ' && p > text && p[-1] != ',') {
            buf[k++] = '\xc2';
            buf[k++] = '\xa0';
        } else {
            buf[k++] = *p;
        }
    }
    buf[k < cap ? k : cap - 1] = '\0';
}

#define BULLET "\xe2\x80\xa2"

/* The cues as bullet lines and the dose, left-aligned at x from y. A cue's
 * wrapped lines hang under its first word, not under the bullet. With draw
 * false, only measures. Returns the height used. */
static int intro_words(ui *u, const programme_block *b, int x, int y, int max_w, float size,
                       bool draw)
{
    char buf[160];
    int gap = ui_px(u, 0.02f), y0 = y;
    int indent = ui_text_width(u, BULLET " ", size, false);
    for (int i = 0; i < b->n_cues; i++) {
        const char *cue = screen_tr(b->cues[i]);
        if (draw)
            ui_text(u, BULLET, x, y, size, UI_WHITE, UI_LEFT, false);
        y += (draw ? ui_text_wrapped(u, cue, x + indent, y, max_w - indent, size, UI_WHITE, UI_LEFT)
                   : ui_text_wrapped_height(u, cue, max_w - indent, size)) + gap;
    }
    dose_text(b, buf, sizeof buf); /* wrapped, never shrunk */
    y += gap + (draw ? ui_text_wrapped(u, buf, x, y + gap, max_w, size, UI_ACCENT, UI_LEFT)
                     : ui_text_wrapped_height(u, buf, max_w, size));
    return y - y0;
}

/* The largest size, from SZ_BODY * 1.4 down to SZ_SMALL, at which the words
 * fit max_h. */
static float words_size(ui *u, const programme_block *b, int max_w, int max_h)
{
    float size = SZ_BODY * 1.4f;
    while (size > SZ_SMALL && intro_words(u, b, 0, 0, max_w, size, false) > max_h)
        size = size * 0.9f > SZ_SMALL ? size * 0.9f : SZ_SMALL;
    return size;
}

void screens_intro(ui *u, const session_view *v, int64_t now_ms)
{
    const programme_block *b = screen_block(v);
    char name[160];
    screen_block_name(b, name, sizeof name);
    int w = ui_width(u), m = screen_margin(u);
    int y = screen_title(u, name, UI_WHITE);
    if (v->prog) {
        snprintf(name, sizeof name, _("Exercise %d of %d"), v->block + 1, v->prog->n_blocks);
        y += ui_text(u, name, w / 2, y, SZ_SMALL, UI_GREY, UI_CENTER, false);
    }
    int bottom = screen_hints_top(u) - m, room = bottom - y;
    exercise_kind ex = b ? b->exercise : EXERCISE_GENERIC;
    /* The figure faces the way the person will see themselves on POSITION:
     * the camera view is mirrored (like their reflection), and the camera
     * sees the right side as the mirror image of the left. */
    bool mirror = !(b && b->side == SIDE_RIGHT);
    int64_t t = now_ms - v->screen_since_ms;
    if (landscape(u)) {
        /* The words get 62%, or 74% when they do not fit in that at a size
         * legible at 3 m (wrapped cues: a short screen, a long translation);
         * the figure, lying down, is as clear smaller. */
        static const int figure_pct[] = { 38, 26 };
        int fw = 0, th = 0;
        float size = SZ_SMALL;
        for (size_t i = 0; i < sizeof figure_pct / sizeof figure_pct[0]; i++) {
            fw = w * figure_pct[i] / 100;
            if (!b)
                break;
            size = words_size(u, b, w - fw - 2 * m, room);
            th = intro_words(u, b, 0, 0, w - fw - 2 * m, size, false);
            if (th <= room)
                break;
        }
        ui_demo_figure(u, ex, mirror, t, m, y, fw - m, room);
        if (b) {
            if (th > room)
                ui_report_unfit(u, b->cues[0]);
            intro_words(u, b, fw + m, y + (room > th ? (room - th) / 2 : 0), w - fw - 2 * m, size,
                        true);
        }
    } else {
        /* The words below, the figure gets what is left (at most half). */
        /* The words as large as half the room allows (portrait has height). */
        float size = b ? words_size(u, b, w - 4 * m, room / 2) : SZ_SMALL;
        int th = b ? intro_words(u, b, 0, 0, w - 4 * m, size, false) + m : 0;
        int fh = room - th < room / 2 ? room - th : room / 2;
        ui_demo_figure(u, ex, mirror, t, m, y, w - 2 * m, fh);
        if (b)
            intro_words(u, b, 2 * m, y + fh + (room - fh - th) / 2 + m, w - 4 * m, size, true);
    }
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("when ready") }, { KEY_HOLD_OK, _("pause") } }, 2);
}

/* The fitted picture rect for a width x height frame in the box. */
static SDL_Rect fit_rect(int fw, int fh, int x, int y, int w, int h)
{
    int dw = w, dh = (int)((int64_t)w * fh / fw);
    if (dh > h) {
        dh = h;
        dw = (int)((int64_t)h * fw / fh);
    }
    return (SDL_Rect){ x + (w - dw) / 2, y + (h - dh) / 2, dw, dh };
}

/* The camera picture (or a placeholder) with the framing guide: the mat area,
 * the lower middle of the picture, where a person lying down should be. */
static void camera_box(ui *u, const camera_frame *frame, int x, int y, int w, int h)
{
    int fw = frame ? frame->width : 4, fh = frame ? frame->height : 3;
    SDL_Rect r = fit_rect(fw, fh, x, y, w, h);
    if (frame && frame->luma)
        ui_camera_view(u, frame->luma, frame->width, frame->height, frame->stride, x, y, w, h);
    else
        ui_text(u, _("Camera starting\xe2\x80\xa6"), r.x + r.w / 2, r.y + r.h / 2 - ui_px(u, 0.03f),
                SZ_BODY, UI_GREY, UI_CENTER, false);
    ui_rect_outline(u, r.x, r.y, r.w, r.h, 1, UI_GREY);
    ui_rect_outline(u, r.x + r.w / 10, r.y + r.h * 35 / 100, r.w * 8 / 10, r.h * 55 / 100,
                    ui_px(u, 0.008f), UI_ACCENT);
}

#define LOOK_MS 2000 /* the position screen's first look: a still person is known in 1-1.5 s */

/* The words under the ring: a heading and what to do (nobody seen; seen but
 * not yet still, unless a rep was counted lately: session.h); both wrapped
 * within max_w. With draw false only measures. */
static int ring_words(ui *u, const session_view *v, int cx, int y, int max_w, bool draw)
{
    bool learned = v->settled && v->counter.phase != REPS_PHASE_LEARNING;
    bool empty = v->presence == PRESENCE_EMPTY, seen = v->presence == PRESENCE_SEEN;
    /* The first look takes a moment (someone still on the mat is known by the
     * picture, presence.h): not "nobody" before it has had one. */
    const char *nobody = v->position_elapsed_ms < LOOK_MS ? _("Looking") : _("Nobody seen yet");
    const char *head = !seen ? (empty ? _("The mat is empty") : nobody)
                       : learned ? _("Ready") : _("I can see you");
    bool ask_still = !v->settled && (!v->early_rep || v->unsettled_ms >= SESSION_KEEP_STILL_MS);
    const char *what = seen ? (ask_still ? _("Keep still a moment") : NULL)
                       : empty ? _("Lie down on the mat") : _("Lie on the mat, or move a little");
    ui_color c = seen && learned ? UI_OK : UI_WHITE;
    int h = screen_heading(u, head, cx, y, max_w, SZ_BODY, c, draw);
    if (what)
        h += draw ? ui_text_wrapped(u, what, cx, y + h, max_w, SZ_SMALL, UI_GREY, UI_CENTER)
                  : ui_text_wrapped_height(u, what, max_w, SZ_SMALL);
    return h;
}

/* Whether anyone is seen on the mat (presence.h) and, once someone is and
 * has kept still, the learning ring: the counter's first second of pictures;
 * until then an empty grey ring. The ring and its words as one block centred in the box
 * (top, room); the ring gives way to the words. */
static void learn_ring(ui *u, const session_view *v, int cx, int top, int room, int r, int max_w)
{
    int gap = ui_px(u, 0.02f), words = ring_words(u, v, cx, 0, max_w, false);
    int fit = (room - gap - words) / 2, least = ui_px(u, 0.05f);
    r = r < fit ? r : fit > least ? fit : least;
    int block = 2 * r + gap + words;
    int cy = top + (room > block ? (room - block) / 2 : 0) + r;
    ring_words(u, v, cx, cy + r + gap, max_w, true);
    if (v->presence != PRESENCE_SEEN || !v->settled) {
        ui_ring(u, cx, cy, r, r / 5, 0.0f, UI_GREY);
        return;
    }
    bool learned = v->counter.phase != REPS_PHASE_LEARNING;
    float f = learned ? 1.0f : v->counter.learn_progress;
    ui_ring(u, cx, cy, r, r / 5, f, learned ? UI_OK : UI_ACCENT);
    char pct[8];
    snprintf(pct, sizeof pct, "%d%%", (int)(f * 100 + 0.5f));
    const char *mid = learned ? "\xe2\x9c\x93" : pct;
    /* inside the ring's hole (radius 0.8 r), however small the ring became */
    float size = screen_fit_size(u, mid, SZ_BODY * 1.4f, true, r * 13 / 10);
    int th = ui_px(u, size * 1.6f / 1.4f);
    ui_text(u, mid, cx, cy - th * 6 / 10, size, learned ? UI_OK : UI_WHITE, UI_CENTER, true);
}

void screens_position(ui *u, const session_view *v, const camera_frame *frame, int64_t now_ms)
{
    int w = ui_width(u), m = screen_margin(u);
    int y = screen_title(u, _("Get into position"), UI_WHITE);
    const programme_block *b = screen_block(v);
    char line[200], name[160];
    screen_block_name(b, name, sizeof name);
    snprintf(line, sizeof line, _("%s  \xc2\xb7  set %d of %d"), name, v->set, b ? b->sets : 1);
    y += ui_text(u, line, w / 2, y, SZ_SMALL, UI_GREY, UI_CENTER, false) + m / 2;
    int bottom = screen_hints_top(u) - m, room = bottom - y;
    if (ui_width(u) > ui_height(u)) {
        /* The picture at most 64% of the width, less where the height
         * limits it: the ring's words get what it does not use. */
        bool sized = frame && frame->width > 0 && frame->height > 0;
        int fw = sized ? frame->width : 4, fh = sized ? frame->height : 3;
        int pw = w * 64 / 100, need = 2 * m + (int)((int64_t)room * fw / fh);
        pw = need < pw ? need : pw;
        camera_box(u, frame, m, y, pw - m, room);
        int r = ui_px(u, 0.17f); /* "95%" fits inside, at a size read from the mat */
        learn_ring(u, v, pw + (w - pw) / 2, y, room, r, w - pw - m);
    } else {
        camera_box(u, frame, m, y, w - 2 * m, room * 6 / 10);
        int r = ui_px(u, 0.14f);
        learn_ring(u, v, w / 2, y + room * 6 / 10 + m, room * 4 / 10 - m, r, w - 2 * m);
    }
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("start now") }, { KEY_HOLD_OK, _("pause") } }, 2);
}

void screens_rest(ui *u, const session_view *v, int64_t now_ms)
{
    const programme_block *b = screen_block(v);
    int w = ui_width(u), cx = w / 2;
    int y = screen_title(u, _("Rest"), UI_ACCENT);
    char buf[200];
    if (b) { /* the set's last count, which the set screen leaves on: green when all done */
        bool all = v->reps_done >= b->reps;
        int n = snprintf(buf, sizeof buf, "%s", all ? "\xe2\x9c\x93 " : "");
        snprintf(buf + n, sizeof buf - (size_t)n, _("Set %d done: %d of %d reps"), v->set,
                 v->reps_done, b->reps);
        y += screen_heading(u, buf, cx, y, w - 2 * screen_margin(u), SZ_BODY,
                            all ? UI_OK : UI_GREY, true);
    }
    int next_h = ui_px(u, SZ_BODY * 1.3f * 1.3f);
    int bottom = screen_hints_top(u) - screen_margin(u) - next_h, room = bottom - y;
    int r = room * 42 / 100, unit_r = ui_px(u, 0.3f);
    r = r < unit_r ? r : unit_r;
    int cy = y + room / 2;
    int64_t total = v->prog ? (int64_t)v->prog->rest_s * 1000 : 45000;
    ui_ring(u, cx, cy, r, r / 7, total > 0 ? (float)v->rest_remaining_ms / (float)total : 0,
            UI_ACCENT);
    snprintf(buf, sizeof buf, "%d", screen_seconds(v->rest_remaining_ms));
    float size = (float)r / (float)ui_unit(u) * 0.9f;
    ui_text(u, buf, cx, cy - ui_px(u, size) * 58 / 100, size, UI_WHITE, UI_CENTER, true);
    if (b && v->set < b->sets)
        snprintf(buf, sizeof buf, _("Next: set %d of %d"), v->set + 1, b->sets);
    else
        snprintf(buf, sizeof buf, "%s", _("Next: a new exercise"));
    ui_text(u, buf, cx, bottom, SZ_BODY * 1.3f, UI_WHITE, UI_CENTER, true);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("skip rest") }, { KEY_HOLD_OK, _("pause") } }, 2);
}

/* A menu row's words: sound and volume say what they are now. */
static void pause_label(const session_view *v, pause_item item, char *buf, size_t cap)
{
    if (item == PAUSE_SOUND)
        snprintf(buf, cap, "%s", !v->sound_available ? _("Sound: off in the settings")
                                 : v->muted          ? _("Sound: off")
                                                     : _("Sound: on"));
    else if (item == PAUSE_VOLUME) {
        char vol[64];
        snprintf(vol, sizeof vol, _("Volume: %d"), v->volume);
        snprintf(buf, cap, v->menu_editing ? "\xe2\x96\xb2  %s  \xe2\x96\xbc" : "%s", vol);
    }
    else
        snprintf(buf, cap, "%s", screen_tr(pause_item_label(item)));
}

void screens_pause(ui *u, const session_view *v, int64_t now_ms)
{
    int w = ui_width(u), cx = w / 2;
    int y = screen_title(u, _("Paused"), UI_ACCENT);
    int bottom = screen_hints_top(u) - screen_margin(u);
    int row = (bottom - y) / PAUSE_ITEM_COUNT, max_row = ui_px(u, 0.12f);
    row = row < max_row ? row : max_row;
    y += (bottom - y - row * PAUSE_ITEM_COUNT) / 2;
    int bw = ui_unit(u) * 3 / 2; /* eight items: the labels get the width */
    bw = bw < w - 2 * screen_margin(u) ? bw : w - 2 * screen_margin(u);
    for (int i = 0; i < PAUSE_ITEM_COUNT; i++, y += row) {
        bool on = i == v->menu_cursor;
        char label[128];
        pause_label(v, (pause_item)i, label, sizeof label);
        /* Undo does something only over a set with a rep in it; sound and
         * volume only when the station has sound. */
        bool idle = (i == PAUSE_UNDO &&
                     !(v->reps_done > 0 && (v->paused_from == SCREEN_SET ||
                                            v->paused_from == SCREEN_CAMERA_LOST))) ||
                    ((i == PAUSE_SOUND || i == PAUSE_VOLUME) && !v->sound_available);
        float size = screen_row_text(u, row);
        int th = ui_px(u, size * 1.17f);
        if (on)
            ui_rect_outline(u, cx - bw / 2, y, bw, row - row / 8, ui_px(u, 0.008f), UI_ACCENT);
        ui_text(u, label, cx, y + (row - row / 8 - th) / 2, screen_fit(u, label, size, on, bw),
                on ? UI_ACCENT : idle ? UI_GREY : UI_WHITE, UI_CENTER, on);
    }
    if (v->menu_editing)
        screen_hints(u, (screen_hint[]){ { KEY_UPDOWN, _("louder, softer") }, { KEY_OK, _("done") } },
                     2);
    else
        screen_hints(u, (screen_hint[]){ { KEY_UPDOWN, _("choose") }, { KEY_OK, _("select") } }, 2);
}
