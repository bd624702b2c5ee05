/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_motion: the grid, its window and its principal direction on pictures
 * drawn here: a still scene gives no range; a block moving back and forth gives
 * a range that follows its travel, and the position goes back and forth with
 * it; an exposure step moves nothing; the direction keeps its sign; bad frames
 * are refused and a size change starts afresh; forgetting the window's past
 * leaves a set-up out of the range; a cut to another scene (an edit, a black
 * lead-in) empties the window, and movement or an exposure step is not a cut;
 * a pause keeps the window as the movement left it; the window's samples
 * can be read back; a marked pose keeps its place as the window moves; which
 * way up the frame the picture moves along the direction is told, for a bright
 * block and a dark one.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "motion.h"

#define W 160
#define H 120

/* A grey room with a bright block whose left edge is at x (a limb moving
 * sideways), every pixel times gain, plus a little noise. */
static void draw(uint8_t *px, int x, float gain, unsigned *seed)
{
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) {
            float v = 60.0f + (float)((r * 7 + c * 3) % 40);
            if (c >= x && c < x + 30 && r >= 50 && r < 80)
                v = 180.0f;
            *seed = *seed * 1103515245u + 12345u;
            v = v * gain + (float)((*seed >> 16) % 3) - 1.0f;
            px[r * W + c] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
}

/* The block's position at time t: rests at 20, goes to 80 and back every 3 s. */
static int block_at(int64_t t)
{
    double ph = fmod((double)t / 3000.0, 1.0);
    double up = ph < 0.5 ? ph * 2.0 : (1.0 - ph) * 2.0;
    return 20 + (int)(60.0 * up);
}

static void test_still_scene(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 1;
    motion_sample s = { 0 };
    bool was_ready = false;
    for (int64_t t = 0; t < 5000; t += 40) {
        draw(px, 20, 1.0f, &seed);
        CHECK(motion_feed(m, px, W, H, W, t, &s), "a good frame is accepted");
        if (t < 800)
            CHECK(!s.ready, "not ready in the first 0.8 s (t=%lld)", (long long)t);
        was_ready |= s.ready;
    }
    CHECK(was_ready, "ready after a second");
    CHECK(s.hi - s.lo < 1.0f, "a still scene has no range (%.2f)", (double)(s.hi - s.lo));
    free(px);
    motion_destroy(m);
}

static void test_moving_block(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 2;
    motion_sample s;
    float at_rest = 0, at_top = 0, range = 0;
    int cuts = 0;
    for (int64_t t = 0; t < 15000; t += 40) {
        draw(px, block_at(t), t >= 10000 ? 1.2f : 1.0f, &seed); /* an exposure step at 10 s */
        motion_feed(m, px, W, H, W, t, &s);
        cuts += s.cut;
        if (t == 7480) /* top */
            at_top = s.pos;
        if (t == 9000) /* rest (the 20 px mark) */
            at_rest = s.pos, range = s.hi - s.lo;
    }
    CHECK(cuts == 0, "movement and an exposure step are not cuts (%d)", cuts);
    CHECK(range > 10.0f, "a block a tenth of the picture moving gives a range (%.2f)", (double)range);
    CHECK(fabsf(at_top - at_rest) > 0.7f * range, "rest and top are the ends of the range (%.2f vs %.2f)",
          (double)fabsf(at_top - at_rest), (double)range);
    float rest_after_step = 0;
    for (int64_t t = 15000; t <= 15000; t += 40) {
        draw(px, block_at(t), 1.2f, &seed);
        motion_feed(m, px, W, H, W, t, &s);
        rest_after_step = s.pos;
    }
    CHECK(fabsf(rest_after_step - at_rest) < 0.15f * range,
          "an exposure step does not move the rest pose (%.2f vs %.2f)", (double)rest_after_step,
          (double)at_rest);
    free(px);
    motion_destroy(m);
}

/* The window's history: its samples oldest first, 100 ms apart, their
 * positions on the current direction, the highest where the block was at the
 * top; a smaller cap gives the newest ones. */
