/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_luma: the picture's luma out of a camera's frame buffer, whichever
 * way the camera lays it out. Planar YUV420 and NV12 (what the Raspberry Pi's
 * ISP gives) keep luma in rows of their own; packed 4:2:2 (YUYV and its byte
 * orders: what most USB webcams give, with MJPEG) interleave it with chroma,
 * every other byte. Pure, so the layouts are tested without a camera
 * (tests/test_camera_luma.c); camera_libcamera.cpp uses it.
 */
#ifndef RM_CAMERA_LUMA_H
#define RM_CAMERA_LUMA_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum camera_luma_layout {
    CAMERA_LUMA_PLANAR, /* YUV420, NV12: luma bytes in a row */
    CAMERA_LUMA_Y0,     /* YUYV, YVYU: luma at even bytes */
    CAMERA_LUMA_Y1,     /* UYVY, VYUY: luma at odd bytes */
} camera_luma_layout;

/* The layout of a libcamera/DRM fourcc name ("YUV420", "NV12", "YUYV", ...);
 * false for any other (MJPEG, RGB, Bayer). */
bool camera_luma_layout_of(const char *format, camera_luma_layout *out);

/* Bytes a row of width pixels takes at least in that layout. */
int camera_luma_row_bytes(camera_luma_layout layout, int width);

/* Copies height rows of width luma samples from src (rows stride bytes apart)
 * into dst (rows width apart). */
void camera_luma_copy(uint8_t *dst, const uint8_t *src, int width, int height, int stride,
                      camera_luma_layout layout);

#ifdef __cplusplus
}
#endif

#endif
