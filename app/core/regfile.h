/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * regfile: opens a file the user named (a config file, a programme, a clip, a
 * button script) for reading only when it is a regular file. A device such as
 * /dev/zero or /dev/urandom never ends, a FIFO blocks the open until someone
 * writes to it, a directory reads as nothing: each would hang start-up or
 * parse as something it is not, so each is refused with a reason instead.
 */
#ifndef RM_REGFILE_H
#define RM_REGFILE_H

#include <stdio.h>

/* Opens path for reading ("rb"). The open itself never blocks (O_NONBLOCK,
 * cleared again once fstat on the open descriptor says it is a regular file),
 * so the check cannot race a rename. NULL with "PATH: cannot open: strerror"
 * in errbuf (256 bytes; NULL allowed) and errno set when it cannot be opened, or when
 * it is not a regular file: "PATH: not a regular file (a FIFO)" and errno
 * EINVAL. The caller fcloses the result. */
FILE *regfile_open(const char *path, char *errbuf);

#endif