static void test_history(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 5;
    motion_sample s;
    for (int64_t t = 0; t <= 6000; t += 20) {
        draw(px, block_at(t), 1.0f, &seed);
        motion_feed(m, px, W, H, W, t, &s);
    }
    int64_t ts[MOTION_MAX_SAMPLES], ts5[5];
    float p[MOTION_MAX_SAMPLES], p5[5];
    int n = motion_history(m, ts, p, MOTION_MAX_SAMPLES);
    CHECK(n == 61, "6 s at a sample every 100 ms: %d samples", n);
    int hi = 0, lo = 0;
    for (int i = 0; i < n; i++) {
        CHECK(i == 0 || ts[i] - ts[i - 1] == 100, "sample %d at %lld ms", i, (long long)ts[i]);
        hi = p[i] > p[hi] ? i : hi;
        lo = p[i] < p[lo] ? i : lo;
    }
    CHECK(ts[n - 1] == 6000 && fabsf(p[n - 1] - s.pos) < 0.01f,
          "the newest is this frame's (%.2f vs %.2f)", (double)p[n - 1], (double)s.pos);
    /* the direction's sign is its own: one end is the top, the other rest */
    long ph_hi = (long)(ts[hi] % 3000), ph_lo = (long)(ts[lo] % 3000);
    bool hi_top = ph_hi >= 1200 && ph_hi <= 1800, lo_top = ph_lo >= 1200 && ph_lo <= 1800;
    CHECK(hi_top != lo_top, "one extreme at the top (%ld, %ld ms into a cycle)", ph_hi, ph_lo);
    CHECK(p[hi] >= s.hi && p[lo] <= s.lo, "the history spans the range (%.2f..%.2f, %.2f..%.2f)",
          (double)p[lo], (double)p[hi], (double)s.lo, (double)s.hi);
    CHECK(motion_history(m, ts5, p5, 5) == 5 && ts5[0] == ts[n - 5] && ts5[4] == ts[n - 1] &&
              p5[0] == p[n - 5],
          "a cap of 5 gives the newest 5");
    CHECK(motion_history(m, ts5, p5, 0) == 0, "a cap of 0 gives none");
    free(px);
    motion_destroy(m);
}

/* A pause: the block moves for 6 s, then rests at 20 for 30 s, longer than
 * the window. The window stops taking samples once the picture has been still
 * for pause_ms, so the range and the rest pose's position stay as they were;
 * with pause_ms 0 the stillness fills the window and the range goes. */
static void test_pause(void)
{
    for (int never = 0; never < 2; never++) {
        motion_config cfg = motion_default_config();
        if (never)
            cfg.pause_ms = 0;
        motion *m = motion_create(&cfg);
        uint8_t *px = malloc(W * H);
        unsigned seed = 4;
        motion_sample s;
        float range = 0, at_rest = 0;
        for (int64_t t = 0; t < 36000; t += 40) {
            draw(px, t < 6000 ? block_at(t) : 20, 1.0f, &seed);
            motion_feed(m, px, W, H, W, t, &s);
            if (t == 6000)
                range = s.hi - s.lo, at_rest = s.pos;
        }
        float after = s.hi - s.lo;
        if (never) {
            CHECK(after < 0.2f * range, "without pauses 30 s of stillness empties the range "
                  "(%.2f of %.2f)", (double)after, (double)range);
        } else {
            CHECK(after > 0.8f * range, "a pause keeps the range (%.2f of %.2f)", (double)after,
                  (double)range);
            CHECK(fabsf(s.pos - at_rest) < 0.1f * range,
                  "a pause keeps the rest pose where it was (%.2f, %.2f)", (double)s.pos,
                  (double)at_rest);
        }
        free(px);
        motion_destroy(m);
    }
}

/* A set-up: the block jumps from 20 to 110 at 1 s and then moves 110-118 and
 * back every 2 s (small reps at the new pose). */
