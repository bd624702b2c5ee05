/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_dpkg_status: an installed package's version read from a status file
 * like dpkg's (paragraphs, continuation lines, other architectures, packages
 * removed but not purged, a line longer than the reader's buffer), and the
 * major.minor comparison doctor uses for libcamera and its camera modules.
 */
#include "dpkg_status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *write_status(const char *dir, const char *text)
{
    static char path[1200];
    snprintf(path, sizeof path, "%s/status", dir);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(EXIT_FAILURE);
    }
    return path;
}

static void test_installed(void)
{
    const char *dir = check_tmpdir("dpkg_status");
    char *long_line = malloc(10000);
    memset(long_line, 'x', 9999);
    long_line[9999] = '\0';
    char text[12000];
    snprintf(text, sizeof text,
             "Package: libcamera-ipa\n"
             "Status: deinstall ok config-files\n"
             "Architecture: amd64\n"
             "Version: 0.0.3-3\n"
             "\n"
             "Package: libcamera0.7\n"
             "Status: install ok installed\n"
             "Description: complex camera support library\n"
             " Package: libcamera-ipa\n"
             " Version: 9.9\n"
             "Version: 0.7.0+rpt20260205-1\n"
             "\n"
             "Package: libfoo\n"
             "Status: install ok installed\n"
             "Description: %s\n"
             "Version: 1.0\n"
             "\n"
             "Package: libcamera-ipa\n"
             "Status: install ok installed\n"
             "Architecture: arm64\n"
             "Version: 0.7.0+rpt20260205-1\n",
             long_line);
    free(long_line);
    const char *path = write_status(dir, text);
    char v[64];
    CHECK(dpkg_installed_version(path, "libcamera-ipa", v, sizeof v), "libcamera-ipa found");
    CHECK(strcmp(v, "0.7.0+rpt20260205-1") == 0,
          "the installed paragraph, not the removed one nor a description line: got '%s'", v);
    CHECK(dpkg_installed_version(path, "libfoo", v, sizeof v) && strcmp(v, "1.0") == 0,
          "a paragraph with a line longer than the buffer: got '%s'", v);
    CHECK(!dpkg_installed_version(path, "libcamera", v, sizeof v) && v[0] == '\0',
          "a name that is only a prefix of others is not installed");
    char small[4];
    CHECK(dpkg_installed_version(path, "libcamera0.7", small, sizeof small) &&
              strcmp(small, "0.7") == 0,
          "truncated to the room given: got '%s'", small);
    CHECK(!dpkg_installed_version("/nonexistent/status", "libcamera-ipa", v, sizeof v) &&
              v[0] == '\0',
          "no status file: nothing installed");
    path = write_status(dir, "Package: libcamera-ipa\nStatus: install ok half-installed\n"
                             "Version: 0.5.0-1\n\nPackage: libcamera-ipa\nStatus: hold ok installed\n"
                             "Version: 0.4.0-7");
    CHECK(dpkg_installed_version(path, "libcamera-ipa", v, sizeof v) && strcmp(v, "0.4.0-7") == 0,
          "held, in the last paragraph, with no newline at the end (not the half-installed one): got '%s'", v);
}

static void test_same_minor(void)
{
    CHECK(version_same_minor("v0.4.0", "0.4.0-7"), "the library's v0.4.0 and Debian's 0.4.0-7");
    CHECK(version_same_minor("v0.7.1+53-29156679", "0.7.0+rpt20260205-1"),
          "a build's git suffix and Raspberry Pi's rpt suffix");
    CHECK(version_same_minor("1:0.4.2", "0.4.0"), "an epoch is skipped");
    CHECK(!version_same_minor("v0.4.0", "0.7.0+rpt20260205-1"), "0.4 and 0.7 differ");
    CHECK(!version_same_minor("v0.0.3", "0.3.0"), "0.0 and 0.3 differ");
    CHECK(!version_same_minor("v1.4", "0.4"), "1.4 and 0.4 differ");
    CHECK(!version_same_minor("unknown", "0.4.0"), "no version: not the same");
    CHECK(!version_same_minor("0", "0"), "no minor: not the same");
}

static void test_path(void)
{
    unsetenv("REHAB_MIRROR_DPKG_STATUS");
    CHECK(strcmp(dpkg_status_path(), "/var/lib/dpkg/status") == 0, "dpkg's own by default");
    setenv("REHAB_MIRROR_DPKG_STATUS", "/tmp/x/status", 1);
    CHECK(strcmp(dpkg_status_path(), "/tmp/x/status") == 0, "the environment's when set");
    unsetenv("REHAB_MIRROR_DPKG_STATUS");
}

int main(void)
{
    test_installed();
    test_same_minor();
    test_path();
    return check_done();
}
