/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for camera_watch (the lost/back verdict) and the synthetic camera's
 * gap option it is tested end to end with. */
#include <string.h>

#include "camera.h"
#include "camera_watch.h"
#include "check.h"
#include "clock.h"

static void test_verdicts(void)
{
    camera_watch w;
    camera_watch_init(&w, 2000);
    CHECK(!camera_watch_update(&w, false, CAMERA_NONE, 0), "not expecting: no verdict");
    CHECK_EQ_INT(camera_watch_deadline(&w), INT64_MAX, "no deadline while not expecting");
    CHECK(!camera_watch_update(&w, true, CAMERA_NONE, 10000), "the wait starts now");
    CHECK_EQ_INT(camera_watch_deadline(&w), 12000, "deadline 2 s after expecting began");
    CHECK(!camera_watch_update(&w, true, CAMERA_FRAME, 10500), "a frame: still fine");
    CHECK(!camera_watch_update(&w, true, CAMERA_NONE, 12499), "1999 ms without: fine");
    CHECK(camera_watch_update(&w, true, CAMERA_NONE, 12500) && w.lost, "2000 ms without: lost");
    CHECK_EQ_INT(camera_watch_deadline(&w), INT64_MAX, "no deadline once lost");
    CHECK(!camera_watch_update(&w, true, CAMERA_NONE, 20000), "lost stays lost");
    CHECK(!camera_watch_update(&w, false, CAMERA_NONE, 21000) && w.lost,
          "not expecting keeps the verdict");
    CHECK(camera_watch_update(&w, true, CAMERA_FRAME, 30000) && !w.lost, "a frame: back");
    CHECK(camera_watch_update(&w, true, CAMERA_ERROR, 30100) && w.lost, "an error: lost at once");
    CHECK(camera_watch_update(&w, true, CAMERA_FRAME, 30200) && !w.lost, "frames again: back");
    CHECK(camera_watch_update(&w, true, CAMERA_END, 30300) && w.lost, "end of clip: lost");
}

/* Expecting restarts the wait: a camera not polled for a minute is not lost
 * the moment a counting screen opens. */
static void test_expect_restarts(void)
{
    camera_watch w;
    camera_watch_init(&w, 2000);
    camera_watch_update(&w, true, CAMERA_FRAME, 1000);
    camera_watch_update(&w, false, CAMERA_NONE, 2000);
    CHECK(!camera_watch_update(&w, true, CAMERA_NONE, 60000) && !w.lost,
          "fresh wait when expecting begins again");
    CHECK_EQ_INT(camera_watch_deadline(&w), 62000, "deadline from then");
}

/* The synthetic camera with gap=3+4 polled every 50 ms on a virtual clock:
 * no frame in [3000, 7000), lost at 5000, back at 7000. */
static void test_synthetic_gap(void)
{
    char err[256] = "";
    camera_options opt = camera_default_options();
    rm_clock *clk = clock_create_virtual(0);
    camera *cam = camera_create("synthetic:bridge,gap=3+4", &opt, clk, err);
    CHECK(cam != NULL, "gap option refused: %s", err);
    if (!cam) {
        clock_destroy(clk);
        return;
    }
    camera_watch w;
    camera_watch_init(&w, CAMERA_WATCH_STALL_MS);
    int64_t lost_at = -1, back_at = -1, frames_in_gap = 0, last_frame = -1;
    for (int64_t t = 0; t <= 9000; t += 50) {
        clock_advance_to(clk, t);
        camera_frame f;
        camera_status st = camera_poll(cam, &f);
        frames_in_gap += st == CAMERA_FRAME && t >= 3000 && t < 7000;
        if (st == CAMERA_FRAME && t < 3000)
            last_frame = t;
        if (camera_watch_update(&w, true, st, t)) {
            if (w.lost)
                lost_at = t;
            else
                back_at = t;
        }
        if (t == 4000)
            CHECK_EQ_INT(camera_next_due_ms(cam), 7000, "next frame due when the gap ends");
    }
    CHECK_EQ_INT(frames_in_gap, 0, "frames during the gap");
    CHECK(last_frame > 2900 && lost_at == last_frame + 2000,
          "lost at %lld, want 2 s after the last frame (%lld)", (long long)lost_at,
          (long long)last_frame);
    CHECK_EQ_INT(back_at, 7000, "back when the gap ends");
    camera_destroy(cam);

    const char *bad[] = { "synthetic:bridge,gap=3", "synthetic:bridge,gap=3+0",
                          "synthetic:bridge,gap=-1+2", "synthetic:bridge,fast", NULL };
    for (int i = 0; bad[i]; i++) {
        cam = camera_create(bad[i], &opt, clk, err);
        CHECK(cam == NULL && strstr(err, "gap=AT+SECONDS"), "%s: accepted or unclear (%s)",
              bad[i], err);
        camera_destroy(cam);
    }
    cam = camera_create("synthetic:,gap=1+1", &opt, clk, err);
    CHECK(cam != NULL, "options without an exercise: %s", err);
    camera_destroy(cam);
    clock_destroy(clk);
}

int main(void)
{
    test_verdicts();
    test_expect_restarts();
    test_synthetic_gap();
    return check_done();
}
