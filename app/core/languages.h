/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * languages: the languages the station ships (screens and voice), as the
 * language chooser lists them: each in its own name, so a person who cannot
 * read the current one still finds theirs. The code is the `language` config
 * key's value and the gettext catalogue's name (po/CODE.po); espeak-ng has a
 * voice for each. Adding a language: po/CODE.po and a row here (README).
 * Pure: no I/O.
 */
#ifndef RM_LANGUAGES_H
#define RM_LANGUAGES_H

typedef struct shipped_language {
    const char *code; /* "de" */
    const char *name; /* "Deutsch" */
} shipped_language;

extern const shipped_language languages[];
extern const int languages_count;

/* The row for a language name as the config gives it ("de", "de-de", "en-us",
 * "pt_BR": the part before '-' or '_' decides), or -1 when the station does
 * not ship it (its screens are then English; espeak-ng may still speak it). */
int languages_find(const char *code);

#endif
