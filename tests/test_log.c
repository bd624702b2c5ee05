/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_log: lines carry journald's priority prefixes exactly when stderr is the
 * journal. JOURNAL_STREAM is set to the DEV:INO of a temporary file, as systemd
 * sets it to its stream socket's; then log_journal_prefix gives <3> <4> <6> <7>
 * for that file's descriptor and "" for any other file, a malformed or unset
 * value; and with stderr redirected to the file, log_error/warn/info lines are
 * written with their prefix (and without it once JOURNAL_STREAM is unset).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "log.h"

/* "DEV:INO" of the file open on fd, as systemd writes JOURNAL_STREAM. */
static void dev_ino(int fd, char *buf, size_t cap)
{
    struct stat sb;
    CHECK(fstat(fd, &sb) == 0, "fstat");
    snprintf(buf, cap, "%llu:%llu", (unsigned long long)sb.st_dev,
             (unsigned long long)sb.st_ino);
}

static void test_prefix(int journal_fd, int other_fd)
{
    char env[64];
    dev_ino(journal_fd, env, sizeof env);
    CHECK(!strcmp(log_journal_prefix(LOG_ERROR, env, journal_fd), "<3>"), "error");
    CHECK(!strcmp(log_journal_prefix(LOG_WARN, env, journal_fd), "<4>"), "warning");
    CHECK(!strcmp(log_journal_prefix(LOG_INFO, env, journal_fd), "<6>"), "info");
    CHECK(!strcmp(log_journal_prefix(LOG_DEBUG, env, journal_fd), "<7>"), "debug");
    CHECK(!strcmp(log_journal_prefix(LOG_ERROR, env, other_fd), ""), "another file");
    CHECK(!strcmp(log_journal_prefix(LOG_ERROR, NULL, journal_fd), ""), "unset");
    CHECK(!strcmp(log_journal_prefix(LOG_ERROR, env, -1), ""), "a closed descriptor");
    char bad[80];
    const char *malformed[] = { "", ":", "12", "12:", ":34", "x:1", "1:2:3", "1:2 ", "-1:2" };
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++)
        CHECK(!strcmp(log_journal_prefix(LOG_ERROR, malformed[i], journal_fd), ""),
              "malformed '%s'", malformed[i]);
    snprintf(bad, sizeof bad, "%s0", env); /* another inode */
    CHECK(!strcmp(log_journal_prefix(LOG_ERROR, bad, journal_fd), ""), "'%s'", bad);
}

/* Reads the whole of path into buf. */
static void slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
}

/* Through log_line, with stderr sent to the "journal" file. */
static void test_lines(const char *path)
{
    int fd = open(path, O_WRONLY | O_TRUNC);
    int saved = dup(STDERR_FILENO);
    CHECK(fd >= 0 && saved >= 0, "open %s", path);
    char env[64];
    dev_ino(fd, env, sizeof env);
    fflush(stderr);
    dup2(fd, STDERR_FILENO);
    setenv("JOURNAL_STREAM", env, 1);
    log_set_level(LOG_INFO);
    log_error("e %d", 1);
    log_warn("w");
    log_info("i");
    log_debug("not shown");
    errno = ENOENT;
    log_errno("gone");
    unsetenv("JOURNAL_STREAM");
    log_warn("plain");
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    close(fd);

    char text[2048];
    slurp(path, text, sizeof text);
    const char *want[] = { "<3>rehab-mirror: error test_log.c:", ": e 1\n",
                           "<4>rehab-mirror: warning test_log.c:", ": w\n",
                           "<6>rehab-mirror: info test_log.c:", ": i\n",
                           "<3>rehab-mirror: error test_log.c:", ": gone: No such file",
                           "\nrehab-mirror: warning test_log.c:", ": plain\n" };
    const char *at = text;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *hit = strstr(at, want[i]);
        CHECK(hit != NULL, "'%s' not found in order in:\n%s", want[i], text);
        if (hit)
            at = hit + strlen(want[i]);
    }
    CHECK(strstr(text, "not shown") == NULL, "a debug line above the level");
    CHECK(strstr(text, "<6>rehab-mirror: warning") == NULL, "wrong priority");
}

int main(void)
{
    const char *dir = check_tmpdir("log");
    char journal[1100], other[1100];
    snprintf(journal, sizeof journal, "%s/journal", dir);
    snprintf(other, sizeof other, "%s/other", dir);
    int jfd = open(journal, O_RDWR | O_CREAT | O_TRUNC, 0600);
    int ofd = open(other, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(jfd >= 0 && ofd >= 0, "cannot create files in %s", dir);
    test_prefix(jfd, ofd);
    close(jfd);
    close(ofd);
    test_lines(journal);
    return check_done();
}
