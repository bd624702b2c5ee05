/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * catalog: one language's translations, read from a gettext .mo file's bytes
 * (msgfmt's output; the format is in the GNU gettext manual, "MO Files").
 *
 * Why not glibc's gettext: it looks a language up only through the locale,
 * and a fresh Debian root has no locale but C and C.UTF-8, where glibc 2.41
 * (Debian 13) ignores LANGUAGE as older ones ignore it in "C". The station
 * must speak German on a machine that has no German locale, so it reads its
 * own catalogues; msgfmt, xgettext and the .po files stay as they are.
 *
 * catalog_parse checks every table entry and string against the buffer's
 * size once, so the lookups that follow never read outside it whatever the
 * file held. Lookups: a binary search when the originals are sorted (msgfmt
 * sorts them), a linear one otherwise. Plurals follow the header's
 * Plural-Forms expression (plural.h). Pure: no I/O; the bytes are the
 * caller's and must outlive the catalog, as must the strings it returns.
 */
#ifndef RM_CATALOG_H
#define RM_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CATALOG_PLURAL_MAX 160

typedef struct catalog {
    const unsigned char *data;
    size_t size;
    uint32_t count;          /* strings */
    uint32_t originals;      /* offset of the originals' table */
    uint32_t translations;   /* offset of the translations' table */
    bool swapped;            /* written on a machine of the other byte order */
    bool sorted;             /* originals in strcmp order: binary search */
    int nplurals;            /* from Plural-Forms; 2 when it has none */
    char plural[CATALOG_PLURAL_MAX]; /* its plural= expression: "(n != 1)" */
} catalog;

/* Reads size bytes of a .mo file. False with the reason in err (errcap bytes)
 * when they are not one: too short, a wrong magic number, a revision other
 * than 0, or a table or string that lies outside the bytes or lacks its
 * terminating NUL. */
bool catalog_parse(catalog *c, const void *data, size_t size, char *err, size_t errcap);

/* The translation of msgid, or NULL when the catalogue has none (or an empty
 * one: gettext then shows the English too). */
const char *catalog_text(const catalog *c, const char *msgid);

/* The translation of the plural entry whose singular is `one`, in the form
 * the language uses for n, or NULL when there is none. */
const char *catalog_plural(const catalog *c, const char *one, unsigned long n);

#endif
