/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_language: the language chooser, opened from home with a long OK.
 * Each language is listed in its own name (a person who cannot read the
 * current one still finds theirs), the one in use marked, the one under the
 * cursor boxed as in the pause menu. OK chooses; the station then switches
 * the screens and the voice and remembers the choice.
 */
#include <stdio.h>

#include "languages.h"
#include "screens_parts.h"

void screens_language(ui *u, const session_view *v, int64_t now_ms)
{
    (void)now_ms;
    int w = ui_width(u), cx = w / 2, m = screen_margin(u);
    int y = screen_title(u, _("Language"), UI_ACCENT);
    int bottom = screen_hints_top(u) - m;
    int row = (bottom - y) / languages_count, max_row = ui_px(u, 0.14f);
    row = row < max_row ? row : max_row;
    y += (bottom - y - row * languages_count) / 2;
    int bw = ui_unit(u) * 9 / 10;
    bw = bw < w - 2 * m ? bw : w - 2 * m;
    const float size = screen_row_text(u, row);
    int th = ui_px(u, size * 1.17f);
    for (int i = 0; i < languages_count; i++, y += row) {
        bool on = i == v->menu_cursor;
        char label[64];
        snprintf(label, sizeof label, i == v->language ? "%s  \xe2\x9c\x93" : "%s",
                 languages[i].name);
        if (on)
            ui_rect_outline(u, cx - bw / 2, y, bw, row - row / 8, ui_px(u, 0.008f), UI_ACCENT);
        ui_text(u, label, cx, y + (row - row / 8 - th) / 2, size, on ? UI_ACCENT : UI_WHITE,
                UI_CENTER, on);
    }
    screen_hints(u, (screen_hint[]){ { KEY_UPDOWN, _("choose") }, { KEY_OK, _("select") } }, 2);
    /* (a long OK leaves the list as it was) */
}
