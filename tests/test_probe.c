/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_probe: the resource figures the soak compares move when the process
 * really opens a file, allocates a block or touches memory, and come back when
 * it lets go, so a soak that sees no growth has looked at live figures.
 */
#include "probe.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static void test_fds(void)
{
    probe_figures a = probe_read();
    CHECK(a.fds >= 0, "the descriptor count is read, got %d", a.fds);
    int fd = open("/proc/self/status", O_RDONLY);
    probe_figures b = probe_read();
    CHECK_EQ_INT(b.fds, a.fds + 1, "one more open descriptor");
    close(fd);
    CHECK_EQ_INT(probe_read().fds, a.fds, "back after close");
}

static void test_memory(void)
{
    enum { SIZE = 8 << 20 };
    probe_figures a = probe_read();
    CHECK(a.rss_kb > 0 && a.hwm_kb >= a.rss_kb, "resident %ld kB, peak %ld kB", a.rss_kb,
          a.hwm_kb);
    CHECK(a.sqlite >= 0, "SQLite's memory is read");
    CHECK(a.threads >= 1, "threads are counted, got %d", a.threads);
    if (a.heap < 0)
        printf("no heap figure on this C library; heap checks skipped\n");
    char *volatile block = malloc(SIZE);
    memset(block, 1, SIZE);
    probe_figures b = probe_read();
    if (a.heap >= 0)
        CHECK(b.heap - a.heap >= SIZE, "heap grew by %lld, want >= %d", b.heap - a.heap, SIZE);
    CHECK(b.rss_kb - a.rss_kb >= SIZE / 1024 / 2, "resident memory grew by %ld kB",
          b.rss_kb - a.rss_kb);
    free(block);
    probe_figures c = probe_read();
    if (a.heap >= 0)
        CHECK(c.heap - a.heap < SIZE / 8, "heap back within %lld of the start", c.heap - a.heap);
}

int main(void)
{
    test_fds();
    test_memory();
    return check_done();
}
