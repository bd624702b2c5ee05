/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_catalog: libFuzzer target for the .mo reader (app/core/catalog.c) and
 * the Plural-Forms evaluator it calls. The input is a catalogue's bytes;
 * catalog_parse must accept or refuse it with a reason, and lookups on an
 * accepted one must stay inside the bytes (ASan checks) and return strings
 * that end there.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

static void check_inside(const catalog *c, const char *s)
{
    if (!s)
        return;
    const char *base = (const char *)c->data;
    if (s < base || s >= base + c->size || !memchr(s, '\0', c->size - (size_t)(s - base)))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *copy = malloc(size ? size : 1); /* exact size: ASan sees overreads */
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    catalog c;
    char err[128] = "";
    if (!catalog_parse(&c, copy, size, err, sizeof err)) {
        if (strncmp(err, "not a gettext catalogue: ", 25) != 0)
            abort();
    } else {
        check_inside(&c, catalog_text(&c, ""));
        check_inside(&c, catalog_text(&c, "Rest"));
        for (unsigned long n = 0; n < 30; n += 7)
            check_inside(&c, catalog_plural(&c, "%d day", n));
    }
    free(copy);
    return 0;
}
