/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * atomic_file: a file written whole or not at all, for places where a power
 * cut or a pulled USB stick may come mid-write. The content goes to a hidden
 * temporary file beside the target (".NAME.tmp"), which is flushed and
 * fsync'd, then renamed over the target, and the directory is fsync'd so the
 * new name is on the disk too. A write cut short leaves at most the temporary
 * file (its name says it is not whole) and the old target untouched.
 */
#ifndef RM_ATOMIC_FILE_H
#define RM_ATOMIC_FILE_H

#include <stdbool.h>
#include <stdio.h>

/* Writes `path` through `write` (which writes to f and returns false on
 * failure). False with a one-line reason in errbuf (256 bytes); then the
 * temporary file is removed and the target is as it was. `mode` is the new
 * file's permission bits (the umask applies). */
bool atomic_file_write(const char *path, int mode, bool (*write)(FILE *f, void *ctx), void *ctx,
                       char *errbuf);

/* mkdir -p with each created directory `mode`; false with the reason. */
bool atomic_file_mkdirs(const char *dir, int mode, char *errbuf);

#endif
