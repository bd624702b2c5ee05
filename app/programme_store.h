/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * programme_store: the programme a profile follows when it is not the
 * configured one: one brought on a USB stick and accepted, or changed by an
 * accepted progression. It lives in the data directory (the image's root is
 * read-only), at DATA_DIR/programmes/NAME.ini, NAME the profile's file name
 * (programme_store_name), written whole or not at all (atomic_file.h). It
 * outranks the config's `programme`; deleting the file goes back to that.
 */
#ifndef RM_PROGRAMME_STORE_H
#define RM_PROGRAMME_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "programme.h"

#define PROGRAMME_STORE_PATH 1200

/* A profile as a file name: letters, digits, '-', '_' and '.' kept, anything
 * else (a '/', a space) as '_', no leading '.', "default" for NULL or "". */
void programme_store_name(const char *profile, char *out, size_t cap);
/* DATA_DIR/programmes/NAME.ini into out. */
void programme_store_path(const char *data_dir, const char *profile, char *out, size_t cap);
/* Writes p as the profile's programme. False with the reason in errbuf (256). */
bool programme_store_save(const char *data_dir, const char *profile, const programme *p,
                          char *errbuf);
/* The profile's stored programme into *p when there is one that parses: true.
 * False when there is none (errbuf "") or it does not parse (errbuf says why,
 * and *p is the default programme); the caller then uses its own. */
bool programme_store_load(const char *data_dir, const char *profile, programme *p,
                          char *errbuf);

#endif
