/*
 * test_motion: the frame-to-signal half of the counting core, on hand-made
 * frames (a dark scene with a bright bar and deterministic noise): rest
 * learning, restart on movement while learning, immunity to an exposure step
 * and rolling-shutter flicker bands, cells that clip, an excursion that grows with
 * displacement, the template match, the zone and similarity after a
 * committed rep, re-anchoring, a knock told from a person (jolts), relearning on a size change and rejection of
 * bad frames.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "motion.h"

#define W 320
#define H 240
#define FPS_MS 66

static uint8_t frame[W * H];

static uint32_t hash(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* Background 40 (+ offset), a bar of luma 150 at x0..x0+40, y 100..140, and
 * noise of about 2 levels that changes with seed. */
static void draw(int bar_x, int offset, uint32_t seed)
{
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            int v = (x >= bar_x && x < bar_x + 40 && y >= 100 && y < 140) ? 150 : 40;
            uint32_t r = hash(seed * 2654435761U + (uint32_t)(y * W + x));
            v += offset + (int)(r & 7) - 3 - (int)((r >> 3) & 1);
            frame[y * W + x] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
}

/* Feeds still frames for ms; returns the last sample. */
static motion_sample feed_still(motion *m, int bar_x, int offset, int64_t *t, int64_t ms)
{
    motion_sample s = { 0 };
    for (int64_t end = *t + ms; *t < end; *t += FPS_MS) {
        draw(bar_x, offset, (uint32_t)*t);
        motion_feed(m, frame, W, H, W, *t, &s);
    }
    return s;
}

static void test_learns_still_scene(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    motion_sample s = feed_still(m, 100, 0, &t, 700);
    CHECK(!s.learned, "learned after 700 ms, before learn_ms (1500)");
    CHECK(s.learn_progress > 0.3f && s.learn_progress < 0.7f, "progress %.2f at 700 ms",
          s.learn_progress);
    s = feed_still(m, 100, 0, &t, 1000);
    CHECK(s.learned, "not learned after 1.7 s of stillness");
    CHECK(s.sigma > 0.1f && s.sigma < 1.0f, "cell noise %.3f, want a fraction of a level",
          s.sigma);
    float worst = 0;
    for (int i = 0; i < 60; i++) {
        s = feed_still(m, 100, 0, &t, FPS_MS);
        worst = fmaxf(worst, s.excursion);
    }
    CHECK(worst < 20, "still scene excursion up to %.1f, want about 0", worst);
    motion_destroy(m);
}

static void test_movement_restarts_learning(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    motion_sample s = feed_still(m, 100, 0, &t, 1000);
    float before = s.learn_progress;
    s = feed_still(m, 130, 0, &t, FPS_MS); /* the bar jumps */
    CHECK(s.learn_progress < before / 2, "progress %.2f after a jump, was %.2f",
          s.learn_progress, before);
    s = feed_still(m, 130, 0, &t, 1000);
    CHECK(!s.learned, "learned only 1 s after the jump");
    motion_destroy(m);
}

/* Multiplies every row of frame by gain * (1 + flicker * sin(phase + y * 0.05)):
 * an exposure change, and the rolling-shutter bands of mains flicker. */
static void light(float gain, float flicker, float phase)
{
    for (int y = 0; y < H; y++) {
        float g = gain * (1.0f + flicker * sinf(phase + 0.05f * (float)y));
        for (int x = 0; x < W; x++) {
            float v = (float)frame[y * W + x] * g + 0.5f;
            frame[y * W + x] = (uint8_t)(v > 255 ? 255 : v);
        }
    }
}

static void test_light_is_not_motion(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    feed_still(m, 100, 0, &t, 2000);
    motion_sample s;
    float worst = 0, spread = 0;
    for (int i = 0; i < 30; i++, t += FPS_MS) { /* a 30 % step, then banded flicker */
        draw(100, 0, (uint32_t)t);
        light(1.3f, i < 10 ? 0.0f : 0.08f, 0.9f * (float)i);
        motion_feed(m, frame, W, H, W, t, &s);
        worst = fmaxf(worst, fmaxf(s.excursion, s.energy));
        spread = fmaxf(spread, s.spread);
    }
    CHECK(worst < 20, "exposure step and flicker bands give excursion/energy up to %.1f", worst);
    CHECK(spread < 0.01f, "exposure step and flicker bands change %.3f of the cells", spread);
    draw(130, 0, (uint32_t)t); /* while the bar does move under the same light */
    light(1.3f, 0.08f, 1.0f);
    for (int i = 0; i < 5; i++, t += FPS_MS)
        motion_feed(m, frame, W, H, W, t, &s);
    CHECK(s.excursion > 200, "a 30 px move under flicker gives only %.1f", s.excursion);
    motion_destroy(m);
}

