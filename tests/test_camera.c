/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_camera: camera_create's spec parsing and the two clock-paced backends on
 * a virtual clock. Synthetic: frames due every 1000/fps ms from creation, the
 * newest due frame delivered after a jump, content equal to synth_render at the
 * performance time, set_exercise restarting the performance. Replay: timestamps
 * from the clip's rate, frame skipping, end of clip, looping with rising
 * timestamps, a truncated frame as a sticky error naming the file, and opening
 * errors naming the file.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

#include "camera.h"
#include "y4m.h"

static const char *dir;

static const char *path_of(const char *name)
{
    static char p[1200];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static void expect_spec_error(const char *spec, const char *needle)
{
    char err[256] = "";
    rm_clock *clock = clock_create_virtual(0);
    camera *cam = camera_create(spec, NULL, clock, err);
    CHECK(cam == NULL, "spec '%s' should be refused", spec ? spec : "(null)");
    CHECK(strstr(err, needle) != NULL, "spec '%s': reason '%s' lacks '%s'",
          spec ? spec : "(null)", err, needle);
    camera_destroy(cam);
    clock_destroy(clock);
}

static void test_specs(void)
{
    expect_spec_error("bogus", "unknown camera 'bogus'");
    expect_spec_error("", "unknown camera");
    expect_spec_error(NULL, "unknown camera");
    expect_spec_error("synthetics", "unknown camera");
    expect_spec_error("synthetic:dance", "unknown exercise 'dance'");
    expect_spec_error("replay", "needs a file");
    expect_spec_error("replay:", "needs a file");
    expect_spec_error("replay:/nonexistent/clip.y4m", "/nonexistent/clip.y4m");
    expect_spec_error("libcamera", "libcamera");
    expect_spec_error("libcamera:0", "libcamera");

    camera_options opt = camera_default_options();
    CHECK_EQ_INT(opt.width, 320, "default width");
    CHECK_EQ_INT(opt.height, 240, "default height");
    CHECK_EQ_INT(opt.fps, 15, "default fps");
    CHECK(opt.reps < 0, "default reps should be endless, got %d", opt.reps);
    CHECK(!opt.loop, "default loop");

    char err[256] = "";
    rm_clock *clock = clock_create_virtual(0);
    opt.fps = 1000;
    CHECK(camera_create("synthetic", &opt, clock, err) == NULL, "fps 1000 accepted");
    CHECK(strstr(err, "frame rate") != NULL, "bad fps reason '%s'", err);
    opt = camera_default_options();
    opt.width = 8;
    CHECK(camera_create("synthetic", &opt, clock, err) == NULL, "width 8 accepted");
    CHECK(strstr(err, "size") != NULL, "bad size reason '%s'", err);
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
        char spec[64];
        snprintf(spec, sizeof spec, "synthetic:%s", exercise_id((exercise_kind)e));
        camera *cam = camera_create(spec, NULL, clock, err);
        CHECK(cam != NULL, "spec '%s' refused: %s", spec, err);
        if (cam)
            CHECK(!strcmp(camera_name(cam), "synthetic"), "name '%s'", camera_name(cam));
        camera_destroy(cam);
    }
    camera_destroy(NULL);
    clock_destroy(clock);
}

/* Frame content equals the synth render at the performance time. */
static bool frame_matches(const camera_frame *f, const synth_params *p, int64_t t)
{
    static uint8_t img[320 * 240];
    synth_render(p, t, img, p->width);
    for (int y = 0; y < f->height; y++)
        if (memcmp(f->luma + (size_t)y * f->stride, img + (size_t)y * p->width,
                   (size_t)f->width) != 0)
            return false;
    return true;
}

