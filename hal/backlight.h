/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * backlight: the display panel's power, so a sleeping station is dark rather
 * than a black picture lit from behind. Linux shows a panel's backlight as
 * CLASS_DIR/NAME/bl_power (sysfs; 0 = on, 4 = FB_BLANK_POWERDOWN = off): the
 * Raspberry Pi 7" displays (rpi_backlight, or an I2C device named like
 * "10-0045") and most DSI and LCD panels have one; an HDMI monitor has none,
 * and SDL has no DPMS call, so there the sleeping screen is only black.
 *
 * The class directory is /sys/class/backlight, or $REHAB_MIRROR_BACKLIGHT:
 * tests point it at a directory shaped like sysfs (the fake backend is a
 * directory). The first device (by name) that has a bl_power is used.
 *
 * Never a reason to stop: no device, or a bl_power that cannot be written
 * (not in the video group, a read-only /sys), gives one log line saying the
 * screen will only be black, and a backlight that does nothing. Main thread.
 */
#ifndef RM_BACKLIGHT_H
#define RM_BACKLIGHT_H

#include <stdbool.h>
#include <stddef.h>

#define BACKLIGHT_CLASS_DIR "/sys/class/backlight"
#define BACKLIGHT_ENV "REHAB_MIRROR_BACKLIGHT"

typedef struct backlight backlight;

/* The class directory: class_dir when not NULL, else $REHAB_MIRROR_BACKLIGHT
 * when set and not empty, else BACKLIGHT_CLASS_DIR. */
const char *backlight_class_dir(const char *class_dir);
/* Looks, writes nothing: the first device in class_dir (as above) with a
 * bl_power, its name copied into name (size bytes). False when none. */
bool backlight_find(const char *class_dir, char *name, size_t size);

/* Finds the device and turns the panel on (a crash may have left it off).
 * Never NULL; without a usable device, one log line and a no-op backlight. */
backlight *backlight_create(const char *class_dir);
/* Turns the panel on, then frees. NULL is allowed. */
void backlight_destroy(backlight *b);
/* Panel on or off. Writes only when that changes; a write that fails logs
 * one line and makes the backlight a no-op from then on. */
void backlight_set_on(backlight *b, bool on);
/* The device in use, "" when there is none (or it could not be written). */
const char *backlight_name(const backlight *b);

#endif
