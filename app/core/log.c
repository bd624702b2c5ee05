/* SPDX-License-Identifier: GPL-3.0-or-later */
/* log: see log.h. */
#include "log.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* Parses "DEV:INO", two unsigned decimals and nothing else. */
static bool parse_dev_ino(const char *s, unsigned long long *dev, unsigned long long *ino)
{
    char *end;
    if (!isdigit((unsigned char)s[0]))
        return false;
    errno = 0;
    *dev = strtoull(s, &end, 10);
    if (errno || *end != ':' || !isdigit((unsigned char)end[1]))
        return false;
    *ino = strtoull(end + 1, &end, 10);
    return !errno && *end == '\0';
}

const char *log_journal_prefix(enum log_level level, const char *journal_stream, int fd)
{
    /* sd-daemon.h's SD_ERR, SD_WARNING, SD_INFO, SD_DEBUG, by enum log_level. */
    static const char *const prefixes[] = { "<3>", "<4>", "<6>", "<7>" };
    unsigned long long dev, ino;
    struct stat sb;
    if (!journal_stream || !parse_dev_ino(journal_stream, &dev, &ino) || fstat(fd, &sb) != 0)
        return "";
    if ((unsigned long long)sb.st_dev != dev || (unsigned long long)sb.st_ino != ino)
        return "";
    return (size_t)level < sizeof prefixes / sizeof prefixes[0] ? prefixes[level] : "";
}

void log_line(enum log_level level, const char *file, int line, int errnum,
              const char *fmt, ...)
{
    static const char *names[] = { "error", "warning", "info", "debug" };
    int saved_errno = errno; /* logging never changes errno for the caller */
    if (level > log_get_level())
        return;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* Checked on every line, not once: stderr may be redirected after start. */
    const char *prefix = log_journal_prefix(level, getenv("JOURNAL_STREAM"), fileno(stderr));
    if (errnum)
        fprintf(stderr, "%srehab-mirror: %s %s:%d: %s: %s\n", prefix, names[level], base,
                line, msg, strerror(errnum));
    else
        fprintf(stderr, "%srehab-mirror: %s %s:%d: %s\n", prefix, names[level], base, line,
                msg);
    errno = saved_errno;
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
