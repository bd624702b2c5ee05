/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * check: the tiny assertion kit the unit tests share. CHECK(cond, fmt, ...) prints
 * the file, line, the failed condition and a message naming what broke, counts the
 * failure and carries on; check_done() prints "N passed, N failed" and returns the
 * exit status for main.
 */
#ifndef RM_CHECK_H
#define RM_CHECK_H

#include <stdio.h>
#include <stdlib.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                              \
    do {                                                                              \
        if (cond) {                                                                   \
            check_passed++;                                                           \
        } else {                                                                      \
            check_failed++;                                                           \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);           \
            fprintf(stderr, __VA_ARGS__);                                             \
            fputc('\n', stderr);                                                      \
        }                                                                             \
    } while (0)

#define CHECK_EQ_INT(a, b, what)                                                      \
    do {                                                                              \
        long long a_ = (long long)(a), b_ = (long long)(b);                           \
        CHECK(a_ == b_, "%s: got %lld, want %lld", what, a_, b_);                     \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* A scratch directory for this test: $RM_TEST_TMP/<name>, created fresh. */
static inline const char *check_tmpdir(const char *name)
{
    static char path[1024];
    const char *base = getenv("RM_TEST_TMP");
    snprintf(path, sizeof path, "%s/%s", base ? base : "/tmp/rm-test", name);
    char cmd[2200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", path, path);
    if (system(cmd) != 0) {
        fprintf(stderr, "cannot create %s\n", path);
        exit(EXIT_FAILURE);
    }
    return path;
}

#endif
