/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * settings: the station's settings, from built-in defaults, then the config file
 * (INI, section [station]), then the command line, each overriding the last.
 *
 *   [station]
 *   camera = synthetic            ; libcamera[:ID] | replay:FILE.y4m | synthetic[:EXERCISE]
 *   camera_distance = 2.5         ; metres from the camera to the middle of the mat
 *   camera_view = 66              ; the camera's horizontal field of view, degrees
 *   buttons = keys                ; gpiod[:CHIP:UP,OK,DOWN] | keys | script:FILE
 *   data_dir = /var/lib/rehab-mirror
 *   programme = /etc/rehab-mirror/programme.ini
 *   display = fullscreen          ; fullscreen | WIDTHxHEIGHT (taller than wide = portrait)
 *   rotation = 0                  ; 0 | 90 | 180 | 270: picture turned clockwise
 *   video_driver =                ; SDL video driver (kmsdrm, x11, wayland, ...); "" = auto
 *   sound = on                    ; on | off
 *   volume = 80                   ; 0..100, of the device's full scale
 *   language = en                 ; screens and voice (app/i18n.h); espeak-ng voice
 *   profile = default             ; whose sessions these are (erase --profile)
 *   profiles =                    ; profiles.ini (profiles.h); "" = DATA_DIR/profiles.ini
 *   kiosk = off                   ; on: every session is a guest's, nothing is kept
 *   attract_after = 0             ; idle seconds at home before the attract loop; 0 = never
 *   sleep_after = 0               ; seconds of attract loop before the screen goes dark
 *   wake_on_movement = on         ; a dark screen wakes when the camera sees movement
 *   usb_dir = /run/rehab-mirror/stick ; a USB stick's mount point, watched; "" = none
 *
 * An empty camera or buttons spec means "auto": the real device when built in
 * and present, otherwise the synthetic camera and the keyboard. The documented
 * default file, every key with its default, is assets/rehab-mirror.conf
 * (test_settings parses it, so it stays in step with this header).
 */
#ifndef RM_SETTINGS_H
#define RM_SETTINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "reps.h"

#define SETTINGS_PATH_MAX 512
#define SETTINGS_DEFAULT_FILE "/etc/rehab-mirror/rehab-mirror.conf"
#define SETTINGS_DRIVER_MAX 32
#define SETTINGS_LANGUAGE_MAX 32
#define SETTINGS_DEFAULT_VOLUME 80
/* Where the README places the camera: about 2.5 m from the mat, a Camera
 * Module 3 (66 degrees across). The counter's smallest movement follows how
 * large a person there is in the picture (reps_camera_scale). */
#define SETTINGS_DEFAULT_DISTANCE 2.5
#define SETTINGS_DEFAULT_VIEW 66.0
#define SETTINGS_DISTANCE_MIN REPS_CAMERA_DISTANCE_MIN
#define SETTINGS_DISTANCE_MAX REPS_CAMERA_DISTANCE_MAX
#define SETTINGS_VIEW_MIN REPS_CAMERA_VIEW_MIN
#define SETTINGS_VIEW_MAX REPS_CAMERA_VIEW_MAX

typedef struct settings {
    char camera[SETTINGS_PATH_MAX];     /* spec; "" = auto */
    char buttons[SETTINGS_PATH_MAX];    /* spec; "" = auto */
    char data_dir[SETTINGS_PATH_MAX];   /* adherence.db lives here */
    char profile[SETTINGS_PATH_MAX];    /* whose sessions these are; "" = "default" */
    char programme[SETTINGS_PATH_MAX];  /* "" = assets/programmes/runners-knee.ini */
    char screenshot_dir[SETTINGS_PATH_MAX]; /* "" = no screenshots */
    char asset_dir[SETTINGS_PATH_MAX];  /* fonts/, programmes/ */
    char usb_dir[SETTINGS_PATH_MAX];    /* where a USB stick is mounted (stick.h);
                                         * "" = no stick is watched */
    bool fullscreen;
    int width, height;                /* window size when not fullscreen; default 1280x720 */
    int rotation;                     /* degrees clockwise the picture is turned: 0, 90, 180, 270 */
    char video_driver[SETTINGS_DRIVER_MAX]; /* SDL video driver name; "" = auto (display.h) */
    bool sound;
    int volume;                       /* 0..100: percent of full scale for tones and voice */
    char language[SETTINGS_LANGUAGE_MAX]; /* screens and voice (i18n.h); default "en" */
    double exit_after_s;              /* stop after this many clock seconds; 0 = never */
    bool virtual_clock;               /* time advances with frames and presses (tests) */
    int64_t start_wall_ms;            /* virtual clock's wall time at start */
    bool software_renderer;           /* identical pixels everywhere (tests) */
    char profiles[SETTINGS_PATH_MAX]; /* profiles.ini; "" = DATA_DIR/profiles.ini */
    bool kiosk;                       /* guests: sessions are nobody's and not kept */
    int attract_after_s;              /* idle at home -> attract loop; 0 = never */
    int sleep_after_s;                /* attract loop -> dark screen; 0 = never */
    bool wake_on_movement;            /* dark screen: watch the camera for movement */
    double camera_distance_m;         /* camera to the middle of the mat, metres */
    double camera_view_deg;           /* the camera's horizontal field of view */
} settings;

/* The keys of [station], NULL-terminated. */
extern const char *const settings_keys[];

/* Built-in defaults; data_dir from $XDG_DATA_HOME or ~/.local/share. */
void settings_defaults(settings *c);
/* Reads [station] keys from an INI file over *c. False with "FILE:LINE: reason"
 * in errbuf (256 bytes); keys read before the error stay applied. */
bool settings_load(settings *c, const char *path, char *errbuf);
/* As settings_load, from text in memory (tests, fuzzing); `name` is used in
 * messages. */
bool settings_parse(settings *c, const char *text, const char *name, char *errbuf);
/* Parses "WxH" (each 64..8192). */
bool settings_parse_size(const char *s, int *w, int *h);
/* Parses a rotation: "0", "90", "180" or "270" degrees. */
bool settings_parse_rotation(const char *s, int *degrees);
/* Checks a language name: 1..31 letters, digits, '-' or '_' ("en", "en-us",
 * "pt_br"). */
bool settings_valid_language(const char *s);
/* Checks a video driver name: 1..31 letters, digits, '_' or '-' ("" is auto
 * and also accepted). */
bool settings_valid_driver(const char *s);
/* Finds the asset directory: $REHAB_MIRROR_ASSETS, the installed one, or the
 * source tree's; the first holding fonts/. False when none does. */
bool settings_find_assets(settings *c);

#endif
