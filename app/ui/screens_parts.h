/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_parts: what the screen files share (private to app/ui). The common
 * frame of every screen (a title at the top, the button hints at the bottom,
 * the margins) and one draw function per screen family.
 *
 * Sizes are fractions of ui_unit (the shorter side). Vertical positions are
 * computed from the real height, so the extra room of a portrait screen goes
 * between the title, the middle and the hints rather than off the bottom.
 */
#ifndef RM_SCREENS_PARTS_H
#define RM_SCREENS_PARTS_H

#include <stddef.h>
#include <stdint.h>

#include "camera.h"
#include "intl.h"
#include "session.h"
#include "ui.h"

/* Nothing smaller than UI_MIN_TEXT (ui.h: 5' of arc at 3 m on a 7" panel). */
#define SZ_TITLE 0.09f  /* screen titles */
#define SZ_BODY 0.072f  /* sentences */
#define SZ_SMALL UI_MIN_TEXT /* secondary lines */
#define SZ_HINT UI_MIN_TEXT  /* the button hints */
#define SZ_MARGIN 0.04f

/* One button hint: "OK" + "start". key is drawn bold in the accent colour. */
typedef struct screen_hint {
    const char *key;
    const char *action;
} screen_hint;

#define KEY_UPDOWN "\xe2\x96\xb2\xe2\x96\xbc" /* ▲▼ */
#define KEY_OK "OK"
#define KEY_DOWN "\xe2\x96\xbc" /* ▼ */
#define KEY_UP "\xe2\x96\xb2" /* ▲ */
#define KEY_HOLD_OK _("hold OK")

/* Draws the hints centred along the bottom. */
void screen_hints(ui *u, const screen_hint *hints, int n);
/* Two rows of hints (a screen with four things to do): the upper row sits
 * screen_hint_row above the usual place, so content must end that much
 * higher. */
void screen_hints_two(ui *u, const screen_hint *upper, int n_upper, const screen_hint *lower,
                      int n_lower);
/* The height of one row of hints. */
int screen_hint_row(ui *u);
/* The room the record's notice (screens.c) takes above the hints; 0 for NULL. */
int screen_notice_height(ui *u, const char *text);
/* The y where the hints begin: content must stay above it. */
int screen_hints_top(ui *u);
/* size, shrunk if needed so text fits in max_width pixels, but never below
 * ui_min_text (then reported: ui_report_unfit). */
float screen_fit(ui *u, const char *text, float size, bool bold, int max_width);
/* The text size for a menu row `row` pixels tall (its box is 7/8 of it):
 * at most SZ_BODY * 1.25, never below the floor. */
float screen_row_text(ui *u, int row);
/* The same without the floor: for trying a layout before choosing it. */
float screen_fit_size(ui *u, const char *text, float size, bool bold, int max_width);
/* A heading centred on cx: one line shrunk to max_width, or wrapped at size
 * when even three quarters of size (or the legible least) is too wide. Returns its height;
 * with draw false only measures. */
int screen_heading(ui *u, const char *text, int cx, int y, int max_width, float size,
                   ui_color color, bool draw);
/* The title line at the top (shrunk to fit the width, or wrapped when even
 * three quarters of its size is too wide); returns the y just below it. */
int screen_title(ui *u, const char *text, ui_color color);
int screen_margin(ui *u);
/* The current programme block, or NULL when there is none. */
const programme_block *screen_block(const session_view *v);
/* "Clamshell, left side" / "Glute bridge" into buf. */
void screen_block_name(const programme_block *b, char *buf, size_t cap);
/* The translation of a string the session or the programme gave (marked N_()
 * where it was written); NULL and "" pass through (gettext("") is the
 * catalogue's header). A programme's own text stays as written unless it is
 * word for word one of the bundled programme's (po/bundled-programme.c) or
 * of the station's own strings. */
const char *screen_tr(const char *s);
/* Seconds to show for a countdown: rounded up, so "1" lasts until zero. */
int screen_seconds(int64_t ms);

void screens_home(ui *u, const session_view *v, int64_t now_ms);
void screens_pain(ui *u, const session_view *v, int64_t now_ms);
void screens_pain_stop(ui *u, const session_view *v, int64_t now_ms);
void screens_red_flag(ui *u, const session_view *v, int64_t now_ms);
void screens_red_flag_check(ui *u, const session_view *v, int64_t now_ms);
void screens_intro(ui *u, const session_view *v, int64_t now_ms);
void screens_position(ui *u, const session_view *v, const camera_frame *frame, int64_t now_ms);
void screens_set(ui *u, const session_view *v, int64_t now_ms);
void screens_rest(ui *u, const session_view *v, int64_t now_ms);
void screens_pause(ui *u, const session_view *v, int64_t now_ms);
void screens_summary(ui *u, const session_view *v, int64_t now_ms);
void screens_camera_lost(ui *u, const session_view *v, int64_t now_ms);
void screens_who(ui *u, const session_view *v, int64_t now_ms);
void screens_attract(ui *u, const session_view *v, int64_t now_ms);
void screens_sleep(ui *u, const session_view *v, int64_t now_ms);
void screens_still_there(ui *u, const session_view *v, int64_t now_ms);
void screens_language(ui *u, const session_view *v, int64_t now_ms);

#endif
