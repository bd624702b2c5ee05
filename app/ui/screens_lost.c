/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_lost: the camera stopped sending pictures in the middle of an
 * exercise. Read from the mat at 3 m, it must say three things in plain,
 * large words: what happened, what to do (check the cable), and that nothing
 * is lost (the set keeps its count and carries on by itself when the picture
 * comes back). No camera picture, no moving parts: the screen stays still,
 * so it costs nothing while it waits.
 */
#include <stdio.h>

#include "screens_parts.h"

#define SZ_LOST_BODY 0.075f

void screens_camera_lost(ui *u, const session_view *v, int64_t now_ms)
{
    (void)now_ms;
    int w = ui_width(u), m = screen_margin(u), cx = w / 2, tw = w - 4 * m;
    int y = screen_title(u, _("The camera has stopped"), UI_WARN);
    const char *what = _("Check that the camera cable is pushed in firmly at both ends.");
    char kept[160];
    const programme_block *b = screen_block(v);
    if (v->paused_from == SCREEN_SET && b)
        snprintf(kept, sizeof kept, _("Your set is kept: %d of %d. It goes on by itself "
                                      "when the camera is back."), v->reps_done, b->reps);
    else
        snprintf(kept, sizeof kept, "%s", _("It goes on by itself when the camera is back."));
    int gap = ui_px(u, 0.05f);
    int h1 = ui_text_wrapped_height(u, what, tw, SZ_LOST_BODY);
    int h2 = ui_text_wrapped_height(u, kept, tw, SZ_LOST_BODY);
    int room = screen_hints_top(u) - y;
    y += (room - h1 - gap - h2) > 0 ? (room - h1 - gap - h2) / 2 : 0;
    y += ui_text_wrapped(u, what, cx, y, tw, SZ_LOST_BODY, UI_WHITE, UI_CENTER) + gap;
    ui_text_wrapped(u, kept, cx, y, tw, SZ_LOST_BODY, UI_OK, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_HOLD_OK, _("menu") } }, 1);
}
