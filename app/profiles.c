/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * profiles: reading profiles.ini (format and rules in profiles.h). inih does
 * the parsing; this file checks every key and value as it comes and stops at
 * the first error, so a half-read file never reaches the station.
 */
#include "profiles.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ini.h>

#include "regfile.h"
#include "xmalloc.h"

#define PROFILES_FILE_MAX (64 * 1024)

typedef struct parse_state {
    profiles *ps;
    char error[200];
} parse_state;

bool profiles_valid_key(const char *key)
{
    size_t n = strlen(key);
    if (n == 0 || n >= PROFILES_KEY_MAX || key[0] == '.' || key[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)key[i]) && !strchr("-_.", key[i]))
            return false;
    return true;
}

int profiles_find(const profiles *ps, const char *key)
{
    for (int i = 0; key && i < ps->n; i++)
        if (!strcmp(ps->p[i].key, key))
            return i;
    return -1;
}

/* A new section: a new person, checked. */
static bool begin_person(profiles *ps, const char *section, char *error, size_t cap)
{
    if (!profiles_valid_key(section)) {
        snprintf(error, cap, "[%.40s]: a person's key is 1-31 letters, digits, '-', '_' or '.'",
                 section);
        return false;
    }
    if (profiles_find(ps, section) >= 0) {
        snprintf(error, cap, "[%s] is there twice", section);
        return false;
    }
    if (ps->n == PROFILES_MAX) {
        snprintf(error, cap, "more than %d people", PROFILES_MAX);
        return false;
    }
    profile *p = &ps->p[ps->n++];
    memset(p, 0, sizeof *p);
    memcpy(p->key, section, strlen(section) + 1); /* valid: shorter than both */
    memcpy(p->name, section, strlen(section) + 1);
    return true;
}

/* The people, in order, from the section lines (inih, as Debian builds it,
 * never reports a section without keys). 0, or the line of the error. */
static int scan_sections(profiles *ps, const char *text, char *error, size_t cap)
{
    int line = 1;
    for (const char *s = text; *s; line++) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        while (len && isspace((unsigned char)*s)) {
            s++;
            len--;
        }
        const char *close = len && *s == '[' ? memchr(s, ']', len) : NULL;
        if (close) {
            char section[64];
            const char *a = s + 1, *b = close;
            while (a < b && isspace((unsigned char)*a))
                a++;
            while (b > a && isspace((unsigned char)b[-1]))
                b--;
            snprintf(section, sizeof section, "%.*s", (int)(b - a), a);
            if (!begin_person(ps, section, error, cap))
                return line;
        }
        s = end ? end + 1 : s + len;
    }
    return 0;
}

/* A shown name: printable, not empty, fits. */
static bool valid_name(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n >= PROFILES_NAME_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return false;
    return true;
}

static bool set_value(parse_state *st, profile *p, const char *name, const char *v)
{
    const char *why = NULL;
    if (!strcmp(name, "name")) {
        if (valid_name(v))
            snprintf(p->name, sizeof p->name, "%s", v);
        else
            why = "name must be 1-47 bytes of text";
    } else if (!strcmp(name, "programme")) {
        if (strlen(v) < sizeof p->programme)
            snprintf(p->programme, sizeof p->programme, "%s", v);
        else
            why = "programme is too long";
    } else if (!strcmp(name, "language")) {
        if (settings_valid_language(v))
            snprintf(p->language, sizeof p->language, "%s", v);
        else
            why = "language must be a language name such as en, de, fr or es";
    } else {
        snprintf(st->error, sizeof st->error, "unknown key '%.60s' (name, programme, language)",
                 name);
        return false;
    }
    if (why)
        snprintf(st->error, sizeof st->error, "%s", why);
    return !why;
}

static int on_key(void *user, const char *section, const char *name, const char *v)
{
    parse_state *st = user;
    int i = profiles_find(st->ps, section);
    if (i < 0) {
        snprintf(st->error, sizeof st->error, "'%.60s' is not in a [person] section", name);
        return 0;
    }
    return set_value(st, &st->ps->p[i], name, v);
}

static bool finish(profiles *out, int rc, const parse_state *st, const char *name, char *errbuf)
{
    for (int i = 0; i < out->n; i++)
        out->names[i] = out->p[i].name;
    if (rc == 0)
        return true;
    if (rc < 0)
        snprintf(errbuf, 256, "%s: cannot read the file", name);
    else
        snprintf(errbuf, 256, "%s:%d: %s", name, rc,
                 st->error[0] ? st->error : "not a valid INI line");
    out->n = 0;
    return false;
}

bool profiles_parse(profiles *out, const char *text, const char *dir, const char *name,
                    char *errbuf)
{
    memset(out, 0, sizeof *out);
    snprintf(out->dir, sizeof out->dir, "%s", dir && *dir ? dir : ".");
    parse_state st = { .ps = out };
    int rc = scan_sections(out, text, st.error, sizeof st.error);
    if (rc == 0)
        rc = ini_parse_string(text, on_key, &st);
    return finish(out, rc, &st, name, errbuf);
}

/* The file's text, at most PROFILES_FILE_MAX bytes; NULL with errbuf set. */
static char *read_text(const char *path, char *errbuf)
{
    FILE *f = regfile_open(path, errbuf);
    if (!f)
        return NULL;
    char *text = xmalloc(PROFILES_FILE_MAX + 1);
    size_t n = fread(text, 1, PROFILES_FILE_MAX + 1, f);
    bool bad = ferror(f) || n > PROFILES_FILE_MAX;
    fclose(f);
    if (bad) {
        snprintf(errbuf, 256, "%.200s: %s", path,
                 n > PROFILES_FILE_MAX ? "too large for a list of people" : "cannot read it");
        free(text);
        return NULL;
    }
    text[n] = '\0';
    if (strlen(text) != n) {
        snprintf(errbuf, 256, "%.200s: not a text file (a NUL byte)", path);
        free(text);
        return NULL;
    }
    return text;
}

bool profiles_load(profiles *out, const char *path, char *errbuf)
{
    memset(out, 0, sizeof *out);
    errbuf[0] = '\0';
    struct stat sb;
    if (stat(path, &sb) != 0 && errno == ENOENT)
        return false;
    char *text = read_text(path, errbuf);
    if (!text)
        return false;
    char dir[SETTINGS_PATH_MAX];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
    bool ok = profiles_parse(out, text, slash == path ? "/" : dir, path, errbuf);
    free(text);
    return ok;
}

bool profiles_format(const profiles *ps, char *buf, size_t cap)
{
    size_t n = (size_t)snprintf(buf, cap, "; Written by rehab-mirror from a USB stick's profiles.ini.\n");
    for (int i = 0; i < ps->n && n < cap; i++) {
        const profile *p = &ps->p[i];
        n += (size_t)snprintf(buf + n, cap - n, "\n[%s]\nname = %s\n", p->key, p->name);
        if (p->language[0] && n < cap)
            n += (size_t)snprintf(buf + n, cap - n, "language = %s\n", p->language);
    }
    return n < cap;
}

static bool regular_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

void profiles_programme(const profiles *ps, int i, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (i < 0 || i >= ps->n)
        return;
    const profile *p = &ps->p[i];
    if (p->programme[0] == '/')
        snprintf(buf, cap, "%s", p->programme);
    else if (p->programme[0])
        snprintf(buf, cap, "%s/%s", ps->dir, p->programme);
    else {
        snprintf(buf, cap, "%s/programmes/%s.ini", ps->dir, p->key);
        if (!regular_file(buf))
            buf[0] = '\0';
    }
}
