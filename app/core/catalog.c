/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * catalog: a .mo file's layout (catalog.h). A 28-byte header (magic,
 * revision, count, the two tables' offsets, the hash table's size and
 * offset), then two tables of count (length, offset) pairs of 32-bit words:
 * entry i of the first is original i, of the second its translation. Each
 * string is followed by a NUL that its length does not count. A plural
 * entry's original is "one\0many" and its translation the forms, each ending
 * in NUL, so strcmp on the original compares the singular alone. The hash
 * table is not used: a binary search over the sorted originals is as quick
 * for a few hundred strings.
 */
#include "catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plural.h"

#define MAGIC 0x950412deu
#define MAGIC_SWAPPED 0xde120495u
#define HEADER_SIZE 28

static uint32_t word(const catalog *c, size_t offset)
{
    uint32_t w;
    memcpy(&w, c->data + offset, sizeof w);
    if (c->swapped)
        w = (w >> 24) | ((w >> 8) & 0xff00u) | ((w << 8) & 0xff0000u) | (w << 24);
    return w;
}

/* String i of the table at `table`, and its length (excluding the NUL). */
static const char *string_at(const catalog *c, uint32_t table, uint32_t i, uint32_t *len)
{
    size_t entry = (size_t)table + (size_t)i * 8;
    *len = word(c, entry);
    return (const char *)c->data + word(c, entry + 4);
}

/* Whether the table's count entries and their strings lie in the bytes. */
static bool table_fits(const catalog *c, uint32_t table)
{
    if (table > c->size || (c->size - table) / 8 < c->count)
        return false;
    for (uint32_t i = 0; i < c->count; i++) {
        size_t entry = (size_t)table + (size_t)i * 8;
        size_t len = word(c, entry), offset = word(c, entry + 4);
        if (offset > c->size || c->size - offset <= len || c->data[offset + len] != '\0')
            return false;
    }
    return true;
}

static void err_set(char *err, size_t cap, const char *what)
{
    if (err && cap)
        snprintf(err, cap, "not a gettext catalogue: %s", what);
}

/* "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : ...);" in the header. */
static void read_plural_forms(catalog *c)
{
    c->nplurals = 2;
    snprintf(c->plural, sizeof c->plural, "(n != 1)");
    const char *header = catalog_text(c, "");
    const char *forms = header ? strstr(header, "Plural-Forms:") : NULL;
    if (!forms)
        return;
    const char *np = strstr(forms, "nplurals=");
    const char *expr = strstr(forms, "plural=");
    while (expr && expr > forms && expr[-1] == 'n') /* "nplurals=" itself */
        expr = strstr(expr + 1, "plural=");
    if (!np || !expr)
        return;
    int n = atoi(np + strlen("nplurals="));
    expr += strlen("plural=");
    size_t len = strcspn(expr, ";\n");
    if (n < 1 || len >= sizeof c->plural)
        return;
    c->nplurals = n;
    snprintf(c->plural, sizeof c->plural, "%.*s", (int)len, expr);
}

bool catalog_parse(catalog *c, const void *data, size_t size, char *err, size_t errcap)
{
    memset(c, 0, sizeof *c);
    c->data = data;
    c->size = size;
    if (size < HEADER_SIZE) {
        err_set(err, errcap, "shorter than its header");
        return false;
    }
    uint32_t magic;
    memcpy(&magic, data, sizeof magic);
    if (magic != MAGIC && magic != MAGIC_SWAPPED) {
        err_set(err, errcap, "wrong magic number");
        return false;
    }
    c->swapped = magic == MAGIC_SWAPPED;
    if (word(c, 4) != 0) {
        err_set(err, errcap, "a revision this reader does not know");
        return false;
    }
    c->count = word(c, 8);
    c->originals = word(c, 12);
    c->translations = word(c, 16);
    if (!table_fits(c, c->originals) || !table_fits(c, c->translations)) {
        err_set(err, errcap, "a string outside the file");
        return false;
    }
    c->sorted = true;
    for (uint32_t i = 1; i < c->count && c->sorted; i++) {
        uint32_t len;
        c->sorted = strcmp(string_at(c, c->originals, i - 1, &len),
                           string_at(c, c->originals, i, &len)) < 0;
    }
    read_plural_forms(c);
    return true;
}

/* The index of msgid among the originals, or -1. */
static long find(const catalog *c, const char *msgid)
{
    uint32_t len;
    if (!c->sorted) {
        for (uint32_t i = 0; i < c->count; i++)
            if (strcmp(string_at(c, c->originals, i, &len), msgid) == 0)
                return (long)i;
        return -1;
    }
    uint32_t lo = 0, hi = c->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(string_at(c, c->originals, mid, &len), msgid);
        if (cmp == 0)
            return (long)mid;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

const char *catalog_text(const catalog *c, const char *msgid)
{
    long i = c && msgid ? find(c, msgid) : -1;
    if (i < 0)
        return NULL;
    uint32_t len;
    const char *text = string_at(c, c->translations, (uint32_t)i, &len);
    return len > 0 ? text : NULL;
}

const char *catalog_plural(const catalog *c, const char *one, unsigned long n)
{
    long i = c && one ? find(c, one) : -1;
    unsigned long form;
    if (i < 0 || !plural_eval(c->plural, n, &form) || form >= (unsigned long)c->nplurals)
        return NULL;
    uint32_t len;
    const char *text = string_at(c, c->translations, (uint32_t)i, &len);
    const char *end = text + len; /* the forms lie in [text, end), NUL-separated */
    for (unsigned long k = 0; k < form && text < end; k++)
        text += strlen(text) + 1;
    return text < end && *text ? text : NULL;
}
