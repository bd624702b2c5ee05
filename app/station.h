/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * station: the running product. Opens the display, camera, buttons, sound,
 * programme and adherence log from the settings (falling back, with one log
 * line each, when a device is missing or a file is bad), then runs the one main
 * loop: camera frames, button presses, timers and window events all arrive on
 * the main thread and go to the session; the screen is redrawn only when the
 * view changed (or a live picture is shown), and a screenshot is written on
 * every change of screen when asked for.
 *
 * With a virtual clock the loop jumps time straight to the next due frame,
 * press or timer, so a whole session replays in seconds and identically.
 */
#ifndef RM_STATION_H
#define RM_STATION_H

#include "settings.h"

/* Runs until the window is closed, SIGINT/SIGTERM, or exit_after_s. Returns the
 * process exit status: 0 on a normal stop, 1 when the station could not start. */
int station_run(const settings *cfg);

#endif
