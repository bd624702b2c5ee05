/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: argument parsing and subcommand dispatch (see cli.h). Running the
 * station: settings defaults, then --config FILE (or the system config file when
 * it exists), then the other options, which override the file.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "regfile.h"
#include "settings.h"
#include "station.h"

static const char USAGE[] =
    "usage: rehab-mirror [OPTIONS]            run the station\n"
    "       rehab-mirror count --exercise clamshell|bridge|quad-set|generic FILE.y4m\n"
    "       rehab-mirror synth --exercise EXERCISE [--reps N] [--size WxH] [--fps N] OUT.y4m\n"
    "       rehab-mirror export --data-dir DIR --format csv|json\n"
    "       rehab-mirror erase --data-dir DIR --profile NAME | --all\n"
    "       rehab-mirror doctor [OPTIONS]   what hardware, display and files it finds\n"
    "       rehab-mirror --version\n"
    "Each command takes --help (or -h) for its own usage.\n"
    "\n"
    "Station options (also settable in the config file, [station] section):\n"
    "  --camera SPEC          libcamera[:ID] | replay:FILE.y4m | synthetic[:EXERCISE]\n"
    "  --buttons SPEC         gpiod[:CHIP:UP,OK,DOWN] | keys | script:FILE\n"
    "  --data-dir DIR         where adherence.db lives\n"
    "  --profile NAME         whose sessions these are (default \"default\"; see erase)\n"
    "  --programme FILE       the prescription (INI); default: the runner's-knee programme\n"
    "  --config FILE          settings file (default " SETTINGS_DEFAULT_FILE " if present)\n"
    "  --screenshot-dir DIR   write a PNG each time the screen changes (DIR is made)\n"
    "  --fullscreen | --window WxH   (taller than wide = portrait)\n"
    "  --rotation DEGREES     0 | 90 | 180 | 270: turn the picture clockwise (a screen\n"
    "                         mounted on its side: 90 when its top edge is on the left)\n"
    "  --video-driver NAME    SDL video driver: kmsdrm (console), x11, wayland, ...;\n"
    "                         default: kmsdrm when full-screen without a desktop\n"
    "  --no-sound\n"
    "  --exit-after SECONDS   stop after this many seconds (of the station's clock;\n"
    "                         more than 0, at most a year)\n"
    "  --virtual-clock        time advances with frames and presses (tests, replays)\n"
    "  --software-renderer    SDL's software renderer (identical screenshots)\n"
    "  --usb-dir DIR          where a USB stick is mounted (default\n"
    "                         /run/rehab-mirror/stick); \"\" = no stick is read\n"
    "Files named by options must be regular files (not a FIFO, device or directory).\n"
    "\n"
    "Config file keys ([station]; the command line wins over the file):\n"
    "  camera, buttons        as --camera, --buttons; empty = auto\n"
    "  data_dir, programme, profile   as --data-dir, --programme, --profile\n"
    "  display                fullscreen | WIDTHxHEIGHT\n"
    "  rotation               0 | 90 | 180 | 270\n"
    "  video_driver           as --video-driver; empty = auto\n"
    "  sound                  on | off\n"
    "  volume                 0-100 (default 80)\n"
    "  language               screens and voice: en, de, fr, es, it (default en); other\n"
    "                         espeak-ng voices (en-us, nl, ...) with English screens\n"
    "  profiles               the people's file (default DATA_DIR/profiles.ini)\n"
    "  kiosk                  on | off: every session a guest's, nothing kept\n"
    "  attract_after, sleep_after   idle seconds before the attract loop, then\n"
    "                         before the screen goes dark (default 0: never)\n"
    "  wake_on_movement       on | off: a dark screen wakes on movement (default on)\n"
    "  usb_dir                as --usb-dir\n"
    "\n"
    "Environment:\n"
    "  REHAB_MIRROR_ASSETS    the assets directory (fonts/, programmes/)\n"
    "  REHAB_MIRROR_LOG       debug | info | warn | error: what is logged (default info)\n"
    "  REHAB_MIRROR_LOCALEDIR the translations (CODE/LC_MESSAGES/rehab-mirror.mo)\n"
    "  REHAB_MIRROR_BACKLIGHT backlight devices (default /sys/class/backlight)\n"
    "  XDG_DATA_HOME, HOME    the default data directory: $XDG_DATA_HOME/rehab-mirror,\n"
    "                         else ~/.local/share/rehab-mirror\n"
    "  SDL_VIDEODRIVER        SDL's video driver when --video-driver is not given\n"
    "  DISPLAY, WAYLAND_DISPLAY   a desktop is there (a window rather than kmsdrm)\n"
    "  NOTIFY_SOCKET, WATCHDOG_USEC   set by systemd: readiness, status, watchdog\n"
    "  JOURNAL_STREAM         set by systemd: log lines carry journal priorities\n"
    "\n"
    "Exit status: 0 done; 1 could not start or bad input (one line says why);\n"
    "2 usage error (unknown option, bad value).\n";

