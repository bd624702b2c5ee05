/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmd_erase: `rehab-mirror erase --data-dir DIR --profile NAME | --all`
 * deletes one profile's sessions (or every session) from the adherence log for
 * good and prints what it removed (adlog_erase in adlog.h; docs/PRIVACY.md).
 *
 * It refuses while the station has the log open. `--all` also deletes damaged
 * databases the station moved aside (adherence.db.corrupt-*), which hold the
 * same kind of record. Exit status: 0 erased (also when there was nothing to
 * erase); 1 no log, station running, or the erase failed (one line on
 * stderr); 2 usage error.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "adlog.h"
#include "cli.h"
#include "programme_store.h"

static const char USAGE[] =
    "usage: rehab-mirror erase --data-dir DIR --profile NAME | --all\n"
    "Deletes one profile's sessions (or everyone's, with the set-aside damaged\n"
    "databases) from DIR/adherence.db for good; refuses while the station runs.\n"
    "Exit status: 0 erased (or nothing to erase); 1 no record, station running, or\n"
    "the erase failed; 2 usage error.\n";

enum { OPT_DATA_DIR = 256, OPT_PROFILE, OPT_ALL };

static const struct option OPTIONS[] = {
    { "data-dir", required_argument, NULL, OPT_DATA_DIR },
    { "profile", required_argument, NULL, OPT_PROFILE },
    { "all", no_argument, NULL, OPT_ALL },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 },
};

static const cli_command ERASE = { "rehab-mirror erase", USAGE, OPTIONS };

/* Deletes DIR/adherence.db.corrupt-* (with their -wal/-shm); the count. */
static int remove_set_aside(const char *dir)
{
    static const char prefix[] = "adherence.db.corrupt-";
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e = d ? readdir(d) : NULL; e; e = readdir(d)) {
        if (strncmp(e->d_name, prefix, sizeof prefix - 1) != 0)
            continue;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink(path) == 0)
            n++;
        else
            perror(path);
    }
    if (d)
        closedir(d);
    return n;
}

/* The profile's own programme (programme_store.h: from a USB stick or an
 * accepted progression), or with profile NULL every profile's. */
static void remove_programmes(const char *dir, const char *profile)
{
    char path[PROGRAMME_STORE_PATH];
    if (profile) {
        programme_store_path(dir, profile, path, sizeof path);
        if (unlink(path) == 0)
            printf("deleted %s\n", path);
        return;
    }
    snprintf(path, sizeof path, "%s/programmes", dir);
    DIR *d = opendir(path);
    for (struct dirent *e = d ? readdir(d) : NULL; e; e = readdir(d)) {
        char file[PROGRAMME_STORE_PATH + 300];
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        if (e->d_name[0] != '.' && unlink(file) == 0)
            printf("deleted %s\n", file);
    }
    if (d)
        closedir(d);
}

int cmd_erase(int argc, char **argv)
{
    const char *dir = NULL, *profile = NULL;
    bool all = false;
    int c = cli_begin(&ERASE, argc, argv);
    if (c >= 0)
        return c;
    while ((c = cli_next(&ERASE, argc, argv)) != -1) {
        if (c == OPT_ALL)
            all = true;
        else if (c == OPT_DATA_DIR)
            dir = optarg;
        else
            profile = optarg;
    }
    if (optind < argc)
        return cli_usage_error(&ERASE, "unexpected argument '%s'", argv[optind]);
    if (!dir || !*dir)
        return cli_usage_error(&ERASE, "--data-dir DIR is required");
    if (profile && !*profile)
        return cli_usage_error(&ERASE, "--profile needs a name");
    if (all == (profile != NULL))
        return cli_usage_error(&ERASE, "say whose record: --profile NAME, or --all");

    char err[256] = "";
    adlog_erased gone;
    if (!adlog_erase(dir, profile, &gone, err)) {
        fprintf(stderr, "rehab-mirror erase: %s\n", err);
        return 1;
    }
    printf("erased %s: %lld sessions, %lld sets, %lld reps\n",
           all ? "every profile" : profile, (long long)gone.sessions, (long long)gone.sets,
           (long long)gone.reps);
    remove_programmes(dir, profile);
    if (all) {
        int n = remove_set_aside(dir);
        if (n)
            printf("deleted %d set-aside damaged database file(s)\n", n);
    }
    return 0;
}
