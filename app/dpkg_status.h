/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dpkg_status: what dpkg says is installed, for `rehab-mirror doctor`. It
 * reads dpkg's status file (/var/lib/dpkg/status: paragraphs of "Field: value"
 * lines, one per package and architecture) and never runs dpkg. Used to tell
 * that the camera's modules (libcamera-ipa) are not the libcamera this program
 * was built with, as when a package built for Debian is installed on Raspberry
 * Pi OS, whose libcamera is its own.
 */
#ifndef RM_DPKG_STATUS_H
#define RM_DPKG_STATUS_H

#include <stdbool.h>
#include <stddef.h>

/* dpkg's status file; REHAB_MIRROR_DPKG_STATUS overrides it (tests). */
const char *dpkg_status_path(void);

/* The version of an installed package (its Status ends "installed", held or
 * not: "install ok installed", "hold ok installed") into
 * out (truncated to cap), from the status file at path; the first such
 * paragraph of any architecture. False, with out empty, when the file cannot
 * be read or the package is not installed. */
bool dpkg_installed_version(const char *path, const char *package, char *out, size_t cap);

/* Whether two versions are one release at major.minor: "v0.4.0", "0.4.0-7",
 * "0.4.0+rpt20250213-1" and "1:0.4.2" are all 0.4 (a leading "v" and an epoch
 * are skipped). False when either has no major.minor. */
bool version_same_minor(const char *a, const char *b);

#endif
