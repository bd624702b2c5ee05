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

static const char USAGE[] = "usage: rehab-mirror erase --data-dir DIR --profile NAME | --all\n";

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "rehab-mirror erase: %s%s\n%s", what, arg, USAGE);
    return 2;
}

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

int cmd_erase(int argc, char **argv)
{
    const char *dir = NULL, *profile = NULL;
    bool all = false;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--all")) {
            all = true;
        } else if (cli_option(argc, argv, &i, "--data-dir", &v)) {
            if (!v || !*v)
                return usage_error("--data-dir needs a directory", "");
            dir = v;
        } else if (cli_option(argc, argv, &i, "--profile", &v)) {
            if (!v || !*v)
                return usage_error("--profile needs a name", "");
            profile = v;
        } else {
            return usage_error("unknown argument ", argv[i]);
        }
    }
    if (!dir)
        return usage_error("--data-dir is required", "");
    if (all == (profile != NULL))
        return usage_error("say whose record: --profile NAME, or --all", "");

    char err[256] = "";
    adlog_erased gone;
    if (!adlog_erase(dir, profile, &gone, err)) {
        fprintf(stderr, "rehab-mirror erase: %s\n", err);
        return 1;
    }
    printf("erased %s: %lld sessions, %lld sets, %lld reps\n",
           all ? "every profile" : profile, (long long)gone.sessions, (long long)gone.sets,
           (long long)gone.reps);
    if (all) {
        int n = remove_set_aside(dir);
        if (n)
            printf("deleted %d set-aside damaged database file(s)\n", n);
    }
    return 0;
}
