/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_notify: a fake service manager (a unix datagram socket in a scratch
 * directory, named by NOTIFY_SOCKET) receives READY=1 once, after the first
 * drawn screen, STATUS= when it changes, and WATCHDOG=1 at half the watchdog
 * interval; nothing is sent without NOTIFY_SOCKET, and no watchdog runs for
 * another process's WATCHDOG_PID.
 */
#include "notify.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "config.h"

#define WATCHDOG_USEC 400000 /* pings every 200 ms */

static int open_manager(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
        fcntl(fd, F_SETFL, O_NONBLOCK) != 0) {
        perror("fake NOTIFY_SOCKET");
        exit(EXIT_FAILURE);
    }
    return fd;
}

/* Everything the manager received since the last call, messages joined by '|'. */
static const char *received(int fd)
{
    static char all[1024];
    all[0] = '\0';
    char msg[256];
    ssize_t n;
    while ((n = recv(fd, msg, sizeof msg - 1, 0)) > 0) {
        msg[n] = '\0';
        if (all[0])
            strncat(all, "|", sizeof all - strlen(all) - 1);
        strncat(all, msg, sizeof all - strlen(all) - 1);
    }
    return all;
}

#if HAVE_LIBSYSTEMD
static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

#endif

static void set_pid_env(pid_t pid)
{
    char v[32];
    snprintf(v, sizeof v, "%ld", (long)pid);
    setenv("WATCHDOG_PID", v, 1);
}

#if HAVE_LIBSYSTEMD
static void test_ready_and_watchdog(int fd)
{
    setenv("WATCHDOG_USEC", "400000", 1);
    set_pid_env(getpid());
    notify_reset();
    CHECK_EQ_INT(notify_watchdog_usec(), WATCHDOG_USEC, "watchdog interval from WATCHDOG_USEC");

    notify_loop(false);
    CHECK(!strcmp(received(fd), "WATCHDOG=1"), "first loop pings at once, not ready yet");
    notify_loop(false);
    CHECK(!strcmp(received(fd), ""), "no second ping before half the interval");
    notify_loop(true);
    CHECK(!strcmp(received(fd), "READY=1"), "READY=1 after the first drawn screen");
    notify_loop(true);
    CHECK(!strcmp(received(fd), ""), "READY=1 is sent once");

    sleep_ms(WATCHDOG_USEC / 2 / 1000 + 20);
    notify_loop(true);
    CHECK(!strcmp(received(fd), "WATCHDOG=1"), "ping again after half the interval");

    notify_status("screen home; log saved");
    CHECK(!strcmp(received(fd), "STATUS=screen home; log saved"), "STATUS= sent");
    notify_status("screen home; log saved");
    CHECK(!strcmp(received(fd), ""), "the same STATUS= is not sent again");
    notify_status("screen set; log saved");
    CHECK(!strcmp(received(fd), "STATUS=screen set; log saved"), "a new STATUS= is sent");

    notify_stopping();
    CHECK(!strcmp(received(fd), "STOPPING=1"), "STOPPING=1 on the way out");
}

static void test_other_pid(int fd)
{
    set_pid_env(getpid() + 1);
    notify_reset();
    CHECK_EQ_INT(notify_watchdog_usec(), 0, "no watchdog for another process's WATCHDOG_PID");
    notify_loop(true);
    CHECK(!strcmp(received(fd), "READY=1"), "READY=1 still sent without a watchdog");
}
#endif

static void test_not_under_systemd(int fd)
{
    unsetenv("NOTIFY_SOCKET");
    set_pid_env(getpid());
    notify_reset();
    notify_loop(true);
    notify_status("screen home");
    notify_stopping();
    CHECK(!strcmp(received(fd), ""), "nothing sent without NOTIFY_SOCKET");
}

int main(void)
{
    char dir[] = "/tmp/rm-notify-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return EXIT_FAILURE;
    }
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/notify", dir);
    int fd = open_manager(path);
    setenv("NOTIFY_SOCKET", path, 1);
#if HAVE_LIBSYSTEMD
    test_ready_and_watchdog(fd);
    test_other_pid(fd);
#else
    printf("built without libsystemd: checking only that nothing is sent\n");
#endif
    test_not_under_systemd(fd);
    close(fd);
    unlink(path);
    rmdir(dir);
    return check_done();
}
