/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "languages.h"

#include <ctype.h>
#include <stddef.h>

const shipped_language languages[] = {
    { "en", "English" },
    { "de", "Deutsch" },
    { "fr", "Fran\xc3\xa7" "ais" },
    { "es", "Espa\xc3\xb1ol" },
    { "it", "Italiano" },
};
const int languages_count = (int)(sizeof languages / sizeof languages[0]);

/* Whether s begins with code (any case) followed by its end, '-' or '_'. */
static int same_language(const char *s, const char *code)
{
    size_t i = 0;
    for (; code[i]; i++)
        if (tolower((unsigned char)s[i]) != code[i])
            return 0;
    return s[i] == '\0' || s[i] == '-' || s[i] == '_';
}

int languages_find(const char *code)
{
    if (!code)
        return -1;
    for (int i = 0; i < languages_count; i++)
        if (same_language(code, languages[i].code))
            return i;
    return -1;
}
