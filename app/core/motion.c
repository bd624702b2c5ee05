/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * motion: the grid, its window and its principal direction (the idea and its
 * caveats are at the top of motion.h). The per-pixel cost is the box average;
 * everything after it is O(cells), and the window's work (mean, power-iteration
 * steps, the range) runs once per sample_ms, not per frame.
 */
#include "motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "xmalloc.h"

#define MAX_CELLS (MOTION_MAX_GRID * MOTION_MAX_GRID)
#define MIN_CELL 8          /* smallest cell side, pixels: a mean of 32+ sampled pixels */
#define GAIN_LEVEL 128.0f   /* every frame is scaled to this mean luma */
#define MAX_GAIN 8.0f       /* ... but by no more than this: a frame darker than 16 levels
                               is no picture, and scaling it up would make noise a scene */
#define READY_SAMPLES 10    /* samples in the window before the signal means anything */
#define TURN_COS 0.9f       /* a new direction less alike than this to the last one has "turned" */
#define MAX_STEPS 8         /* power-iteration steps per sample at most (2 at least) */
#define SETTLED_COS 0.999f  /* a step that moved the direction less than this ends them */
#define TRIM 0.1f           /* the share of the window's samples left out at each end of the range */
#define STILL_SHARE 0.1f    /* a pause: the picture within this share of the range (motion.h) */
/* A cut: from one frame to the next, more than CUT_SHARE of the cells change by
 * more than CUT_LEVEL (a quarter of the mean luma). On the real corpus a person
 * moving changes at most 0.14 of the cells that much in one frame and a
 * hand-held camera 0.28; its edits (a title card, a black lead-in, a cut to
 * another take) change 0.50 to 1.0. */
#define CUT_LEVEL (GAIN_LEVEL / 4.0f)
#define CUT_SHARE 0.4f

struct motion {
    motion_config cfg;
    int width, height;          /* frame size the layout is for (0: none yet) */
    int cell, gw, gh, n, x0, y0; /* layout: cell side, grid size, cells, origin */
    float cur[MAX_CELLS];       /* this frame's grid, gain applied */
    float prev[MAX_CELLS];      /* the last frame's */
    uint16_t col[MOTION_MAX_DIM]; /* average(): grid_sums' scratch */
    float avg[MAX_CELLS];       /* running average of cur over smooth_ms */
    float mean[MAX_CELLS];      /* the window's mean */
    float dir[MAX_CELLS];       /* the window's principal direction, unit length */
    float ref[MAX_CELLS];       /* a pose marked by motion_mark */
    bool have_avg, have_dir, have_ref;
    float *win;                 /* window: cap rows of n floats, a ring */
    int64_t *win_ms;            /* when each row joined */
    float *proj;                /* each row's position along dir */
    int cap, count, head;       /* ring capacity, rows in it, next row to write */
    int64_t last_ms, next_sample_ms;
    float lo, hi, lambda;
    float shift;                /* how far the mean moved along dir at this sample */
    float rms;                  /* 1 / sqrt(cells): lengths to root mean square per cell */
    int64_t lo_ms, hi_ms;       /* when the window's lowest and highest positions were seen */
};

motion_config motion_default_config(void)
{
    return (motion_config){ .grid = 24, .smooth_ms = 100, .window_ms = 12000, .sample_ms = 100,
                            .pause_ms = 4000, .still_level = 0.6f };
}

motion *motion_create(const motion_config *cfg)
{
    motion *m = xcalloc(1, sizeof *m);
    m->cfg = cfg ? *cfg : motion_default_config();
    if (m->cfg.grid < 4)
        m->cfg.grid = 4;
    if (m->cfg.grid > MOTION_MAX_GRID)
        m->cfg.grid = MOTION_MAX_GRID;
    if (m->cfg.sample_ms < 1)
        m->cfg.sample_ms = 1;
    m->cap = (int)(m->cfg.window_ms / m->cfg.sample_ms);
    m->cap = m->cap < READY_SAMPLES ? READY_SAMPLES : m->cap > MOTION_MAX_SAMPLES ? MOTION_MAX_SAMPLES : m->cap;
    m->win = xmalloc((size_t)m->cap * MAX_CELLS * sizeof *m->win);
    m->win_ms = xmalloc((size_t)m->cap * sizeof *m->win_ms);
    m->proj = xmalloc((size_t)m->cap * sizeof *m->proj);
    motion_reset(m);
    return m;
}

