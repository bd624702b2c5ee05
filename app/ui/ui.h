/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui: the drawing kit the screens are made of. Everything is drawn for a
 * mostly black screen (behind a two-way mirror black is the mirror) in high
 * contrast: white and one accent colour on black, all text at least 4.5:1.
 * Sizes are given as fractions of the screen's shorter side so one layout reads
 * the same in portrait and landscape, at 640x480 or at 1920x1080.
 *
 * Text is rendered with SDL2_ttf from the bundled font (assets/fonts); rendered
 * strings are cached so an unchanged screen costs almost nothing to redraw.
 */
#ifndef RM_UI_H
#define RM_UI_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "exercise.h"

typedef struct ui ui;

typedef enum ui_align { UI_LEFT, UI_CENTER, UI_RIGHT } ui_align;

typedef struct ui_color {
    uint8_t r, g, b;
} ui_color;

extern const ui_color UI_WHITE, UI_GREY, UI_ACCENT, UI_WARN, UI_OK, UI_TRACK;

/* The smallest text, as a fraction of ui_unit: legible from the mat. 5
 * minutes of arc at 3 m is 3000 mm x tan(5/60 deg) = 4.36 mm. A 7" 800x480
 * panel is 152.5 mm wide (7" diagonal at 5:3), 5.25 px/mm, so a capital must
 * be 22.9 px tall; DejaVu Sans capitals are 0.729 of the font's pixel size,
 * so the font must be at least 31.4 px: 0.067 of 480 is 32 px, capitals 23.3
 * px (4.4 mm, 5.1'). */
#define UI_MIN_TEXT 0.067f
/* In portrait the unit is the width, and a line holds fewer words: there
 * words (sizes below UI_WORDS_MAX; not numerals) are drawn at 0.75 of their
 * size, so the floor is 0.05 of the width (54 px on 1080x1920; a portrait
 * panel as narrow as 480 px would fall below 5'). */
#define UI_PORTRAIT_WORDS 0.75f
#define UI_WORDS_MAX 0.2f
/* The floor as a size to pass to ui_text: UI_MIN_TEXT. */
float ui_min_text(const ui *u);

/* What the screens drew that a person on the mat could not read, counted
 * since the last ui_legibility_reset (tests): text below UI_MIN_TEXT, text
 * reaching outside the screen, text drawn over other text, and text that did
 * not fit its box even at the smallest size (reported by the screens,
 * ui_report_unfit). `first` names the first offender. */
typedef struct ui_legibility {
    int small, outside, overlap, unfit;
    char first[160];
} ui_legibility;
void ui_legibility_reset(ui *u);
ui_legibility ui_get_legibility(const ui *u);
/* A screen's text did not fit its box at UI_MIN_TEXT. */
void ui_report_unfit(ui *u, const char *text);

/* Loads the fonts from asset_dir/fonts. NULL with a reason in errbuf (256). */
ui *ui_create(SDL_Renderer *renderer, const char *asset_dir, char *errbuf);
void ui_destroy(ui *u);

/* Call when the drawable size changes (and once before drawing). */
void ui_set_size(ui *u, int width, int height);
int ui_width(const ui *u);
int ui_height(const ui *u);
/* The shorter side: the unit every size below is a fraction of. */
int ui_unit(const ui *u);

void ui_clear(ui *u); /* black */
/* Text with its top at y, aligned about x. size is a fraction of ui_unit
 * (0.05 = body text, 0.5 = the huge count). Returns the height used. */
int ui_text(ui *u, const char *text, int x, int y, float size, ui_color color, ui_align align,
            bool bold);
/* Word-wrapped text within max_width; returns the height used. It is
 * balanced: the same number of lines as max_width gives, of about equal
 * length, so no word is left alone on the last. */
int ui_text_wrapped(ui *u, const char *text, int x, int y, int max_width, float size,
                    ui_color color, ui_align align);
/* The height ui_text_wrapped would use, without drawing. */
int ui_text_wrapped_height(ui *u, const char *text, int max_width, float size);
/* A ring (progress arc) centred at (cx, cy): fraction 0..1 of a full circle
 * filled, clockwise from twelve o'clock. */
void ui_ring(ui *u, int cx, int cy, int radius, int thickness, float fraction, ui_color color);
void ui_bar(ui *u, int x, int y, int w, int h, float fraction, ui_color color);
void ui_rect_outline(ui *u, int x, int y, int w, int h, int thickness, ui_color color);
/* Additions for the screens (compatible extensions). */
SDL_Renderer *ui_renderer(const ui *u);
/* A size (fraction of ui_unit) in pixels, at least 1. */
int ui_px(const ui *u, float size);
/* Width in pixels that ui_text would use for text at size. */
int ui_text_width(ui *u, const char *text, float size, bool bold);
void ui_fill_rect(ui *u, int x, int y, int w, int h, ui_color color);
/* Text textures currently cached (for tests: the cache stays bounded). */
int ui_text_cache_count(const ui *u);
/* Drops every cached text texture and closes the fonts; they come back on the
 * next draw. For resource figures that do not depend on which strings happen
 * to be cached (station.c's log_resources). */
void ui_flush_caches(ui *u);

/* The animated demo figure doing `ex` at time t_ms, in the box given. */
void ui_demo_figure(ui *u, exercise_kind ex, bool mirror, int64_t t_ms, int x, int y, int w,
                    int h);
/* A camera frame (luma) drawn dimmed in the box, keeping its aspect ratio. */
void ui_camera_view(ui *u, const uint8_t *luma, int width, int height, int stride, int x, int y,
                    int w, int h);

#endif
