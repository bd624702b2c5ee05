/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_panels: drawing the panels over home (app/panels.h): the history
 * (screens_history.c), the USB stick and a progression proposal
 * (screens_stick.c). Reads only the panels' view.
 */
#ifndef RM_SCREENS_PANELS_H
#define RM_SCREENS_PANELS_H

#include "panels.h"
#include "ui.h"

/* Draws the whole screen for the open panel. Does not present. */
void screens_draw_panel(ui *u, const panels_view *v);

void screens_history(ui *u, const panels_view *v);

#endif
