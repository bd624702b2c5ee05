/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * synth_raster: the pixels of a synth frame (see synth.h, synth_priv.h).
 *
 * Background. A dim wall with a vertical gradient, the mat, the floor, written
 * row by row in integers. A furnished room adds a door, a cabinet, a picture and
 * a skirting board, laid out from the seed: real rooms have edges, and edges are
 * what make a bumped camera visible. The camera shift moves all of it.
 *
 * Capsules. Each is blended over its own bounding box with coverage =
 * clamp((r - distance) / soft + 0.5, 0, 1): with soft = 1 anti-aliased edges
 * that make sub-pixel motion change pixel values smoothly, wider for something
 * out of focus (a person passing close in front of the camera). The taper uses the radius at the
 * nearest point of the segment, a slight approximation for strongly tapered
 * capsules and invisible here. Each row is visited only over the columns the
 * segment can reach, and the pixel loop is branch-free so it vectorises.
 *
 * Light and noise, one integer pass over the frame. The scene is multiplied by
 * the exposure gain times the mains flicker 1 + a sin(phase + row * per_row),
 * the row term being a rolling shutter's bands, in 1.7 fixed point per row (so
 * gains stop just short of 2).
 * Sensor noise is approximately Gaussian: a table of 4096 + width samples in
 * levels (the sum of four hash bytes, centred and scaled: Irwin-Hall, good to
 * about 3 sigma) built from the seed, read along each row from a start that a
 * hash of (seed, t_ms, row) picks, so every pixel of a row gets a different
 * sample and the pattern changes every frame. Rows of one frame may reuse
 * stretches of the table at other places; nothing that sums noise over cells
 * can tell. It is deterministic, and the row loop is a multiply, an add and a
 * clamp the compiler vectorises: that is what lets the corpus render quickly.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "synth_priv.h"

#define NOISE_TAB 4096    /* a power of two */
#define SYNTH_MAX_DIM 4096 /* widest frame that gets light and noise */

uint32_t synth_hash32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- background --------------------------------------------------------- */

typedef struct rect {
    int x0, y0, x1, y1; /* world pixels, half-open */
    uint8_t luma;
} rect;

#define MAX_RECTS 8

/* A uniform number in [lo, hi) from the seed and a salt. */
static float pick(uint32_t seed, uint32_t salt, float lo, float hi)
{
    uint32_t r = synth_hash32(seed * 0x9e3779b9U + salt * 0x85ebca6bU + 0x1234567U);
    return lo + (hi - lo) * (float)(r >> 8) / 16777216.0f;
}

/* The furniture of a furnished room, back to front. */
static int room_layout(const synth_params *p, int floor_y, rect *r)
{
    float w = (float)p->width, h = (float)p->height;
    uint32_t s = p->seed;
    int n = 0;
    float dx = pick(s, 1, 0.03f, 0.8f) * w, dw = pick(s, 2, 0.11f, 0.17f) * w;
    int dtop = (int)(floor_y - pick(s, 3, 0.5f, 0.7f) * h);
    uint8_t dl = (uint8_t)pick(s, 4, 50, 80);
    r[n++] = (rect){ (int)dx - 2, dtop - 2, (int)(dx + dw) + 2, floor_y, (uint8_t)(dl + 18) };
    r[n++] = (rect){ (int)dx, dtop, (int)(dx + dw), floor_y, dl };
    float px = pick(s, 5, 0.05f, 0.85f) * w, pw = pick(s, 6, 0.08f, 0.14f) * w;
    float py = pick(s, 7, 0.08f, 0.3f) * h, ph = pick(s, 8, 0.08f, 0.14f) * h;
    r[n++] = (rect){ (int)px, (int)py, (int)(px + pw), (int)(py + ph), 16 };
    r[n++] = (rect){ (int)px + 2, (int)py + 2, (int)(px + pw) - 2, (int)(py + ph) - 2,
                     (uint8_t)pick(s, 9, 60, 120) };
    float cx = pick(s, 10, 0.0f, 0.75f) * w, cw = pick(s, 11, 0.18f, 0.3f) * w;
    int ctop = (int)(floor_y - pick(s, 12, 0.12f, 0.25f) * h);
    r[n++] = (rect){ (int)cx, ctop, (int)(cx + cw), floor_y, (uint8_t)pick(s, 13, 14, 60) };
    int sk = floor_y - 2 - p->height / 80;
    r[n++] = (rect){ 0, sk, p->width, sk + 2 + p->height / 160, 50 };
    return n;
}

