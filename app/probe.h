/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * probe: the process's own resource figures, for the soak test (tests/soak)
 * and for field diagnosis: resident memory, its peak, heap bytes in use and
 * open file descriptors, threads, and SQLite's share of the heap. Linux only (/proc/self); a figure that cannot be
 * read is -1.
 */
#ifndef RM_PROBE_H
#define RM_PROBE_H

typedef struct probe_figures {
    long rss_kb;         /* VmRSS: resident now */
    long hwm_kb;         /* VmHWM: the most ever resident */
    long long heap;      /* bytes malloc has handed out and not had back: glibc's
                          * mallinfo2, or AddressSanitizer's count in a sanitizer
                          * build (-1 elsewhere; under valgrind it reads glibc's
                          * idle arena, so use the RSS there) */
    long long sqlite;    /* of heap, what SQLite holds (its page cache grows with
                          * the database, up to its cache_size) */
    int fds;             /* open file descriptors */
    int threads;
} probe_figures;

probe_figures probe_read(void);

#endif
