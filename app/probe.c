/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * probe: resource figures from /proc/self (see probe.h).
 */
#include "probe.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#if defined(__SANITIZE_ADDRESS__)
#include <stddef.h>
/* From the sanitizer runtime's public interface (sanitizer/allocator_interface.h,
 * which gcc does not install). */
size_t __sanitizer_get_current_allocated_bytes(void);
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

/* The number on the "Key:   123 kB" line of /proc/self/status; -1 if missing. */
static long status_kb(const char *text, const char *key)
{
    const char *at = strstr(text, key);
    long kb = -1;
    if (!at || sscanf(at + strlen(key), ": %ld", &kb) != 1)
        return -1;
    return kb;
}

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n - 1; /* the directory stream's own descriptor */
}

static long long heap_in_use(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return (long long)__sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__)
    struct mallinfo2 mi = mallinfo2();
    return (long long)(mi.uordblks + mi.hblkhd);
#else
    return -1;
#endif
}

probe_figures probe_read(void)
{
    probe_figures f = { -1, -1, heap_in_use(), (long long)sqlite3_memory_used(), count_fds(),
                        -1 };
    char text[4096];
    FILE *fp = fopen("/proc/self/status", "r");
    if (fp) {
        size_t n = fread(text, 1, sizeof text - 1, fp);
        text[n] = '\0';
        fclose(fp);
        f.rss_kb = status_kb(text, "VmRSS");
        f.hwm_kb = status_kb(text, "VmHWM");
        f.threads = (int)status_kb(text, "Threads");
    }
    return f;
}
