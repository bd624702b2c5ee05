/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_text: what the text-parser fuzz targets share. The fuzzer's bytes become
 * a NUL-terminated string (a parser of files never sees a length), a parser
 * that refuses its input must say which file it refused, and every text it
 * keeps must end within its array.
 */
#ifndef RM_FUZZ_TEXT_H
#define RM_FUZZ_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A malloc'd copy of data with a NUL after it; the caller frees it. NULL when
 * out of memory (the input is then skipped). */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text) {
        memcpy(text, data, size);
        text[size] = '\0';
    }
    return text;
}

/* Aborts (a finding) unless a refusal message starts with the file's name. */
static inline void fuzz_refusal_names(const char *err, const char *name)
{
    if (strncmp(err, name, strlen(name)) != 0)
        abort();
}

/* Aborts unless the text kept in a char[cap] is NUL-terminated within it. */
static inline void fuzz_check_nul(const char *s, size_t cap)
{
    if (!memchr(s, '\0', cap))
        abort();
}

#endif
