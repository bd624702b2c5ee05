/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n: gettext set up without the machine's locales (i18n.h).
 *
 * LANGUAGE is a list ("pt_BR:pt"): the region as given, then the bare
 * language, so "de-at" finds de.po. After setting it, a call to textdomain()
 * makes glibc drop the translations it has cached (its documented way to
 * signal that catalogues changed).
 */
#include "i18n.h"

#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "config.h"
#include "intl.h"
#include "languages.h"
#include "log.h"
#include "regfile.h"

#define CHOICE_FILE "language"

static char locale_dir[1024];

static bool is_dir(const char *path)
{
    struct stat st;
    return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void find_locale_dir(void)
{
    const char *env = getenv("REHAB_MIRROR_LOCALEDIR");
    const char *dir = is_dir(env)                    ? env
                      : is_dir(RM_LOCALE_DIR_BUILD) ? RM_LOCALE_DIR_BUILD
                                                    : RM_LOCALE_DIR_INSTALLED;
    snprintf(locale_dir, sizeof locale_dir, "%s", dir);
}

bool i18n_init(void)
{
    find_locale_dir();
    bindtextdomain(RM_TEXT_DOMAIN, locale_dir);
    bind_textdomain_codeset(RM_TEXT_DOMAIN, "UTF-8");
    /* LANGUAGE would translate glibc's own messages (strerror) too: the log
     * stays in English for whoever reads it, so glibc's catalogue is bound
     * to a directory that does not exist. */
    bindtextdomain("libc", "/nonexistent/rehab-mirror");
    if (setlocale(LC_MESSAGES, "C.UTF-8") || setlocale(LC_MESSAGES, "C.utf8"))
        return true;
    log_warn("no C.UTF-8 locale (libc-bin): the screens and the voice stay in English");
    return false;
}

const char *i18n_locale_dir(void)
{
    return locale_dir;
}

/* "pt-br" -> "pt_BR:pt"; "de" -> "de". */
static void language_list(const char *language, char *out, size_t cap)
{
    size_t n = strcspn(language, "-_");
    if (language[n] == '\0' || n + 1 >= cap) {
        snprintf(out, cap, "%s", language);
        return;
    }
    size_t j = 0;
    for (size_t i = 0; language[i] && j + 1 < cap; i++)
        out[j++] = i < n ? (char)tolower((unsigned char)language[i])
                   : i == n ? '_' : (char)toupper((unsigned char)language[i]);
    out[j] = '\0';
    snprintf(out + j, cap - j, ":%.*s", (int)n, language);
}

bool i18n_set_language(const char *language)
{
    char list[80];
    int row = languages_find(language);
    language_list(row >= 0 ? language : "en", list, sizeof list);
    setenv("LANGUAGE", list, 1);
    textdomain(RM_TEXT_DOMAIN); /* drops gettext's cached translations */
    return row >= 0;
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
