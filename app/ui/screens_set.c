/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_set: the counting screen, the one seen most and from furthest
 * away. The rep count is drawn in numerals at least 40% of the screen's
 * shorter side tall (readable from 3 m), with "of 10" beside it. Beside (or,
 * in portrait, below) the count a status area says what to do now: while
 * holding, a big ring empties as the hold runs and shows the seconds left;
 * right after a rep it says "Relax"; after a partial, a short hold, an OK the
 * camera had already counted or an undo, the session's flash word ("Partial",
 * "Hold longer", "Counted", "Taken back") instead; otherwise the phase in one
 * word. A small
 * bar shows how far the counter sees the movement going, so a person can tell
 * that the camera sees them. The cue line and the "not saved" warning come
 * from the view. A block led by the clock (quad sets, timed_hold.h) says so
 * beside its name ("timed hold"), shows "Tighten", the ring while holding,
 * then "Relax".
 */
#include <stdio.h>
#include <string.h>

#include "screens_parts.h"
#include "timed_hold.h"

#define SZ_COUNT 0.62f /* DejaVu digits are ~0.73 em: 0.45 of ui_unit */
#define RELAX_SHOW_MS 1500

typedef struct set_layout {
    SDL_Rect count, status, level; /* level: the movement bar */
    bool portrait;
} set_layout;

static set_layout layout(ui *u, int top, int bottom)
{
    int w = ui_width(u), m = screen_margin(u), unit = ui_unit(u);
    set_layout l;
    l.portrait = ui_height(u) > w;
    if (!l.portrait) {
        int bar_w = ui_px(u, 0.03f);
        l.count = (SDL_Rect){ m, top, w * 60 / 100 - m, bottom - top };
        l.status = (SDL_Rect){ w * 60 / 100, top, w * 40 / 100 - 3 * m - bar_w, bottom - top };
        l.level = (SDL_Rect){ w - m - bar_w, top + (bottom - top) / 6, bar_w,
                              (bottom - top) * 2 / 3 };
    } else {
        int ch = (bottom - top) * 45 / 100;
        ch = ch > unit * 70 / 100 ? ch : unit * 70 / 100;
        l.count = (SDL_Rect){ m, top, w - 2 * m, ch };
        l.level = (SDL_Rect){ w / 5, top + ch + m, w * 3 / 5, ui_px(u, 0.03f) };
        int st = l.level.y + l.level.h + m;
        l.status = (SDL_Rect){ m, st, w - 2 * m, bottom - st };
    }
    return l;
}

/* The huge count and "of N", "of N" right of the digits near their foot, the
 * two inside the count's box (two digits are drawn smaller where they would
 * not fit). */
static void draw_count(ui *u, const set_layout *l, int done, int target)
{
    char num[8], of[16];
    snprintf(num, sizeof num, "%d", done);
    snprintf(of, sizeof of, _("of %d"), target);
    /* As big as the box lets the digits be (0.73 em tall), at most SZ_COUNT. */
    float count = (float)l->count.h * 1.2f / (float)ui_unit(u);
    count = count < SZ_COUNT ? count : SZ_COUNT;
    int nw = ui_text_width(u, num, count, true), ow = ui_text_width(u, of, SZ_TITLE, false);
    int gap = ui_px(u, 0.03f), room = l->count.w - gap - ow;
    if (nw > room && room > 0) { /* two digits and "of 10": smaller, inside the box */
        count *= (float)room / (float)nw;
        nw = ui_text_width(u, num, count, true);
    }
    int px = ui_px(u, count);
    int digit_mid = px * 56 / 100; /* from the text top to the middle of the digits */
    if (!l->portrait) {
        int x = l->count.x + (l->count.w - nw - gap - ow) / 2;
        int y = l->count.y + l->count.h / 2 - digit_mid;
        ui_text(u, num, x, y, count, UI_WHITE, UI_LEFT, true);
        int foot = y + px * 93 / 100, oh = ui_px(u, SZ_TITLE);
        ui_text(u, of, x + nw + gap, foot - oh * 93 / 100, SZ_TITLE, UI_GREY, UI_LEFT, false);
    } else {
        int cx = l->count.x + l->count.w / 2;
        int y = l->count.y + l->count.h / 2 - digit_mid - ui_px(u, 0.04f);
        ui_text(u, num, cx - (ow + gap) / 2, y, count, UI_WHITE, UI_CENTER, true);
        int foot = y + px * 93 / 100, oh = ui_px(u, SZ_TITLE);
        ui_text(u, of, cx + nw / 2 - (ow + gap) / 2 + gap, foot - oh * 93 / 100, SZ_TITLE,
                UI_GREY, UI_LEFT, false);
    }
}

