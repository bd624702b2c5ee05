/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_programme: libFuzzer target for the programme INI loader
 * (app/core/programme.c). The input is the file's text; programme_parse must
 * either accept it with every dose inside the ranges programme.h documents, or
 * refuse it with a "NAME:LINE: reason" message and leave the default programme.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_text.h"
#include "programme.h"

/* Every string field must be NUL-terminated inside its array. */
static void check_text(const char *s)
{
    if (!memchr(s, '\0', PROGRAMME_TEXT))
        abort();
}

static void check_programme(const programme *p)
{
    check_text(p->name);
    if (p->n_blocks < 0 || p->n_blocks > PROGRAMME_MAX_BLOCKS)
        abort();
    for (int i = 0; i < p->n_blocks; i++) {
        const programme_block *b = &p->blocks[i];
        check_text(b->key);
        check_text(b->title);
        if (b->n_cues < 0 || b->n_cues > PROGRAMME_MAX_CUES)
            abort();
        for (int c = 0; c < b->n_cues; c++)
            check_text(b->cues[c]);
    }
    (void)programme_total_reps(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    programme p;
    char err[256] = "";
    if (!programme_parse(&p, text, "fuzz.ini", err))
        fuzz_refusal_names(err, "fuzz.ini");
    check_programme(&p);
    free(text);
    return 0;
}
