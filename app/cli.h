/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: the rehab-mirror command line. main() hands argv to cli_main, which
 * picks the subcommand: none (run the station), count, synth, export, erase, doctor,
 * help, version. Every subcommand returns the process exit status: 0 on
 * success, 1 on bad input with one line on stderr saying why, 2 on a usage
 * error (see cli_command below).
 */
#ifndef RM_CLI_H
#define RM_CLI_H

int cli_main(int argc, char **argv);

/* Subcommands; argv[0] is the subcommand name. */
int cmd_count(int argc, char **argv);  /* cmd_count.c: count reps in a Y4M clip, JSON out */
int cmd_synth(int argc, char **argv);  /* cmd_synth.c: render the synthetic person to Y4M */
int cmd_export(int argc, char **argv); /* cmd_export.c: write the adherence record */
int cmd_doctor(int argc, char **argv); /* cmd_doctor.c: report hardware, display, files */
int cmd_erase(int argc, char **argv);  /* cmd_erase.c: delete one profile's record, or all */

#include <getopt.h>
#include <stdbool.h>

/*
 * Every command parses its arguments with getopt_long (GNU order: options and
 * operands in any order, "--opt VALUE" or "--opt=VALUE", "--" ends the
 * options). Its option table must hold {"help", no_argument, NULL, 'h'}; the
 * short options are only -h. The contract, the same for every command:
 * --help or -h anywhere on the line prints the usage on stdout and exits 0
 * (whatever else is wrong with the line); otherwise an unknown option, a
 * missing value or a value given to a flag exits 2 with one line on stderr.
 */
typedef struct cli_command {
    const char *name;             /* "rehab-mirror count": begins every message */
    const char *usage;            /* printed on stdout for --help */
    const struct option *options; /* getopt_long's table, ending in a zeroed entry */
} cli_command;

/* Checks the whole line before anything is done with it: 0 after printing the
 * usage (--help), 2 after a one-line usage error, or -1 when the command should
 * go on, getopt's state reset so that cli_next starts again from argv[1]. Not
 * thread-safe (getopt's globals). */
int cli_begin(const cli_command *cmd, int argc, char **argv);
/* The next option as getopt_long returns it (its `val`, or -1 at the end, then
 * the operands are argv[optind..argc-1]); its value in optarg. Call only after
 * cli_begin returned -1, so it never sees an unknown option. */
int cli_next(const cli_command *cmd, int argc, char **argv);
/* Prints "NAME: MESSAGE (see NAME --help)" on one line; returns 2. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

struct settings;
/* The station's settings from defaults, the config file (--config FILE or the
 * system one when present) and the station options in argv[1..]: what the
 * station and `doctor` both run with. `cmd` names the command and its usage
 * for --help and messages. Returns -1 when the command should go on; else the
 * exit status to return at once, its message already printed: 0 after --help,
 * 2 after a usage error, 1 when the config file named by --config cannot be
 * read or is not a regular file. */
int cli_station_settings(struct settings *cfg, const cli_command *cmd, int argc, char **argv);
/* The path given with --config in a line cli_station_settings accepted; NULL
 * when there is none. */
const char *cli_config_path(int argc, char **argv);
/* The station options' table, for `doctor` (which takes the same options). */
extern const struct option cli_station_options[];

#endif
