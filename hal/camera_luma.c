/* SPDX-License-Identifier: GPL-3.0-or-later */
/* camera_luma: luma from planar or packed 4:2:2 frame buffers (camera_luma.h). */
#include "camera_luma.h"

#include <string.h>

bool camera_luma_layout_of(const char *format, camera_luma_layout *out)
{
    static const struct {
        const char *name;
        camera_luma_layout layout;
    } known[] = {
        { "YUV420", CAMERA_LUMA_PLANAR }, { "NV12", CAMERA_LUMA_PLANAR },
        { "YUYV", CAMERA_LUMA_Y0 },       { "YVYU", CAMERA_LUMA_Y0 },
        { "UYVY", CAMERA_LUMA_Y1 },       { "VYUY", CAMERA_LUMA_Y1 },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (!strcmp(format, known[i].name)) {
            *out = known[i].layout;
            return true;
        }
    }
    return false;
}

int camera_luma_row_bytes(camera_luma_layout layout, int width)
{
    return layout == CAMERA_LUMA_PLANAR ? width : 2 * width;
}

void camera_luma_copy(uint8_t *dst, const uint8_t *src, int width, int height, int stride,
                      camera_luma_layout layout)
{
    for (int row = 0; row < height; row++) {
        const uint8_t *s = src + (size_t)row * (size_t)stride;
        uint8_t *d = dst + (size_t)row * (size_t)width;
        if (layout == CAMERA_LUMA_PLANAR) {
            memcpy(d, s, (size_t)width);
            continue;
        }
        s += layout == CAMERA_LUMA_Y1;
        for (int x = 0; x < width; x++)
            d[x] = s[2 * x];
    }
}
