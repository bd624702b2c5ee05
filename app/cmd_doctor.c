/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_doctor: `rehab-mirror doctor [STATION OPTIONS]` says in plain words what
 * the station would find if it started now, and why not where something is
 * missing: what this build supports, the cameras, the GPIO chips and the
 * button pins, the display (the SDL video drivers built in, the one the
 * station would ask for and why, whether it starts, and the layout size after
 * rotation), the data directory (or whether it can be created), the fonts and
 * the config file.
 * It is what a technician runs after wiring a station, and what a bug report
 * should include.
 *
 * It takes the same options and config file as the station (through
 * cli_station_settings), so it checks the settings the station would use. It
 * only looks: it opens the camera for a moment to look at its picture
 * (doctor_camera.c), requests no GPIO line, opens no window, creates no file.
 * The programme, the config file and the people's profiles.ini (with each
 * person's programme) are parsed as the station would parse them, and their
 * errors shown with file and line; a bad profiles.ini counts as a config
 * error.
 * Exit status: 0 when the station could run as configured, even on fallbacks
 * (synthetic camera, keyboard); 1 when it could not (no assets, no display)
 * or would not run as configured (the programme or config file has an error:
 * the station would fall back to the built-in programme or defaults); 2 usage.
 */
#include <SDL.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backlight.h"
#include "buttons_gpiod.h"
#include "cli.h"
#include "config.h"
#include "display.h"
#include "doctor_camera.h"
#include "profiles.h"
#include "prefs.h"
#include "programme.h"
#include "settings.h"
#include "stick.h"
#include "voice.h"
#include "xmalloc.h"

enum { MAX_CHIPS = 32 };

static void heading(const char *title)
{
    printf("\n%s\n", title);
}

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int count_true(const bool *b, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += b[i];
    return k;
}

static bool is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The physical header pin of a BCM GPIO number on the 40-pin header, 0 if none. */
static int header_pin(int bcm)
{
    static const int pins[28] = {27, 28, 3, 5, 7, 29, 31, 26, 24, 21, 19, 23, 32, 33,
                                 8, 10, 36, 11, 12, 35, 38, 40, 15, 16, 18, 22, 37, 13};
    return bcm >= 0 && bcm < 28 ? pins[bcm] : 0;
}

static void report_build(void)
{
    heading("Build");
    printf("  rehab-mirror %s\n", RM_VERSION);
    printf("  camera: %s\n", HAVE_LIBCAMERA ? "libcamera support built in"
                                            : "no libcamera support (not found at build time)");
    if (HAVE_GPIOD)
        printf("  GPIO buttons: built with %s\n", buttons_gpiod_library());
    else
        printf("  GPIO buttons: not built (libgpiod not found at build time)\n");
}

/* Whether the configured language has a voice, or why the tones stand in. */
static void report_sound(const settings *cfg)
{
    heading("Sound");
    if (!cfg->sound) {
        printf("  off (sound = off or --no-sound)\n");
        return;
    }
    printf("  volume %d of 100\n", cfg->volume);
    prefs p = { .muted = false, .volume = cfg->volume };
    if (prefs_load(cfg->data_dir, &p))
        printf("  the pause menu's choice (%s/%s): %s, volume %d; used instead\n",
               cfg->data_dir, PREFS_FILE, p.muted ? "muted" : "sound on", p.volume);
    char err[256] = "";
    voice *v = voice_create(cfg->language, err);
    if (v)
        printf("  voice: espeak-ng, language '%s'\n", cfg->language);
    else
        printf("  -> no voice (%s): counts and cues are tones\n", err);
    voice_destroy(v);
}

static void report_chips(const buttons_gpiod_chip_info *chips, int n)
{
    if (n == 0) {
        printf("  no GPIO chip: this is not a Raspberry Pi or the GPIO driver is not loaded\n");
        return;
    }
    for (int i = 0; i < n; i++) {
        const buttons_gpiod_chip_info *c = &chips[i];
        if (!c->opened)
            printf("  %s: cannot be opened (is the user in the gpio group?)\n", c->path);
        else
            printf("  %s: '%s', %u lines%s\n", c->path, c->label, c->lines,
                   c->header ? " (the Raspberry Pi 40-pin header)" : "");
    }
}