/* A bright patch near white clips under a raised exposure and cannot follow
 * the gain: it must not read as movement. */
static void test_clipped_cells_are_not_motion(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    motion_sample s = { 0 };
    for (int i = 0; i < 60; i++, t += FPS_MS) {
        draw(100, 0, (uint32_t)t);
        for (int y = 30; y < 70; y++)
            memset(frame + y * W + 200, 235, 60); /* a white box on the wall */
        if (i >= 40)
            light(1.35f, 0.0f, 0.0f); /* the box clips at 255 */
        motion_feed(m, frame, W, H, W, t, &s);
    }
    CHECK(s.learned, "not learned");
    CHECK(s.energy < 5 && s.spread < 0.005f, "clipped box after an exposure step: energy %.1f, "
          "spread %.3f", s.energy, s.spread);
    motion_destroy(m);
}

/* After a committed rep the zone holds its cells: the same movement looks like
 * it, a change elsewhere does not and is measured outside; re-anchoring makes
 * a settled picture the rest pose. */
static void test_zone_similarity_and_reanchor(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    feed_still(m, 100, 0, &t, 2000);
    motion_set_at_rest(m, false);
    feed_still(m, 120, 0, &t, 600);
    feed_still(m, 100, 0, &t, 600);
    motion_set_at_rest(m, true);
    motion_commit_rep(m);
    motion_set_at_rest(m, false);
    motion_sample same = feed_still(m, 118, 0, &t, 600);
    CHECK(same.zone_reps == 1, "zone from %d reps, want 1", same.zone_reps);
    CHECK(same.similarity > 0.8f, "the same movement has similarity %.2f", same.similarity);
    feed_still(m, 100, 0, &t, 600);
    motion_set_at_rest(m, true);
    for (int i = 0; i < 10; i++, t += FPS_MS) { /* a bright patch far from the bar */
        draw(100, 0, (uint32_t)t);
        for (int y = 20; y < 50; y++)
            memset(frame + y * W + 250, 200, 40);
        motion_feed(m, frame, W, H, W, t, &same);
    }
    CHECK(same.similarity < 0.3f, "a change elsewhere has similarity %.2f", same.similarity);
    CHECK(same.energy_out > 10 * (same.energy + 1), "change outside the zone: out %.1f in %.1f",
          same.energy_out, same.energy);
    motion_reanchor(m);
    t += FPS_MS;
    draw(100, 0, (uint32_t)t);
    for (int y = 20; y < 50; y++)
        memset(frame + y * W + 250, 200, 40);
    motion_feed(m, frame, W, H, W, t, &same);
    CHECK(same.energy_out < 1 && same.excursion < 20, "after re-anchoring: out %.1f, exc %.1f",
          same.energy_out, same.excursion);
    motion_destroy(m);
}

static void test_excursion_grows_with_displacement(void)
{
    static const int shift[] = { 2, 4, 8, 16, 32, 64 };
    float e[6];
    for (int i = 0; i < 6; i++) {
        motion *m = motion_create(NULL);
        int64_t t = 0;
        feed_still(m, 100, 0, &t, 2000);
        motion_set_at_rest(m, false);
        e[i] = feed_still(m, 100 + shift[i], 0, &t, FPS_MS).excursion;
        motion_destroy(m);
    }
    for (int i = 1; i < 6; i++)
        CHECK(e[i] > e[i - 1] * 1.5f, "excursion %.0f at %d px not well above %.0f at %d px",
              e[i], shift[i], e[i - 1], shift[i - 1]);
    /* Past the bar's width (40 px) the energy saturates; the moment does not. */
    CHECK(e[5] > e[4] * 1.6f, "excursion at 64 px %.0f vs 32 px %.0f: should keep growing",
          e[5], e[4]);
    CHECK(e[0] > 60, "2 px of movement gives only %.1f", e[0]);
}

static void test_match_tracks_the_way_back(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    feed_still(m, 100, 0, &t, 2000);
    motion_set_at_rest(m, false);
    motion_sample top = { 0 };
    for (int x = 100; x <= 112; x += 2)
        top = feed_still(m, x, 0, &t, x == 112 ? 600 : FPS_MS); /* the average settles */
    CHECK(fabsf(top.match - 1) < 0.02f, "match at the largest excursion %.3f, want 1",
          top.match);
    motion_sample half = feed_still(m, 106, 0, &t, 600);
    CHECK(half.match > 0.3f && half.match < 0.8f, "match half way back %.3f", half.match);
    motion_sample back = feed_still(m, 100, 0, &t, 600);
    CHECK(fabsf(back.match) < 0.05f, "match back at rest %.3f, want about 0", back.match);
    motion_set_at_rest(m, true);
    back = feed_still(m, 100, 0, &t, FPS_MS);
    CHECK(back.match == 0, "match while at rest %.3f, want 0", back.match);
    motion_destroy(m);
}

