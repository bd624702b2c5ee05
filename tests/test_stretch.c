/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_stretch: the live view's contrast stretch. A dim room with a slightly
 * brighter person (40 against 32, 1.25:1) comes out spread over the whole
 * scale, the person well apart from the room; a few bright specks do not set
 * the range; a flat grey picture is not blown up; no frame gives the plain
 * scale; the table never goes down.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "stretch.h"

#define W 64
#define H 48

static uint8_t px[W * H];
static uint8_t lut[256];

static void monotonic(const char *what)
{
    for (int v = 1; v < 256; v++)
        if (lut[v] < lut[v - 1]) {
            CHECK(0, "%s: lut goes down at %d", what, v);
            return;
        }
    CHECK(1, "%s", what);
}

int main(void)
{
    /* A dim room (16..32) with a person (40) across the lower middle. */
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            px[y * W + x] = (uint8_t)(y > 28 && y < 36 && x > 10 && x < 54 ? 40 : 16 + (x + y) % 17);
    stretch_lut(px, W, H, W, 200, lut);
    CHECK(lut[40] >= 190, "the person is near the top (%d)", lut[40]);
    CHECK(lut[24] <= 110, "the room stays dark (%d)", lut[24]);
    CHECK(lut[40] - lut[32] >= 40, "person and the room's brightest part apart by 40+ (%d, %d)",
          lut[40], lut[32]);
    CHECK(lut[255] == 200 && lut[0] == 0, "ends 0 and top (%d, %d)", lut[0], lut[255]);
    monotonic("dim room");

    /* A few white specks (a lamp): under 1% of the picture, they do not set the range. */
    for (int i = 0; i < 10; i++)
        px[i * 7] = 255;
    stretch_lut(px, W, H, W, 200, lut);
    CHECK(lut[40] >= 190, "specks ignored: the person still near the top (%d)", lut[40]);

    /* A flat grey picture with noise (100..103): not blown up. */
    for (int i = 0; i < W * H; i++)
        px[i] = (uint8_t)(100 + i % 4);
    stretch_lut(px, W, H, W, 200, lut);
    CHECK(lut[103] - lut[100] <= 3 * 200 / STRETCH_MIN_RANGE + 1,
          "noise of 3 levels stays small (%d)", lut[103] - lut[100]);
    monotonic("flat picture");

    /* No frame: the plain scale. */
    stretch_lut(NULL, W, H, W, 200, lut);
    CHECK(lut[255] == 200 && lut[128] == 128 * 200 / 255, "plain scale (%d)", lut[128]);
    stretch_lut(px, W, H, W - 1, 200, lut);
    CHECK(lut[255] == 200 && lut[128] == 128 * 200 / 255, "bad stride: plain scale");
    monotonic("plain");
    return check_done();
}
