/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adlog_fault: fault injection into the adherence log's file writes, for the
 * power-loss and disk-full tests (see adlog_fault.h). A VFS shim in the manner
 * of SQLite's own test_vfs.c: it wraps the default VFS, counts every write,
 * sync and truncate of the database and its WAL (the steps a commit is made
 * of), and at chosen counts kills the process or fails the call.
 *
 * Spec (REHAB_MIRROR_DB_FAULT), comma-separated:
 *   kill=N       raise SIGKILL just before write/sync/truncate number N (1-based):
 *                the process dies mid-commit, as in a power cut, except that
 *                what the kernel had already accepted is not lost
 *   full=A-B     writes, syncs and truncates number A..B fail with SQLITE_FULL
 *   ioerr=A-B    ... fail with SQLITE_IOERR_WRITE
 *   disk=BYTES   a small file system: a write that would make the database and
 *                its WAL together larger than BYTES fails with SQLITE_FULL
 *                (truncating gives the space back)
 *   count        at exit, log how many were counted (to choose kill points)
 * A bad spec is logged in one line and ignored. Nothing is installed when the
 * variable is unset, so the product never runs through the shim by accident.
 */
#include "adlog_fault.h"

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "log.h"

#define NO_OP INT64_MAX

typedef struct fault_spec {
    int64_t kill_at;
    int64_t full_from, full_to;
    int64_t ioerr_from, ioerr_to;
    int64_t disk;        /* bytes the counted files may hold together */
    bool count;
} fault_spec;

#define NO_FAULTS { NO_OP, NO_OP, 0, NO_OP, 0, NO_OP, false }
static fault_spec spec = NO_FAULTS;
static int64_t ops; /* writes, syncs and truncates so far */
static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;

typedef struct shim_file {
    sqlite3_file base;
    bool counted;        /* the database or its WAL */
    sqlite3_file *real;  /* follows this struct in the same allocation */
} shim_file;

/* The counted files open now, for disk=: their sizes are the space used. */
#define MAX_OPEN 16
static shim_file *open_files[MAX_OPEN];

static void track(shim_file *s, bool open)
{
    for (int i = 0; i < MAX_OPEN; i++) {
        if (open ? open_files[i] == NULL : open_files[i] == s) {
            open_files[i] = open ? s : NULL;
            return;
        }
    }
}

static sqlite3_int64 size_now(sqlite3_file *real)
{
    sqlite3_int64 n = 0;
    if (real->pMethods && real->pMethods->xFileSize(real, &n) != SQLITE_OK)
        n = 0;
    return n;
}

/* disk=: whether writing n bytes at off into s would overfill the disk. */
static bool overfills(shim_file *s, int n, sqlite3_int64 off)
{
    if (spec.disk == NO_OP || !s->counted)
        return false;
    sqlite3_int64 grow = off + n - size_now(s->real), used = 0;
    if (grow <= 0)
        return false;
    for (int i = 0; i < MAX_OPEN; i++)
        if (open_files[i])
            used += size_now(open_files[i]->real);
    return used + grow > spec.disk;
}

static sqlite3_file *real_of(sqlite3_file *f)
{
    return ((shim_file *)f)->real;
}

/* One more counted step; the error code to fail it with, or SQLITE_OK. */
static int step(sqlite3_file *f, int ioerr)
{
    if (!((shim_file *)f)->counted)
        return SQLITE_OK;
    int64_t n = ++ops;
    if (n == spec.kill_at)
        raise(SIGKILL);
    if (n >= spec.full_from && n <= spec.full_to)
        return SQLITE_FULL;
    if (n >= spec.ioerr_from && n <= spec.ioerr_to)
        return ioerr;
    return SQLITE_OK;
}

/* ---- the file methods: count, maybe fail, pass on ---- */

static int x_close(sqlite3_file *f)
{
    track((shim_file *)f, false);
    int rc = real_of(f)->pMethods ? real_of(f)->pMethods->xClose(real_of(f)) : SQLITE_OK;
    return rc;
}
static int x_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}
static int x_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    int rc = step(f, SQLITE_IOERR_WRITE);
    if (!rc && overfills((shim_file *)f, n, off))
        rc = SQLITE_FULL;
    return rc ? rc : real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}
