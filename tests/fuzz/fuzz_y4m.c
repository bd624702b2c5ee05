/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_y4m: libFuzzer target for the Y4M reader (hal/y4m.c). The input is a
 * whole clip: it is written to an anonymous in-memory file and opened by path
 * (/proc/self/fd/N), as the station opens a replay clip, then every frame is
 * read until a clean end or an error, and the reader is rewound and read once
 * more. The contract under test is y4m.h's: any input either opens or is
 * refused with a reason, and reading ends cleanly or with a reason; never a
 * crash, an overflow or an allocation larger than Y4M_MAX_DIM allows.
 *
 * Linux-only test code (memfd_create), never built into the station.
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "y4m.h"

/* Reading stops after this many frames so one input cannot take seconds. */
#define MAX_FRAMES 64

static int memfd = -1;
static char memfd_path[64];

static void read_all(y4m_reader *r, char *err)
{
    const uint8_t *luma;
    int rc = 1;
    for (int i = 0; i < MAX_FRAMES && rc == 1; i++) {
        err[0] = '\0';
        rc = y4m_read_frame(r, &luma, err);
        if (rc == -1 && err[0] == '\0')
            abort(); /* a refusal must say why */
        if (rc == 1) {
            const y4m_info *info = y4m_reader_info(r);
            /* Touch the first and last luma bytes: the buffer must span the frame. */
            volatile uint8_t sink = luma[0];
            sink = luma[(size_t)info->width * (size_t)info->height - 1];
            (void)sink;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memfd < 0) {
        memfd = memfd_create("fuzz_y4m", 0);
        if (memfd < 0) {
            perror("memfd_create");
            abort();
        }
        snprintf(memfd_path, sizeof memfd_path, "/proc/self/fd/%d", memfd);
    }
    if (ftruncate(memfd, 0) != 0 || pwrite(memfd, data, size, 0) != (ssize_t)size)
        abort();

    char err[256] = "";
    y4m_reader *r = y4m_open(memfd_path, err);
    if (!r) {
        if (err[0] == '\0')
            abort();
        return 0;
    }
    const y4m_info *info = y4m_reader_info(r);
    if (info->width < 1 || info->height < 1 || info->width > Y4M_MAX_DIM ||
        info->height > Y4M_MAX_DIM || info->fps_num < 1 || info->fps_den < 1)
        abort(); /* opened with a header the reader promises to refuse */
    read_all(r, err);
    if (y4m_rewind(r))
        read_all(r, err);
    y4m_close(r);
    return 0;
}
