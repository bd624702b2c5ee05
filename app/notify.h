/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * notify: tells the service manager (systemd, Type=notify) how the station is
 * doing: READY=1 once the first screen is on the display, STATUS= with what
 * it is showing, and WATCHDOG=1 from
 * the main loop, so a loop that hangs stops the pings and systemd restarts the
 * service after WatchdogSec=.
 *
 * Process-wide, as the manager's socket is: the state is read from the
 * environment (NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID) on first use. Does
 * nothing when not started by systemd (NOTIFY_SOCKET unset) or when built without
 * libsystemd (HAVE_LIBSYSTEMD 0). Main thread only.
 */
#ifndef RM_NOTIFY_H
#define RM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

/* Call once per loop iteration. `screen_drawn`: a screen has been presented;
 * the first call with it true sends READY=1. Sends WATCHDOG=1 when half the
 * watchdog interval has passed since the last ping (monotonic time), so a
 * loop iteration must never take longer than half of WatchdogSec=. */
void notify_loop(bool screen_drawn);

/* STATUS=text, what `systemctl status` shows under the unit, e.g. the current
 * screen and the log's state. Sent only when it differs from the last status
 * sent, so it may be called on every frame. Text past 200 bytes is cut. */
void notify_status(const char *text);

/* STOPPING=1: the station is shutting down on purpose. */
void notify_stopping(void);

/* The watchdog interval systemd asked for in microseconds; 0 when none. */
uint64_t notify_watchdog_usec(void);

/* Forgets what was sent and re-reads the environment (tests; after fork). */
void notify_reset(void);

#endif
