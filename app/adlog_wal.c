/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_wal: finding committed records that SQLite would drop from a damaged
 * -wal file (adlog_priv.h), read before SQLite opens the database.
 *
 * SQLite appends each commit to adherence.db-wal as frames (a 24-byte header
 * and one page), each with a checksum that runs on from the previous frame's,
 * and marks a transaction's last frame as its commit. On opening it replays
 * frames up to the first whose checksum (or salt) does not match, and
 * silently ignores that frame and everything after it. That is right for a
 * torn last write (a power cut mid-commit: that commit never reported
 * success), but a damaged byte in an earlier frame loses every commit after
 * it without a word.
 *
 * The check: walk the frames as SQLite does; at the first frame that does not
 * verify, carry on past it, taking the chain on from the bad frame's own
 * stored checksum (right when its page is damaged) or the computed one (right
 * when its stored checksum is). If a later frame of the same WAL generation
 * (same salts) verifies and is a commit, a commit SQLite is about to drop was
 * whole on disk: that is damage, not a torn tail. Frames of an older
 * generation (other salts) are leftovers and ignored. Caveat: a disk that
 * reorders writes across a power cut could leave an unacknowledged commit's
 * last frame whole after a torn one, which is reported too (a false alarm,
 * never a lost record unreported).
 *
 * Format: https://sqlite.org/fileformat2.html#walformat (big-endian fields;
 * the magic's low bit says whether the checksum words are big-endian).
 */
#include "adlog_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define WAL_HEADER 32
#define FRAME_HEADER 24
#define WAL_MAGIC 0x377f0682u
/* A WAL is read whole: the station keeps it under a few hundred KiB
 * (adlog_open.c), an older version under about 4 MiB. A larger one is not
 * checked rather than held in memory. */
#define WAL_CHECK_MAX (32L * 1024 * 1024)

typedef struct chain {
    uint32_t s0, s1;
} chain;

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* SQLite's WAL checksum over n bytes (a multiple of 8), continuing c. */
static chain checksum(chain c, const unsigned char *p, size_t n, bool big_endian)
{
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint32_t a = big_endian ? be32(p + i) : le32(p + i);
        uint32_t b = big_endian ? be32(p + i + 4) : le32(p + i + 4);
        c.s0 += a + c.s1;
        c.s1 += b + c.s0;
    }
    return c;
}

/* Whether frame f (header then page) verifies from chain `from` with the
 * generation's salts; *computed gets its checksum as computed. */
static bool frame_ok(const unsigned char *f, size_t page, const unsigned char *salts,
                     chain from, bool big_endian, chain *computed)
{
    chain c = checksum(from, f, 8, big_endian);
    c = checksum(c, f + FRAME_HEADER, page, big_endian);
    *computed = c;
    return !memcmp(f + 8, salts, 8) && c.s0 == be32(f + 16) && c.s1 == be32(f + 20);
}

/* Past a bad frame (or header): the frames from index `first` on that
 * verify, going on from either chain, and are commits: how many. */
static int commits_from(const unsigned char *buf, size_t n_frames, size_t page, size_t first,
                        const unsigned char *salts, chain stored, chain computed,
                        bool big_endian)
{
    size_t frame_len = FRAME_HEADER + page;
    chain seeds[2] = { stored, computed };
    int best = 0;
    for (int s = 0; s < 2; s++) {
        chain c = seeds[s];
        int commits = 0;
        for (size_t i = first; i < n_frames; i++) {
            const unsigned char *f = buf + WAL_HEADER + i * frame_len;
            chain got;
            if (!frame_ok(f, page, salts, c, big_endian, &got))
                break;
            c = got;
            commits += be32(f + 4) != 0;
        }
        best = commits > best ? commits : best;
    }
    return best;
}

/* The check on a WAL read whole; 0 or the number of commits lost, with the
 * first bad frame's index (1-based) in *bad_frame. */
static int lost_commits(const unsigned char *buf, size_t len, size_t *bad_frame)
{
    if (len < WAL_HEADER || (be32(buf) & ~1u) != WAL_MAGIC)
        return 0;
    bool big_endian = be32(buf) & 1u;
    size_t page = be32(buf + 8);
    if (page < 512 || page > 65536 || (page & (page - 1)))
        return 0;
    size_t frame_len = FRAME_HEADER + page, n_frames = (len - WAL_HEADER) / frame_len;
    const unsigned char *salts = buf + 16;
    chain c = checksum((chain){ 0, 0 }, buf, 24, big_endian);
    chain stored = { be32(buf + 24), be32(buf + 28) };
    if (c.s0 != stored.s0 || c.s1 != stored.s1) {
        /* A damaged header: SQLite ignores the whole WAL. */
        *bad_frame = 0;
        return commits_from(buf, n_frames, page, 0, salts, stored, c, big_endian);
    }
    for (size_t i = 0; i < n_frames; i++) {
        const unsigned char *f = buf + WAL_HEADER + i * frame_len;
        chain got;
        if (frame_ok(f, page, salts, c, big_endian, &got)) {
            c = got;
            continue;
        }
        if (memcmp(f + 8, salts, 8) != 0)
            return 0; /* an older generation's leftovers: the end of this one */
        *bad_frame = i + 1;
        return commits_from(buf, n_frames, page, i + 1, salts,
                             (chain){ be32(f + 16), be32(f + 20) }, got, big_endian);
    }
    return 0;
}

bool adlog_wal_check(const char *db_path, char *report, size_t cap)
{
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    report[0] = '\0';
    FILE *f = fopen(wal, "rb");
    if (!f)
        return true;
    unsigned char *buf = NULL;
    size_t len = 0, got;
    do {
        buf = xrealloc(buf, len + 65536);
        got = fread(buf + len, 1, 65536, f);
        len += got;
    } while (got == 65536 && len <= WAL_CHECK_MAX);
    fclose(f);
    if (len > WAL_CHECK_MAX) {
        free(buf);
        return true;
    }
    size_t bad = 0;
    int lost = lost_commits(buf, len, &bad);
    free(buf);
    if (lost)
        snprintf(report, cap,
                 "%.300s is damaged at frame %zu: %d saved change(s) after it cannot be "
                 "read and are lost",
                 wal, bad, lost);
    return lost == 0;
}
