/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_export: `rehab-mirror export --data-dir DIR --format csv|json [--profile
 * NAME]` writes the adherence record (or one profile's part of it) to stdout
 * (formats in adlog_export.c).
 *
 * The database is opened read-only: export never creates DIR or an empty
 * adherence.db where there was none, never upgrades the schema and never closes
 * a session the running station has open, so it is safe to run beside the
 * station. Exit status: 0 written; 1 no log, not a log, a profile with no
 * sessions, or stdout failed (one line on stderr); 2 usage error. Both options are required; "--opt=value" is
 * accepted too.
 */
#include <stdio.h>
#include <string.h>

#include "adlog.h"
#include "cli.h"

static const char USAGE[] =
    "usage: rehab-mirror export --data-dir DIR --format csv|json [--profile NAME]\n"
    "Writes the adherence record in DIR/adherence.db to stdout, read-only (safe\n"
    "beside a running station); with --profile only that person's sessions. Each\n"
    "session says whose it is (CSV: the profile column). Exit status: 0 written;\n"
    "1 no record, not a record, no sessions of that profile, or stdout failed;\n"
    "2 usage error.\n";

enum { OPT_DATA_DIR = 256, OPT_FORMAT, OPT_PROFILE };

static const struct option OPTIONS[] = {
    { "data-dir", required_argument, NULL, OPT_DATA_DIR },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "profile", required_argument, NULL, OPT_PROFILE },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static const cli_command EXPORT = { "rehab-mirror export", USAGE, OPTIONS };

int cmd_export(int argc, char **argv)
{
    const char *dir = NULL, *format = NULL, *profile = NULL;
    int c = cli_begin(&EXPORT, argc, argv);
    if (c >= 0)
        return c;
    while ((c = cli_next(&EXPORT, argc, argv)) != -1) {
        if (c == OPT_DATA_DIR)
            dir = optarg;
        else if (c == OPT_PROFILE)
            profile = optarg;
        else
            format = optarg;
    }
    if (optind < argc)
        return cli_usage_error(&EXPORT, "unexpected argument '%s'", argv[optind]);
    if (!dir || !*dir)
        return cli_usage_error(&EXPORT, "--data-dir DIR is required");
    if (!format)
        return cli_usage_error(&EXPORT, "--format csv|json is required");
    if (profile && !*profile)
        return cli_usage_error(&EXPORT, "--profile needs a name");
    adlog_format fmt;
    if (!strcmp(format, "csv"))
        fmt = ADLOG_CSV;
    else if (!strcmp(format, "json"))
        fmt = ADLOG_JSON;
    else
        return cli_usage_error(&EXPORT, "unknown format '%s' (want csv or json)", format);

    char err[256];
    adlog *log = adlog_open_readonly(dir, err);
    if (!log) {
        fprintf(stderr, "rehab-mirror export: %s\n", err);
        return 1;
    }
    if (profile && !adlog_profile_known(log, profile, err)) {
        fprintf(stderr, "rehab-mirror export: %s\n", err);
        adlog_close(log);
        return 1;
    }
    bool ok = adlog_export_profile(log, stdout, fmt, profile);
    adlog_close(log);
    if (!ok) {
        fprintf(stderr, "rehab-mirror export: could not write the whole record\n");
        return 1;
    }
    return 0;
}
