/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dpkg_status: an installed package's version, asked of dpkg-query (dpkg_status.h). */
#include "dpkg_status.h"

#include <ctype.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define OUTPUT 4096 /* dpkg-query's answer: a line per architecture */

extern char **environ;

const char *dpkg_admindir(void)
{
    const char *p = getenv("REHAB_MIRROR_DPKG_ADMINDIR");
    return p && *p ? p : NULL;
}

/* Runs dpkg-query -W for package with one "STATUS VERSION" line per
 * architecture into out (NUL-terminated); false when it cannot be run or
 * knows no such package. Its stdin and stderr are /dev/null. */
static bool query(const char *admindir, const char *package, char *out, size_t cap)
{
    char admin[1100];
    char *argv[8];
    int argc = 0;
    argv[argc++] = "dpkg-query";
    if (admindir) {
        snprintf(admin, sizeof admin, "--admindir=%s", admindir);
        argv[argc++] = admin;
    }
    argv[argc++] = "-W";
    argv[argc++] = "-f";
    argv[argc++] = "${db:Status-Status} ${Version}\\n"; /* its own escape for a newline */
    argv[argc++] = (char *)package;
    argv[argc] = NULL;
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    pid_t pid;
    int err = posix_spawnp(&pid, "dpkg-query", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    size_t n = 0;
    if (err == 0) {
        ssize_t got;
        while (n + 1 < cap && (got = read(fds[0], out + n, cap - 1 - n)) > 0)
            n += (size_t)got;
    }
    out[n] = '\0';
    close(fds[0]);
    int status = 0;
    if (err == 0 && waitpid(pid, &status, 0) < 0)
        status = -1;
    return err == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool dpkg_installed_version(const char *admindir, const char *package, char *out, size_t cap)
{
    if (cap > 0)
        out[0] = '\0';
    char text[OUTPUT];
    if (!query(admindir, package, text, sizeof text))
        return false;
    static const char installed[] = "installed ";
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strncmp(line, installed, sizeof installed - 1) && line[sizeof installed - 1]) {
            snprintf(out, cap, "%s", line + sizeof installed - 1);
            return true;
        }
    }
    return false;
}

/* major.minor of a version into *major, *minor; false when it has none. */
static bool minor_of(const char *v, long *major, long *minor)
{
    const char *colon = strchr(v, ':');
    if (colon && colon - v < 8) /* an epoch: digits before the first colon */
        v = colon + 1;
    if (*v == 'v')
        v++;
    if (!isdigit((unsigned char)*v))
        return false;
    char *end;
    *major = strtol(v, &end, 10);
    if (*end != '.' || !isdigit((unsigned char)end[1]))
        return false;
    *minor = strtol(end + 1, &end, 10);
    return true;
}

bool version_same_minor(const char *a, const char *b)
{
    long ma, na, mb, nb;
    return minor_of(a, &ma, &na) && minor_of(b, &mb, &nb) && ma == mb && na == nb;
}
