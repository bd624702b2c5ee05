/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_synth: the procedural person. Checks the repetition schedule against
 * synth_rep_time (rest before and between reps, top during the hold, eased in
 * between, sets for endless performances), determinism and purity of
 * synth_render, the noise model, that rest frames differ only by noise, that the
 * top pose differs clearly from rest (and only slightly for the quad set), that
 * mirror is a horizontal flip, that the scene has a dark room and a visible
 * person, and that stride padding is left alone. The frame-level renderer the
 * corpus uses: a plain frame equals synth_render, a camera shift moves the whole
 * picture, gain and flicker scale brightness (per row for a rolling shutter),
 * walkers show up behind and in front, fidgeting moves the arm, head and body,
 * an empty frame has nobody on the mat, and a furnished room has edges.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "synth.h"

#define W 320
#define H 240

static uint8_t a[W * H], b[W * H];

static void render(const synth_params *p, int64_t t, uint8_t *out)
{
    synth_render(p, t, out, p->width);
}

/* Pixels whose values differ by more than thresh. */
static int count_diff(const uint8_t *x, const uint8_t *y, int n, int thresh)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += abs(x[i] - y[i]) > thresh;
    return c;
}

static void test_defaults(void)
{
    static const int64_t hold[] = { 1500, 2500, 6000, 2000 };
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
        synth_params p = synth_defaults((exercise_kind)e, W, H);
        CHECK_EQ_INT(p.hold_ms, hold[e], exercise_id((exercise_kind)e));
        CHECK_EQ_INT(p.reps, 10, "default reps");
        CHECK_EQ_INT(p.up_ms, 2000, "up");
        CHECK_EQ_INT(p.down_ms, 2000, "down");
        CHECK_EQ_INT(p.rest_ms, 1500, "rest");
        CHECK_EQ_INT(p.settle_ms, 3000, "settle");
        CHECK(fabsf(p.noise - 2.0f) < 1e-6f, "noise %g", p.noise);
    }
}

static void test_schedule(void)
{
    synth_params p = synth_defaults(EXERCISE_BRIDGE, W, H);
    int64_t per = p.up_ms + p.hold_ms + p.down_ms + p.rest_ms;
    for (int i = 0; i < p.reps; i++) {
        synth_rep_truth r = synth_rep_time(&p, i);
        CHECK_EQ_INT(r.start_ms, p.settle_ms + i * per, "rep start");
        CHECK_EQ_INT(r.top_ms, r.start_ms + p.up_ms, "rep top");
        CHECK_EQ_INT(r.hold_ms, p.hold_ms, "rep hold");
        CHECK_EQ_INT(r.end_ms, r.top_ms + p.hold_ms + p.down_ms, "rep end");
        CHECK(synth_pose_at(&p, r.start_ms - 1) == 0.0f, "rep %d: at rest before start", i);
        CHECK(synth_pose_at(&p, r.start_ms) == 0.0f, "rep %d: at rest at start", i);
        float mid = synth_pose_at(&p, r.start_ms + p.up_ms / 2);
        CHECK(fabsf(mid - 0.5f) < 0.01f, "rep %d: halfway up pose %g", i, mid);
        float early = synth_pose_at(&p, r.start_ms + p.up_ms / 10);
        CHECK(early > 0.0f && early < 0.1f, "rep %d: eased start, pose %g", i, early);
        CHECK(synth_pose_at(&p, r.top_ms) == 1.0f, "rep %d: top at top_ms", i);
        CHECK(synth_pose_at(&p, r.top_ms + r.hold_ms - 1) == 1.0f, "rep %d: top in hold", i);
        float down = synth_pose_at(&p, r.top_ms + r.hold_ms + p.down_ms / 2);
        CHECK(fabsf(down - 0.5f) < 0.01f, "rep %d: halfway down pose %g", i, down);
        CHECK(synth_pose_at(&p, r.end_ms) == 0.0f, "rep %d: rest at end_ms", i);
    }
    CHECK(synth_pose_at(&p, 0) == 0.0f, "rest at t=0");
    CHECK_EQ_INT(synth_duration_ms(&p), p.settle_ms + p.reps * per, "duration");
    int64_t after = synth_duration_ms(&p) + 1000;
    CHECK(synth_pose_at(&p, after + p.up_ms + p.hold_ms / 2) == 0.0f, "no 11th rep");

    p.reps = -1;
    CHECK(synth_duration_ms(&p) == INT64_MAX, "endless duration");
    synth_rep_truth r9 = synth_rep_time(&p, SYNTH_SET_REPS - 1);
    synth_rep_truth r10 = synth_rep_time(&p, SYNTH_SET_REPS);
    CHECK_EQ_INT(r10.start_ms - r9.start_ms, per + SYNTH_SET_PAUSE_MS, "set pause");
    CHECK(synth_pose_at(&p, r10.start_ms - SYNTH_SET_PAUSE_MS / 2) == 0.0f, "rest in pause");
    CHECK(synth_pose_at(&p, r10.top_ms + 10) == 1.0f, "second set reaches the top");
    synth_rep_truth r25 = synth_rep_time(&p, 25);
    CHECK(synth_pose_at(&p, r25.top_ms + 10) == 1.0f, "rep 25 reaches the top");
}

