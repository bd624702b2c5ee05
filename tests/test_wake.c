/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests for wake: a still room with sensor noise, an exposure step, a light
 * switched on and a one-frame flash do not wake the station; a person walking
 * into the picture does, within a few frames; odd input is refused safely.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "wake.h"

#define W 160
#define H 120

static unsigned rng = 12345;

static int noise(int amp)
{
    rng = rng * 1103515245u + 12345u;
    return (int)((rng >> 16) % (unsigned)(2 * amp + 1)) - amp;
}

/* A room: a gradient with a darker sofa, times gain, plus noise; and a
 * person-sized bright block at x (none when x < 0). */
static void room(uint8_t *img, float gain, int person_x)
{
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            int v = 60 + x / 4 + y / 3 - (y > 70 && x > 30 && x < 110 ? 25 : 0);
            if (person_x >= 0 && x >= person_x && x < person_x + 24 && y > 20 && y < 110)
                v = 200;
            v = (int)((float)v * gain) + noise(3);
            img[y * W + x] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
}

static int feed_frames(wake_watch *w, uint8_t *img, int n, float gain, int person_x, int step)
{
    int woke_at = -1;
    for (int i = 0; i < n && woke_at < 0; i++) {
        room(img, gain, person_x >= 0 ? person_x + i * step : -1);
        if (wake_feed(w, img, W, H, W))
            woke_at = i;
    }
    return woke_at;
}

int main(void)
{
    uint8_t *img = malloc(W * H);
    wake_watch w;

    wake_init(&w);
    CHECK_EQ_INT(feed_frames(&w, img, 200, 1.0f, -1, 0), -1, "a still room never wakes it");
    CHECK(wake_changed_cells(&w) < WAKE_MIN_CELLS, "noise changes %d cells",
          wake_changed_cells(&w));

    wake_init(&w);
    feed_frames(&w, img, 5, 1.0f, -1, 0);
    CHECK_EQ_INT(feed_frames(&w, img, 10, 1.4f, -1, 0), -1, "an exposure step does not");

    /* A light on in one part of the room, for good: one change, then still. */
    wake_init(&w);
    feed_frames(&w, img, 5, 1.0f, -1, 0);
    int woke = -1;
    for (int i = 0; i < 10 && woke < 0; i++) {
        room(img, 1.0f, -1);
        for (int y = 0; y < H / 2; y++)
            memset(img + y * W, 230, W / 2);
        woke = wake_feed(&w, img, W, H, W) ? i : -1;
    }
    CHECK_EQ_INT(woke, -1, "a light switched on for good does not");

    /* One frame with a bright block, then the room again. */
    wake_init(&w);
    feed_frames(&w, img, 5, 1.0f, -1, 0);
    room(img, 1.0f, 60);
    CHECK(!wake_feed(&w, img, W, H, W), "the flash frame alone");
    CHECK_EQ_INT(feed_frames(&w, img, 10, 1.0f, -1, 0), -1, "a one-frame flash does not");

    /* Someone walks in from the left, 12 px (a tenth of the picture) a frame. */
    wake_init(&w);
    feed_frames(&w, img, 5, 1.0f, -1, 0);
    woke = feed_frames(&w, img, 10, 1.0f, 0, 12);
    CHECK(woke >= 0 && woke <= 3, "a person walking in wakes it within 4 frames: frame %d",
          woke);
    CHECK(wake_changed_cells(&w) >= WAKE_MIN_CELLS, "and the cells changed say so: %d",
          wake_changed_cells(&w));
    CHECK_EQ_INT(feed_frames(&w, img, 1, 1.0f, 120, 0), -1, "after waking it starts afresh");

    /* A new frame size starts afresh; odd input is refused. */
    CHECK(!wake_feed(&w, img, W / 2, H / 2, W), "a new size is a first frame");
    CHECK(!wake_feed(&w, NULL, W, H, W), "no pixels");
    CHECK(!wake_feed(&w, img, 8, 8, 8), "smaller than the grid");
    CHECK(!wake_feed(&w, img, W, H, W - 1), "a stride shorter than the width");
    memset(img, 0, W * H);
    CHECK(!wake_feed(&w, img, W, H, W) && !wake_feed(&w, img, W, H, W), "black frames");
    free(img);
    return check_done();
}