/* A textured room (blocks of 16 px, luma 40 or 90) seen through a camera
 * shifted by dx pixels, with the bar at bar_x, fed for ms. Returns the last
 * sample; *jolts counts the frames with jolted set, *jolt_ms the last jolt_ms. */
static motion_sample feed_room(motion *m, int dx, int bar_x, int64_t *t, int64_t ms,
                               int *jolts, int64_t *jolt_ms)
{
    motion_sample s = { 0 };
    for (int64_t end = *t + ms; *t < end; *t += FPS_MS) {
        draw(bar_x, 0, (uint32_t)*t);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (frame[y * W + x] < 100 && (((x + dx) >> 4) + (y >> 4)) % 2)
                    frame[y * W + x] += 50;
        motion_feed(m, frame, W, H, W, *t, &s);
        if (s.jolted) {
            ++*jolts;
            *jolt_ms = s.jolt_ms;
        }
    }
    return s;
}

static void test_jolt_is_a_knock_not_a_person(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0, when = -1;
    int jolts = 0;
    feed_room(m, 0, 100, &t, 2500, &jolts, &when);
    int64_t knock = t;
    motion_sample s = feed_room(m, 5, 100, &t, 1000, &jolts, &when); /* knocked for good */
    CHECK(jolts == 1 && when == knock, "a knock gave %d jolts, at %lld (knock at %lld)", jolts,
          (long long)when, (long long)knock);
    CHECK(s.moved < 0.02f, "calm after the knock: %.3f of the cells moved", s.moved);
    motion_reanchor(m);
    s = feed_room(m, 5, 100, &t, FPS_MS, &jolts, &when);
    CHECK(s.excursion < 20, "re-anchored on the calm frames: excursion %.1f", s.excursion);
    jolts = 0; /* the bar walks across, 6 px a frame: a person, never a jolt */
    for (int x = 20; x < 280; x += 6)
        feed_room(m, 5, x, &t, FPS_MS, &jolts, &when);
    feed_room(m, 5, 280, &t, 1000, &jolts, &when);
    CHECK(jolts == 0, "a walking bar gave %d jolts", jolts);
    feed_room(m, 5, 100, &t, FPS_MS, &jolts, &when); /* a jump, then moving on */
    for (int x = 100; x < 200; x += 6)
        feed_room(m, 5, x, &t, FPS_MS, &jolts, &when);
    feed_room(m, 5, 200, &t, 1000, &jolts, &when);
    CHECK(jolts == 0, "a jump and then movement gave %d jolts", jolts);
    motion_destroy(m);
}

static void test_size_change_relearns_and_bad_frames(void)
{
    motion *m = motion_create(NULL);
    int64_t t = 0;
    motion_sample s = feed_still(m, 100, 0, &t, 2000);
    CHECK(s.learned, "not learned");
    CHECK(motion_feed(m, frame, 160, 120, W, t, &s), "a smaller view of the frame refused");
    CHECK(!s.learned, "size change kept the old rest pose");
    CHECK(!motion_feed(m, NULL, W, H, W, t, &s), "NULL frame accepted");
    CHECK(!motion_feed(m, frame, 5000, 10, 5000, t, &s), "5000 px wide frame accepted");
    CHECK(!motion_feed(m, frame, W, H, W - 1, t, &s), "stride below width accepted");
    uint8_t tiny[3 * 2] = { 1, 2, 3, 4, 5, 6 };
    CHECK(motion_feed(m, tiny, 3, 2, 3, t, &s), "a 3x2 frame refused");
    static uint8_t tall[2 * 4096];
    CHECK(motion_feed(m, tall, 2, 4096, 2, t, &s), "a 2x4096 frame refused");
    motion_destroy(m);
    motion_destroy(NULL);
}

int main(void)
{
    test_learns_still_scene();
    test_movement_restarts_learning();
    test_light_is_not_motion();
    test_clipped_cells_are_not_motion();
    test_zone_similarity_and_reanchor();
    test_excursion_grows_with_displacement();
    test_match_tracks_the_way_back();
    test_jolt_is_a_knock_not_a_person();
    test_size_change_relearns_and_bad_frames();
    return check_done();
}
