/* SPDX-License-Identifier: GPL-3.0-or-later */
/* log: see log.h. */
#include "log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum log_level current_level = LOG_INFO;
static int level_from_env = 0;

static void read_env_level(void)
{
    if (level_from_env)
        return;
    level_from_env = 1;
    const char *v = getenv("REHAB_MIRROR_LOG");
    if (!v)
        return;
    if (!strcmp(v, "debug"))
        current_level = LOG_DEBUG;
    else if (!strcmp(v, "info"))
        current_level = LOG_INFO;
    else if (!strcmp(v, "warn"))
        current_level = LOG_WARN;
    else if (!strcmp(v, "error"))
        current_level = LOG_ERROR;
}

void log_set_level(enum log_level level)
{
    level_from_env = 1;
    current_level = level;
}

enum log_level log_get_level(void)
{
    read_env_level();
    return current_level;
}

void log_line(enum log_level level, const char *file, int line, int errnum,
              const char *fmt, ...)
{
    static const char *names[] = { "error", "warning", "info", "debug" };
    if (level > log_get_level())
        return;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (errnum)
        fprintf(stderr, "rehab-mirror: %s %s:%d: %s: %s\n", names[level], base, line,
                msg, strerror(errnum));
    else
        fprintf(stderr, "rehab-mirror: %s %s:%d: %s\n", names[level], base, line, msg);
}

void errbuf_set(char *errbuf, const char *fmt, ...)
{
    if (!errbuf)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errbuf, 256, fmt, ap);
    va_end(ap);
}
