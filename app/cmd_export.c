/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_export: `rehab-mirror export --data-dir DIR --format csv|json` writes the
 * adherence record to stdout (formats in adlog_export.c).
 *
 * The database is opened read-only: export never creates DIR or an empty
 * adherence.db where there was none, never upgrades the schema and never closes
 * a session the running station has open, so it is safe to run beside the
 * station. Exit status: 0 written; 1 no log, not a log, or stdout failed (one
 * line on stderr); 2 usage error. Both options are required; "--opt=value" is
 * accepted too.
 */
#include <stdio.h>
#include <string.h>

#include "adlog.h"
#include "cli.h"

static const char USAGE[] = "usage: rehab-mirror export --data-dir DIR --format csv|json\n";

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "rehab-mirror export: %s%s\n%s", what, arg, USAGE);
    return 2;
}

int cmd_export(int argc, char **argv)
{
    const char *dir = NULL, *format = NULL;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (cli_option(argc, argv, &i, "--data-dir", &v)) {
            if (!v || !*v)
                return usage_error("--data-dir needs a directory", "");
            dir = v;
        } else if (cli_option(argc, argv, &i, "--format", &v)) {
            if (!v)
                return usage_error("--format needs csv or json", "");
            format = v;
        } else {
            return usage_error("unknown argument ", argv[i]);
        }
    }
    if (!dir)
        return usage_error("--data-dir is required", "");
    if (!format)
        return usage_error("--format is required", "");
    adlog_format fmt;
    if (!strcmp(format, "csv"))
        fmt = ADLOG_CSV;
    else if (!strcmp(format, "json"))
        fmt = ADLOG_JSON;
    else
        return usage_error("unknown format ", format);

    char err[256];
    adlog *log = adlog_open_readonly(dir, err);
    if (!log) {
        fprintf(stderr, "rehab-mirror export: %s\n", err);
        return 1;
    }
    bool ok = adlog_export(log, stdout, fmt);
    adlog_close(log);
    if (!ok) {
        fprintf(stderr, "rehab-mirror export: could not write the whole record\n");
        return 1;
    }
    return 0;
}
