/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stretch: percentiles from a histogram of every other pixel of every other
 * row, then a straight line through them (stretch.h).
 */
#include "stretch.h"

#include <stddef.h>

/* The level below which `frac` of the counted pixels lie. */
static int percentile(const uint32_t hist[256], uint32_t total, double frac)
{
    uint32_t want = (uint32_t)((double)total * frac), seen = 0;
    for (int v = 0; v < 256; v++) {
        seen += hist[v];
        if (seen > want)
            return v;
    }
    return 255;
}

void stretch_lut(const uint8_t *luma, int width, int height, int stride, uint8_t top,
                 uint8_t lut[256])
{
    int lo = 0, hi = 255;
    if (luma && width > 0 && height > 0 && stride >= width) {
        uint32_t hist[256] = { 0 }, total = 0;
        for (int y = 0; y < height; y += 2)
            for (int x = 0; x < width; x += 2, total++)
                hist[luma[(size_t)y * (size_t)stride + (size_t)x]]++;
        lo = percentile(hist, total, 0.01);
        hi = percentile(hist, total, 0.99);
        if (hi - lo < STRETCH_MIN_RANGE) {
            int mid = (lo + hi) / 2;
            lo = mid - STRETCH_MIN_RANGE / 2;
            lo = lo < 0 ? 0 : lo > 255 - STRETCH_MIN_RANGE ? 255 - STRETCH_MIN_RANGE : lo;
            hi = lo + STRETCH_MIN_RANGE;
        }
    }
    for (int v = 0; v < 256; v++) {
        int s = v <= lo ? 0 : v >= hi ? top : (v - lo) * top / (hi - lo);
        lut[v] = (uint8_t)s;
    }
}
