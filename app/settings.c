/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * settings: defaults, the INI config file and asset lookup (see settings.h). The
 * command line is parsed in cli.c on top of what this produces.
 */
#include "settings.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <ini.h>

#include "config.h"
#include "regfile.h"

typedef struct load_state {
    settings *c;
    char error[200];
} load_state;

void settings_defaults(settings *c)
{
    memset(c, 0, sizeof *c);
    c->width = 1280;
    c->height = 720;
    c->sound = true;
    c->volume = SETTINGS_DEFAULT_VOLUME;
    strcpy(c->language, "en");
    c->wake_on_movement = true;
    c->camera_distance_m = SETTINGS_DEFAULT_DISTANCE;
    c->camera_view_deg = SETTINGS_DEFAULT_VIEW;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        snprintf(c->data_dir, sizeof c->data_dir, "%s/rehab-mirror", xdg);
    else if (home && *home)
        snprintf(c->data_dir, sizeof c->data_dir, "%s/.local/share/rehab-mirror", home);
    else
        snprintf(c->data_dir, sizeof c->data_dir, "/var/lib/rehab-mirror");
    snprintf(c->usb_dir, sizeof c->usb_dir, "/run/rehab-mirror/stick");
}

bool settings_parse_size(const char *s, int *w, int *h)
{
    int a, b;
    char tail;
    if (sscanf(s, "%dx%d%c", &a, &b, &tail) != 2 || a < 64 || b < 64 || a > 8192 || b > 8192)
        return false;
    *w = a;
    *h = b;
    return true;
}

bool settings_parse_rotation(const char *s, int *degrees)
{
    static const char *const names[] = { "0", "90", "180", "270" };
    for (int i = 0; i < 4; i++) {
        if (!strcmp(s, names[i])) {
            *degrees = i * 90;
            return true;
        }
    }
    return false;
}

bool settings_valid_driver(const char *s)
{
    size_t n = strlen(s);
    if (n >= SETTINGS_DRIVER_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
            return false;
    return true;
}

bool settings_valid_language(const char *s)
{
    return s[0] && strlen(s) < SETTINGS_LANGUAGE_MAX && settings_valid_driver(s);
}

static bool set_text(char *dst, const char *v, load_state *st, const char *name)
{
    if (strlen(v) >= SETTINGS_PATH_MAX) {
        snprintf(st->error, sizeof st->error, "%s is too long", name);
        return false;
    }
    strcpy(dst, v);
    return true;
}

const char *const settings_keys[] = { "camera",   "buttons",      "data_dir", "programme",
                                      "display",  "rotation",     "video_driver", "sound",
                                      "volume",   "language",     "profile",  "usb_dir",
                                      "profiles", "kiosk",        "attract_after",
                                      "sleep_after", "wake_on_movement", "camera_distance",
                                      "camera_view", NULL };

/* on | off into *out; false for anything else. */
static bool on_off(const char *v, bool *out)
{
    if (strcmp(v, "on") && strcmp(v, "off"))
        return false;
    *out = !strcmp(v, "on");
    return true;
}

/* Whole seconds, 0 (never) to a day. */
static bool idle_seconds(const char *v, int *out)
{
    int n;
    char tail;
    if (sscanf(v, "%d%c", &n, &tail) != 1 || n < 0 || n > 86400)
        return false;
    *out = n;
    return true;
}

/* The lobby's keys (session.h): kiosk, idle times, wake. Same contract as
 * on_value_key. */
static int on_lobby_key(settings *c, const char *name, const char *v, load_state *st)
{
    const char *why = NULL;
    if (!strcmp(name, "kiosk")) {
        if (!on_off(v, &c->kiosk))
            why = "kiosk must be on or off";
    } else if (!strcmp(name, "wake_on_movement")) {
        if (!on_off(v, &c->wake_on_movement))
            why = "wake_on_movement must be on or off";
    } else if (!strcmp(name, "attract_after")) {
        if (!idle_seconds(v, &c->attract_after_s))
            why = "attract_after must be whole seconds from 0 (never) to 86400";
    } else if (!strcmp(name, "sleep_after")) {
        if (!idle_seconds(v, &c->sleep_after_s))
            why = "sleep_after must be whole seconds from 0 (never) to 86400";
    } else {
        return -1;
    }
    if (why)
        snprintf(st->error, sizeof st->error, "%s", why);
    return why ? 0 : 1;
}

/* A decimal number from lo to hi into *out; false for anything else. */
static bool number_in(const char *v, double lo, double hi, double *out)
{
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end || !(x >= lo && x <= hi))
        return false;
    *out = x;
    return true;
}

/* Where the camera is (its distance from the mat, its field of view). Same
 * contract as on_value_key. */
