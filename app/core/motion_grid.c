/*
 * motion_grid: frames to the grid of cell means that motion.c works on
 * (motion_priv.h). This is where the per-pixel cost is: everything after it is
 * O(cells).
 */
#include "motion_priv.h"

#include <stddef.h>

void motion_grid_layout(motion *m, int width, int height)
{
    int longer = width > height ? width : height;
    int grid = longer / MIN_CELL < m->cfg.grid ? longer / MIN_CELL : m->cfg.grid;
    grid = grid < 4 ? 4 : grid;
    int cell = (longer + grid - 1) / grid;
    m->cell = cell < 1 ? 1 : cell;
    m->gw = width / m->cell;
    m->gh = height / m->cell;
    if (m->gw < 1)
        m->gw = 1;
    if (m->gh < 1)
        m->gh = 1;
    m->x0 = (width - m->gw * m->cell) / 2;
    m->y0 = (height - m->gh * m->cell) / 2;
    if (m->x0 < 0)
        m->x0 = 0;
    if (m->y0 < 0)
        m->y0 = 0;
    m->ncells = m->gw * m->gh;
    m->width = width;
    m->height = height;
}

/* Sum of n bytes, four at a time (independent adds: the per-pixel cost of the
 * whole analysis is in here). */
static uint32_t sum_bytes(const uint8_t *p, int n)
{
    uint32_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int k = 0;
    for (; k + 4 <= n; k += 4) {
        s0 += p[k];
        s1 += p[k + 1];
        s2 += p[k + 2];
        s3 += p[k + 3];
    }
    for (; k < n; k++)
        s0 += p[k];
    return s0 + s1 + s2 + s3;
}

/* Box average of every cell into m->cur. Cells of 8 pixels or more sample every
 * other row and the leading multiple of four columns: about half the cost for
 * a sqrt(2) more noise in a mean that still averages 32+ pixels. Cells may be taller or wider than the frame only when the
 * frame is narrower than the grid in one direction; they are clipped to it. */
void motion_grid_average(motion *m, const uint8_t *luma, int stride)
{
    int cell = m->cell, cw = m->cell < m->width ? m->cell : m->width;
    int ch = m->cell < m->height ? m->cell : m->height;
    int step = cell >= 8 ? 2 : 1;
    if (cw >= 8)
        cw &= ~3; /* whole groups of four columns: no slow tail per cell */
    float inv = 1.0f / (float)(cw * ((ch + step - 1) / step));
    for (int gy = 0; gy < m->gh; gy++) {
        uint32_t acc[MOTION_MAX_GRID] = { 0 };
        for (int r = 0; r < ch; r += step) {
            const uint8_t *row = luma + (size_t)(m->y0 + gy * cell + r) * (size_t)stride + m->x0;
            for (int gx = 0; gx < m->gw; gx++)
                acc[gx] += sum_bytes(row + gx * cell, cw);
        }
        for (int gx = 0; gx < m->gw; gx++)
            m->cur[gy * m->gw + gx] = (float)acc[gx] * inv;
    }
}

/* The brightest pixel of each cell of this frame, brought to the rest pose's
 * brightness (m->gain). A full pass over the cells, done only when a rest pose
 * is learned or re-anchored. */
void motion_grid_brightest(motion *m, const uint8_t *luma, int stride)
{
    int cw = m->cell < m->width ? m->cell : m->width, ch = m->cell < m->height ? m->cell : m->height;
    for (int gy = 0; gy < m->gh; gy++) {
        float inv = m->gain[gy] > 1e-3f ? 1.0f / m->gain[gy] : 1.0f;
        for (int gx = 0; gx < m->gw; gx++) {
            const uint8_t *p = luma + (size_t)(m->y0 + gy * m->cell) * (size_t)stride + m->x0 +
                               gx * m->cell;
            uint8_t mx = 0;
            for (int r = 0; r < ch; r++, p += stride)
                for (int k = 0; k < cw; k++)
                    mx = p[k] > mx ? p[k] : mx;
            m->bright[gy * m->gw + gx] = (float)mx * inv;
        }
    }
    m->bright_stale = false;
}