static void test_determinism_and_noise(void)
{
    synth_params p = synth_defaults(EXERCISE_CLAMSHELL, W, H);
    render(&p, 4567, a);
    render(&p, 4567, b);
    CHECK(memcmp(a, b, sizeof a) == 0, "same params and time render differently");
    p.seed = 2;
    render(&p, 4567, b);
    CHECK(count_diff(a, b, W * H, 0) > W * H / 2, "another seed should change the noise");

    /* Noise statistics against a clean render. */
    p.noise = 0.0f;
    render(&p, 0, a);
    p.noise = 4.0f;
    render(&p, 0, b);
    double sum = 0, sum2 = 0;
    int n = 0;
    for (int i = 0; i < W * H; i++) {
        if (a[i] < 20 || a[i] > 235)
            continue; /* clipping would bias the figures */
        double d = (double)b[i] - a[i];
        sum += d;
        sum2 += d * d;
        n++;
    }
    double mean = sum / n, sd = sqrt(sum2 / n - mean * mean);
    CHECK(fabs(mean) < 0.2, "noise mean %g", mean);
    CHECK(sd > 3.6 && sd < 4.4, "noise sd %g, want about 4", sd);
}

/* At rest the frames differ only by noise: identical without it. */
static void test_rest_frames(void)
{
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
        synth_params p = synth_defaults((exercise_kind)e, W, H);
        synth_rep_truth r0 = synth_rep_time(&p, 0), r1 = synth_rep_time(&p, 1);
        render(&p, 100, a);
        render(&p, r0.end_ms + 200, b);
        CHECK(count_diff(a, b, W * H, 12) == 0, "%s: noisy rest frames differ beyond noise",
              exercise_id((exercise_kind)e));
        p.noise = 0.0f;
        render(&p, 100, a);
        render(&p, r1.start_ms, b);
        CHECK(memcmp(a, b, sizeof a) == 0, "%s: clean rest frames differ",
              exercise_id((exercise_kind)e));
    }
}

/* Top versus rest: a clear change for the big movements, a small one (tens of
 * pixels, a few levels to a few tens) for the quad set. */
static void test_top_differs(void)
{
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
        synth_params p = synth_defaults((exercise_kind)e, W, H);
        p.noise = 0.0f;
        synth_rep_truth r = synth_rep_time(&p, 0);
        render(&p, 0, a);
        render(&p, r.top_ms + 100, b);
        int big = count_diff(a, b, W * H, 20);
        int any = count_diff(a, b, W * H, 3);
        const char *id = exercise_id((exercise_kind)e);
        if (e == EXERCISE_QUAD_SET) {
            CHECK(any >= 30 && any <= 1500, "%s: %d pixels changed, want a subtle change", id,
                  any);
            CHECK(big <= 300, "%s: %d pixels changed a lot, want a subtle change", id, big);
        } else {
            CHECK(big >= 1000, "%s: only %d pixels changed clearly at the top", id, big);
        }
        /* halfway up is between the two */
        render(&p, r.start_ms + p.up_ms / 2, b);
        int half = count_diff(a, b, W * H, 3);
        CHECK(half > 0 && half < any + any / 4, "%s: halfway change %d vs top %d", id, half,
              any);
    }
}

static void test_mirror(void)
{
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
        synth_params p = synth_defaults((exercise_kind)e, W, H);
        p.noise = 0.0f;
        int64_t t = synth_rep_time(&p, 0).start_ms + p.up_ms / 3;
        render(&p, t, a);
        p.mirror = true;
        render(&p, t, b);
        int off = 0, asym = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                off += abs(a[y * W + x] - b[y * W + (W - 1 - x)]) > 1;
                asym += abs(a[y * W + x] - b[y * W + x]) > 20;
            }
        }
        CHECK(off <= 10, "%s: mirror is not a flip, %d pixels off", exercise_id(e), off);
        CHECK(asym > 500, "%s: mirror looks the same as unmirrored", exercise_id(e));
    }
}