static int setup_then_reps(int64_t t)
{
    if (t < 1000)
        return 20;
    double ph = fmod((double)t / 2000.0, 1.0);
    return 110 + (int)(8.0 * (ph < 0.5 ? ph * 2.0 : (1.0 - ph) * 2.0));
}

static void test_forget(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 4;
    motion_sample s, f;
    int64_t t = 0;
    for (; t <= 6000; t += 40) {
        draw(px, setup_then_reps(t), 1.0f, &seed);
        motion_feed(m, px, W, H, W, t, &s);
    }
    float before = s.hi - s.lo;
    motion_forget(m, 100000, &f);
    CHECK(fabsf((f.hi - f.lo) - before) < 0.01f * before,
          "forgetting less than the window holds changes nothing (%.2f vs %.2f)",
          (double)(f.hi - f.lo), (double)before);
    motion_forget(m, 2000, &f);
    CHECK(f.ready, "still ready after forgetting all but 2 s");
    CHECK(f.lo_ms >= t - 2100 && f.hi_ms >= t - 2100, "the extremes are from the last 2 s (%lld, %lld)",
          (long long)f.lo_ms, (long long)f.hi_ms);
    CHECK(f.hi - f.lo < 0.5f * before, "the set-up no longer sets the range (%.2f, was %.2f)",
          (double)(f.hi - f.lo), (double)before);
    /* the ring goes on after it, round more than once, and forgets again */
    for (int round = 0; round < 3; round++) {
        for (int64_t end = t + 15000; t <= end; t += 40) {
            draw(px, setup_then_reps(t), 1.0f, &seed);
            motion_feed(m, px, W, H, W, t, &s);
        }
        CHECK(s.hi - s.lo > 2.0f && s.hi - s.lo < 0.5f * before,
              "round %d: the range is the reps' (%.2f)", round, (double)(s.hi - s.lo));
        motion_forget(m, 1000 + 1000 * round, &f);
        CHECK(f.ready && f.lo_ms >= t - 1100 - 1000 * round,
              "round %d: forgets again (extreme at %lld, now %lld)", round, (long long)f.lo_ms,
              (long long)t);
    }
    free(px);
    motion_destroy(m);
}

/* A room lit from one side, w x h: one half of the picture bright, the other
 * dark (top and bottom, or left and right), with a block a fifth of the width
 * wide at bx (a fraction of the width) in the top band, plus a little noise
 * when seed is given. 300 bright rows overflow a 16-bit sum. */
static void draw_lit(uint8_t *px, int w, int h, bool sideways, float bx, unsigned *seed)
{
    for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++) {
            bool lit = sideways ? c < w / 2 : r < h / 2;
            int v = lit ? 250 : 50;
            if (c >= (int)(bx * (float)w) && c < (int)((bx + 0.2f) * (float)w) && r >= h / 10 &&
                r < h / 3)
                v = 120;
            if (seed) {
                *seed = *seed * 1103515245u + 12345u;
                v += (int)((*seed >> 16) % 3) - 1;
            }
            px[(size_t)r * (size_t)w + (size_t)c] = (uint8_t)(v > 255 ? 255 : v);
        }
}

/* A clip that opens on near-black frames (a codec's noise, not a picture: the
 * gain blows it up), cuts to the room, moves, then cuts to the room lit from
 * the side. */
