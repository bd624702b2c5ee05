/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * presence: someone on the mat or not (the idea and its failures: presence.h).
 *
 * Every frame: the grid of normalised cell means, folded into a running
 * average (SMOOTH_MS). Every SAMPLE_MS the average joins a ring of the last
 * second; cells that differ from the ring's oldest entry are marked with the
 * time. Movement is enough cells marked within MOVE_MS. Still is no cell
 * marked for STILL_MS; the still picture is then compared with the
 * references.
 */
#include "presence.h"

#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "xmalloc.h"

#define GRID 24          /* cells along the longer side */
#define MIN_CELL 8       /* smallest cell side, pixels */
#define MAX_GRID 32
#define MAX_CELLS (MAX_GRID * MAX_GRID)
#define MAX_DIM 4096
#define SMOOTH_MS 200    /* running average: shorter than a movement, longer than flicker */
#define SAMPLE_MS 100
#define RING 11          /* samples: the ring's oldest is a second old */
#define MOVE_MS 2000     /* cells marked within this long make a movement */
#define STILL_MS 1500    /* no cell marked this long: the picture is still */
#define DARK 4.0f        /* luma levels added to every cell: a black cell's noise is
                            not a large relative change */

typedef struct grid {
    float v[MAX_CELLS];
    bool valid;
} grid;

struct presence {
    int width, height, cell, gw, gh, n, x0, y0;
    float cur[MAX_CELLS];          /* this frame */
    uint16_t col[MAX_DIM];         /* cells(): grid_sums' scratch */
    float avg[MAX_CELLS];          /* running average */
    bool have_avg;
    int64_t last_ms, next_sample_ms;
    float ring[RING][MAX_CELLS];
    int ring_count, ring_head;
    int64_t marked[MAX_CELLS];     /* when each cell last changed, or INT64_MIN */
    int64_t moved_ms;              /* when any cell last changed */
    int64_t since_ms;              /* the first frame since presence_begin */
    bool still;                    /* as of the last frame: no cell marked for STILL_MS */
    presence_verdict verdict;
    grid empty, candidate, occupied;
};

presence *presence_create(void)
{
    presence *p = xcalloc(1, sizeof *p);
    presence_begin(p);
    return p;
}

void presence_destroy(presence *p)
{
    free(p);
}

void presence_begin(presence *p)
{
    p->have_avg = false;
    p->ring_count = p->ring_head = 0;
    p->verdict = PRESENCE_UNKNOWN;
    p->still = false;
    p->last_ms = INT64_MIN;
    p->moved_ms = INT64_MIN;
    p->since_ms = INT64_MIN;
    for (int i = 0; i < MAX_CELLS; i++)
        p->marked[i] = INT64_MIN;
}

static void forget_references(presence *p)
{
    p->empty.valid = p->candidate.valid = p->occupied.valid = false;
}

/* GRID cells (of at least MIN_CELL pixels) along the longer side, centred. */
static void layout(presence *p, int width, int height)
{
    int longer = width > height ? width : height;
    int cell = (longer + GRID - 1) / GRID;
    cell = cell < MIN_CELL ? MIN_CELL : cell;
    int shorter = width < height ? width : height;
    cell = cell > shorter ? shorter : cell;
    p->cell = cell;
    p->gw = width / cell > MAX_GRID ? MAX_GRID : width / cell;
    p->gh = height / cell > MAX_GRID ? MAX_GRID : height / cell;
    p->n = p->gw * p->gh;
    p->x0 = (width - p->gw * cell) / 2;
    p->y0 = (height - p->gh * cell) / 2;
    p->width = width;
    p->height = height;
}

/* Cell means, luma levels, over every pixel (grid.h). */
static void cells(presence *p, const uint8_t *luma, int stride)
{
    grid_layout g = { .cell = p->cell, .gw = p->gw, .gh = p->gh, .x0 = p->x0, .y0 = p->y0 };
    grid_sums(&g, luma, stride, 1, p->col, p->cur);
    float area = (float)(p->cell * p->cell);
    for (int i = 0; i < p->n; i++)
        p->cur[i] /= area;
}

