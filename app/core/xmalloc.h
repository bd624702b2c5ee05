/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xmalloc: allocation that never returns NULL. This is an application; running
 * out of memory is not something a screen can recover from, so we abort with a
 * message instead of threading NULL checks through every caller.
 */
#ifndef RM_XMALLOC_H
#define RM_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);

#endif
