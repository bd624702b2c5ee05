/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: argument parsing and subcommand dispatch (see cli.h). Running the
 * station: settings defaults, then --config FILE (or the system config file when
 * it exists), then the other options, which override the file.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "settings.h"
#include "station.h"

static const char USAGE[] =
    "usage: rehab-mirror [OPTIONS]            run the station\n"
    "       rehab-mirror count --exercise clamshell|bridge|quad-set|generic FILE.y4m\n"
    "       rehab-mirror synth --exercise EXERCISE [--reps N] [--size WxH] [--fps N] OUT.y4m\n"
    "       rehab-mirror export --data-dir DIR --format csv|json\n"
    "       rehab-mirror erase --data-dir DIR --profile NAME | --all\n"
    "       rehab-mirror doctor [STATION OPTIONS]   what hardware, display and files it finds\n"
    "       rehab-mirror --help | --version\n"
    "\n"
    "Station options (also settable in the config file, [station] section):\n"
    "  --camera SPEC          libcamera[:ID] | replay:FILE.y4m | synthetic[:EXERCISE]\n"
    "  --buttons SPEC         gpiod[:CHIP:UP,OK,DOWN] | keys | script:FILE\n"
    "  --data-dir DIR         where adherence.db lives\n"
    "  --profile NAME         whose sessions these are (default \"default\"; see erase)\n"
    "  --programme FILE       the prescription (INI); default: the runner's-knee programme\n"
    "  --config FILE          settings file (default " SETTINGS_DEFAULT_FILE " if present)\n"
    "  --screenshot-dir DIR   write a PNG each time the screen changes\n"
    "  --fullscreen | --window WxH   (taller than wide = portrait)\n"
    "  --rotation DEGREES     0 | 90 | 180 | 270: turn the picture clockwise (a screen\n"
    "                         mounted on its side: 90 when its top edge is on the left)\n"
    "  --video-driver NAME    SDL video driver: kmsdrm (console), x11, wayland, ...;\n"
    "                         default: kmsdrm when full-screen without a desktop\n"
    "  --no-sound\n"
    "  --exit-after SECONDS   stop after this many seconds (of the station's clock)\n"
    "  --virtual-clock        time advances with frames and presses (tests, replays)\n"
    "  --software-renderer    SDL's software renderer (identical screenshots)\n";

bool cli_option(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return false;
    if (argv[*i][n] == '=') {
        *value = argv[*i] + n + 1;
        return true;
    }
    if (argv[*i][n] != '\0')
        return false;
    *value = *i + 1 < argc ? argv[++*i] : NULL;
    return true;
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "rehab-mirror: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see rehab-mirror --help)\n");
    return 2;
}

static bool copy_arg(char *dst, const char *v)
{
    if (strlen(v) >= SETTINGS_PATH_MAX)
        return false;
    strcpy(dst, v);
    return true;
}

/* Finds --config FILE first so the file is read before the other options. */
static int load_config_file(settings *cfg, int argc, char **argv)
{
    const char *path = NULL;
    for (int i = 1; i < argc - 1; i++)
        if (!strcmp(argv[i], "--config"))
            path = argv[i + 1];
    bool explicit_path = path != NULL;
    if (!path && access(SETTINGS_DEFAULT_FILE, R_OK) == 0)
        path = SETTINGS_DEFAULT_FILE;
    if (!path)
        return 0;
    char err[256];
    if (!settings_load(cfg, path, err)) {
        if (explicit_path && access(path, R_OK) != 0)
            return usage_error("cannot read the config file %s", path), 1;
        log_warn("%s; using defaults for the rest", err);
    }
    return 0;
}

static const char *const TEXT_OPTIONS[] = { "--camera", "--buttons", "--data-dir",
                                            "--programme", "--screenshot-dir", "--profile" };

static char *text_option_dest(settings *cfg, const char *opt)
{
    char *dests[] = { cfg->camera, cfg->buttons, cfg->data_dir, cfg->programme,
                      cfg->screenshot_dir, cfg->profile };
    for (size_t i = 0; i < sizeof TEXT_OPTIONS / sizeof TEXT_OPTIONS[0]; i++)
        if (!strcmp(opt, TEXT_OPTIONS[i]))
            return dests[i];
    return NULL;
}

static int parse_value_option(settings *cfg, const char *opt, const char *v)
{
    if (!strcmp(opt, "--config"))
        return 0; /* read first, by load_config_file */
    char *dest = text_option_dest(cfg, opt);
    if (dest) {
        if (!copy_arg(dest, v))
            return usage_error("%s: value too long", opt);
        return 0;
    }
    if (!strcmp(opt, "--window")) {
        if (!settings_parse_size(v, &cfg->width, &cfg->height))
            return usage_error("--window wants WIDTHxHEIGHT, not '%s'", v);
        cfg->fullscreen = false;
        return 0;
    }
    if (!strcmp(opt, "--rotation")) {
        if (!settings_parse_rotation(v, &cfg->rotation))
            return usage_error("--rotation wants 0, 90, 180 or 270, not '%s'", v);
        return 0;
    }
    if (!strcmp(opt, "--video-driver")) {
        if (!v[0] || !settings_valid_driver(v))
            return usage_error("--video-driver wants an SDL driver name, not '%s'", v);
        strcpy(cfg->video_driver, v);
        return 0;
    }
    if (!strcmp(opt, "--exit-after")) {
        char *end;
        cfg->exit_after_s = strtod(v, &end);
        if (end == v || *end || cfg->exit_after_s <= 0)
            return usage_error("--exit-after wants a number of seconds, not '%s'", v);
        return 0;
    }
    return usage_error("unknown option %s", opt);
}

static int parse_station_args(settings *cfg, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--fullscreen"))
            cfg->fullscreen = true;
        else if (!strcmp(a, "--no-sound"))
            cfg->sound = false;
        else if (!strcmp(a, "--virtual-clock"))
            cfg->virtual_clock = true;
        else if (!strcmp(a, "--software-renderer"))
            cfg->software_renderer = true;
        else if (!strncmp(a, "--", 2) && i + 1 < argc) {
            int rc = parse_value_option(cfg, a, argv[++i]);
            if (rc)
                return rc;
        } else
            return usage_error("unexpected argument '%s'", a);
    }
    return 0;
}

int cli_station_settings(settings *cfg, int argc, char **argv)
{
    settings_defaults(cfg);
    int rc = load_config_file(cfg, argc, argv);
    if (rc == 0)
        rc = parse_station_args(cfg, argc, argv);
    return rc;
}

static int run_station(int argc, char **argv)
{
    settings cfg;
    int rc = cli_station_settings(&cfg, argc, argv);
    if (rc)
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
        if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
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
        if (cmd[0] != '-')
            return usage_error("unknown command '%s'", cmd);
    }
    return run_station(argc, argv);
}
