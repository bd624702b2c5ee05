/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_dpkg_status: an installed package's version asked of dpkg-query over
 * a dpkg database made here (a status file: installed, held, removed but not
 * purged, two architectures), and the major.minor comparison doctor uses for
 * libcamera and its camera modules. Skipped where there is no dpkg-query.
 */
#include "dpkg_status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static void write_status(const char *dir, const char *text)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/status", dir);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(EXIT_FAILURE);
    }
}

#define PARAGRAPH(name, status, arch, version)                                        \
    "Package: " name "\nStatus: " status "\nPriority: optional\nSection: libs\n"      \
    "Maintainer: Nobody <nobody@example.org>\nArchitecture: " arch "\nMulti-Arch: same\n" \
    "Version: " version "\nDescription: a test package\n"

static void test_installed(void)
{
    const char *dir = check_tmpdir("dpkg_status");
    write_status(dir, PARAGRAPH("libcamera-ipa", "deinstall ok config-files", "arm64", "0.0.3-3") "\n"
                      PARAGRAPH("libcamera-ipa", "install ok installed", "amd64",
                                "0.7.0+rpt20260205-1") "\n"
                      PARAGRAPH("libheld", "hold ok installed", "amd64", "1:2.5-1") "\n"
                      PARAGRAPH("libgone", "deinstall ok config-files", "amd64", "1.0"));
    char v[64];
    CHECK(dpkg_installed_version(dir, "libcamera-ipa", v, sizeof v) &&
              strcmp(v, "0.7.0+rpt20260205-1") == 0,
          "the installed architecture, not the removed one: got '%s'", v);
    CHECK(dpkg_installed_version(dir, "libheld", v, sizeof v) && strcmp(v, "1:2.5-1") == 0,
          "a held package is installed: got '%s'", v);
    CHECK(!dpkg_installed_version(dir, "libgone", v, sizeof v) && v[0] == '\0',
          "removed, its configuration kept: not installed");
    CHECK(!dpkg_installed_version(dir, "libcamera", v, sizeof v) && v[0] == '\0',
          "a name that is only a prefix of another is not installed");
    char small[4];
    CHECK(dpkg_installed_version(dir, "libcamera-ipa", small, sizeof small) &&
              strcmp(small, "0.7") == 0,
          "truncated to the room given: got '%s'", small);
    char none[1200];
    snprintf(none, sizeof none, "%s/nonexistent", dir);
    CHECK(!dpkg_installed_version(none, "libcamera-ipa", v, sizeof v) && v[0] == '\0',
          "no database there: nothing installed");
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

static void test_admindir(void)
{
    unsetenv("REHAB_MIRROR_DPKG_ADMINDIR");
    CHECK(dpkg_admindir() == NULL, "dpkg's own by default");
    setenv("REHAB_MIRROR_DPKG_ADMINDIR", "/tmp/x", 1);
    CHECK(dpkg_admindir() && strcmp(dpkg_admindir(), "/tmp/x") == 0, "the environment's when set");
    unsetenv("REHAB_MIRROR_DPKG_ADMINDIR");
}

int main(void)
{
    if (access("/usr/bin/dpkg-query", X_OK) == 0)
        test_installed();
    else
        printf("no dpkg-query: the queries are skipped\n");
    test_same_minor();
    test_admindir();
    return check_done();
}
