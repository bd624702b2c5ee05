/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * notify: sd_notify messages for Type=notify and the watchdog (notify.h).
 *
 * The ping period is half of WATCHDOG_USEC, as sd_watchdog_enabled(3) advises,
 * measured on CLOCK_MONOTONIC: the station's own clock may be virtual, the
 * watchdog never is. Errors sending a message are logged once and otherwise
 * ignored: a station that cannot talk to systemd still serves its user.
 */
#include "notify.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "log.h"

#if HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

static struct {
    bool loaded;       /* environment read */
    bool ready_sent;
    bool warned;       /* a send error was logged */
    char status[208];  /* the last STATUS= sent, with its "STATUS=" */
    uint64_t watchdog_usec;
    int64_t last_ping_us; /* monotonic; -1 = never */
} state;

static int64_t mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void load(void)
{
    if (state.loaded)
        return;
    state.loaded = true;
    state.last_ping_us = -1;
    state.watchdog_usec = 0;
#if HAVE_LIBSYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0)
        state.watchdog_usec = usec;
#endif
}

static void tell(const char *msg)
{
#if HAVE_LIBSYSTEMD
    int r = sd_notify(0, msg);
    if (r < 0 && !state.warned) {
        state.warned = true;
        log_warn("cannot tell systemd '%s' (error %d); carrying on", msg, -r);
    }
#else
    (void)msg;
#endif
}

void notify_loop(bool screen_drawn)
{
    load();
    if (screen_drawn && !state.ready_sent) {
        state.ready_sent = true;
        tell("READY=1");
    }
    if (!state.watchdog_usec)
        return;
    int64_t now = mono_us();
    if (state.last_ping_us < 0 || now - state.last_ping_us >= (int64_t)(state.watchdog_usec / 2)) {
        state.last_ping_us = now;
        tell("WATCHDOG=1");
    }
}

void notify_status(const char *text)
{
    load();
    char msg[sizeof state.status];
    snprintf(msg, sizeof msg, "STATUS=%s", text);
    if (!strcmp(msg, state.status))
        return;
    strcpy(state.status, msg);
    tell(msg);
}

void notify_stopping(void)
{
    load();
    tell("STOPPING=1");
}

uint64_t notify_watchdog_usec(void)
{
    load();
    return state.watchdog_usec;
}

void notify_reset(void)
{
    state.loaded = false;
    state.ready_sent = false;
    state.warned = false;
    state.status[0] = '\0';
    load();
}
