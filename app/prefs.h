/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prefs: what the person chose on the station itself, with the buttons: the
 * pause menu's sound (on or muted) and volume. They are kept in the data
 * directory, DATA_DIR/sound.ini, because the config file is read-only on the
 * kiosk image (/etc under a RAM overlay: a change there is gone at the next
 * boot) and the data directory is the one place the station writes:
 *
 *   [sound]
 *   muted = no        ; yes | no
 *   volume = 60       ; 0..100
 *
 * Applied over the config file's sound and volume at start. Nothing about a
 * person is in it. A missing file is the config's values; a bad one is
 * logged and ignored.
 */
#ifndef RM_PREFS_H
#define RM_PREFS_H

#include <stdbool.h>

#define PREFS_FILE "sound.ini"

typedef struct prefs {
    bool muted;
    int volume; /* 0..100 */
} prefs;

/* Reads DATA_DIR/sound.ini over *p; keys it lacks keep their values. True
 * when a saved choice was read. */
bool prefs_load(const char *data_dir, prefs *p);
/* Writes DATA_DIR/sound.ini whole (a temporary file, synced, then renamed
 * over it, so a power cut leaves the old or the new). False, logged, when it
 * cannot be written (the choice then lasts until the station stops). */
bool prefs_save(const char *data_dir, const prefs *p);

#endif
