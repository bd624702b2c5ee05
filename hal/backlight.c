/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * backlight: bl_power in sysfs (backlight.h). The state written last is kept,
 * so the station may say what it wants on every loop pass and only changes
 * are written.
 */
#include "backlight.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "xmalloc.h"

#define BL_POWER_ON "0\n"
#define BL_POWER_OFF "4\n" /* FB_BLANK_POWERDOWN */

struct backlight {
    char name[256];        /* "" = none: every call does nothing */
    char path[1024];       /* CLASS_DIR/NAME/bl_power */
    int on;                /* last written: 1 on, 0 off, -1 not yet */
};

const char *backlight_class_dir(const char *class_dir)
{
    const char *env = getenv(BACKLIGHT_ENV);
    return class_dir ? class_dir : env && env[0] ? env : BACKLIGHT_CLASS_DIR;
}

bool backlight_find(const char *class_dir, char *name, size_t size)
{
    struct dirent **list;
    int n = scandir(class_dir, &list, NULL, alphasort);
    bool found = false;
    for (int i = 0; i < n; i++) {
        char path[1024];
        struct stat s;
        snprintf(path, sizeof path, "%s/%s/bl_power", class_dir, list[i]->d_name);
        if (!found && list[i]->d_name[0] != '.' && stat(path, &s) == 0) {
            snprintf(name, size, "%s", list[i]->d_name);
            found = true;
        }
        free(list[i]);
    }
    if (n >= 0)
        free(list);
    return found;
}

/* One write of bl_power; on failure the one log line, and a no-op from now. */
static bool write_power(backlight *b, bool on)
{
    const char *text = on ? BL_POWER_ON : BL_POWER_OFF;
    int fd = open(b->path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    bool ok = fd >= 0 && write(fd, text, strlen(text)) == (ssize_t)strlen(text);
    int err = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok) {
        log_warn("backlight %s: cannot write %s (%s); a sleeping screen will only be black",
                 b->name, b->path, strerror(err));
        b->name[0] = '\0';
    }
    return ok;
}

backlight *backlight_create(const char *class_dir)
{
    backlight *b = xcalloc(1, sizeof *b);
    const char *dir = backlight_class_dir(class_dir);
    b->on = -1;
    if (!backlight_find(dir, b->name, sizeof b->name)) {
        log_info("no backlight with bl_power in %s (an HDMI monitor has none): "
                 "a sleeping screen will only be black", dir);
        return b;
    }
    snprintf(b->path, sizeof b->path, "%s/%s/bl_power", dir, b->name);
    backlight_set_on(b, true);
    if (b->name[0])
        log_info("backlight %s: on; off while the screen sleeps", b->name);
    return b;
}

void backlight_destroy(backlight *b)
{
    if (!b)
        return;
    backlight_set_on(b, true);
    free(b);
}

void backlight_set_on(backlight *b, bool on)
{
    if (!b || !b->name[0] || b->on == (int)on)
        return;
    if (write_power(b, on)) {
        if (b->on != -1)
            log_info("backlight %s: %s", b->name, on ? "on" : "off");
        b->on = on;
    }
}

const char *backlight_name(const backlight *b)
{
    return b ? b->name : "";
}