/* One row of the wall, mat and floor at world row yw, shifted right by dx. */
static void background_row(const synth_params *p, synth_mat mat, int yw, int dx,
                           const rect *r, int nr, uint8_t *row)
{
    int w = p->width, h = p->height;
    int mat_bot = mat.top + (h + 19) / 20 + 1;
    int y = clampi(yw, 0, h - 1);
    uint8_t wall = (uint8_t)(38 - (14 * y) / (h > 1 ? h : 1));
    if (yw < mat.top) {
        memset(row, wall, (size_t)w);
        for (int i = 0; i < nr; i++) {
            if (yw < r[i].y0 || yw >= r[i].y1)
                continue;
            int a = clampi(r[i].x0 + dx, 0, w), b = clampi(r[i].x1 + dx, 0, w);
            if (b > a)
                memset(row + a, r[i].luma, (size_t)(b - a));
        }
        return;
    }
    int fy = yw - mat.top, fh = h - mat.top + 1;
    uint8_t floor_v = (uint8_t)clampi(30 + (8 * fy) / (fh > 1 ? fh : 1), 30, 40);
    memset(row, floor_v, (size_t)w);
    if (yw < mat_bot) {
        int a = clampi(mat.x0 + dx, 0, w), b = clampi(mat.x1 + dx, 0, w);
        if (b > a)
            memset(row + a, yw == mat.top ? 96 : 76, (size_t)(b - a));
    }
}

void synth_draw_background(const synth_params *p, synth_mat mat, int cam_dx, int cam_dy,
                           uint8_t *luma, int stride)
{
    rect r[MAX_RECTS];
    int nr = p->furnished ? room_layout(p, mat.top, r) : 0;
    for (int y = 0; y < p->height; y++)
        background_row(p, mat, y - cam_dy, cam_dx, r, nr, luma + (size_t)y * (size_t)stride);
}

/* ---- capsules ----------------------------------------------------------- */

/* The columns [*x0, *x1) of row py that can be within reach (rmax) of the
 * capsule's segment: the segment's points within rmax vertically, widened by
 * rmax. Exact enough to skip most of a slanted limb's bounding box. */
static void row_span(const synth_capsule *c, float py, float reach, int w, int *x0, int *x1)
{
    float dy = c->by - c->ay, t0 = 0.0f, t1 = 1.0f;
    if (fabsf(dy) > 1e-6f) {
        t0 = (py - reach - c->ay) / dy;
        t1 = (py + reach - c->ay) / dy;
        if (t0 > t1) {
            float t = t0;
            t0 = t1;
            t1 = t;
        }
        t0 = fmaxf(t0, 0.0f);
        t1 = fminf(t1, 1.0f);
    }
    float xa = c->ax + t0 * (c->bx - c->ax), xb = c->ax + t1 * (c->bx - c->ax);
    *x0 = clampi((int)floorf(fminf(xa, xb) - reach), 0, w);
    *x1 = t1 < t0 ? *x0 : clampi((int)ceilf(fmaxf(xa, xb) + reach), 0, w);
}

/* Blends columns [x0, x1) of one row. Branch-free (coverage clamps to 0 outside
 * and to 1 inside), so the compiler can vectorise it. */
static void capsule_span(const synth_capsule *c, float dx, float dy, float inv, float py,
                         int x0, int x1, uint8_t *row)
{
    float soft = c->soft, inv_soft = 1.0f / c->soft;
    for (int x = x0; x < x1; x++) {
        float px = (float)x + 0.5f;
        float t = fminf(fmaxf(((px - c->ax) * dx + (py - c->ay) * dy) * inv, 0.0f), 1.0f);
        float ex = px - (c->ax + t * dx), ey = py - (c->ay + t * dy);
        float r = c->ra + (c->rb - c->ra) * t;
        float cov = fminf(fmaxf((r + 0.5f * soft - sqrtf(ex * ex + ey * ey)) * inv_soft, 0.0f),
                          1.0f);
        float v = c->luma - c->shade * ey / fmaxf(r, 0.5f);
        float out = (float)row[x] + (v - (float)row[x]) * cov + 0.5f;
        row[x] = (uint8_t)(int)fminf(fmaxf(out, 0.0f), 255.0f);
    }
}