void motion_destroy(motion *m)
{
    if (!m)
        return;
    free(m->win);
    free(m->win_ms);
    free(m->proj);
    free(m);
}

/* Empties the window and forgets the running average and the direction; the
 * layout stays. */
static void empty_window(motion *m)
{
    m->have_avg = m->have_dir = m->have_ref = false;
    m->count = m->head = 0;
    m->lo = m->hi = m->lambda = 0.0f;
    m->lo_ms = m->hi_ms = 0;
}

void motion_reset(motion *m)
{
    empty_window(m);
    m->width = m->height = 0;
    m->last_ms = INT64_MIN;
}

/* Cells of at least MIN_CELL pixels, cfg.grid of them along the longer side,
 * centred in the frame. */
static void layout(motion *m, int width, int height)
{
    int longer = width > height ? width : height;
    int cell = (longer + m->cfg.grid - 1) / m->cfg.grid;
    m->cell = cell < MIN_CELL ? MIN_CELL : cell;
    m->gw = width / m->cell;
    m->gh = height / m->cell;
    if (m->gw < 1 || m->gh < 1) { /* a frame thinner than a cell: one cell across it */
        m->cell = width < height ? width : height;
        m->gw = width / m->cell;
        m->gh = height / m->cell;
    }
    if (m->gw > MOTION_MAX_GRID)
        m->gw = MOTION_MAX_GRID;
    if (m->gh > MOTION_MAX_GRID)
        m->gh = MOTION_MAX_GRID;
    m->n = m->gw * m->gh;
    m->rms = 1.0f / sqrtf((float)m->n);
    m->x0 = (width - m->gw * m->cell) / 2;
    m->y0 = (height - m->gh * m->cell) / 2;
    m->width = width;
    m->height = height;
}

/* Box average of every cell into m->cur from every other row (grid.h), then
 * the gain: every frame scaled to the same mean, so exposure steps and drift
 * vanish, except that a nearly black frame is lifted by MAX_GAIN at most. */
static void average(motion *m, const uint8_t *luma, int stride)
{
    int cell = m->cell, step = cell >= MIN_CELL ? 2 : 1;
    grid_layout g = { .cell = cell, .gw = m->gw, .gh = m->gh, .x0 = m->x0, .y0 = m->y0 };
    grid_sums(&g, luma, stride, step, m->col, m->cur);
    float total = 0.0f;
    for (int i = 0; i < m->n; i++)
        total += m->cur[i];
    float per_cell = (float)((cell + step - 1) / step) * (float)cell; /* pixels summed in a cell */
    bool dark = total * MAX_GAIN < GAIN_LEVEL * per_cell * (float)m->n;
    float gain = dark ? MAX_GAIN / per_cell : GAIN_LEVEL * (float)m->n / total;
    for (int i = 0; i < m->n; i++)
        m->cur[i] *= gain;
}

/* Whether this frame is another scene than the last one (a cut, the camera
 * knocked, the light switched): see CUT_LEVEL. */
static bool is_cut(const motion *m)
{
    int changed = 0;
    for (int i = 0; i < m->n; i++)
        changed += fabsf(m->cur[i] - m->prev[i]) > CUT_LEVEL;
    return (float)changed > CUT_SHARE * (float)m->n;
}

/* a . b, in eight running sums (lanes the compiler can keep in vector
 * registers: one sum would have to be added in order, one at a time). */
static float dot(const float *a, const float *b, int n)
{
    float lane[8] = { 0 };
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int j = 0; j < 8; j++)
            lane[j] += a[i + j] * b[i + j];
    float s = 0.0f;
    for (; i < n; i++)
        s += a[i] * b[i];
    for (int j = 0; j < 8; j++)
        s += lane[j];
    return s;
}

