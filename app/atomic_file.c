/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atomic_file: temp, fsync, rename, fsync the directory (atomic_file.h). */
#include "atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "xmalloc.h"

#define ERR 256

/* The directory of path and the temporary name beside it. */
static void names(const char *path, char **dir, char **tmp)
{
    char *a = xstrdup(path), *b = xstrdup(path);
    const char *d = dirname(a), *base = basename(b);
    size_t n = strlen(d) + strlen(base) + 8;
    *tmp = xmalloc(n);
    snprintf(*tmp, n, "%s/.%s.tmp", d, base);
    *dir = xstrdup(d);
    free(a);
    free(b);
}

static bool sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    /* Some file systems (FUSE ones among them) cannot fsync a directory: the
     * rename is still done, and the file's own fsync has its bytes. */
    bool ok = fsync(fd) == 0 || errno == EINVAL || errno == ENOSYS || errno == EROFS;
    close(fd);
    return ok;
}

bool atomic_file_write(const char *path, int mode, bool (*write)(FILE *f, void *ctx), void *ctx,
                       char *errbuf)
{
    char *dir, *tmp;
    names(path, &dir, &tmp);
    bool ok = false;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        snprintf(errbuf, ERR, "cannot create %s: %s", tmp, strerror(errno));
        if (fd >= 0)
            close(fd);
        goto out;
    }
    bool wrote = write(f, ctx);
    bool flushed = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
    int saved = errno;
    bool closed = fclose(f) == 0;
    if (!wrote || !flushed || !closed) {
        snprintf(errbuf, ERR, "cannot write %s: %s", path,
                 !wrote ? "the content could not be made" : strerror(saved));
    } else if (rename(tmp, path) != 0) {
        snprintf(errbuf, ERR, "cannot rename %s to %s: %s", tmp, path, strerror(errno));
    } else {
        /* Renamed: the file is whole; only its new name may not be on disk yet. */
        if (!sync_dir(dir))
            log_errno("cannot sync the directory %s", dir);
        ok = true;
        goto out;
    }
    unlink(tmp);
out:
    free(dir);
    free(tmp);
    return ok;
}

bool atomic_file_mkdirs(const char *dir, int mode, char *errbuf)
{
    char *path = xstrdup(dir);
    bool ok = true;
    for (char *p = path + 1; ok; p++) {
        bool end = *p == '\0';
        if (*p != '/' && !end)
            continue;
        *p = '\0';
        if (mkdir(path, (mode_t)mode) != 0 && errno != EEXIST) {
            snprintf(errbuf, ERR, "cannot create %s: %s", path, strerror(errno));
            ok = false;
        }
        if (end)
            break;
        *p = '/';
    }
    struct stat sb;
    if (ok && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
        snprintf(errbuf, ERR, "%s is not a directory", dir);
        ok = false;
    }
    free(path);
    return ok;
}