static void draw_capsule(const synth_capsule *c, int w, int h, uint8_t *luma, int stride)
{
    float rmax = fmaxf(c->ra, c->rb) + 0.5f * c->soft + 0.5f;
    int y0 = clampi((int)floorf(fminf(c->ay, c->by) - rmax), 0, h);
    int y1 = clampi((int)ceilf(fmaxf(c->ay, c->by) + rmax), 0, h);
    float dx = c->bx - c->ax, dy = c->by - c->ay;
    float len2 = dx * dx + dy * dy;
    float inv = len2 > 1e-6f ? 1.0f / len2 : 0.0f;
    for (int y = y0; y < y1; y++) {
        uint8_t *row = luma + (size_t)y * (size_t)stride;
        float py = (float)y + 0.5f;
        int x0, x1;
        row_span(c, py, rmax, w, &x0, &x1);
        capsule_span(c, dx, dy, inv, py, x0, x1, row);
    }
}

void synth_draw_figure(const synth_figure *f, int w, int h, uint8_t *luma, int stride)
{
    for (int i = 0; i < f->n; i++)
        draw_capsule(&f->c[i], w, h, luma, stride);
}

/* ---- light and noise ---------------------------------------------------- */

/* Noise samples in levels for one frame: NOISE_TAB + width of them, each the
 * sum of four hash bytes, centred and scaled to sd levels. */
static void noise_table(uint32_t seed, float sd, int width, int8_t *tab)
{
    uint32_t base = synth_hash32(seed ^ 0x5bd1e995U);
    int k = (int)(sd * 65536.0f / 147.8f + 0.5f); /* 147.8: sd of the sum */
    for (int i = 0; i < NOISE_TAB + width; i++) {
        uint32_t r = synth_hash32(base + (uint32_t)i * 0x9e3779b9U);
        int sum = (int)(r & 255) + (int)((r >> 8) & 255) + (int)((r >> 16) & 255) +
                  (int)(r >> 24) - 510;
        tab[i] = (int8_t)clampi((sum * k + 32768) >> 16, -127, 127);
    }
}

/* Row gain in 1.7 fixed point, at most 255 (a gain just under 2). */
static int row_gain(const synth_frame *fr, int y)
{
    float g = fr->gain > 0.0f ? fr->gain : 1.0f;
    if (fr->flicker != 0.0f)
        g *= 1.0f + fr->flicker * sinf(fr->flicker_phase + fr->flicker_per_row * (float)y);
    return clampi((int)(g * 128.0f + 0.5f), 0, 255);
}

/* One row: v * g (1.7) + noise, clamped; 16-bit arithmetic, written so the
 * compiler can vectorise it. */
static void light_row(uint8_t *row, int w, int g, const int8_t *nz)
{
    uint16_t g16 = (uint16_t)g;
    if (g16 == 128) {
        for (int x = 0; x < w; x++) {
            int16_t v = (int16_t)(row[x] + nz[x]);
            row[x] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
        return;
    }
    for (int x = 0; x < w; x++) {
        uint16_t lit = (uint16_t)((uint16_t)(row[x] * g16 + 64) >> 7);
        int16_t v = (int16_t)(lit + nz[x]);
        row[x] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
    }
}

void synth_draw_light_and_noise(const synth_params *p, const synth_frame *fr, int64_t t_ms,
                                uint8_t *luma, int stride)
{
    bool lit = (fr->gain > 0.0f && fr->gain != 1.0f) || fr->flicker != 0.0f;
    bool noisy = p->noise > 0.0f;
    if ((!lit && !noisy) || p->width > SYNTH_MAX_DIM)
        return;
    int8_t tab[NOISE_TAB + SYNTH_MAX_DIM];
    if (noisy)
        noise_table(p->seed, p->noise, p->width, tab);
    else
        memset(tab, 0, (size_t)p->width);
    uint32_t base = synth_hash32(p->seed ^
                                 synth_hash32((uint32_t)t_ms ^ synth_hash32((uint32_t)(t_ms >> 32))));
    for (int y = 0; y < p->height; y++) {
        uint32_t h = noisy ? synth_hash32(base + (uint32_t)y * 0x9e3779b9U) & (NOISE_TAB - 1) : 0;
        light_row(luma + (size_t)y * (size_t)stride, p->width, row_gain(fr, y), tab + h);
    }
}