/* --- getopt_long, the same way for every command (cli.h) ---------------- */

/* Only -h; the leading ':' makes a missing value ':' rather than '?'. */
static const char SHORT_OPTIONS[] = ":h";

/* getopt keeps its state in globals; glibc starts afresh when optind is 0. */
static void getopt_reset(void)
{
    optind = 0;
    opterr = 0;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", cmd->name);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see %s --help)\n", cmd->name);
    va_end(ap);
    return 2;
}

/* The message for getopt's '?' or ':': `word` is the argument it was reading
 * (argv[optind - 1] just after the call: later calls may permute argv), `opt`
 * getopt's optopt then (a short option, or the val of a long one given a
 * value it does not take; 0 for an unknown long option). Returns 2. */
static int getopt_error(const cli_command *cmd, int c, const char *word, int opt)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", word);
    if (opt && !strncmp(word, "--", 2) && strchr(word, '='))
        return cli_usage_error(cmd, "option '%s' takes no value", word);
    if (opt)
        return cli_usage_error(cmd, "unknown option '-%c'", opt);
    return cli_usage_error(cmd, "unknown option '%s'", word);
}

int cli_begin(const cli_command *cmd, int argc, char **argv)
{
    int c, error = 0, error_opt = 0;
    const char *error_word = NULL;
    getopt_reset();
    while ((c = getopt_long(argc, argv, SHORT_OPTIONS, cmd->options, NULL)) != -1) {
        if (c == 'h') {
            fputs(cmd->usage, stdout);
            return 0;
        }
        if ((c == '?' || c == ':') && !error) {
            error = c;
            error_word = argv[optind - 1];
            error_opt = optopt;
        }
    }
    if (error)
        return getopt_error(cmd, error, error_word, error_opt);
    getopt_reset();
    return -1;
}

int cli_next(const cli_command *cmd, int argc, char **argv)
{
    return getopt_long(argc, argv, SHORT_OPTIONS, cmd->options, NULL);
}

/* --- the station's options ------------------------------------------------ */

enum {
    OPT_CAMERA = 256, OPT_BUTTONS, OPT_DATA_DIR, OPT_PROGRAMME, OPT_SCREENSHOT_DIR,
    OPT_PROFILE, OPT_CONFIG, OPT_FULLSCREEN, OPT_WINDOW, OPT_ROTATION, OPT_VIDEO_DRIVER,
    OPT_NO_SOUND, OPT_EXIT_AFTER, OPT_VIRTUAL_CLOCK, OPT_SOFTWARE_RENDERER, OPT_USB_DIR
};

