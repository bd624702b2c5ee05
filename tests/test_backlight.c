/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_backlight: on a directory shaped like /sys/class/backlight, the first
 * device with a bl_power is found and turned on at start; off writes 4, on
 * writes 0, an unchanged state writes nothing, destroy turns it on. With no
 * device, or a bl_power that cannot be written (a directory: the tests run as
 * root, so file modes would not stop them), it logs one line and does nothing.
 */
#include "backlight.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char root[1100];

static void put(const char *rel, const char *text)
{
    char path[1300];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The file at root/rel ("" when missing) into text. */
static const char *slurp(const char *rel, char *text, size_t size)
{
    char path[1300];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, size - 1, f) : 0;
    text[n] = '\0';
    if (f)
        fclose(f);
    return text;
}

static const char *get(const char *rel)
{
    static char text[64];
    return slurp(rel, text, sizeof text);
}

static void dir(const char *rel)
{
    char path[1300];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    CHECK(mkdir(path, 0755) == 0, "mkdir %s", path);
}

/* stderr into a file while a test runs; log_end returns what was logged. */
static int saved_fd = -1;
static void log_begin(void)
{
    char path[1300];
    snprintf(path, sizeof path, "%s/stderr", root);
    fflush(stderr);
    saved_fd = dup(STDERR_FILENO);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDERR_FILENO);
    close(fd);
}
static const char *log_end(void)
{
    static char text[4096];
    fflush(stderr);
    dup2(saved_fd, STDERR_FILENO);
    close(saved_fd);
    return slurp("stderr", text, sizeof text);
}
static int lines(const char *text)
{
    int n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

static void test_switching(void)
{
    snprintf(root, sizeof root, "%s", check_tmpdir("backlight/switch"));
    dir("b-panel");
    put("b-panel/bl_power", "4\n"); /* left dark by a crash */
    dir("a-nopower");               /* a device without bl_power is passed over */
    put("a-nopower/brightness", "255\n");
    dir("c-panel");
    put("c-panel/bl_power", "4\n");
    char name[64] = "";
    CHECK(backlight_find(root, name, sizeof name) && !strcmp(name, "b-panel"),
          "found '%s', want the first with bl_power, b-panel", name);
    CHECK(!strcmp(get("b-panel/bl_power"), "4\n"), "find wrote '%s'", get("b-panel/bl_power"));

    backlight *b = backlight_create(root);
    CHECK(!strcmp(backlight_name(b), "b-panel"), "in use: '%s'", backlight_name(b));
    CHECK(!strcmp(get("b-panel/bl_power"), "0\n"), "start: '%s', want on (0)",
          get("b-panel/bl_power"));
    backlight_set_on(b, false);
    CHECK(!strcmp(get("b-panel/bl_power"), "4\n"), "off: '%s', want 4", get("b-panel/bl_power"));
    put("b-panel/bl_power", "x\n");
    backlight_set_on(b, false);
    CHECK(!strcmp(get("b-panel/bl_power"), "x\n"), "off again wrote '%s'",
          get("b-panel/bl_power"));
    backlight_set_on(b, true);
    CHECK(!strcmp(get("b-panel/bl_power"), "0\n"), "on: '%s', want 0", get("b-panel/bl_power"));
    backlight_set_on(b, false);
    backlight_destroy(b);
    CHECK(!strcmp(get("b-panel/bl_power"), "0\n"), "destroy left '%s', want on (0)",
          get("b-panel/bl_power"));
    CHECK(!strcmp(get("c-panel/bl_power"), "4\n"), "the second device was touched");
    backlight_destroy(NULL);
}

/* The class directory from the environment when none is given. */
static void test_env(void)
{
    snprintf(root, sizeof root, "%s", check_tmpdir("backlight/env"));
    setenv(BACKLIGHT_ENV, root, 1);
    CHECK(!strcmp(backlight_class_dir(NULL), root), "env: %s", backlight_class_dir(NULL));
    CHECK(!strcmp(backlight_class_dir("/x"), "/x"), "given: %s", backlight_class_dir("/x"));
    setenv(BACKLIGHT_ENV, "", 1);
    CHECK(!strcmp(backlight_class_dir(NULL), BACKLIGHT_CLASS_DIR), "empty env: %s",
          backlight_class_dir(NULL));
    unsetenv(BACKLIGHT_ENV);
}

static void test_none(void)
{
    snprintf(root, sizeof root, "%s", check_tmpdir("backlight/none"));
    dir("class");
    dir("class/acpi_video0"); /* no bl_power */
    char cls[1300], name[64] = "";
    snprintf(cls, sizeof cls, "%s/class", root);
    CHECK(!backlight_find(cls, name, sizeof name), "found '%s' where none is", name);
    log_begin();
    backlight *b = backlight_create(cls);
    backlight_set_on(b, false);
    backlight_set_on(b, true);
    backlight_destroy(b);
    b = backlight_create("/nonexistent/backlight");
    const char *text = log_end();
    backlight_destroy(b);
    CHECK(lines(text) == 2 && strstr(text, "only be black"),
          "want one line per create saying the screen is only black, got:\n%s", text);
    CHECK(!strcmp(get("class/acpi_video0/bl_power"), ""), "a bl_power was made");
}

static void test_unwritable(void)
{
    snprintf(root, sizeof root, "%s", check_tmpdir("backlight/unwritable"));
    dir("panel");
    dir("panel/bl_power"); /* exists, cannot be written (EISDIR), even by root */
    log_begin();
    backlight *b = backlight_create(root);
    backlight_set_on(b, false);
    backlight_set_on(b, true);
    backlight_set_on(b, false);
    backlight_destroy(b);
    const char *text = log_end();
    CHECK(lines(text) == 1 && strstr(text, "cannot write") && strstr(text, "only be black"),
          "want one line saying bl_power cannot be written, got:\n%s", text);
}

int main(void)
{
    test_switching();
    test_env();
    test_none();
    test_unwritable();
    return check_done();
}
