/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli: the rehab-mirror command line. main() hands argv to cli_main, which
 * picks the subcommand: none (run the station), count, synth, export, erase, doctor,
 * help, version. Every subcommand returns the process exit status: 0 on
 * success, 1 on bad input with one line on stderr saying why, 2 on a usage
 * error.
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

#include <stdbool.h>
/* Matches argv[*i] as "--name VALUE" (consuming the next argument; *value
 * NULL when there is none) or "--name=VALUE". */
bool cli_option(int argc, char **argv, int *i, const char *name, const char **value);

struct settings;
/* The station's settings from defaults, the config file (--config FILE or the
 * system one when present) and the station options in argv[1..]: what the
 * station and `doctor` both run with. 0, or the exit status of a usage error
 * (already reported on stderr). */
int cli_station_settings(struct settings *cfg, int argc, char **argv);

#endif