/* Without libgpiod: only which chip devices exist. */
static void report_chip_files(void)
{
    glob_t g;
    if (glob("/dev/gpiochip*", 0, NULL, &g) != 0 || g.gl_pathc == 0) {
        printf("  no GPIO chip: this is not a Raspberry Pi or the GPIO driver is not loaded\n");
    } else {
        printf("  GPIO chips:");
        for (size_t i = 0; i < g.gl_pathc; i++)
            printf(" %s", g.gl_pathv[i]);
        printf(" (libgpiod is needed to use them)\n");
    }
    globfree(&g);
}

/* The pins a gpiod spec names, and whether each is free. True when usable. */
static bool report_pins(const char *spec, const buttons_gpiod_chip_info *chips, int n)
{
    buttons_gpiod_spec s;
    char err[256];
    if (!buttons_gpiod_parse_spec(spec, &s, err)) {
        printf("  %s\n", err);
        return false;
    }
    printf("  pins: up %s, ok %s, down %s on %s\n", s.pin[BUTTON_UP], s.pin[BUTTON_OK],
           s.pin[BUTTON_DOWN], s.chip[0] ? s.chip : "the 40-pin header's chip");
    if (n == 0)
        return false;
    char path[BUTTONS_GPIOD_CHIP_MAX];
    buttons_gpiod_pin_status st[BUTTON_COUNT];
    if (!buttons_gpiod_probe(spec, path, st, err)) {
        printf("  %s\n", err);
        return false;
    }
    bool header = false;
    for (int i = 0; i < n; i++)
        header |= !strcmp(chips[i].path, path) && chips[i].header;
    bool ok = true;
    for (int i = 0; i < BUTTON_COUNT; i++) {
        printf("  %-4s %-8s ", button_name((button_id)i), s.pin[i]);
        if (st[i].offset < 0) {
            printf("no such line on %s\n", path);
            ok = false;
            continue;
        }
        int pin = header ? header_pin(st[i].offset) : 0;
        printf("line %d", st[i].offset);
        if (pin)
            printf(" (header pin %d)", pin);
        if (st[i].used) {
            printf(": busy, used by '%s'\n", st[i].consumer[0] ? st[i].consumer : "the kernel");
            ok = false;
        } else {
            printf(": free\n");
        }
    }
    return ok;
}

static void report_buttons(const settings *cfg)
{
    heading("Buttons");
    const char *spec = cfg->buttons[0] ? cfg->buttons : HAVE_GPIOD ? "gpiod" : "keys";
    printf("  configured: %s%s\n", spec, cfg->buttons[0] ? "" : " (auto)");
    buttons_gpiod_chip_info chips[MAX_CHIPS];
    int n = buttons_gpiod_list_chips(chips, MAX_CHIPS);
    if (HAVE_GPIOD)
        report_chips(chips, n);
    else
        report_chip_files();
    bool gpiod = !strncmp(spec, "gpiod", 5);
    if (!strncmp(spec, "script:", 7)) {
        bool ok = access(spec + 7, R_OK) == 0;
        printf("  script %s: %s\n", spec + 7, ok ? "readable" : "cannot be read");
        if (!ok)
            printf("  -> the station will use the keyboard instead\n");
    } else if (gpiod && !HAVE_GPIOD) {
        printf("  -> GPIO buttons are not built in: the station will use the keyboard\n");
    } else if (gpiod) {
        if (report_pins(spec, chips, n))
            printf("  -> the station will use these GPIO buttons\n");
        else
            printf("  -> the station will use the keyboard instead (Up/Down arrows, "
                   "Enter = OK, Esc = pause)\n");
    } else {
        printf("  the keyboard: Up/Down arrows, Enter or Space = OK, Esc = pause\n");
    }
}

static const char *driver_reason(const settings *cfg, const char *want)
{
    const char *env = SDL_getenv("SDL_VIDEODRIVER");
    if (cfg->video_driver[0])
        return "the video_driver setting";
    if (env && *env)
        return "SDL_VIDEODRIVER";
    return want ? "full-screen with no desktop" : "SDL's first working driver";
}

