/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xmalloc: see xmalloc.h. */
#include "xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *check(void *p, size_t size)
{
    if (!p && size) {
        fprintf(stderr, "rehab-mirror: out of memory (%zu bytes)\n", size);
        abort();
    }
    return p;
}

void *xmalloc(size_t size) { return check(malloc(size), size); }
void *xcalloc(size_t n, size_t size) { return check(calloc(n, size), n * size); }
void *xrealloc(void *ptr, size_t size) { return check(realloc(ptr, size), size); }

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}