static void test_synthetic_pacing(void)
{
    char err[256] = "";
    rm_clock *clock = clock_create_virtual(0);
    clock_advance_to(clock, 500);
    camera_options opt = camera_default_options();
    opt.seed = 7;
    camera *cam = camera_create("synthetic:bridge", &opt, clock, err);
    CHECK(cam != NULL, "synthetic camera: %s", err);
    if (!cam)
        return;
    synth_params p = synth_defaults(EXERCISE_BRIDGE, 320, 240);
    p.reps = -1;
    p.seed = 7;
    p.arrive_ms = 500; /* the demo person arrives on the mat half a second in */
    p.settle_ms = 5500; /* and lies still until the set has begun */
    camera_frame f;
    CHECK_EQ_INT(camera_next_due_ms(cam), 500, "first frame due at creation");
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "first poll");
    CHECK_EQ_INT(f.t_ms, 500, "first frame time");
    CHECK_EQ_INT(f.seq, 0, "first seq");
    CHECK(f.width == 320 && f.height == 240 && f.stride == 320, "frame size %dx%d/%d",
          f.width, f.height, f.stride);
    CHECK(frame_matches(&f, &p, 0), "first frame is not the empty mat at t=0");
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_NONE, "no second frame at the same time");
    CHECK_EQ_INT(camera_next_due_ms(cam), 566, "second frame due at 500 + 1000/15");
    clock_advance_to(clock, 565);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_NONE, "not due 1 ms early");
    clock_advance_to(clock, 566);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "due on time");
    CHECK_EQ_INT(f.t_ms, 566, "second frame time");
    CHECK_EQ_INT(f.seq, 1, "second seq");

    /* A jump past many frames delivers only the newest due one, at its own time. */
    int64_t top = synth_rep_time(&p, 0).top_ms;
    clock_advance_to(clock, 500 + top + 20);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "after a jump");
    int64_t n = (top + 20) * 15 / 1000;
    CHECK_EQ_INT(f.t_ms, 500 + n * 1000 / 15, "jump delivers the latest due frame");
    CHECK_EQ_INT(f.seq, 2, "skipped frames do not count in seq");
    CHECK(frame_matches(&f, &p, f.t_ms - 500), "frame after the jump has the wrong content");
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_NONE, "nothing more after the jump");
    CHECK_EQ_INT(camera_next_due_ms(cam), 500 + (n + 1) * 1000 / 15, "next due after jump");

    /* set_exercise restarts the performance now, mirrored. */
    clock_advance_to(clock, 20000);
    camera_synthetic_set_exercise(cam, EXERCISE_CLAMSHELL, true);
    CHECK_EQ_INT(camera_next_due_ms(cam), 20000, "restart due now");
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "frame after set_exercise");
    CHECK_EQ_INT(f.t_ms, 20000, "restart frame time");
    synth_params q = synth_defaults(EXERCISE_CLAMSHELL, 320, 240);
    q.reps = -1;
    q.seed = 7;
    q.mirror = true;
    q.arrive_ms = 500;
    q.settle_ms = 5500;
    CHECK(frame_matches(&f, &q, 0), "restart frame is not the empty mat");
    synth_frame empty = synth_plain_frame();
    empty.empty = true;
    static uint8_t room[320 * 240];
    synth_render_frame(&q, &empty, 0, room, 320);
    CHECK(memcmp(room, f.luma, sizeof room) == 0, "the mat is empty before the person arrives");
    int64_t qtop = synth_rep_time(&q, 3).top_ms + 100;
    clock_advance_to(clock, 20000 + qtop);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "frame at rep 3 top");
    CHECK(frame_matches(&f, &q, f.t_ms - 20000), "rep 3 top content");
    CHECK(synth_pose_at(&q, f.t_ms - 20000) == 1.0f, "rep 3 should be at the top");

    /* Restarting at the time of the frame just delivered does not repeat it. */
    int64_t last = f.t_ms;
    clock_advance_to(clock, last);
    camera_synthetic_set_exercise(cam, EXERCISE_QUAD_SET, false);
    CHECK(camera_next_due_ms(cam) > last, "restart would repeat timestamp %lld",
          (long long)last);
    camera_destroy(cam);
    clock_destroy(clock);
}

/* A Cmono clip of n frames of 4x2, frame k filled with 10 * k + 1. */
static void write_clip(const char *name, int n, int num, int den)
{
    uint8_t img[8];
    y4m_writer *w = y4m_create(path_of(name), 4, 2, num, den);
    for (int k = 0; k < n; k++) {
        memset(img, 10 * k + 1, sizeof img);
        y4m_write_frame(w, img, 4);
    }
    CHECK(y4m_finish(w), "writing %s", name);
}

static void test_replay_end(void)
{
    char err[256] = "";
    write_clip("five.y4m", 5, 10, 1);
    rm_clock *clock = clock_create_virtual(0);
    clock_advance_to(clock, 1000);
    char spec[1300];
    snprintf(spec, sizeof spec, "replay:%s", path_of("five.y4m"));
    camera *cam = camera_create(spec, NULL, clock, err);
    CHECK(cam != NULL, "replay camera: %s", err);
    if (!cam)
        return;
    CHECK(!strcmp(camera_name(cam), "replay"), "name '%s'", camera_name(cam));
    camera_synthetic_set_exercise(cam, EXERCISE_BRIDGE, true); /* a no-op here */
    camera_frame f;
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "replay first frame");
    CHECK(f.t_ms == 1000 && f.luma[0] == 1 && f.seq == 0, "frame 0: t %lld luma %d",
          (long long)f.t_ms, f.luma[0]);
    CHECK(f.width == 4 && f.height == 2 && f.stride == 4, "replay frame size");
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_NONE, "replay frame 1 not due");
    CHECK_EQ_INT(camera_next_due_ms(cam), 1100, "frame 1 due");
    clock_advance_to(clock, 1250);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "after skipping");
    CHECK(f.t_ms == 1200 && f.luma[0] == 21 && f.seq == 1, "skip to frame 2: t %lld luma %d",
          (long long)f.t_ms, f.luma[0]);
    clock_advance_to(clock, camera_next_due_ms(cam));
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "frame 3");
    CHECK(f.t_ms == 1300 && f.luma[0] == 31, "frame 3: t %lld luma %d", (long long)f.t_ms,
          f.luma[0]);
    clock_advance_to(clock, 1400);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "frame 4");
    CHECK_EQ_INT(f.luma[0], 41, "frame 4 content");
    clock_advance_to(clock, camera_next_due_ms(cam));
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_END, "end of clip");
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_END, "end is sticky");
    CHECK(camera_next_due_ms(cam) == INT64_MAX, "nothing due after the end");
    camera_destroy(cam);
    clock_destroy(clock);
}