/* The hold: a ring that empties as the hold runs, seconds left inside; once
 * held, "Relax" as the voice says it (the cue line adds "and lower slowly"). */
static void draw_hold(ui *u, const SDL_Rect *box, const session_view *v, int hold_s)
{
    bool done = v->hold_remaining_ms <= 0;
    const char *label = done ? _("Relax") : _("Hold\xe2\x80\xa6");
    /* The label above the ring: one bold line, or wrapped at the floor when
     * a translation is too long for the box. */
    float lsize = screen_fit_size(u, label, SZ_TITLE, true, box->w);
    bool wraps = lsize < ui_min_text(u);
    int label_h = wraps ? ui_text_wrapped_height(u, label, box->w, ui_min_text(u))
                        : ui_px(u, SZ_TITLE * 1.2f);
    int cx = box->x + box->w / 2;
    int r = (box->w < box->h - label_h ? box->w : box->h - label_h) * 42 / 100;
    int unit_r = ui_px(u, 0.2f);
    r = r < unit_r ? r : unit_r;
    int cy = box->y + label_h + (box->h - label_h) / 2;
    float f = hold_s > 0 ? (float)v->hold_remaining_ms / (float)(hold_s * 1000) : 0;
    ui_ring(u, cx, cy, r, r / 6, done ? 1.0f : f, done ? UI_OK : UI_ACCENT);
    char buf[16];
    snprintf(buf, sizeof buf, "%d", screen_seconds(v->hold_remaining_ms));
    float size = (float)r / (float)ui_unit(u) * 0.9f;
    ui_text(u, done ? "\xe2\x9c\x93" : buf, cx, cy - ui_px(u, size) * 58 / 100, size,
            done ? UI_OK : UI_WHITE, UI_CENTER, true);
    if (wraps)
        ui_text_wrapped(u, label, cx, cy - r - label_h, box->w, ui_min_text(u),
                        done ? UI_OK : UI_ACCENT, UI_CENTER);
    else
        ui_text(u, label, cx, cy - r - label_h, lsize, done ? UI_OK : UI_ACCENT, UI_CENTER, true);
}

/* One big word for the phase when not holding. */
static void draw_phase(ui *u, const SDL_Rect *box, const session_view *v, int64_t now_ms)
{
    const char *word;
    ui_color c = UI_WHITE;
    if (v->set_complete) /* every rep in: the count beside it says how many */
        word = "\xe2\x9c\x93", c = UI_OK;
    else if (v->flash)
        word = screen_tr(v->flash), c = UI_WARN;
    else if (v->timed && v->timed_phase == TIMED_TIGHTEN)
        word = _("Tighten"), c = UI_ACCENT;
    else if (v->timed)
        word = _("Relax"), c = UI_OK;
    else if (v->last_rep_ms >= 0 && now_ms - v->last_rep_ms < RELAX_SHOW_MS)
        word = _("Relax"), c = UI_OK;
    else if (v->counter.phase == REPS_PHASE_LEARNING)
        word = _("Looking");
    else if (v->counter.phase == REPS_PHASE_MOVING)
        word = _("Slowly\xe2\x80\xa6");
    else
        word = _("Go"), c = UI_ACCENT;
    float size = screen_fit(u, word, 0.13f, true, box->w);
    int cx = box->x + box->w / 2;
    ui_text(u, word, cx, box->y + box->h / 2 - ui_px(u, size) * 6 / 10, size, c, UI_CENTER,
            true);
}

/* The exercise name and "Set 2 of 3": one line in landscape (name left, set
 * right), two centred lines in portrait. A note ("timed hold") goes in small
 * grey under the name. Returns the y below. */
