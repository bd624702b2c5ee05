/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_i18n: every shipped language, screens and voice (app/i18n.h).
 *
 * - Every phrase the station says (phrases.h) is translated in de, fr and es
 *   (a phrase that is not a number reads differently from the English) and
 *   espeak-ng says it in that language without error (a buffer of sound),
 *   when built with espeak-ng.
 * - Translations work without the machine's locales: the environment asks
 *   for "C" and for a locale that does not exist, as on a fresh Debian root,
 *   and the process's locale stays "C" (numbers print with a '.').
 * - A text looked up before a change of language stays readable after it.
 * - A damaged catalogue is refused with the screens in English, not a crash.
 * - glibc's own messages stay English (the log is read by maintainers).
 * - The language chosen on the station is saved and read back; a bad or
 *   unknown saved value, or a FIFO in its place, is refused.
 * - languages_find reads config values ("de", "de-AT", "en-us", "pt_BR").
 * - The session's LANGUAGE screen: a long OK at home opens it at the
 *   language in use, Up and Down walk the list (round), OK chooses, a long
 *   OK leaves it as it was.
 *
 * That every msgid of the sources is translated in each po/CODE.po is
 * tests/check_po.sh (the `translations` test).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "config.h"
#include "i18n.h"
#include "intl.h"
#include "languages.h"
#include "phrases.h"
#include "programme.h"
#include "session.h"
#include "voice.h"

static bool is_number(const char *s)
{
    return strspn(s, "0123456789") == strlen(s);
}

static void test_phrases(const char *code)
{
    CHECK(i18n_set_language(code), "%s is a shipped language", code);
    char text[160], english[160];
    voice *v = NULL;
    if (HAVE_ESPEAK) {
        char err[256] = "";
        v = voice_create(code, err);
        CHECK(v != NULL, "espeak-ng voice for %s: %s", code, err);
    }
    int said = 0;
    for (int id = 0; id < PHRASE_COUNT; id++) {
        if (!phrases_text((phrase_id)id, text, sizeof text))
            continue;
        i18n_set_language("en");
        phrases_text((phrase_id)id, english, sizeof english);
        i18n_set_language(code);
        if (strcmp(code, "en") != 0 && !is_number(text))
            CHECK(strcmp(text, english) != 0, "%s: phrase %d \"%s\" is not translated", code, id,
                  text);
        if (v) {
            size_t n = 0;
            int16_t *pcm = voice_speak(v, text, &n);
            CHECK(pcm != NULL && n > 0, "%s: espeak-ng said nothing for \"%s\"", code, text);
            said += pcm != NULL;
            free(pcm);
        }
    }
    if (v)
        printf("%s: %d phrases spoken\n", code, said);
    voice_destroy(v);
}

static void test_screen_strings(void)
{
    i18n_set_language("de");
    CHECK(!strcmp(_("Rest"), "Ruhepause"), "de: a screen string");
    char buf[64];
    snprintf(buf, sizeof buf, P_("%d day in a row", "%d days in a row", 3), 3);
    CHECK(!strcmp(buf, "3 Tage in Folge"), "de: a plural");
    i18n_set_language("fr");
    snprintf(buf, sizeof buf, P_("%d day in a row", "%d days in a row", 1), 1);
    CHECK(!strcmp(buf, "1 jour d'affil\xc3\xa9" "e"), "fr: the singular");
    CHECK(i18n_set_language("de-AT"), "de-AT uses de");
    CHECK(!strcmp(_("Rest"), "Ruhepause"), "de-AT: the German catalogue");
    CHECK(i18n_set_language("it") && !strcmp(_("Rest"), "Riposo"), "it: a screen string");
    snprintf(buf, sizeof buf, P_("%d day in a row", "%d days in a row", 1), 1);
    CHECK(!strcmp(buf, "1 giorno di fila"), "it: the singular");
    CHECK(!i18n_set_language("nl"), "nl is not shipped");
    CHECK(!strcmp(_("Rest"), "Rest"), "an unshipped language: English screens");
    i18n_set_language("es");
    errno = ENOENT;
    CHECK(!strcmp(strerror(ENOENT), "No such file or directory"), "glibc's messages stay English");
    snprintf(buf, sizeof buf, "%.1f", 2.5);
    CHECK(!strcmp(buf, "2.5"), "numbers print as in C: %s", buf);
    i18n_set_language("de");
    const char *before = _("Rest");
    i18n_set_language("fr");
    CHECK(!strcmp(before, "Ruhepause"), "a German text outlives the change to French");
}

/* A catalogue directory whose German is cut short and whose French is a
 * FIFO: both refused, their screens English; Spanish still reads. In a child
 * process, as catalogues once read are kept for the program's life. */