static void test_replay_loop(void)
{
    char err[256] = "";
    write_clip("three.y4m", 3, 30000, 1001);
    rm_clock *clock = clock_create_virtual(0);
    camera_options opt = camera_default_options();
    opt.loop = true;
    camera *cam = camera_replay_create(path_of("three.y4m"), &opt, clock, err);
    CHECK(cam != NULL, "looping replay: %s", err);
    if (!cam)
        return;
    camera_frame f;
    int64_t prev = -1;
    for (int k = 0; k < 11; k++) {
        int64_t due = camera_next_due_ms(cam);
        CHECK_EQ_INT(due, (int64_t)k * 1001 / 30, "loop due time");
        clock_advance_to(clock, due);
        CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "loop frame");
        CHECK_EQ_INT(f.luma[0], 10 * (k % 3) + 1, "loop frame content");
        CHECK_EQ_INT(f.seq, k, "loop seq");
        CHECK(f.t_ms > prev, "loop timestamps must rise: %lld after %lld", (long long)f.t_ms,
              (long long)prev);
        prev = f.t_ms;
    }
    /* a jump over a whole loop and a bit */
    clock_advance_to(clock, prev + 5 * 1001 / 30 + 1);
    CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "loop after jump");
    CHECK_EQ_INT(f.luma[0], 10 * (15 % 3) + 1, "frame 15 content");
    camera_destroy(cam);
    clock_destroy(clock);

    /* an empty clip with loop ends instead of spinning */
    write_clip("empty.y4m", 0, 10, 1);
    clock = clock_create_virtual(0);
    cam = camera_replay_create(path_of("empty.y4m"), &opt, clock, err);
    CHECK(cam != NULL, "empty clip: %s", err);
    if (cam)
        CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_END, "empty looping clip ends");
    camera_destroy(cam);
    clock_destroy(clock);
}

static void test_replay_errors(void)
{
    char err[256] = "";
    const char clip[] = "YUV4MPEG2 W2 H2 F10:1 Cmono\nFRAME\nabcdFRAME\nab";
    FILE *fp = fopen(path_of("trunc.y4m"), "wb");
    fwrite(clip, 1, sizeof clip - 1, fp);
    fclose(fp);
    rm_clock *clock = clock_create_virtual(0);
    camera *cam = camera_replay_create(path_of("trunc.y4m"), NULL, clock, err);
    CHECK(cam != NULL, "truncated clip should open: %s", err);
    if (cam) {
        camera_frame f;
        CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_FRAME, "good frame first");
        clock_advance_to(clock, 100);
        CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_ERROR, "truncated frame");
        CHECK(strstr(camera_error(cam), "trunc.y4m") != NULL, "error '%s' lacks the file",
              camera_error(cam));
        CHECK(strstr(camera_error(cam), "truncated") != NULL, "error '%s' lacks the reason",
              camera_error(cam));
        clock_advance_to(clock, 200);
        CHECK_EQ_INT(camera_poll(cam, &f), CAMERA_ERROR, "error is sticky");
        camera_destroy(cam);
    }
    fp = fopen(path_of("c10.y4m"), "wb"); /* 10-bit samples: not read */
    fputs("YUV4MPEG2 W2 H2 C420p10\n", fp);
    fclose(fp);
    CHECK(camera_replay_create(path_of("c10.y4m"), NULL, clock, err) == NULL, "C420p10 opened");
    CHECK(strstr(err, "c10.y4m") != NULL && strstr(err, "C420p10") != NULL,
          "open error '%s' should name the file and the problem", err);
    clock_destroy(clock);
}

int main(void)
{
    dir = check_tmpdir("test_camera");
    test_specs();
    test_synthetic_pacing();
    test_replay_end();
    test_replay_loop();
    test_replay_errors();
    return check_done();
}
