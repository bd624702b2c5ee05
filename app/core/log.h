/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * log: one logging facility for the whole program. Lines go to stderr (the
 * journal on the Pi) as "rehab-mirror: LEVEL file:line: message". Thread-safe
 * enough for our use: each line is one fprintf call.
 *
 * When stderr is the journal (systemd sets JOURNAL_STREAM to its "DEV:INO"),
 * each line begins with its syslog priority as sd-daemon.h spells it: "<3>"
 * error, "<4>" warning, "<6>" info, "<7>" debug, so `journalctl -p warning`
 * finds warnings and errors. Anywhere else (a terminal, a file, a pipe, a
 * child whose stderr was redirected) lines stay plain.
 */
#ifndef RM_LOG_H
#define RM_LOG_H

#include <stdarg.h>

enum log_level { LOG_ERROR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Lines above this level are dropped. Default LOG_INFO; REHAB_MIRROR_LOG=debug|info|warn|error. */
void log_set_level(enum log_level level);
enum log_level log_get_level(void);

/* The priority prefix for a line at `level`: "<3>", "<4>", "<6>" or "<7>" when
 * `journal_stream` (the value of $JOURNAL_STREAM, "DEV:INO" in decimal; NULL
 * when unset) names the file open on `fd` (fstat's st_dev and st_ino), else
 * "" (also when it is malformed or fd cannot be examined). A static string. */
const char *log_journal_prefix(enum log_level level, const char *journal_stream, int fd);

void log_line(enum log_level level, const char *file, int line, int errnum,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Writes a one-line reason into errbuf, which holds 256 bytes (the size every
 * "errbuf" parameter in this program has). NULL errbuf: does nothing. */
void errbuf_set(char *errbuf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_error(...) log_line(LOG_ERROR, __FILE__, __LINE__, 0, __VA_ARGS__)
#define log_warn(...) log_line(LOG_WARN, __FILE__, __LINE__, 0, __VA_ARGS__)
#define log_info(...) log_line(LOG_INFO, __FILE__, __LINE__, 0, __VA_ARGS__)
#define log_debug(...) log_line(LOG_DEBUG, __FILE__, __LINE__, 0, __VA_ARGS__)
/* As log_error, with ": strerror(errno)" appended. */
#define log_errno(...) log_line(LOG_ERROR, __FILE__, __LINE__, errno, __VA_ARGS__)

#endif