static int by_value(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* How many cells of a differ from b by more than PRESENCE_CELL_CHANGE of
 * their level, after the exposure: b scaled by the median ratio of the
 * cells (a body covering less than half the picture does not move it). */
static int changed_cells(const presence *p, const float *a, const float *b, bool *mask)
{
    float ratio[MAX_CELLS];
    for (int i = 0; i < p->n; i++)
        ratio[i] = (a[i] + DARK) / (b[i] + DARK);
    qsort(ratio, (size_t)p->n, sizeof *ratio, by_value);
    float gain = ratio[p->n / 2];
    int k = 0;
    for (int i = 0; i < p->n; i++) {
        float ref = gain * (b[i] + DARK);
        float d = (a[i] + DARK - ref) / ref;
        bool c = d > PRESENCE_CELL_CHANGE || d < -PRESENCE_CELL_CHANGE;
        if (mask)
            mask[i] = c;
        k += c;
    }
    return k;
}

static int body_cells(const presence *p)
{
    int k = (int)((float)p->n * PRESENCE_BODY_FRACTION + 0.5f);
    return k < 3 ? 3 : k;
}

static bool global(const presence *p, int k)
{
    return (float)k > (float)p->n * PRESENCE_GLOBAL_FRACTION;
}

/* The picture against a reference: the same (a cell or two off), body-sized
 * different, or neither. A reference most of the picture no longer matches
 * is dropped. */
typedef enum likeness { LIKE_SAME, LIKE_OTHER, LIKE_BODY } likeness;

static likeness compare(const presence *p, grid *ref, const float *pic)
{
    int k = changed_cells(p, pic, ref->v, NULL);
    if (global(p, k)) {
        ref->valid = false;
        return LIKE_OTHER;
    }
    return k >= body_cells(p) ? LIKE_BODY : k <= body_cells(p) / 3 ? LIKE_SAME : LIKE_OTHER;
}

/* Every SAMPLE_MS: the average against the one a second before; changed
 * cells are marked, unless most of the picture changed at once. */
static void sample(presence *p, int64_t t_ms)
{
    float *slot = p->ring[p->ring_head];
    memcpy(slot, p->avg, (size_t)p->n * sizeof *slot);
    p->ring_head = (p->ring_head + 1) % RING;
    if (p->ring_count < RING) {
        p->ring_count++;
        return;
    }
    const float *old = p->ring[p->ring_head]; /* the oldest, a second ago */
    bool mask[MAX_CELLS];
    int k = changed_cells(p, p->avg, old, mask);
    if (k == 0 || global(p, k))
        return;
    for (int i = 0; i < p->n; i++)
        if (mask[i])
            p->marked[i] = t_ms;
    p->moved_ms = t_ms;
}

static bool moving(const presence *p, int64_t t_ms)
{
    int k = 0;
    for (int i = 0; i < p->n; i++)
        k += p->marked[i] != INT64_MIN && t_ms - p->marked[i] <= MOVE_MS;
    return k >= body_cells(p);
}

/* The still picture: the ring's oldest sample, a second old, from within the
 * calm (the running average may have begun to follow a change that no sample
 * has marked yet). */
static const float *still_picture(const presence *p)
{
    return p->ring[p->ring_head];
}

/* The still picture, on the counting screen: what the mat looks like with the
 * person on it; an empty-room candidate it differs from by a body is the
 * empty room. */
static void learn_here(presence *p)
{
    const float *pic = still_picture(p);
    memcpy(p->occupied.v, pic, (size_t)p->n * sizeof(float));
    p->occupied.valid = true;
    if (p->candidate.valid && compare(p, &p->candidate, pic) == LIKE_BODY) {
        p->empty = p->candidate;
        p->candidate.valid = false;
    }
}

/* The still picture while nobody is known to be there. */
static presence_verdict judge_still(presence *p)
{
    const float *pic = still_picture(p);
    if (p->occupied.valid && compare(p, &p->occupied, pic) == LIKE_SAME)
        return PRESENCE_SEEN;
    if (p->empty.valid) {
        likeness l = compare(p, &p->empty, pic);
        if (l == LIKE_BODY)
            return PRESENCE_SEEN;
        if (l == LIKE_SAME)
            return PRESENCE_EMPTY;
    }
    memcpy(p->candidate.v, pic, (size_t)p->n * sizeof(float));
    p->candidate.valid = true;
    return PRESENCE_UNKNOWN;
}

presence_verdict presence_feed(presence *p, const uint8_t *luma, int width, int height,
                               int stride, int64_t t_ms, bool known_here)
{
    if (!luma || width < 1 || height < 1 || width > MAX_DIM || height > MAX_DIM ||
        stride < width || (p->last_ms != INT64_MIN && t_ms < p->last_ms))
        return p->verdict;
    if (width != p->width || height != p->height) {
        layout(p, width, height);
        forget_references(p);
        presence_begin(p);
    }
    cells(p, luma, stride);
    if (!p->have_avg) {
        memcpy(p->avg, p->cur, (size_t)p->n * sizeof(float));
        p->have_avg = true;
        p->next_sample_ms = t_ms;
        p->since_ms = t_ms;
    } else {
        float a = (float)(t_ms - p->last_ms) / (float)(SMOOTH_MS + (t_ms - p->last_ms));
        for (int i = 0; i < p->n; i++)
            p->avg[i] += a * (p->cur[i] - p->avg[i]);
    }
    p->last_ms = t_ms;
    if (t_ms >= p->next_sample_ms) {
        sample(p, t_ms);
        p->next_sample_ms = t_ms + SAMPLE_MS;
    }
    int64_t calm_from = p->moved_ms > p->since_ms ? p->moved_ms : p->since_ms;
    bool still = p->ring_count == RING && t_ms - calm_from >= STILL_MS;
    p->still = still;
    if (known_here) {
        if (still)
            learn_here(p);
        return p->verdict = PRESENCE_SEEN;
    }
    if (p->verdict == PRESENCE_SEEN)
        return p->verdict;
    if (moving(p, t_ms))
        return p->verdict = PRESENCE_SEEN;
    if (still)
        p->verdict = judge_still(p);
    return p->verdict;
}

bool presence_still(const presence *p)
{
    return p->still;
}