const struct option cli_station_options[] = {
    { "camera", required_argument, NULL, OPT_CAMERA },
    { "buttons", required_argument, NULL, OPT_BUTTONS },
    { "data-dir", required_argument, NULL, OPT_DATA_DIR },
    { "programme", required_argument, NULL, OPT_PROGRAMME },
    { "screenshot-dir", required_argument, NULL, OPT_SCREENSHOT_DIR },
    { "profile", required_argument, NULL, OPT_PROFILE },
    { "config", required_argument, NULL, OPT_CONFIG },
    { "fullscreen", no_argument, NULL, OPT_FULLSCREEN },
    { "window", required_argument, NULL, OPT_WINDOW },
    { "rotation", required_argument, NULL, OPT_ROTATION },
    { "video-driver", required_argument, NULL, OPT_VIDEO_DRIVER },
    { "no-sound", no_argument, NULL, OPT_NO_SOUND },
    { "exit-after", required_argument, NULL, OPT_EXIT_AFTER },
    { "virtual-clock", no_argument, NULL, OPT_VIRTUAL_CLOCK },
    { "software-renderer", no_argument, NULL, OPT_SOFTWARE_RENDERER },
    { "usb-dir", required_argument, NULL, OPT_USB_DIR },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

/* The longest run --exit-after accepts: a year of the station's clock. Far
 * beyond any soak, and small enough that milliseconds stay exact in int64. */
#define EXIT_AFTER_MAX_S (366.0 * 24 * 3600)

static bool copy_arg(char *dst, const char *v)
{
    if (strlen(v) >= SETTINGS_PATH_MAX)
        return false;
    strcpy(dst, v);
    return true;
}

/* Seconds, finite, more than 0 and at most EXIT_AFTER_MAX_S: "nan" once ran
 * for ever and "inf" stopped at once. */
static bool parse_exit_after(const char *v, double *out)
{
    char *end;
    errno = 0;
    double s = strtod(v, &end);
    if (end == v || *end || errno || !isfinite(s) || !(s > 0) || s > EXIT_AFTER_MAX_S)
        return false;
    *out = s;
    return true;
}

const char *cli_config_path(int argc, char **argv)
{
    static const cli_command scan = { "rehab-mirror", "", cli_station_options };
    const char *path = NULL;
    int c;
    getopt_reset();
    while ((c = cli_next(&scan, argc, argv)) != -1)
        if (c == OPT_CONFIG)
            path = optarg;
    getopt_reset();
    return path;
}

/* Reads --config FILE, else the system file when there is one, before the
 * other options. 0, or 1 when a file named with --config cannot be read. A
 * bad line in a file that was read is a warning: the rest still applies. */
static int load_config_file(settings *cfg, const cli_command *cmd, int argc, char **argv)
{
    const char *path = cli_config_path(argc, argv);
    char err[256];
    if (path) {
        FILE *f = regfile_open(path, err);
        if (!f) {
            fprintf(stderr, "%s: cannot read the config file %s\n", cmd->name, err);
            return 1;
        }
        fclose(f);
    } else if (access(SETTINGS_DEFAULT_FILE, R_OK) == 0) {
        path = SETTINGS_DEFAULT_FILE;
    } else {
        return 0;
    }
    if (!settings_load(cfg, path, err))
        log_warn("%s; using defaults for the rest", err);
    return 0;
}

/* Where a text option's value goes; NULL for the others. */
static char *text_option_dest(settings *cfg, int opt)
{
    switch (opt) {
    case OPT_CAMERA: return cfg->camera;
    case OPT_BUTTONS: return cfg->buttons;
    case OPT_DATA_DIR: return cfg->data_dir;
    case OPT_PROGRAMME: return cfg->programme;
    case OPT_SCREENSHOT_DIR: return cfg->screenshot_dir;
    case OPT_PROFILE: return cfg->profile;
    case OPT_USB_DIR: return cfg->usb_dir;
    default: return NULL;
    }
}

/* Applies one option with a value over *cfg; 0 or the usage error's status. */
static int apply_value(settings *cfg, const cli_command *cmd, int opt, const char *v)
{
    char *dest = text_option_dest(cfg, opt);
    if (dest) {
        if (!copy_arg(dest, v))
            return cli_usage_error(cmd, "value too long: '%.40s...'", v);
        return 0;
    }
    switch (opt) {
    case OPT_WINDOW:
        if (!settings_parse_size(v, &cfg->width, &cfg->height))
            return cli_usage_error(cmd, "--window wants WIDTHxHEIGHT, not '%s'", v);
        cfg->fullscreen = false;
        return 0;
    case OPT_ROTATION:
        if (!settings_parse_rotation(v, &cfg->rotation))
            return cli_usage_error(cmd, "--rotation wants 0, 90, 180 or 270, not '%s'", v);
        return 0;
    case OPT_VIDEO_DRIVER:
        if (!v[0] || !settings_valid_driver(v))
            return cli_usage_error(cmd, "--video-driver wants an SDL driver name, not '%s'", v);
        strcpy(cfg->video_driver, v);
        return 0;
    case OPT_EXIT_AFTER:
        if (!parse_exit_after(v, &cfg->exit_after_s))
            return cli_usage_error(cmd, "--exit-after wants seconds, more than 0 and at most "
                                        "%.0f (a year), not '%s'", EXIT_AFTER_MAX_S, v);
        return 0;
    default: /* --config: read first, by load_config_file */
        return 0;
    }
}

static int apply_options(settings *cfg, const cli_command *cmd, int argc, char **argv)
{
    int c;
    while ((c = cli_next(cmd, argc, argv)) != -1) {
        int rc = 0;
        if (c == OPT_FULLSCREEN)
            cfg->fullscreen = true;
        else if (c == OPT_NO_SOUND)
            cfg->sound = false;
        else if (c == OPT_VIRTUAL_CLOCK)
            cfg->virtual_clock = true;
        else if (c == OPT_SOFTWARE_RENDERER)
            cfg->software_renderer = true;
        else
            rc = apply_value(cfg, cmd, c, optarg);
        if (rc)
            return rc;
    }
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    return 0;
}

int cli_station_settings(settings *cfg, const cli_command *cmd, int argc, char **argv)
{
    int rc = cli_begin(cmd, argc, argv);
    if (rc >= 0)
        return rc;
    settings_defaults(cfg);
    rc = load_config_file(cfg, cmd, argc, argv);
    if (rc == 0)
        rc = apply_options(cfg, cmd, argc, argv);
    return rc ? rc : -1;
}

static int run_station(int argc, char **argv)
{
    static const cli_command station = { "rehab-mirror", USAGE, cli_station_options };
    settings cfg;
    int rc = cli_station_settings(&cfg, &station, argc, argv);
    if (rc >= 0)
        return rc;
    if (!settings_find_assets(&cfg)) {
        fprintf(stderr, "rehab-mirror: cannot find the assets (fonts/); set "
                        "REHAB_MIRROR_ASSETS to the assets directory\n");
        return 1;
    }
    return station_run(&cfg);
}

int cli_main(int argc, char **argv)
{
    if (argc >= 2) {
        const char *cmd = argv[1];
        if (!strcmp(cmd, "help")) { /* --help and -h: anywhere, through cli_begin */
            fputs(USAGE, stdout);
            return 0;
        }
        if (!strcmp(cmd, "--version")) {
            printf("rehab-mirror %s\n", RM_VERSION);
            return 0;
        }
        if (!strcmp(cmd, "count"))
            return cmd_count(argc - 1, argv + 1);
        if (!strcmp(cmd, "synth"))
            return cmd_synth(argc - 1, argv + 1);
        if (!strcmp(cmd, "export"))
            return cmd_export(argc - 1, argv + 1);
        if (!strcmp(cmd, "erase"))
            return cmd_erase(argc - 1, argv + 1);
        if (!strcmp(cmd, "doctor"))
            return cmd_doctor(argc - 1, argv + 1);
        if (cmd[0] != '-') {
            fprintf(stderr, "rehab-mirror: unknown command '%s' (see rehab-mirror --help)\n",
                    cmd);
            return 2;
        }
    }
    return run_station(argc, argv);
}