static int header(ui *u, const char *name, const char *set, const char *note, bool unsaved)
{
    int w = ui_width(u), m = screen_margin(u), y = m;
    const float size = SZ_BODY * 1.1f;
    char warn[64];
    snprintf(warn, sizeof warn, "\xe2\x9a\xa0 %s", _("not saved"));
    if (ui_height(u) > w) {
        y += ui_text(u, name, w / 2, y, screen_fit(u, name, size, true, w - 2 * m), UI_WHITE,
                     UI_CENTER, true);
        if (note)
            y += ui_text(u, note, w / 2, y, SZ_SMALL, UI_GREY, UI_CENTER, false);
        y += ui_text(u, set, w / 2, y, size, UI_ACCENT, UI_CENTER, true);
        if (unsaved)
            y += ui_text(u, warn, w / 2, y, SZ_SMALL, UI_WARN, UI_CENTER, true);
        return y;
    }
    int bw = ui_text_width(u, set, size, true);
    int nh = ui_text(u, name, m, y, screen_fit(u, name, size, true, w - 3 * m - bw), UI_WHITE,
                     UI_LEFT, true);
    y += ui_text(u, set, w - m, y, size, UI_ACCENT, UI_RIGHT, true);
    int below = y;
    if (note)
        below = y - (y - m - nh) + ui_text(u, note, m, m + nh, SZ_SMALL, UI_GREY, UI_LEFT, false);
    if (unsaved)
        y += ui_text(u, warn, w - m, y, SZ_SMALL, UI_WARN, UI_RIGHT, true);
    return below > y ? below : y;
}

void screens_set(ui *u, const session_view *v, int64_t now_ms)
{
    const programme_block *b = screen_block(v);
    int w = ui_width(u), m = screen_margin(u);
    char name[160], buf[64];
    screen_block_name(b, name, sizeof name);
    snprintf(buf, sizeof buf, _("Set %d of %d"), v->set, b ? b->sets : 1);
        /* who counts: the clock; the camera only watches */
    int y = header(u, name, buf, v->timed ? _("timed hold") : NULL, v->unsaved);

    /* The cue line: one line, shrunk to fit down to the floor; a longer cue
     * (a translation) takes two lines at the floor. */
    const char *cue = v->cue && v->cue[0] && strcmp(v->cue, "Relax") != 0 ? screen_tr(v->cue)
                                                                           : NULL;
    float cue_size = cue ? screen_fit_size(u, cue, SZ_BODY * 1.2f, false, w - 2 * m) : SZ_BODY;
    bool cue_wraps = cue_size < ui_min_text(u);
    int cue_h = cue_wraps ? ui_text_wrapped_height(u, cue, w - 2 * m, ui_min_text(u))
                          : ui_px(u, SZ_BODY * 1.2f * 1.2f);
    int bottom = screen_hints_top(u) - m - cue_h;
    set_layout l = layout(u, y, bottom);
    draw_count(u, &l, v->reps_done, b ? b->reps : 0);
    bool holding = !v->set_complete &&
                   (v->timed ? v->timed_phase == TIMED_HOLD
                             : v->counter.phase == REPS_PHASE_HOLD && b && b->hold_s > 0);
    if (holding) { /* portrait: no cue while holding, so the ring takes its room too */
        SDL_Rect box = l.status;
        box.h += l.portrait ? cue_h : 0;
        draw_hold(u, &box, v, b ? b->hold_s : 0);
    } else
        draw_phase(u, &l.status, v, now_ms);

    ui_bar(u, l.level.x, l.level.y, l.level.w, l.level.h, v->counter.level, UI_ACCENT);

    if (cue && !holding && cue_wraps)
        ui_text_wrapped(u, cue, w / 2, bottom, w - 2 * m, ui_min_text(u), UI_WHITE, UI_CENTER);
    else if (cue && !holding)
        ui_text(u, cue, w / 2, bottom, cue_size, UI_WHITE, UI_CENTER, false);
    /* The set's last count, shown a moment: OK goes on, it adds nothing. */
    const char *ok = v->set_complete ? _("carry on") : _("add a rep");
    screen_hints(u, (screen_hint[]){ { KEY_OK, ok }, { KEY_HOLD_OK, _("pause") } }, 2);
}
