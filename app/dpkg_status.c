/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dpkg_status: an installed package's version from dpkg's status file (dpkg_status.h). */
#include "dpkg_status.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 4096

const char *dpkg_status_path(void)
{
    const char *p = getenv("REHAB_MIRROR_DPKG_STATUS");
    return p && *p ? p : "/var/lib/dpkg/status";
}

/* The value of "Field: value" in line when it is that field (newline cut), else NULL. */
static const char *field(char *line, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(line, name, n) != 0 || line[n] != ':')
        return NULL;
    line[strcspn(line, "\n")] = '\0';
    const char *v = line + n + 1;
    while (*v == ' ' || *v == '\t')
        v++;
    return v;
}

/* One paragraph's facts: is it the package, installed, and at which version. */
typedef struct paragraph {
    bool named, installed;
    char version[128];
} paragraph;

bool dpkg_installed_version(const char *path, const char *package, char *out, size_t cap)
{
    if (cap > 0)
        out[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[LINE];
    paragraph p = { 0 };
    bool found = false, whole = true; /* the last piece read ended its line */
    for (;;) {
        bool end = !fgets(line, sizeof line, f);
        bool tail = !whole; /* the rest of a line longer than LINE: not a field */
        whole = end || strchr(line, '\n') != NULL;
        if (tail)
            continue;
        if (end || line[0] == '\n') { /* a paragraph ends */
            if (p.named && p.installed && p.version[0]) {
                snprintf(out, cap, "%s", p.version);
                found = true;
                break;
            }
            p = (paragraph){ 0 };
            if (end)
                break;
            continue;
        }
        const char *v;
        if ((v = field(line, "Package")))
            p.named = strcmp(v, package) == 0;
        else if ((v = field(line, "Status"))) /* "install ok installed", "hold ok installed" */
            p.installed = strrchr(v, ' ') && strcmp(strrchr(v, ' '), " installed") == 0;
        else if ((v = field(line, "Version")))
            snprintf(p.version, sizeof p.version, "%s", v);
    }
    fclose(f);
    return found;
}

/* major.minor of a version into *major, *minor; false when it has none. */
static bool minor_of(const char *v, long *major, long *minor)
{
    const char *colon = strchr(v, ':');
    if (colon && colon - v < 8) /* an epoch: digits before the first colon */
        v = colon + 1;
    if (*v == 'v')
        v++;
    if (!isdigit((unsigned char)*v))
        return false;
    char *end;
    *major = strtol(v, &end, 10);
    if (*end != '.' || !isdigit((unsigned char)end[1]))
        return false;
    *minor = strtol(end + 1, &end, 10);
    return true;
}

bool version_same_minor(const char *a, const char *b)
{
    long ma, na, mb, nb;
    return minor_of(a, &ma, &na) && minor_of(b, &mb, &nb) && ma == mb && na == nb;
}
