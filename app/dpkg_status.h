/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dpkg_status: what dpkg says is installed, for `rehab-mirror doctor`, asked
 * of dpkg-query (dpkg's database is dpkg's own to read). Used to tell that the
 * camera's modules (libcamera-ipa) are not for the libcamera this program was
 * built with, as when a package built for Debian is installed on Raspberry Pi
 * OS, whose libcamera is its own.
 */
#ifndef RM_DPKG_STATUS_H
#define RM_DPKG_STATUS_H

#include <stdbool.h>
#include <stddef.h>

/* The dpkg database directory to ask about: REHAB_MIRROR_DPKG_ADMINDIR when
 * set (tests point it at a directory holding a status file), else NULL:
 * dpkg's own. */
const char *dpkg_admindir(void);

/* The version of an installed package (dpkg-query's status word
 * "installed", held or not), the first architecture listed, into out
 * (truncated to cap), from admindir's database (NULL: dpkg's own). False,
 * with out empty, when it is not installed or dpkg-query cannot be run (not a
 * Debian system). Runs dpkg-query and waits for it. */
bool dpkg_installed_version(const char *admindir, const char *package, char *out, size_t cap);

/* Whether two versions are one release at major.minor: "v0.4.0", "0.4.0-7",
 * "0.4.0+rpt20250213-1" and "1:0.4.2" are all 0.4 (a leading "v" and an epoch
 * are skipped). False when either has no major.minor. */
bool version_same_minor(const char *a, const char *b);

#endif
