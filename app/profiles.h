/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * profiles: the people who use a home station, from a file (there is no
 * typing on the station). One section per person, in the order the
 * "Who's exercising?" screen lists them:
 *
 *   [alice]                 ; the key of her record: letters, digits, - _ .
 *   name = Alice            ; shown on the station (default: the key)
 *   programme = alice.ini   ; her prescription (default: programmes/alice.ini
 *                           ; beside this file if there is one, else the station's)
 *   language = de           ; her voice (default: the station's language)
 *
 * Relative programme paths are read from the file's own directory, so a
 * directory holding profiles.ini and programmes/ (the data directory, a USB
 * stick's rehab-mirror/ folder) is self-contained. Renaming a person is a new
 * `name`; the section's key is what her sessions are filed under (`erase
 * --profile KEY`), so changing it starts a new record. Removing a section
 * hides the person; her record stays until it is erased.
 *
 * A bad file is refused whole with "FILE:LINE: reason", and the station runs
 * as if it were not there (one person, the config's `profile`).
 */
#ifndef RM_PROFILES_H
#define RM_PROFILES_H

#include <stdbool.h>
#include <stddef.h>

#include "settings.h"

#define PROFILES_MAX 8          /* names that fit the screen, large, at 3 m */
#define PROFILES_KEY_MAX 32     /* bytes with the NUL */
#define PROFILES_NAME_MAX 48    /* bytes of UTF-8 with the NUL */
#define PROFILES_FILE "profiles.ini"

typedef struct profile {
    char key[PROFILES_KEY_MAX];            /* the record's profile */
    char name[PROFILES_NAME_MAX];          /* shown */
    char programme[SETTINGS_PATH_MAX];     /* as written; "" = the default lookup */
    char language[SETTINGS_LANGUAGE_MAX];  /* "" = the station's */
} profile;

typedef struct profiles {
    int n;
    profile p[PROFILES_MAX];
    char dir[SETTINGS_PATH_MAX];           /* the file's directory */
    const char *names[PROFILES_MAX];       /* p[i].name, for the screen */
} profiles;

/* Reads path. False with "PATH:LINE: reason" (or "PATH: ...") in errbuf (256
 * bytes) and *out empty; a file that does not exist is false with errbuf "".
 * A file with no sections is valid: nobody (n = 0). */
bool profiles_load(profiles *out, const char *path, char *errbuf);
/* The same from text in memory; dir is where relative programme paths are
 * read from; name is used in messages. */
bool profiles_parse(profiles *out, const char *text, const char *dir, const char *name,
                    char *errbuf);
/* The path of person i's programme into buf (cap bytes): her `programme`
 * (relative to the file's directory), else DIR/programmes/KEY.ini when it is
 * a regular file, else "" (the station's programme). */
void profiles_programme(const profiles *ps, int i, char *buf, size_t cap);
/* The people as profiles.ini text into buf (NUL-terminated), without their
 * `programme` keys (a station keeps each person's programme in its data
 * directory: programme_store.h). False when it does not fit in cap bytes
 * (4 KiB always does). profiles_parse of the text gives the same people. */
bool profiles_format(const profiles *ps, char *buf, size_t cap);
/* The index of the person with this key, or -1. */
int profiles_find(const profiles *ps, const char *key);
/* A valid key: 1..31 bytes of letters, digits, '-', '_' or '.', not starting
 * with '.' or '-'. */
bool profiles_valid_key(const char *key);

#endif
