/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_camera_fault: the fault-injecting camera (camera_fault.c) over the
 * synthetic one on a virtual clock: each fault does what its name says, from
 * the frame it names, and a bad fault list is refused with a reason.
 */
#include <stdio.h>
#include <string.h>

#include "camera.h"
#include "check.h"

/* Advances the clock frame by frame; fills the first n frames' details. */
static int run(const char *spec, int n, int *w, int64_t *t, camera_status *last)
{
    rm_clock *clock = clock_create_virtual(0);
    char err[256] = "";
    camera *cam = camera_create(spec, NULL, clock, err);
    CHECK(cam != NULL, "%s: %s", spec, err);
    int got = 0;
    *last = CAMERA_NONE;
    for (int64_t now = 0; cam && got < n && now < 60000; now += 10) {
        clock_advance_to(clock, now);
        camera_frame f;
        camera_status st = camera_poll(cam, &f);
        if (st == CAMERA_FRAME) {
            w[got] = f.width;
            t[got++] = f.t_ms;
        } else if (st != CAMERA_NONE) {
            *last = st;
            CHECK(strstr(camera_error(cam), "stopped") != NULL, "reason: %s",
                  camera_error(cam));
            CHECK(camera_next_due_ms(cam) == INT64_MAX, "a stopped camera is due never");
            break;
        }
    }
    camera_destroy(cam);
    clock_destroy(clock);
    return got;
}

int main(void)
{
    int w[40];
    int64_t t[40];
    camera_status last;
    CHECK_EQ_INT(run("synthetic@stop-after=5", 40, w, t, &last), 5, "frames before the stop");
    CHECK(last == CAMERA_ERROR, "then an error");

    CHECK_EQ_INT(run("synthetic:bridge@resize-at=3", 6, w, t, &last), 6, "frames");
    CHECK(w[2] == 320 && w[3] == 160 && w[5] == 160, "size changes at frame 3: %d %d", w[2],
          w[3]);

    run("synthetic@backwards-at=4", 6, w, t, &last);
    CHECK(t[4] < t[3] && t[5] > t[4], "time steps back once at frame 4: %lld %lld",
          (long long)t[3], (long long)t[4]);

    run("synthetic@stall-at=2", 40, w, t, &last);
    CHECK(t[2] == t[1] && t[31] == t[1] && t[32] > t[31], "time stalls for 30 frames");

    rm_clock *clock = clock_create_virtual(0);
    char err[256] = "";
    CHECK(camera_create("synthetic@explode=1", NULL, clock, err) == NULL &&
              strstr(err, "explode=1") != NULL,
          "unknown fault refused: %s", err);
    CHECK(camera_create("synthetic@stop-after=x", NULL, clock, err) == NULL, "bad number");
    CHECK(camera_create("nothing@stop-after=1", NULL, clock, err) == NULL &&
              strstr(err, "unknown camera") != NULL,
          "bad base camera refused: %s", err);
    clock_destroy(clock);
    return check_done();
}