static int on_camera_key(settings *c, const char *name, const char *v, load_state *st)
{
    const char *why = NULL;
    if (!strcmp(name, "camera_distance")) {
        if (!number_in(v, SETTINGS_DISTANCE_MIN, SETTINGS_DISTANCE_MAX, &c->camera_distance_m))
            why = "camera_distance must be metres from 0.3 to 10, such as 2.5";
    } else if (!strcmp(name, "camera_view")) {
        if (!number_in(v, SETTINGS_VIEW_MIN, SETTINGS_VIEW_MAX, &c->camera_view_deg))
            why = "camera_view must be degrees from 20 to 170, such as 66";
    } else {
        return -1;
    }
    if (why)
        snprintf(st->error, sizeof st->error, "%s", why);
    return why ? 0 : 1;
}

/* The keys that are not plain text. 1 when applied, 0 with st->error set,
 * -1 when name is not one of them. */
static int on_value_key(settings *c, const char *name, const char *v, load_state *st)
{
    const char *why = NULL;
    if (!strcmp(name, "display")) {
        if (!strcmp(v, "fullscreen"))
            c->fullscreen = true;
        else if (settings_parse_size(v, &c->width, &c->height))
            c->fullscreen = false;
        else
            why = "display must be fullscreen or WIDTHxHEIGHT";
    } else if (!strcmp(name, "rotation")) {
        if (!settings_parse_rotation(v, &c->rotation))
            why = "rotation must be 0, 90, 180 or 270";
    } else if (!strcmp(name, "video_driver")) {
        if (settings_valid_driver(v))
            strcpy(c->video_driver, v);
        else
            why = "video_driver must be an SDL driver name such as kmsdrm, x11 or wayland";
    } else if (!strcmp(name, "sound")) {
        if (!on_off(v, &c->sound))
            why = "sound must be on or off";
    } else if (!strcmp(name, "volume")) {
        int vol;
        char tail;
        if (sscanf(v, "%d%c", &vol, &tail) != 1 || vol < 0 || vol > 100)
            why = "volume must be a whole number from 0 to 100";
        else
            c->volume = vol;
    } else if (!strcmp(name, "language")) {
        if (settings_valid_language(v))
            strcpy(c->language, v);
        else
            why = "language must be a language name such as en, de, fr or es";
    } else {
        return -1;
    }
    if (why)
        snprintf(st->error, sizeof st->error, "%s", why);
    return why ? 0 : 1;
}

static int on_key(void *user, const char *section, const char *name, const char *v)
{
    load_state *st = user;
    settings *c = st->c;
    if (strcmp(section, "station") != 0) {
        snprintf(st->error, sizeof st->error, "unknown section [%.60s] (use [station])",
                 section);
        return 0;
    }
    if (!strcmp(name, "camera"))
        return set_text(c->camera, v, st, name);
    if (!strcmp(name, "buttons"))
        return set_text(c->buttons, v, st, name);
    if (!strcmp(name, "data_dir"))
        return set_text(c->data_dir, v, st, name);
    if (!strcmp(name, "programme"))
        return set_text(c->programme, v, st, name);
    if (!strcmp(name, "profile"))
        return set_text(c->profile, v, st, name);
    if (!strcmp(name, "usb_dir"))
        return set_text(c->usb_dir, v, st, name);
    if (!strcmp(name, "profiles"))
        return set_text(c->profiles, v, st, name);
    int rc = on_lobby_key(c, name, v, st);
    if (rc < 0)
        rc = on_camera_key(c, name, v, st);
    if (rc < 0)
        rc = on_value_key(c, name, v, st);
    if (rc < 0)
        snprintf(st->error, sizeof st->error, "unknown key '%.60s'", name);
    return rc > 0;
}

/* Turns inih's result (0, a line number, or negative) into true or a message. */
static bool finish(int rc, const load_state *st, const char *name, char *errbuf)
{
    if (rc == 0)
        return true;
    if (rc < 0)
        snprintf(errbuf, 256, "%s: cannot read the config file", name);
    else
        snprintf(errbuf, 256, "%s:%d: %s", name, rc, st->error[0] ? st->error : "not a valid INI line");
    return false;
}

bool settings_load(settings *c, const char *path, char *errbuf)
{
    load_state st = { .c = c };
    FILE *f = regfile_open(path, errbuf);
    if (!f)
        return false;
    int rc = ini_parse_file(f, on_key, &st);
    fclose(f);
    return finish(rc, &st, path, errbuf);
}

bool settings_parse(settings *c, const char *text, const char *name, char *errbuf)
{
    load_state st = { .c = c };
    return finish(ini_parse_string(text, on_key, &st), &st, name, errbuf);
}

static bool has_fonts(const char *dir)
{
    char path[SETTINGS_PATH_MAX + 32];
    struct stat sb;
    snprintf(path, sizeof path, "%s/fonts/DejaVuSans.ttf", dir);
    return stat(path, &sb) == 0;
}

bool settings_find_assets(settings *c)
{
    const char *candidates[] = { getenv("REHAB_MIRROR_ASSETS"), RM_ASSET_DIR_INSTALLED,
                                 RM_ASSET_DIR_SOURCE };
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        if (candidates[i] && *candidates[i] && strlen(candidates[i]) < SETTINGS_PATH_MAX &&
            has_fonts(candidates[i])) {
            strcpy(c->asset_dir, candidates[i]);
            return true;
        }
    }
    return false;
}