/* A dark room (corners in 20..40), the person clearly lighter than the room. */
static void test_scene(void)
{
    for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
        synth_params p = synth_defaults((exercise_kind)e, W, H);
        p.noise = 0.0f;
        render(&p, 0, a);
        int corners[] = { a[0], a[W - 1], a[(H - 1) * W], a[H * W - 1] };
        for (int i = 0; i < 4; i++)
            CHECK(corners[i] >= 20 && corners[i] <= 40, "corner %d luma %d", i, corners[i]);
        int person = 0;
        for (int y = 0; y < (int)(0.8 * H); y++)
            for (int x = 0; x < W; x++)
                person += a[y * W + x] >= 80;
        CHECK(person > 2000, "%s: only %d light pixels above the mat", exercise_id(e), person);
        CHECK(a[(H / 3) * W + W / 2] < 45, "upper middle should be the room, got %d",
              a[(H / 3) * W + W / 2]);
    }
}

/* Stride padding untouched; odd and tiny sizes and scales render safely. */
static void test_stride_and_sizes(void)
{
    static uint8_t buf[40 * 30];
    memset(buf, 0xAB, sizeof buf);
    synth_params p = synth_defaults(EXERCISE_GENERIC, 33, 29);
    render(&p, 0, a);
    synth_render(&p, 0, buf, 40);
    int pad = 0, same = 0;
    for (int y = 0; y < 29; y++) {
        for (int x = 33; x < 40; x++)
            pad += buf[y * 40 + x] != 0xAB;
        same += memcmp(buf + y * 40, a + y * 33, 33) == 0;
    }
    CHECK(pad == 0, "%d padding bytes written", pad);
    CHECK(same == 29, "stride changed the picture in %d rows", 29 - same);
    CHECK(buf[29 * 40] == 0xAB, "wrote past the last row");
    int sizes[][2] = { { 1, 1 }, { 2, 3 }, { 17, 5 }, { 641, 479 } };
    for (int i = 0; i < 4; i++) {
        uint8_t *img = malloc((size_t)sizes[i][0] * sizes[i][1]);
        for (int e = 0; e < EXERCISE_KIND_COUNT; e++) {
            synth_params q = synth_defaults((exercise_kind)e, sizes[i][0], sizes[i][1]);
            q.scale = i == 3 ? 1.5f : 0.0f; /* larger than the frame: clipped */
            synth_render(&q, synth_rep_time(&q, 0).top_ms, img, sizes[i][0]);
        }
        free(img);
    }
    CHECK(1, "odd sizes rendered");
}

static synth_params clean(exercise_kind e)
{
    synth_params p = synth_defaults(e, W, H);
    p.noise = 0.0f;
    p.furnished = true;
    p.seed = 7;
    return p;
}

static void frame(const synth_params *p, const synth_frame *f, uint8_t *out)
{
    synth_render_frame(p, f, 1000, out, p->width);
}

static void test_plain_frame_is_render(void)
{
    synth_params p = synth_defaults(EXERCISE_BRIDGE, W, H);
    int64_t t = synth_rep_time(&p, 1).top_ms - 300;
    render(&p, t, a);
    synth_frame f = synth_plain_frame();
    f.pose.s = synth_pose_at(&p, t);
    synth_render_frame(&p, &f, t, b, W);
    CHECK(memcmp(a, b, sizeof a) == 0, "plain frame differs from synth_render");
}

static void test_camera_shift(void)
{
    synth_params p = clean(EXERCISE_CLAMSHELL);
    synth_frame f = synth_plain_frame();
    frame(&p, &f, a);
    f.cam_dx = 5;
    f.cam_dy = -3;
    frame(&p, &f, b);
    int same = 0, n = 0;
    for (int y = 10; y < H - 10; y++)
        for (int x = 10; x < W - 10; x++, n++)
            same += b[y * W + x] == a[(y + 3) * W + x - 5];
    CHECK(same >= n * 99 / 100, "camera shift: only %d of %d pixels moved with it", same, n);
    CHECK(count_diff(a, b, W * H, 10) > 500, "camera shift changed too little");
}

