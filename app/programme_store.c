/* SPDX-License-Identifier: GPL-3.0-or-later */
/* programme_store: a profile's own programme in the data directory
 * (programme_store.h). */
#include "programme_store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "programme_text.h"

#define TEXT_MAX 8192

void programme_store_name(const char *profile, char *out, size_t cap)
{
    if (!profile || !*profile)
        profile = "default";
    size_t i = 0;
    for (; profile[i] && i + 1 < cap; i++) {
        char c = profile[i];
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || (c == '.' && i > 0);
        out[i] = keep ? c : '_';
    }
    out[i] = '\0';
}

void programme_store_path(const char *data_dir, const char *profile, char *out, size_t cap)
{
    char name[128];
    programme_store_name(profile, name, sizeof name);
    snprintf(out, cap, "%s/programmes/%s.ini", data_dir, name);
}

static bool write_text(FILE *f, void *ctx)
{
    return fputs(ctx, f) >= 0;
}

bool programme_store_save(const char *data_dir, const char *profile, const programme *p,
                          char *errbuf)
{
    char dir[PROGRAMME_STORE_PATH], path[PROGRAMME_STORE_PATH], text[TEXT_MAX];
    snprintf(dir, sizeof dir, "%s/programmes", data_dir);
    programme_store_path(data_dir, profile, path, sizeof path);
    if (!programme_format(p, text, sizeof text)) {
        snprintf(errbuf, 256, "the programme does not fit in %d bytes", TEXT_MAX);
        return false;
    }
    return atomic_file_mkdirs(dir, 0700, errbuf) &&
           atomic_file_write(path, 0600, write_text, text, errbuf);
}

bool programme_store_load(const char *data_dir, const char *profile, programme *p,
                          char *errbuf)
{
    char path[PROGRAMME_STORE_PATH];
    programme_store_path(data_dir, profile, path, sizeof path);
    errbuf[0] = '\0';
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return false;
    return programme_load(p, path, errbuf);
}