static void test_cut(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 5;
    motion_sample s;
    int cuts = 0;
    int64_t t = 0;
    for (; t < 400; t += 40) {
        for (int i = 0; i < W * H; i++) {
            seed = seed * 1103515245u + 12345u;
            px[i] = (uint8_t)((seed >> 16) % 3);
        }
        motion_feed(m, px, W, H, W, t, &s);
        cuts += s.cut;
    }
    CHECK(cuts == 0, "black frames are not cuts of each other (%d)", cuts);
    draw_lit(px, W, H, false, (float)block_at(t) / W, &seed);
    motion_feed(m, px, W, H, W, t, &s);
    CHECK(s.cut && !s.ready, "a black lead-in's end is a cut (cut %d, ready %d)", s.cut, s.ready);
    for (t += 40; t < 8000; t += 40) {
        draw_lit(px, W, H, false, (float)block_at(t) / W, &seed);
        motion_feed(m, px, W, H, W, t, &s);
        cuts += s.cut;
    }
    CHECK(cuts == 0 && s.ready && s.hi - s.lo > 10.0f,
          "after the cut the room's movement is measured alone (cuts %d, range %.2f)", cuts,
          (double)(s.hi - s.lo));
    draw_lit(px, W, H, true, 20.0f / W, &seed);
    motion_feed(m, px, W, H, W, t, &s);
    CHECK(s.cut && !s.ready, "a cut to the room lit from the side (cut %d, ready %d)", s.cut,
          s.ready);
    for (t += 40; t < 10000; t += 40) {
        draw_lit(px, W, H, true, 20.0f / W, &seed);
        motion_feed(m, px, W, H, W, t, &s);
        cuts += s.cut;
    }
    CHECK(cuts == 0 && s.ready && s.hi - s.lo < 1.0f,
          "the still room after it has no range: the window holds nothing from before (%.2f)",
          (double)(s.hi - s.lo));
    free(px);
    motion_destroy(m);
}

/* The signal does not depend on the frame's size: the same scene at 600x600
 * and at 2400x2400 (four cells across, each 600 pixels: a band's rows are
 * added up in more than one go) gives the same range. */
static void test_frame_size(void)
{
    motion_config cfg = motion_default_config();
    cfg.grid = 4;
    const int sizes[2] = { 600, 2400 };
    float range[2];
    uint8_t *px = malloc((size_t)2400 * 2400);
    for (int i = 0; i < 2; i++) {
        motion *m = motion_create(&cfg);
        motion_sample s;
        for (int64_t t = 0; t < 4000; t += 100) {
            draw_lit(px, sizes[i], sizes[i], false, (float)(block_at(t) - 20) / 160.0f, NULL);
            motion_feed(m, px, sizes[i], sizes[i], sizes[i], t, &s);
        }
        range[i] = s.hi - s.lo;
        motion_destroy(m);
    }
    CHECK(range[0] > 5.0f && fabsf(range[1] - range[0]) < 0.02f * range[0],
          "the same scene at 600 and 2400 pixels gives the same range (%.2f, %.2f)",
          (double)range[0], (double)range[1]);
    free(px);
}

static void test_bad_frames_and_size_change(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = calloc(W * H, 1);
    motion_sample s;
    CHECK(!motion_feed(m, NULL, W, H, W, 0, &s), "NULL frame refused");
    CHECK(!motion_feed(m, px, MOTION_MAX_DIM + 1, 1, MOTION_MAX_DIM + 1, 0, &s), "oversized refused");
    CHECK(!motion_feed(m, px, W, H, W - 1, 0, &s), "stride shorter than a row refused");
    for (int64_t t = 0; t < 2000; t += 40)
        motion_feed(m, px, W, H, W, t, &s);
    CHECK(s.ready, "ready after 2 s");
    CHECK(motion_feed(m, px, W / 2, H / 2, W / 2, 2040, &s), "a smaller frame is accepted");
    CHECK(!s.ready && s.cut, "a size change starts afresh, as a cut (ready %d, cut %d)", s.ready,
          s.cut);
    CHECK(motion_feed(m, px, 3, 2, 3, 2080, &s), "a tiny frame is accepted");
    free(px);
    motion_destroy(m);
    motion_destroy(NULL);
}

/* A marked pose keeps its place: the block at rest is marked, goes up and is
 * held there for 6 s, so the window's mean moves toward the top; back at rest,
 * the frame is where the mark says, not where the number taken when it was
 * marked says. Marking at a position takes the window's sample nearest it. */
