/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_camera_libcamera: the libcamera backend's failure paths, which are the
 * ones every machine without a camera (CI, a laptop, a Pi with the ribbon out)
 * takes. With no camera, "libcamera" and "libcamera:" are refused with "no
 * camera found by libcamera (0 cameras)"; on any machine an unknown id is
 * refused naming the id; opening and failing several times in a row works
 * (the shared camera manager starts and stops cleanly each time, leaving no
 * thread behind); the list for
 * `doctor` names the libcamera version and the camera count; libcamera's own
 * log is limited to errors unless the user set its levels or asked for our
 * debug log (REHAB_MIRROR_LOG=debug). A build without
 * libcamera refuses the spec saying so. Frames from a real camera are not
 * tested here: that needs the hardware.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

#include "camera.h"
#include "config.h"
#if HAVE_LIBCAMERA
#include "camera_libcamera.h"
#endif

/* Creating spec must fail with a reason containing needle. */
static void expect_refused(const char *spec, const char *needle)
{
    char err[256] = "";
    rm_clock *clock = clock_create_virtual(0);
    camera *cam = camera_create(spec, NULL, clock, err);
    CHECK(cam == NULL, "spec '%s' should be refused", spec);
    CHECK(strstr(err, needle) != NULL, "spec '%s': reason '%s' lacks '%s'", spec, err, needle);
    camera_destroy(cam);
    clock_destroy(clock);
}

/* Threads in this process (Linux /proc), -1 when it cannot tell. */
static int thread_count(void)
{
    DIR *d = opendir("/proc/self/task");
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

#if HAVE_LIBCAMERA
/* Threads in this process once any that are exiting are gone: waits up to a
 * second for the count to come down to want. A joined thread can outlive its
 * join for a moment (under qemu-user the host thread ends after the guest's
 * join returns); a thread left running never comes down. */
static int settled_thread_count(int want)
{
    int n = thread_count();
    for (int i = 0; i < 100 && n > want; i++) {
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
        n = thread_count();
    }
    return n;
}

static int test_list(void)
{
    char out[2048];
    int n = camera_libcamera_list(out, sizeof out);
    CHECK(n >= 0, "libcamera did not start: %s", out);
    CHECK(strstr(out, "libcamera ") == out, "list should start with the version: '%s'", out);
    CHECK(strstr(out, camera_libcamera_version()) != NULL, "list lacks the version '%s': '%s'",
          camera_libcamera_version(), out);
    CHECK(strstr(out, "camera") != NULL, "list lacks the camera count: '%s'", out);
    return n;
}

/* LIBCAMERA_LOG_LEVELS after one list, with env set up as given (NULL =
 * unset); the manager starts afresh each time, since nothing else holds it. */
static void expect_log_levels(const char *ours, const char *theirs, const char *want)
{
    char out[2048];
    if (ours)
        setenv("REHAB_MIRROR_LOG", ours, 1);
    else
        unsetenv("REHAB_MIRROR_LOG");
    if (theirs)
        setenv("LIBCAMERA_LOG_LEVELS", theirs, 1);
    else
        unsetenv("LIBCAMERA_LOG_LEVELS");
    camera_libcamera_list(out, sizeof out);
    const char *got = getenv("LIBCAMERA_LOG_LEVELS");
    CHECK(want ? got && !strcmp(got, want) : got == NULL,
          "REHAB_MIRROR_LOG=%s LIBCAMERA_LOG_LEVELS=%s: libcamera's levels became %s, want %s",
          ours ? ours : "(unset)", theirs ? theirs : "(unset)", got ? got : "(unset)",
          want ? want : "(unset)");
}

static void test_log_quiet(void)
{
    expect_log_levels(NULL, NULL, "*:ERROR");
    expect_log_levels(NULL, "*:DEBUG", "*:DEBUG");
    expect_log_levels("debug", NULL, NULL);
    unsetenv("REHAB_MIRROR_LOG");
}

static void test_refusals(int cameras)
{
    for (int round = 0; round < 3; round++) {
        if (cameras == 0) {
            expect_refused("libcamera", "no camera found by libcamera (0 cameras)");
            expect_refused("libcamera:", "no camera found by libcamera (0 cameras)");
        }
        expect_refused("libcamera:nonexistent-id", "'nonexistent-id'");
    }
    if (cameras > 0)
        printf("note: %d camera(s) present; the no-camera case was not exercised\n", cameras);
}
#endif

int main(void)
{
    int threads = thread_count();
#if HAVE_LIBCAMERA
    test_log_quiet();
    int cameras = test_list();
    test_refusals(cameras < 0 ? 0 : cameras);
    CHECK(test_list() == cameras, "the camera count changed between two lists");
    int after = settled_thread_count(threads);
    CHECK(after == threads, "threads left behind: %d before, %d after", threads, after);
#else
    expect_refused("libcamera", "not built");
    expect_refused("libcamera:nonexistent-id", "not built");
    (void)threads;
#endif
    camera_destroy(NULL);
    return check_done();
}
