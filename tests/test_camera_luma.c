/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_camera_luma: the luma the libcamera backend takes out of a frame
 * buffer, for each layout a camera may give: planar YUV420/NV12 rows with
 * padding past the picture, and packed YUYV and UYVY (a USB webcam's), whose
 * chroma bytes must never reach the picture. Buffers are hand-built, so no
 * camera is needed.
 */
#include "camera_luma.h"

#include <string.h>

#include "check.h"

enum { W = 5, H = 3, STRIDE = 16 };

static void test_names(void)
{
    static const struct {
        const char *name;
        bool known;
        camera_luma_layout layout;
    } cases[] = {
        { "YUV420", true, CAMERA_LUMA_PLANAR }, { "NV12", true, CAMERA_LUMA_PLANAR },
        { "YUYV", true, CAMERA_LUMA_Y0 },       { "YVYU", true, CAMERA_LUMA_Y0 },
        { "UYVY", true, CAMERA_LUMA_Y1 },       { "VYUY", true, CAMERA_LUMA_Y1 },
        { "MJPEG", false, 0 },                  { "RGB888", false, 0 },
        { "SRGGB10_CSI2P", false, 0 },          { "", false, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        camera_luma_layout got = CAMERA_LUMA_PLANAR;
        bool known = camera_luma_layout_of(cases[i].name, &got);
        CHECK(known == cases[i].known, "'%s' known: %d", cases[i].name, known);
        CHECK(!known || got == cases[i].layout, "'%s' layout %d", cases[i].name, (int)got);
    }
    CHECK_EQ_INT(camera_luma_row_bytes(CAMERA_LUMA_PLANAR, 640), 640, "planar row");
    CHECK_EQ_INT(camera_luma_row_bytes(CAMERA_LUMA_Y0, 640), 1280, "packed row");
}

/* A W x H picture whose luma at (x, y) is 10 * y + x + 1, laid out as asked,
 * every other byte (chroma, padding) 0xEE. */
static void build(uint8_t *buf, camera_luma_layout layout)
{
    memset(buf, 0xEE, STRIDE * H);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int at = layout == CAMERA_LUMA_PLANAR ? x : 2 * x + (layout == CAMERA_LUMA_Y1);
            buf[y * STRIDE + at] = (uint8_t)(10 * y + x + 1);
        }
}

static void test_copy(camera_luma_layout layout, const char *what)
{
    uint8_t buf[STRIDE * H], out[W * H + 1];
    build(buf, layout);
    out[W * H] = 0x5A; /* the byte past the picture stays as it was */
    camera_luma_copy(out, buf, W, H, STRIDE, layout);
    int wrong = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            wrong += out[y * W + x] != 10 * y + x + 1;
    CHECK(wrong == 0, "%s: %d luma samples wrong (chroma or padding taken for luma)", what,
          wrong);
    CHECK(out[W * H] == 0x5A, "%s: wrote past the picture", what);
}

int main(void)
{
    test_names();
    test_copy(CAMERA_LUMA_PLANAR, "YUV420/NV12");
    test_copy(CAMERA_LUMA_Y0, "YUYV");
    test_copy(CAMERA_LUMA_Y1, "UYVY");
    return check_done();
}
