/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_profiles: libFuzzer target for the people file (app/profiles.c), which
 * a USB stick can bring to the station. The input is the file's text;
 * profiles_parse must accept it or refuse it with a "NAME:LINE: reason"
 * message and nobody in it, and what it keeps must fit: at most PROFILES_MAX
 * people, every text NUL-terminated in its array, every key of the allowed
 * characters, not a path, and unique, and each programme path, however joined, bounded.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_text.h"
#include "profiles.h"

/* Letters, digits, - _ . and not starting with - or . (the key names a file,
 * programmes/KEY.ini: no "..", no option). */
static void check_key(const char *key)
{
    static const char allowed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "0123456789-_.";
    if (!key[0] || key[0] == '.' || key[0] == '-' || strspn(key, allowed) != strlen(key))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    profiles ps;
    char err[256] = "";
    if (!profiles_parse(&ps, text, "/stick/rehab-mirror", "fuzz.ini", err)) {
        fuzz_refusal_names(err, "fuzz.ini");
        if (ps.n != 0) /* a refused file brings nobody */
            abort();
    }
    free(text);
    if (ps.n < 0 || ps.n > PROFILES_MAX)
        abort();
    for (int i = 0; i < ps.n; i++) {
        const profile *p = &ps.p[i];
        fuzz_check_nul(p->key, sizeof p->key);
        fuzz_check_nul(p->name, sizeof p->name);
        fuzz_check_nul(p->programme, sizeof p->programme);
        fuzz_check_nul(p->language, sizeof p->language);
        check_key(p->key);
        for (int j = 0; j < i; j++)
            if (!strcmp(ps.p[j].key, p->key))
                abort();
        char path[SETTINGS_PATH_MAX];
        profiles_programme(&ps, i, path, sizeof path);
        fuzz_check_nul(path, sizeof path);
    }
    return 0;
}