/* The size the screens are laid out at, from the output size. */
static void report_layout(const settings *cfg, int out_w, int out_h)
{
    int lw, lh;
    SDL_Rect dst;
    display_layout(out_w, out_h, cfg->rotation, &lw, &lh, &dst);
    printf("  picture: %s %dx%d, turned %d degrees: screens laid out at %dx%d (%s)\n",
           cfg->fullscreen ? "full-screen" : "window", out_w, out_h, cfg->rotation, lw, lh,
           lh > lw ? "portrait" : "landscape");
}

/* The backlight the station turns off while its screen sleeps: looked at,
 * never switched (the station may be running). */
static void report_backlight(void)
{
    const char *dir = backlight_class_dir(NULL);
    char name[256], path[1024];
    if (!backlight_find(dir, name, sizeof name)) {
        printf("  backlight: none in %s (an HDMI monitor has none): a sleeping screen is "
               "only black\n", dir);
        return;
    }
    snprintf(path, sizeof path, "%s/%s/bl_power", dir, name);
    if (access(path, W_OK) == 0)
        printf("  backlight: %s, turned off while the screen sleeps\n", name);
    else
        printf("  backlight: %s, but %s cannot be written by this user: a sleeping screen is "
               "only black (the video group may write it: 90-rehab-mirror-backlight.rules)\n",
               name, path);
}

/* True when the video driver the station would ask for starts. */
static bool report_display(const settings *cfg)
{
    heading("Display");
    report_backlight();
    int n = SDL_GetNumVideoDrivers();
    printf("  SDL video drivers built in:");
    for (int i = 0; i < n; i++)
        printf("%s %s", i ? "," : "", SDL_GetVideoDriver(i));
    printf("\n");
    const char *want = display_driver_wanted(cfg->video_driver, cfg->fullscreen);
    printf("  asks for: %s (%s)\n", want ? want : "any visible driver", driver_reason(cfg, want));
    char err[256] = "";
    if (!display_start_video(cfg->video_driver, cfg->fullscreen, err)) {
        printf("  %s\n", err);
        glob_t g;
        bool dri = glob("/dev/dri/card*", 0, NULL, &g) == 0 && g.gl_pathc > 0;
        globfree(&g);
        if (!dri)
            printf("  no /dev/dri/card*: no graphics driver is loaded for a console screen "
                   "(on a Raspberry Pi: dtoverlay=vc4-kms-v3d in config.txt)\n");
        printf("  -> the station cannot start: it needs a screen, a desktop or the console "
               "through kmsdrm\n");
        return false;
    }
    const char *driver = SDL_GetCurrentVideoDriver();
    SDL_DisplayMode mode;
    bool have_mode = SDL_GetNumVideoDisplays() > 0 && SDL_GetCurrentDisplayMode(0, &mode) == 0;
    if (have_mode)
        printf("  display: works with %s, %dx%d\n", driver, mode.w, mode.h);
    else
        printf("  display: works with %s\n", driver);
    if (cfg->fullscreen && have_mode)
        report_layout(cfg, mode.w, mode.h);
    else if (!cfg->fullscreen)
        report_layout(cfg, cfg->width, cfg->height);
    if (display_driver_invisible(driver))
        printf("  note: %s is not a real screen; nothing will be seen (fine for tests)\n",
               driver);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    return true;
}

/* The nearest directory at or above path that exists, into buf. */
static void existing_parent(const char *path, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", path);
    while (!is_dir(buf)) {
        char *slash = strrchr(buf, '/');
        if (!slash || slash == buf) {
            snprintf(buf, cap, "%s", slash == buf ? "/" : ".");
            return;
        }
        *slash = '\0';
    }
}

static void report_data(const settings *cfg)
{
    heading("Data");
    const char *dir = cfg->data_dir;
    if (!is_dir(dir)) {
        char parent[SETTINGS_PATH_MAX];
        existing_parent(dir, parent, sizeof parent);
        if (access(parent, W_OK) == 0)
            printf("  data directory %s does not exist yet; the station creates it in %s\n",
                   dir, parent);
        else
            printf("  data directory %s does not exist, and %s is NOT writable: the station "
                   "cannot create it (sessions will not be saved)\n", dir, parent);
        return;
    }
    bool writable = access(dir, W_OK) == 0;
    printf("  data directory %s: exists, %s\n", dir,
           writable ? "writable" : "NOT writable (sessions will not be saved)");
    char db[SETTINGS_PATH_MAX + 32];
    snprintf(db, sizeof db, "%s/adherence.db", dir);
    printf("  adherence.db: %s\n", is_file(db) ? "present" : "not there yet (a new record starts)");
}

