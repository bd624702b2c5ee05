/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * prefs: the pause menu's sound choices in the data directory (prefs.h).
 */
#include "prefs.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "regfile.h"

#define PATH_MAX_LEN 1024

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    prefs *p = user;
    int vol;
    char tail;
    if (strcmp(section, "sound") != 0)
        return 0;
    if (!strcmp(name, "muted") && (!strcmp(value, "yes") || !strcmp(value, "no")))
        p->muted = !strcmp(value, "yes");
    else if (!strcmp(name, "volume") && sscanf(value, "%d%c", &vol, &tail) == 1 && vol >= 0 &&
             vol <= 100)
        p->volume = vol;
    else
        return 0;
    return 1;
}

bool prefs_load(const char *data_dir, prefs *p)
{
    char path[PATH_MAX_LEN], err[256] = "";
    snprintf(path, sizeof path, "%s/%s", data_dir, PREFS_FILE);
    if (access(path, F_OK) != 0)
        return false;
    FILE *f = regfile_open(path, err);
    if (!f) {
        log_warn("sound choices not read (%s); the config's stand", err);
        return false;
    }
    prefs read = *p;
    int rc = ini_parse_file(f, on_key, &read);
    fclose(f);
    if (rc != 0) {
        log_warn("%s:%d: not a sound choice (muted = yes|no, volume = 0..100); the config's "
                 "stand", path, rc);
        return false;
    }
    *p = read;
    return true;
}

bool prefs_save(const char *data_dir, const prefs *p)
{
    char path[PATH_MAX_LEN], tmp[PATH_MAX_LEN + 8], text[96];
    snprintf(path, sizeof path, "%s/%s", data_dir, PREFS_FILE);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int n = snprintf(text, sizeof text,
                     "# The pause menu's sound choices (rehab-mirror).\n[sound]\n"
                     "muted = %s\nvolume = %d\n", p->muted ? "yes" : "no", p->volume);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && write(fd, text, (size_t)n) == n && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        log_warn("sound choices not saved in %s: %s", path, strerror(saved));
        unlink(tmp);
    }
    return ok;
}