static int x_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    int rc = step(f, SQLITE_IOERR_TRUNCATE);
    return rc ? rc : real_of(f)->pMethods->xTruncate(real_of(f), size);
}
static int x_sync(sqlite3_file *f, int flags)
{
    int rc = step(f, SQLITE_IOERR_FSYNC);
    return rc ? rc : real_of(f)->pMethods->xSync(real_of(f), flags);
}
static int x_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
static int x_lock(sqlite3_file *f, int lock)
{
    return real_of(f)->pMethods->xLock(real_of(f), lock);
}
static int x_unlock(sqlite3_file *f, int lock)
{
    return real_of(f)->pMethods->xUnlock(real_of(f), lock);
}
static int x_check_lock(sqlite3_file *f, int *out)
{
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
static int x_control(sqlite3_file *f, int op, void *arg)
{
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
static int x_sector(sqlite3_file *f)
{
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}
static int x_caps(sqlite3_file *f)
{
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
static int x_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **p)
{
    return real_of(f)->pMethods->xShmMap(real_of(f), pg, sz, extend, p);
}
static int x_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
    return real_of(f)->pMethods->xShmLock(real_of(f), off, n, flags);
}
static void x_shm_barrier(sqlite3_file *f)
{
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}
static int x_shm_unmap(sqlite3_file *f, int del)
{
    return real_of(f)->pMethods->xShmUnmap(real_of(f), del);
}
static int x_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **p)
{
    /* No memory-mapped writes behind the counter's back. */
    (void)f, (void)off, (void)n;
    *p = NULL;
    return SQLITE_OK;
}
static int x_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    (void)f, (void)off, (void)p;
    return SQLITE_OK;
}

static const sqlite3_io_methods shim_methods = {
    3,          x_close,      x_read,      x_write,    x_truncate,     x_sync,
    x_size,     x_lock,       x_unlock,    x_check_lock, x_control,    x_sector,
    x_caps,     x_shm_map,    x_shm_lock,  x_shm_barrier, x_shm_unmap, x_fetch,
    x_unfetch,
};

static int x_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)vfs;
    shim_file *s = (shim_file *)f;
    s->real = (sqlite3_file *)(s + 1);
    s->counted = flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL);
    int rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out);
    /* SQLite calls xClose even after a failed open when pMethods is set. */
    s->base.pMethods = &shim_methods;
    if (rc == SQLITE_OK && s->counted)
        track(s, true);
    return rc;
}

/* ---- the spec ---- */

static bool parse_range(const char *v, int64_t *from, int64_t *to)
{
    long long a, b;
    int used = 0;
    if (sscanf(v, "%lld-%lld%n", &a, &b, &used) != 2 || v[used] || a < 1 || b < a)
        return false;
    *from = a, *to = b;
    return true;
}

static bool parse_item(const char *item, fault_spec *out)
{
    long long n;
    int used = 0;
    if (!strcmp(item, "count"))
        return out->count = true, true;
    if (sscanf(item, "kill=%lld%n", &n, &used) == 1 && !item[used] && n >= 1)
        return out->kill_at = n, true;
    if (!strncmp(item, "full=", 5))
        return parse_range(item + 5, &out->full_from, &out->full_to);
    if (!strncmp(item, "ioerr=", 6))
        return parse_range(item + 6, &out->ioerr_from, &out->ioerr_to);
    if (sscanf(item, "disk=%lld%n", &n, &used) == 1 && !item[used] && n >= 1)
        return out->disk = n, true;
    return false;
}

static bool parse_spec(const char *text, fault_spec *out)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    char *save = NULL;
    for (char *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save))
        if (!parse_item(item, out))
            return false;
    return true;
}

long long adlog_fault_ops(void)
{
    return real_vfs ? (long long)ops : -1;
}

static void report_count(void)
{
    fprintf(stderr, "rehab-mirror: db-fault: %lld writes, syncs and truncates\n",
            (long long)ops);
}

/* Registers the shim as the default VFS, once. */
static bool install_shim(void)
{
    if (real_vfs)
        return true;
    real_vfs = sqlite3_vfs_find(NULL);
    if (!real_vfs)
        return false;
    shim_vfs = *real_vfs;
    shim_vfs.zName = "rm-fault";
    shim_vfs.szOsFile = (int)sizeof(shim_file) + real_vfs->szOsFile;
    shim_vfs.xOpen = x_open;
    shim_vfs.pNext = NULL;
    if (sqlite3_vfs_register(&shim_vfs, 1) != SQLITE_OK) {
        real_vfs = NULL;
        return false;
    }
    return true;
}

bool adlog_fault_set(const char *text)
{
    fault_spec parsed = NO_FAULTS;
    if (!text || !parse_spec(text, &parsed) || !install_shim())
        return false;
    if (parsed.count && !spec.count)
        atexit(report_count);
    spec = parsed;
    ops = 0;
    return true;
}

void adlog_fault_install(void)
{
    static bool done;
    const char *text = getenv(ADLOG_FAULT_ENV);
    if (done || !text || !*text)
        return;
    done = true;
    if (adlog_fault_set(text))
        log_warn("database fault injection on: %s", text);
    else
        log_warn("%s='%.80s' not understood (want kill=N, full=A-B, ioerr=A-B, disk=BYTES, count); "
                 "ignored",
                 ADLOG_FAULT_ENV, text);
}