static void test_gain_and_flicker(void)
{
    synth_params p = clean(EXERCISE_BRIDGE);
    synth_frame f = synth_plain_frame();
    frame(&p, &f, a);
    f.gain = 1.25f;
    frame(&p, &f, b);
    int off = 0;
    for (int i = 0; i < W * H; i++)
        off += abs(b[i] - (int)(a[i] * 1.25f + 0.5f)) > 1 && a[i] < 200;
    CHECK(off == 0, "gain 1.25: %d pixels not scaled", off);
    f.gain = 1.0f;
    f.flicker = 0.1f;
    f.flicker_per_row = 2.0f * 3.14159265f / 40.0f; /* a band every 40 rows */
    frame(&p, &f, b);
    /* the wall rows near the top: brightest where sin = 1 (row 10), darkest at 30 */
    int lo = b[30 * W + W / 2 + 3] , hi = b[10 * W + W / 2 + 3];
    int base30 = a[30 * W + W / 2 + 3], base10 = a[10 * W + W / 2 + 3];
    CHECK(hi > base10 && lo < base30, "rolling bands: row 10 %d (was %d), row 30 %d (was %d)",
          hi, base10, lo, base30);
}

static void test_walkers(void)
{
    synth_params p = clean(EXERCISE_QUAD_SET);
    synth_frame f = synth_plain_frame();
    frame(&p, &f, a);
    f.behind = (synth_walker){ .active = true, .x = 0.2f, .foot_y = 0.78f, .height = 0.6f,
                               .luma = 140.0f };
    frame(&p, &f, b);
    int wall = 0;
    for (int y = 0; y < H / 2; y++)
        for (int x = 0; x < W / 2; x++)
            wall += abs(a[y * W + x] - b[y * W + x]) > 30;
    CHECK(wall > 500, "a walker behind changed only %d wall pixels", wall);
    f.behind.active = false;
    f.front = (synth_walker){ .active = true, .x = 0.5f, .foot_y = 1.4f, .height = 2.0f,
                              .luma = 30.0f };
    frame(&p, &f, b);
    int covered = 0;
    for (int y = (int)(0.7 * H); y < (int)(0.8 * H); y++)
        for (int x = W / 2 - 10; x < W / 2 + 10; x++)
            covered += b[y * W + x] < 45 && a[y * W + x] > 60;
    CHECK(covered > 100, "a walker in front hid only %d person pixels", covered);
    /* out of focus: the edge ramps over several pixels (a sharp edge over one or two) */
    int y = H / 4, ramp = 0;
    for (int x = 0; x < W; x++) {
        int v = b[y * W + x], room = a[y * W + x];
        ramp += v < room - 1 && v > 31;
    }
    CHECK(ramp >= 8, "the walker in front has sharp edges (%d ramp pixels)", ramp);
}

static void test_fidget_and_empty(void)
{
    synth_params p = clean(EXERCISE_GENERIC);
    synth_frame f = synth_plain_frame();
    frame(&p, &f, a);
    f.pose.arm = 1.0f;
    frame(&p, &f, b);
    CHECK(count_diff(a, b, W * H, 20) > 300, "arm to the face changed too little");
    f.pose.arm = 0.0f;
    f.pose.head = 1.0f;
    frame(&p, &f, b);
    int head = count_diff(a, b, W * H, 20);
    CHECK(head > 50 && head < 3000, "head lift changed %d pixels", head);
    f.pose.head = 0.0f;
    f.pose.shift_x = 0.03f;
    frame(&p, &f, b);
    CHECK(count_diff(a, b, W * H, 20) > 1000, "a body shift changed too little");
    f.pose.shift_x = 0.0f;
    f.empty = true;
    p.furnished = false;
    frame(&p, &f, b);
    int light = 0;
    for (int i = 0; i < W * H; i++)
        light += b[i] > 100;
    CHECK(light == 0, "empty frame has %d light pixels", light);
}

/* A furnished room has many more vertical edges on the wall than a plain one. */
static void test_furnished(void)
{
    synth_params p = clean(EXERCISE_BRIDGE);
    synth_frame f = synth_plain_frame();
    f.empty = true;
    int edges[2] = { 0, 0 };
    for (int k = 0; k < 2; k++) {
        p.furnished = k == 1;
        frame(&p, &f, a);
        for (int y = 0; y < (int)(0.75 * H); y++)
            for (int x = 1; x < W; x++)
                edges[k] += abs(a[y * W + x] - a[y * W + x - 1]) > 8;
    }
    CHECK(edges[0] == 0 && edges[1] > 200, "wall edges plain %d, furnished %d", edges[0],
          edges[1]);
}

int main(void)
{
    test_plain_frame_is_render();
    test_camera_shift();
    test_gain_and_flicker();
    test_walkers();
    test_fidget_and_empty();
    test_furnished();
    test_defaults();
    test_schedule();
    test_determinism_and_noise();
    test_rest_frames();
    test_top_differs();
    test_mirror();
    test_scene();
    test_stride_and_sizes();
    return check_done();
}