/* Parses the programme as the station would; false (after saying why) when
 * the station would fall back to the built-in one. */
static bool report_programme(const char *path)
{
    programme p;
    char err[256] = "";
    if (!programme_load(&p, path, err)) {
        printf("  programme: %s\n", err);
        printf("  -> the programme is not valid: the station would use the built-in "
               "runner's-knee programme instead\n");
        return false;
    }
    printf("  programme: %s: \"%s\", %d exercises, %d reps a session, %d sessions a week\n",
           path, p.name, p.n_blocks, programme_total_reps(&p), p.sessions_per_week);
    return true;
}

/* The people (profiles.h) and each one's programme, or the kiosk; false when
 * profiles.ini or a programme it names is refused. */
static bool report_people(const settings *cfg)
{
    heading("People");
    if (cfg->kiosk) {
        printf("  kiosk: every session a guest's; nothing is saved, profiles.ini is not read\n");
        return true;
    }
    char path[SETTINGS_PATH_MAX + 32], err[256] = "";
    if (cfg->profiles[0])
        snprintf(path, sizeof path, "%s", cfg->profiles);
    else
        snprintf(path, sizeof path, "%s/" PROFILES_FILE, cfg->data_dir);
    profiles ps;
    if (!profiles_load(&ps, path, err)) {
        if (!err[0]) {
            printf("  %s: none; one person, '%s'\n", path, cfg->profile[0] ? cfg->profile
                                                                         : "default");
            return true;
        }
        printf("  %s\n  -> the station would run with one person instead\n", err);
        return false;
    }
    printf("  %s: %d %s%s\n", path, ps.n, ps.n == 1 ? "person" : "people",
           ps.n > 1 ? " (the station asks \"Who's exercising?\")" : "");
    bool ok = true;
    for (int i = 0; i < ps.n; i++) {
        char prog[SETTINGS_PATH_MAX + 64];
        profiles_programme(&ps, i, prog, sizeof prog);
        printf("  %s (\"%s\"%s%s):\n  ", ps.p[i].key, ps.p[i].name,
               ps.p[i].language[0] ? ", voice " : "", ps.p[i].language);
        if (prog[0])
            ok = report_programme(prog) && ok;
        else
            printf("  the station's programme\n");
    }
    return ok;
}

/* The stick at usb_dir, read as the station would read it (stick.h): a
 * physiotherapist can check a stick's files here before handing it over.
 * False when a file on it would be refused. */
static bool report_stick(const settings *cfg)
{
    heading("USB stick");
    if (cfg->kiosk || !cfg->usb_dir[0]) {
        printf("  not watched (%s)\n", cfg->kiosk ? "a kiosk" : "usb_dir is empty");
        return true;
    }
    if (!is_dir(cfg->usb_dir)) {
        printf("  %s: no such directory (the package's tmpfiles.d entry makes it at boot)\n",
               cfg->usb_dir);
        return true;
    }
    if (!stick_is_ours(cfg->usb_dir)) {
        printf("  %s: watched; no stick with a %s/ folder there now\n", cfg->usb_dir,
               STICK_FOLDER);
        return true;
    }
    printf("  %s: a stick with %s/\n", cfg->usb_dir, STICK_FOLDER);
    stick_people *sp = xcalloc(1, sizeof *sp);
    stick_read_people(cfg->usb_dir, sp);
    bool ok = !sp->found || sp->valid;
    if (sp->found && sp->valid)
        printf("  %s: %d %s, %d with a programme on the stick\n", PROFILES_FILE, sp->people.n,
               sp->people.n == 1 ? "person" : "people", count_true(sp->has_prog, sp->people.n));
    else if (sp->found)
        printf("  %s\n  -> the stick would be refused; nothing would change\n", sp->error);
    if (!sp->found) {
        stick_programme one;
        stick_read_programme(cfg->usb_dir, cfg->profile, &one);
        ok = !one.found || one.valid;
        if (!one.found)
            printf("  no programme for '%s' on it\n", cfg->profile[0] ? cfg->profile : "default");
        else if (one.valid)
            printf("  %s: \"%s\", %d exercises\n", one.path, one.prog.name, one.prog.n_blocks);
        else
            printf("  %s\n  -> the stick would be refused; nothing would change\n", one.error);
    }
    free(sp);
    return ok;
}

