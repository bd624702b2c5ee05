/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_files: the files around the adherence database (see adlog.h): moving a
 * damaged database aside so the station can begin a fresh one, and the lock
 * that tells `erase` the station is running.
 *
 * Moving aside renames adherence.db, -wal and -shm to
 * adherence.db.corrupt-YYYYMMDD-HHMMSS (local time), with "-wal"/"-shm" after
 * the stamp; nothing is deleted, so the old record can still be rescued by
 * hand. A name already taken gets ".2", ".3", ... before the suffixes. (SQLite
 * itself deletes the -wal of a file that is not a database at all when it
 * fails to open it; there is nothing in such a WAL to keep.)
 *
 * The lock is flock(2) on the database file, which SQLite's own POSIX (fcntl)
 * locks do not see: the station holds it shared for as long as its log is
 * open, erase takes it exclusive without waiting. The descriptor is closed
 * only after SQLite has closed the file, because closing any descriptor of a
 * file drops the process's fcntl locks on it.
 */
#include "adlog_priv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char *const SIDE_FILES[] = { "-wal", "-shm" };
#define N_SIDE (sizeof SIDE_FILES / sizeof SIDE_FILES[0])

static bool exists(const char *path)
{
    return access(path, F_OK) == 0 || errno != ENOENT;
}

bool adlog_move_aside(const char *path, int64_t now_wall_ms, char *moved, size_t cap)
{
    time_t t = (time_t)(now_wall_ms / 1000);
    struct tm tm;
    char stamp[32] = "unknown";
    if (localtime_r(&t, &tm))
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    for (int n = 1; n < 100; n++) {
        if (n == 1)
            snprintf(moved, cap, "%s.corrupt-%s", path, stamp);
        else
            snprintf(moved, cap, "%s.corrupt-%s.%d", path, stamp, n);
        if (!exists(moved))
            break;
    }
    if (rename(path, moved) != 0) {
        log_errno("adherence log: cannot move %s aside to %s", path, moved);
        moved[0] = '\0';
        return false;
    }
    for (size_t i = 0; i < N_SIDE; i++) {
        char from[4200], to[4200];
        snprintf(from, sizeof from, "%s%s", path, SIDE_FILES[i]);
        snprintf(to, sizeof to, "%s%s", moved, SIDE_FILES[i]);
        if (rename(from, to) != 0 && errno != ENOENT)
            log_errno("adherence log: cannot move %s aside", from);
    }
    log_warn("adherence log: %s was damaged or unreadable; moved aside to %s and a fresh "
             "one begun",
             path, moved);
    return true;
}

int adlog_lock_file(const char *path, bool exclusive)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}
