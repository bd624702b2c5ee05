/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n: a language's catalogue, read once and kept (i18n.h, intl.h).
 *
 * Each shipped language's .mo file is read whole into memory the first time
 * the language is used and kept until exit, so a text looked up before a
 * change of language stays valid after it (as with glibc's gettext, whose
 * catalogues are never unloaded either). A file that is missing, too large
 * or not a catalogue is logged once; that language's screens are English.
 */
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "catalog.h"
#include "config.h"
#include "intl.h"
#include "languages.h"
#include "log.h"
#include "regfile.h"

#define CHOICE_FILE "language"
#define CATALOG_SIZE_MAX (4u << 20) /* ours are ~20 KiB */
#define LANGUAGES_MAX 32

static char locale_dir[1024];

static struct loaded {
    bool tried, ok;
    unsigned char *bytes;
    catalog cat;
} loaded[LANGUAGES_MAX];

static bool is_dir(const char *path)
{
    struct stat st;
    return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool i18n_init(void)
{
    const char *env = getenv("REHAB_MIRROR_LOCALEDIR");
    const char *dir = is_dir(env)                    ? env
                      : is_dir(RM_LOCALE_DIR_BUILD) ? RM_LOCALE_DIR_BUILD
                                                    : RM_LOCALE_DIR_INSTALLED;
    snprintf(locale_dir, sizeof locale_dir, "%s", dir);
    if (is_dir(dir))
        return true;
    log_warn("no catalogues in %s: the screens and the voice stay in English", dir);
    return false;
}

const char *i18n_locale_dir(void)
{
    return locale_dir;
}

/* The whole of a regular file of at most CATALOG_SIZE_MAX bytes, or NULL with
 * the reason in err. */
static unsigned char *read_all(const char *path, size_t *size, char *err)
{
    FILE *f = regfile_open(path, err);
    if (!f)
        return NULL;
    unsigned char *buf = malloc(CATALOG_SIZE_MAX + 1);
    size_t n = buf ? fread(buf, 1, CATALOG_SIZE_MAX + 1, f) : 0;
    bool failed = !buf || ferror(f) || n > CATALOG_SIZE_MAX;
    fclose(f);
    if (failed) {
        errbuf_set(err, "%s: %s", path, !buf ? "out of memory" : n > CATALOG_SIZE_MAX
                                                       ? "larger than any catalogue"
                                                       : "read error");
        free(buf);
        return NULL;
    }
    unsigned char *fit = realloc(buf, n ? n : 1);
    *size = n;
    return fit ? fit : buf;
}

/* Language row's catalogue, read the first time it is asked for. */
static const catalog *catalog_for(int row)
{
    struct loaded *l = &loaded[row];
    if (l->tried)
        return l->ok ? &l->cat : NULL;
    l->tried = true;
    char path[1200], err[256] = "";
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/" RM_TEXT_DOMAIN ".mo", locale_dir,
             languages[row].code);
    size_t size = 0;
    l->bytes = read_all(path, &size, err);
    char why[128] = "";
    l->ok = l->bytes && catalog_parse(&l->cat, l->bytes, size, why, sizeof why);
    if (!l->ok) {
        if (l->bytes)
            errbuf_set(err, "%s: %s", path, why);
        log_warn("%s; the screens in %s stay English", err, languages[row].code);
        free(l->bytes);
        l->bytes = NULL;
    }
    return l->ok ? &l->cat : NULL;
}

bool i18n_set_language(const char *language)
{
    int row = languages_find(language);
    if (row <= 0 || row >= LANGUAGES_MAX) { /* row 0 is English: no catalogue */
        intl_use(NULL);
        return row == 0;
    }
    const catalog *c = catalog_for(row);
    intl_use(c);
    return c != NULL;
}

bool i18n_load_choice(const char *data_dir, char *buf, size_t cap)
{
    char path[1200];
    buf[0] = '\0';
    snprintf(path, sizeof path, "%s/" CHOICE_FILE, data_dir);
    if (access(path, F_OK) != 0)
        return false;
    char err[256];
    FILE *f = regfile_open(path, err);
    if (!f) {
        log_warn("%s", err);
        return false;
    }
    char line[64] = "";
    bool read = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    line[strcspn(line, "\r\n \t")] = '\0';
    int row = read ? languages_find(line) : -1;
    if (row < 0 || strcmp(line, languages[row].code) != 0) {
        log_warn("%s: '%s' is not a language the station has; the config's stands", path, line);
        return false;
    }
    snprintf(buf, cap, "%s", languages[row].code);
    return true;
}

static bool write_code(FILE *f, void *ctx)
{
    return fprintf(f, "%s\n", (const char *)ctx) > 0;
}

/* Written whole or not at all (atomic_file.h): a power cut leaves the old
 * choice or the new, never half a line. */
bool i18n_save_choice(const char *data_dir, const char *code)
{
    char path[1200], err[256];
    snprintf(path, sizeof path, "%s/" CHOICE_FILE, data_dir);
    if (atomic_file_write(path, 0644, write_code, (void *)code, err))
        return true;
    log_error("cannot save the language choice: %s", err);
    return false;
}