static void test_mark(void)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 9;
    motion_sample s = { 0 };
    float marked = 0.0f, range = 0.0f;
    for (int64_t t = 0; t <= 11000; t += 40) {
        int x = t <= 3000 ? block_at(t) : t < 4500 ? 20 + (int)(60 * (t - 3000) / 1500) : t < 10000 ? 80 : 20;
        draw(px, x, 1.0f, &seed);
        motion_feed(m, px, W, H, W, t, &s);
        if (t == 3000) {
            marked = motion_mark(m, false, 0.0f);
            range = s.hi - s.lo;
            CHECK(fabsf(marked - s.pos) < 0.05f * range, "the frame now is marked (%.2f vs %.2f)",
                  (double)marked, (double)s.pos);
        }
        if (t == 9000)
            CHECK(s.pos - s.ref_pos > 0.5f * range, "held at the top, far from the mark (%.2f vs %.2f)",
                  (double)s.pos, (double)s.ref_pos);
    }
    CHECK(range > 10.0f, "the block moved (range %.2f)", (double)range);
    CHECK(fabsf(s.pos - s.ref_pos) < 0.05f * range, "back at rest, the frame is at the mark (%.2f vs %.2f)",
          (double)s.pos, (double)s.ref_pos);
    CHECK(fabsf(s.pos - marked) > 2.0f * fabsf(s.pos - s.ref_pos),
          "the number taken at the mark has moved with the window (%.2f vs %.2f, mark %.2f)",
          (double)s.pos, (double)marked, (double)s.ref_pos);
    float top = motion_mark(m, true, s.hi);
    CHECK(fabsf(top - s.hi) < 0.1f * range, "a mark at the high end is a sample there (%.2f vs %.2f)",
          (double)top, (double)s.hi);
    free(px);
    motion_destroy(m);
}

/* A block in the middle of the frame, level v, its top edge at row y. */
static void draw_at_row(uint8_t *px, int y, float v, unsigned *seed)
{
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) {
            float p = 60.0f + (float)((r * 7 + c * 3) % 40);
            if (c >= 65 && c < 95 && r >= y && r < y + 30)
                p = v;
            *seed = *seed * 1103515245u + 12345u;
            p += (float)((*seed >> 16) % 3) - 1.0f;
            px[r * W + c] = (uint8_t)(p < 0 ? 0 : p > 255 ? 255 : p);
        }
}

/* motion_rise, told by where the top of the movement lies along the
 * direction: the block goes from row from to row to and back every 3 s. */
static float rise_toward(int from, int to, float v)
{
    motion *m = motion_create(NULL);
    uint8_t *px = malloc(W * H);
    unsigned seed = 11;
    motion_sample s = { 0 }, at_to = { 0 };
    for (int64_t t = 0; t <= 7500; t += 40) {
        double ph = fmod((double)t / 3000.0, 1.0);
        double out = ph < 0.5 ? ph * 2.0 : (1.0 - ph) * 2.0;
        draw_at_row(px, from + (int)((to - from) * out), v, &seed);
        motion_feed(m, px, W, H, W, t, &s);
        if (t == 7500)
            at_to = s; /* the block is at row to */
    }
    /* the way toward row to is toward the end where the block is now */
    float rise = motion_rise(m);
    bool to_is_hi = at_to.pos > 0.5f * (s.lo + s.hi);
    free(px);
    motion_destroy(m);
    return to_is_hi ? rise : -rise;
}

/* Which way up the frame the picture moves along the direction: up for a
 * block rising, down for one sinking, whether it is brighter or darker than
 * what it covers (motion_rise: the optical-flow constraint, whose sign does
 * not depend on the contrast). */
static void test_rise(void)
{
    float up = rise_toward(80, 30, 180.0f), down = rise_toward(30, 80, 180.0f);
    float dark_up = rise_toward(80, 30, 10.0f);
    CHECK(up > 0.2f, "a bright block rising rises (%.2f)", (double)up);
    CHECK(down < -0.2f, "a bright block sinking sinks (%.2f)", (double)down);
    CHECK(dark_up > 0.2f, "a dark block rising rises (%.2f)", (double)dark_up);
}

int main(void)
{
    test_rise();
    test_mark();
    test_history();
    test_pause();
    test_still_scene();
    test_moving_block();
    test_forget();
    test_cut();
    test_frame_size();
    test_bad_frames_and_size_change();
    return check_done();
}