/* True when the assets are found; *prog_ok false when the programme is not
 * valid. */
static bool report_assets(settings *cfg, bool *prog_ok)
{
    heading("Fonts and programme");
    if (!settings_find_assets(cfg)) {
        printf("  cannot find the assets (fonts/DejaVuSans.ttf); set REHAB_MIRROR_ASSETS "
               "to the assets directory\n");
        printf("  -> the station cannot start\n");
        return false;
    }
    printf("  assets: %s (font found)\n", cfg->asset_dir);
    char prog[SETTINGS_PATH_MAX + 64];
    if (cfg->programme[0])
        snprintf(prog, sizeof prog, "%s", cfg->programme);
    else
        snprintf(prog, sizeof prog, "%s/programmes/runners-knee.ini", cfg->asset_dir);
    *prog_ok = report_programme(prog);
    return true;
}

/* Says which config file applies and parses it as the station would (the
 * errors the station would log are shown here); false when it has one. */
static bool report_config(int argc, char **argv)
{
    heading("Config file");
    const char *path = cli_config_path(argc, argv);
    if (path)
        printf("  %s (given with --config)\n", path);
    else if (access(SETTINGS_DEFAULT_FILE, R_OK) == 0)
        printf("  %s\n", (path = SETTINGS_DEFAULT_FILE));
    else
        printf("  none: %s is not there, so built-in defaults and options\n",
               SETTINGS_DEFAULT_FILE);
    settings scratch;
    char err[256] = "";
    settings_defaults(&scratch);
    if (!path || settings_load(&scratch, path, err))
        return true;
    printf("  %s\n  -> the config file has an error: the station would use the defaults for "
           "what follows it\n", err);
    return false;
}

static const char USAGE[] =
    "usage: rehab-mirror doctor [OPTIONS]\n"
    "Says what the station would find if it started now with these options and\n"
    "config file: the build, camera, buttons and GPIO pins, display, data directory,\n"
    "fonts and programme. It looks at the camera's picture for a moment (stop the\n"
    "station first: a camera serves one program at a time); no GPIO line is\n"
    "requested, no window or file opened.\n"
    "OPTIONS are the station's (rehab-mirror --help), e.g. --config FILE,\n"
    "--camera SPEC, --buttons SPEC, --data-dir DIR, --fullscreen, --rotation DEGREES.\n"
    "Exit status: 0 the station could run; 1 it could not; 2 usage error.\n";

int cmd_doctor(int argc, char **argv)
{
    static const cli_command doctor = { "rehab-mirror doctor", USAGE, cli_station_options };
    settings cfg;
    int rc = cli_station_settings(&cfg, &doctor, argc, argv);
    if (rc >= 0)
        return rc;
    printf("rehab-mirror doctor: what this station would use, and why\n");
    report_build();
    bool config_ok = report_config(argc, argv);
    doctor_report_camera(&cfg);
    report_buttons(&cfg);
    bool screen_ok = report_display(&cfg);
    report_sound(&cfg);
    report_data(&cfg);
    bool prog_ok = true;
    bool assets = report_assets(&cfg, &prog_ok);
    config_ok = report_people(&cfg) && config_ok;
    bool stick_ok = report_stick(&cfg);
    SDL_Quit();
    bool ok = screen_ok && assets;
    if (!ok)
        printf("\nThe station cannot run: see the lines marked -> above.\n");
    else if (!stick_ok && config_ok && prog_ok)
        printf("\nThe station can run; the USB stick's files would be refused (above).\n");
    else if (!config_ok || !prog_ok)
        printf("\nThe station would run, but not as configured: fix the %s above.\n",
               !prog_ok && !config_ok ? "programme and the config file"
               : !prog_ok             ? "programme"
                                      : "config file");
    else
        printf("\nThe station can run (with the fallbacks above, if any).\n");
    return ok && config_ok && prog_ok && stick_ok ? 0 : 1;
}