static void damaged_child(void)
{
    const char *dir = check_tmpdir("i18n-damaged");
    char cmd[4200];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && mkdir -p de/LC_MESSAGES fr/LC_MESSAGES es/LC_MESSAGES && "
             "head -c 200 '%s/de/LC_MESSAGES/rehab-mirror.mo' > de/LC_MESSAGES/rehab-mirror.mo && "
             "cp '%s/es/LC_MESSAGES/rehab-mirror.mo' es/LC_MESSAGES/ && "
             "rm -f fr/LC_MESSAGES/rehab-mirror.mo && mkfifo fr/LC_MESSAGES/rehab-mirror.mo",
             dir, i18n_locale_dir(), i18n_locale_dir());
    CHECK(system(cmd) == 0, "%s", cmd);
    setenv("REHAB_MIRROR_LOCALEDIR", dir, 1);
    CHECK(i18n_init() && !strcmp(i18n_locale_dir(), dir), "the damaged directory");
    CHECK(!i18n_set_language("de") && !strcmp(_("Rest"), "Rest"), "a cut catalogue: English");
    CHECK(!i18n_set_language("fr") && !strcmp(_("Rest"), "Rest"), "a FIFO: English, no wait");
    CHECK(i18n_set_language("es") && strcmp(_("Rest"), "Rest") != 0, "the Spanish still reads");
}

static void test_damaged(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        damaged_child();
        _exit(check_done());
    }
    int status = -1;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "damaged catalogues (above)");
}

static void test_choice(void)
{
    const char *dir = check_tmpdir("i18n");
    char buf[32], path[1100];
    CHECK(!i18n_load_choice(dir, buf, sizeof buf), "no choice saved yet");
    CHECK(i18n_save_choice(dir, "fr"), "save fr");
    CHECK(i18n_load_choice(dir, buf, sizeof buf) && !strcmp(buf, "fr"), "read back fr: %s", buf);
    snprintf(path, sizeof path, "%s/language", dir);
    FILE *f = fopen(path, "w");
    fputs("klingon\n", f);
    fclose(f);
    CHECK(!i18n_load_choice(dir, buf, sizeof buf) && !buf[0], "an unknown language is refused");
    remove(path);
    CHECK(mkfifo(path, 0600) == 0, "mkfifo");
    CHECK(!i18n_load_choice(dir, buf, sizeof buf), "a FIFO is refused, not waited on");
    remove(path);
    CHECK(!i18n_save_choice("/nonexistent-dir", "de"), "saving into a missing directory fails");
}

static void test_find(void)
{
    CHECK_EQ_INT(languages_find("de"), 1, "de");
    CHECK_EQ_INT(languages_find("DE-at"), 1, "DE-at");
    CHECK_EQ_INT(languages_find("en-us"), 0, "en-us");
    CHECK_EQ_INT(languages_find("es_MX"), 3, "es_MX");
    CHECK_EQ_INT(languages_find("pt_BR"), -1, "pt_BR is not shipped");
    CHECK_EQ_INT(languages_find("d"), -1, "d");
    CHECK_EQ_INT(languages_find("deu"), -1, "deu");
    CHECK_EQ_INT(languages_find(""), -1, "empty");
    CHECK_EQ_INT(languages_find(NULL), -1, "NULL");
}

static void press(session *s, button_id b, bool long_press, int64_t *t)
{
    *t += 1000;
    button_event ev = { b, long_press, *t };
    session_press(s, &ev);
}

static void test_chooser(void)
{
    programme p;
    programme_default(&p);
    session *s = session_create(&p, NULL);
    int64_t t = 0;
    session_set_language(s, 1);
    const session_view *v = session_get_view(s);
    press(s, BUTTON_OK, true, &t);
    CHECK(v->screen == SCREEN_LANGUAGE && v->menu_cursor == 1, "long OK at home: the list at de");
    CHECK(!session_active(s), "choosing a language is not a session");
    for (int i = 1; i < languages_count; i++) /* from de (1) to the last, and past it */
        press(s, BUTTON_DOWN, false, &t);
    CHECK_EQ_INT(v->menu_cursor, 0, "Down past the last comes round to the first");
    press(s, BUTTON_UP, false, &t);
    CHECK_EQ_INT(v->menu_cursor, languages_count - 1, "Up from the first: the last");
    press(s, BUTTON_OK, true, &t);
    CHECK(v->screen == SCREEN_HOME && v->language == 1, "a long OK leaves it as it was");
    press(s, BUTTON_OK, true, &t);
    press(s, BUTTON_DOWN, false, &t);
    press(s, BUTTON_OK, false, &t);
    CHECK(v->screen == SCREEN_HOME && v->language == 2, "OK chooses fr, back home");
    session_set_language(s, 99);
    CHECK_EQ_INT(v->language, 2, "an out-of-range row is ignored");
    session_destroy(s);
}

int main(void)
{
    /* A machine with no locales: whatever the environment says is ignored. */
    setenv("LC_ALL", "xx_NO.UTF-8", 1);
    setenv("LANG", "C", 1);
    unsetenv("LANGUAGE");
    CHECK(i18n_init(), "i18n_init: the catalogues' directory");
    printf("catalogues in %s\n", i18n_locale_dir());
    test_damaged(); /* before this process reads any catalogue */
    for (int i = 0; i < languages_count; i++)
        test_phrases(languages[i].code);
    test_screen_strings();
    test_choice();
    test_find();
    test_chooser();
    return check_done();
}
