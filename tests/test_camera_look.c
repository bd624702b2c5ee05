/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_camera_look: doctor's look at a camera's picture, on a virtual clock:
 * the synthetic person is a usable picture at its own size and rate; a clip
 * of black frames is dark, one of white frames glare; a camera at 4 frames a
 * second is slow; one that stops after 3 frames has failed (with its reason);
 * a clip that ends before its first frame gave none.
 */
#include "camera_look.h"

#include <math.h>
#include <string.h>

#include "check.h"
#include "y4m.h"

static const char *dir;

static const char *path_of(const char *name)
{
    static char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* A 64x48 Cmono clip of n frames, every pixel v. */
static void write_flat(const char *name, int n, uint8_t v)
{
    uint8_t img[64 * 48];
    memset(img, v, sizeof img);
    y4m_writer *w = y4m_create(path_of(name), 64, 48, 15, 1);
    for (int k = 0; k < n; k++)
        y4m_write_frame(w, img, 64);
    CHECK(y4m_finish(w), "writing %s", name);
}

/* Looks at the camera of spec for up to 3 s, 15 frames, on a virtual clock. */
static camera_look_result look(const char *spec, const camera_options *opt)
{
    camera_look_result r = { .verdict = -1 };
    char err[256] = "";
    rm_clock *clock = clock_create_virtual(0);
    camera *cam = camera_create(spec, opt, clock, err);
    CHECK(cam != NULL, "%s: %s", spec, err);
    if (cam)
        camera_look(cam, clock, 3000, 15, &r);
    camera_destroy(cam);
    clock_destroy(clock);
    return r;
}

static void test_synthetic(void)
{
    camera_look_result r = look("synthetic:bridge", NULL);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_OK, "synthetic person");
    CHECK_EQ_INT(r.frames, 15, "frames");
    CHECK(r.width == 320 && r.height == 240, "size %dx%d", r.width, r.height);
    CHECK(fabs(r.fps - 15.0) < 0.5, "fps %.2f", r.fps);
    CHECK(r.first_ms >= 0 && r.first_ms < 100, "first frame after %lld ms", (long long)r.first_ms);
    CHECK(r.mean > CAMERA_LOOK_DARK_MEAN && r.mean < CAMERA_LOOK_WHITE, "mean %.1f", r.mean);
}

static void test_flat(void)
{
    char spec[1300];
    write_flat("black.y4m", 30, 3);
    snprintf(spec, sizeof spec, "replay:%s", path_of("black.y4m"));
    camera_look_result r = look(spec, NULL);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_DARK, "black clip");
    CHECK(fabs(r.mean - 3.0) < 0.01, "mean %.2f", r.mean);

    write_flat("grey.y4m", 30, 120);
    snprintf(spec, sizeof spec, "replay:%s", path_of("grey.y4m"));
    r = look(spec, NULL);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_OK, "grey clip");

    write_flat("white.y4m", 30, 255);
    snprintf(spec, sizeof spec, "replay:%s", path_of("white.y4m"));
    r = look(spec, NULL);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_GLARE, "white clip");
    CHECK(r.white_share > 0.99, "white share %.2f", r.white_share);

    write_flat("empty.y4m", 0, 0);
    snprintf(spec, sizeof spec, "replay:%s", path_of("empty.y4m"));
    r = look(spec, NULL);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_NONE, "a clip without frames");
    CHECK_EQ_INT(r.first_ms, -1, "no first frame");
}

static void test_slow(void)
{
    camera_options opt = camera_default_options();
    opt.fps = 4;
    camera_look_result r = look("synthetic:bridge", &opt);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_SLOW, "4 frames a second");
    CHECK(fabs(r.fps - 4.0) < 0.2, "fps %.2f", r.fps);
    CHECK(r.frames >= 12 && r.frames <= 13, "frames in 3 s: %d", r.frames);
}

static void test_stops(void)
{
    camera_look_result r = look("synthetic:bridge@stop-after=3", NULL);
    CHECK_EQ_INT(r.verdict, CAMERA_LOOK_FAILED, "a camera that stops");
    CHECK_EQ_INT(r.frames, 3, "frames before it stopped");
    CHECK(strstr(r.error, "stopped") != NULL, "reason '%s'", r.error);
}

int main(void)
{
    dir = check_tmpdir("camera_look");
    test_synthetic();
    test_flat();
    test_slow();
    test_stops();
    return check_done();
}