static float *row(const motion *m, int k)
{
    return m->win + (size_t)k * MAX_CELLS;
}

/* One power-iteration step of the window's covariance on dir: w = sum over rows
 * of (x - mean) ((x - mean) . dir), computed as sum of p x minus (sum of p)
 * mean with p = x . dir - mean . dir, two passes over a row instead of three.
 * Returns |w| (0: nothing moves). */
static float power_step(motion *m, float *w)
{
    memset(w, 0, (size_t)m->n * sizeof *w);
    float md = dot(m->mean, m->dir, m->n), psum = 0.0f;
    for (int k = 0; k < m->count; k++) {
        const float *x = row(m, k);
        float p = dot(x, m->dir, m->n) - md;
        psum += p;
        for (int i = 0; i < m->n; i++)
            w[i] += p * x[i];
    }
    for (int i = 0; i < m->n; i++)
        w[i] -= psum * m->mean[i];
    return sqrtf(dot(w, w, m->n));
}

/* The direction starts as the row farthest from the mean. */
static void seed_direction(motion *m)
{
    float best = -1.0f;
    for (int k = 0; k < m->count; k++) {
        const float *x = row(m, k);
        float d2 = 0.0f;
        for (int i = 0; i < m->n; i++)
            d2 += (x[i] - m->mean[i]) * (x[i] - m->mean[i]);
        if (d2 > best) {
            best = d2;
            for (int i = 0; i < m->n; i++)
                m->dir[i] = x[i] - m->mean[i];
        }
    }
    float len = sqrtf(dot(m->dir, m->dir, m->n));
    if (len <= 0.0f) {
        memset(m->dir, 0, (size_t)m->n * sizeof *m->dir);
        m->dir[0] = 1.0f;
        len = 1.0f;
    }
    for (int i = 0; i < m->n; i++)
        m->dir[i] /= len;
    m->have_dir = true;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* The range is from the TRIM-th to the (1 - TRIM)-th fraction of the window's
 * positions, not its extremes: a flash, a title card or someone passing for
 * a moment does not set it. */
static void trim_range(motion *m)
{
    float v[MOTION_MAX_SAMPLES];
    memcpy(v, m->proj, (size_t)m->count * sizeof *v);
    qsort(v, (size_t)m->count, sizeof *v, cmp_float);
    int cut = (int)(TRIM * (float)m->count);
    m->lo = v[cut];
    m->hi = v[m->count - 1 - cut];
}

/* A sample: the smoothed grid joins the window; the mean, the direction (power
 * steps from the last one until it settles, its sign kept), the positions, the
 * trimmed range, the times of the extremes and the spread along it are brought
 * up to date. Returns whether the direction turned. */
static bool update(motion *m)
{
    float before_mean[MAX_CELLS];
    memcpy(before_mean, m->mean, (size_t)m->n * sizeof *before_mean);
    memset(m->mean, 0, (size_t)m->n * sizeof *m->mean);
    for (int k = 0; k < m->count; k++) {
        const float *x = row(m, k);
        for (int i = 0; i < m->n; i++)
            m->mean[i] += x[i];
    }
    for (int i = 0; i < m->n; i++)
        m->mean[i] /= (float)m->count;
    if (!m->have_dir)
        seed_direction(m);
    float before[MAX_CELLS], w[MAX_CELLS];
    memcpy(before, m->dir, (size_t)m->n * sizeof *before);
    for (int it = 0; it < MAX_STEPS; it++) {
        float len = power_step(m, w);
        if (len <= 0.0f)
            break;
        float sign = dot(w, m->dir, m->n) < 0.0f ? -1.0f : 1.0f;
        float moved = sign * dot(w, m->dir, m->n) / len;
        for (int i = 0; i < m->n; i++)
            m->dir[i] = sign * w[i] / len;
        if (it >= 1 && moved > SETTLED_COS)
            break;
    }
    float var = 0.0f, lowest = INFINITY, highest = -INFINITY;
    float md = dot(m->mean, m->dir, m->n);
    for (int k = 0; k < m->count; k++) {
        float p = dot(row(m, k), m->dir, m->n) - md;
        m->proj[k] = p;
        var += p * p;
        if (p < lowest) {
            lowest = p;
            m->lo_ms = m->win_ms[k];
        }
        if (p > highest) {
            highest = p;
            m->hi_ms = m->win_ms[k];
        }
    }
    m->lambda = sqrtf(var / (float)m->count);
    trim_range(m);
    m->shift = (dot(m->mean, m->dir, m->n) - dot(before_mean, m->dir, m->n)) * m->rms;
    return dot(before, m->dir, m->n) < TURN_COS;
}

/* A pause (motion.h): every sample of the last pause_ms lies within the
 * still band of the frame now (the running average about to join). */
static bool paused(const motion *m)
{
    if (m->cfg.pause_ms <= 0 || m->count < READY_SAMPLES)
        return false;
    float band = STILL_SHARE * (m->hi - m->lo), least = m->cfg.still_level / m->rms;
    if (band < least)
        band = least;
    for (int j = 1; j <= m->count; j++) {
        int k = (m->head - j + m->cap) % m->cap;
        const float *x = row(m, k);
        float d = 0.0f;
        for (int i = 0; i < m->n; i++)
            d += (x[i] - m->avg[i]) * (x[i] - m->avg[i]);
        if (d >= band * band)
            return false;
        if (m->last_ms - m->win_ms[k] >= m->cfg.pause_ms)
            return true;
    }
    return false;
}

static bool add_sample(motion *m, int64_t t_ms)
{
    if (paused(m))
        return false;
    memcpy(row(m, m->head), m->avg, (size_t)m->n * sizeof *m->avg);
    m->win_ms[m->head] = t_ms;
    m->head = (m->head + 1) % m->cap;
    if (m->count < m->cap)
        m->count++;
    return update(m);
}

/* A grid's position along the direction, from the window's mean. */
static float position_of(const motion *m, const float *x)
{
    float p = 0.0f;
    for (int i = 0; i < m->n; i++)
        p += (x[i] - m->mean[i]) * m->dir[i];
    return p * m->rms;
}

/* The sample the caller sees: the window's figures and this frame's position. */
static void fill(const motion *m, bool turned, motion_sample *out)
{
    *out = (motion_sample){ .ready = m->count >= READY_SAMPLES, .turned = turned,
                            .lo = m->lo * m->rms, .hi = m->hi * m->rms, .lo_ms = m->lo_ms, .hi_ms = m->hi_ms,
                            .lambda = m->lambda * m->rms, .shift = m->shift };
    out->pos = position_of(m, m->avg);
    out->ref_pos = m->have_ref ? position_of(m, m->ref) : 0.0f;
}

float motion_mark(motion *m, bool at_pos, float pos)
{
    const float *src = m->avg;
    if (at_pos && m->count > 0) {
        float want = pos / m->rms;
        int best = 0;
        for (int k = 1; k < m->count; k++)
            if (fabsf(m->proj[k] - want) < fabsf(m->proj[best] - want))
                best = k;
        src = row(m, best);
    }
    memcpy(m->ref, src, (size_t)m->n * sizeof *m->ref);
    m->have_ref = true;
    return position_of(m, m->ref);
}

/* A picture whose content moves down by v cells changes by -v times its
 * vertical gradient, so the direction's part along the mean's gradient (g:
 * the cell below less the cell above, rows 1..gh-2) says which way it moves:
 * along g, up (v < 0); against it, down. */
float motion_rise(const motion *m)
{
    if (!m->have_dir || m->gh < 3)
        return 0.0f;
    float along = 0.0f, norm = 0.0f;
    for (int y = 1; y < m->gh - 1; y++)
        for (int x = 0; x < m->gw; x++) {
            int i = y * m->gw + x;
            float g = m->mean[i + m->gw] - m->mean[i - m->gw];
            along += m->dir[i] * g;
            norm += g * g;
        }
    return norm > 0.0f ? along / sqrtf(norm) : 0.0f;
}

bool motion_feed(motion *m, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, motion_sample *out)
{
    if (!luma || width < 1 || height < 1 || width > MOTION_MAX_DIM || height > MOTION_MAX_DIM ||
        stride < width || !out)
        return false;
    bool resized = m->width != 0 && (width != m->width || height != m->height);
    if (width != m->width || height != m->height) {
        motion_reset(m);
        layout(m, width, height);
    }
    average(m, luma, stride);
    bool cut = resized || (m->have_avg && is_cut(m));
    memcpy(m->prev, m->cur, (size_t)m->n * sizeof *m->prev);
    if (cut) /* another scene: what the window holds says nothing about it */
        empty_window(m);
    if (!m->have_avg) {
        memcpy(m->avg, m->cur, (size_t)m->n * sizeof *m->avg);
        m->have_avg = true;
        m->next_sample_ms = t_ms;
    } else {
        float dt = (float)(t_ms - m->last_ms);
        float a = 1.0f - expf(-(dt > 0.0f ? dt : 0.0f) / (float)(m->cfg.smooth_ms > 0 ? m->cfg.smooth_ms : 1));
        for (int i = 0; i < m->n; i++)
            m->avg[i] += a * (m->cur[i] - m->avg[i]);
    }
    m->last_ms = t_ms;
    bool turned = false;
    m->shift = 0.0f;
    if (t_ms >= m->next_sample_ms) {
        turned = add_sample(m, t_ms);
        m->next_sample_ms = t_ms > INT64_MAX - m->cfg.sample_ms ? INT64_MAX
                                                                : t_ms + m->cfg.sample_ms;
    }
    fill(m, turned, out);
    out->cut = cut;
    return true;
}

int motion_history(const motion *m, int64_t *t_ms, float *pos, int cap)
{
    int n = m->count < cap ? m->count : cap < 0 ? 0 : cap;
    for (int j = 0; j < n; j++) {
        int k = (m->head - n + j + m->cap) % m->cap;
        t_ms[j] = m->win_ms[k];
        pos[j] = m->proj[k] * m->rms;
    }
    return n;
}

/* Swaps rows a and b of the ring with their times. */
static void swap_rows(motion *m, int a, int b)
{
    float t[MAX_CELLS];
    size_t len = (size_t)m->n * sizeof *t;
    memcpy(t, row(m, a), len);
    memcpy(row(m, a), row(m, b), len);
    memcpy(row(m, b), t, len);
    int64_t ms = m->win_ms[a];
    m->win_ms[a] = m->win_ms[b];
    m->win_ms[b] = ms;
}

static void reverse_rows(motion *m, int lo, int hi)
{
    while (lo < hi)
        swap_rows(m, lo++, hi--);
}

/* Keeps the newest samples of the window (motion.h): the ring is turned so
 * that the oldest kept row is row 0, which leaves the kept rows at
 * 0..count-1 in time order, as a window filling from empty has them. */
void motion_forget(motion *m, int64_t keep_ms, motion_sample *out)
{
    int keep = 0;
    for (int j = 1; j <= m->count; j++) {
        int k = (m->head - j + m->cap) % m->cap;
        if (m->last_ms - m->win_ms[k] > keep_ms)
            break;
        keep = j;
    }
    if (keep < READY_SAMPLES)
        keep = m->count < READY_SAMPLES ? m->count : READY_SAMPLES;
    int first = (m->head - keep + m->cap) % m->cap;
    if (first > 0) { /* turn the ring left by first rows: three reversals */
        reverse_rows(m, 0, first - 1);
        reverse_rows(m, first, m->cap - 1);
        reverse_rows(m, 0, m->cap - 1);
    }
    m->count = keep;
    m->head = keep % m->cap;
    if (m->count > 0)
        update(m);
    m->shift = 0.0f;
    fill(m, false, out);
}
