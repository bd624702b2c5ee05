/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_regfile: regfile_open opens a regular file and refuses, without
 * blocking, what is not one: a directory, a character device (/dev/zero), a
 * FIFO with no writer (whose plain open would wait for ever), each with "not a
 * regular file" and what it is; a missing file says "cannot open".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "regfile.h"

static void refused(const char *path, const char *what)
{
    char err[256] = "";
    errno = 0;
    FILE *f = regfile_open(path, err);
    CHECK(f == NULL, "%s was opened", path);
    if (f)
        fclose(f);
    char want[1200];
    snprintf(want, sizeof want, "%s: not a regular file (%s)", path, what);
    CHECK(!strcmp(err, want), "message for %s: '%s', want '%s'", path, err, want);
    CHECK_EQ_INT(errno, EINVAL, "errno");
}

int main(void)
{
    const char *dir = check_tmpdir("regfile");
    char path[1100], err[256] = "";

    snprintf(path, sizeof path, "%s/plain.ini", dir);
    FILE *w = fopen(path, "w");
    CHECK(w != NULL, "cannot write %s", path);
    if (w) {
        fputs("[x]\n", w);
        fclose(w);
    }
    FILE *f = regfile_open(path, err);
    CHECK(f != NULL, "a regular file was refused: %s", err);
    char line[16] = "";
    CHECK(f && fgets(line, sizeof line, f) && !strcmp(line, "[x]\n"), "read back '%s'", line);
    if (f)
        fclose(f);

    refused(dir, "a directory");
    refused("/dev/zero", "a character device");
    snprintf(path, sizeof path, "%s/fifo", dir);
    CHECK(mkfifo(path, 0600) == 0, "mkfifo %s", path);
    refused(path, "a FIFO");

    snprintf(path, sizeof path, "%s/missing.ini", dir);
    CHECK(regfile_open(path, err) == NULL, "a missing file was opened");
    CHECK(strstr(err, "missing.ini: cannot open: ") != NULL, "missing file: '%s'", err);
    CHECK(regfile_open(path, NULL) == NULL, "NULL errbuf");
    return check_done();
}
