/*
 * motion_zone: the zone and the reps' pattern (see motion.c, "The zone"): what
 * a committed rep adds, the excursion of its top as measured from then on, the
 * candidate pattern the counter may adopt when the one learned was wrong, and
 * forgetting the pattern after a knock. The state is in motion_priv.h.
 */
#include <math.h>
#include <string.h>

#include "motion_priv.h"

void motion_zone_clear(motion *m)
{
    memset(m->zone, 0, sizeof m->zone);
    memset(m->zone_tmpl, 0, sizeof m->zone_tmpl);
    m->zone_norm = 0;
    m->zone_reps = m->pattern_reps = 0;
    m->have_cand = false;
}

/* The excursion of a departure map (soft-thresholded, as m->dep) measured
 * the way measure_departure does once there is a zone: inside it only. */
static float zone_excursion(const motion *m, const float *map)
{
    float sum = 0, energy = 0, ex = 0, ey = 0, mx = 0, my = 0;
    float cx = 0.5f * (float)(m->gw - 1), cy = 0.5f * (float)(m->gh - 1);
    for (int gy = 0; gy < m->gh; gy++) {
        for (int gx = 0; gx < m->gw; gx++) {
            int i = gy * m->gw + gx;
            float v = map[i], a = fabsf(v), x = (float)gx - cx, y = (float)gy - cy;
            if (!m->zone[i] || v == 0)
                continue;
            energy += a;
            sum += v;
            ex += a * x;
            ey += a * y;
            mx += v * x;
            my += v * y;
        }
    }
    if (energy <= 0)
        return 0;
    mx -= sum * ex / energy;
    my -= sum * ey / energy;
    return m->cfg.moment_weight * sqrtf(mx * mx + my * my) + m->cfg.energy_weight * energy;
}

float motion_commit_rep(motion *m)
{
    if (!m->learned || m->tmpl_norm <= 0)
        return 0;
    float inv = 1.0f / sqrtf(m->tmpl_norm), norm = 0;
    for (int i = 0; i < m->ncells; i++) {
        m->zone_tmpl[i] += m->tmpl[i] * inv;
        norm += m->zone_tmpl[i] * m->zone_tmpl[i];
    }
    m->zone_norm = norm;
    /* Cells well above the noise (not a lone noise spike), grown by one cell. */
    float thr = 2.0f * m->sigma;
    for (int gy = 0; gy < m->gh; gy++) {
        for (int gx = 0; gx < m->gw; gx++) {
            if (m->footprint[gy * m->gw + gx] <= thr)
                continue;
            for (int y = gy - 1; y <= gy + 1; y++)
                for (int x = gx - 1; x <= gx + 1; x++)
                    if (x >= 0 && y >= 0 && x < m->gw && y < m->gh)
                        m->zone[y * m->gw + x] = 1;
        }
    }
    m->zone_reps++;
    m->pattern_reps++;
    return zone_excursion(m, m->tmpl);
}

void motion_keep_candidate(motion *m)
{
    if (m->tmpl_norm <= 0)
        return;
    float inv = 1.0f / sqrtf(m->tmpl_norm);
    for (int i = 0; i < m->ncells; i++)
        m->cand[i] = m->tmpl[i] * inv;
    m->have_cand = true;
}

float motion_candidate_match(const motion *m)
{
    if (!m->have_cand || m->tmpl_norm <= 0)
        return 0;
    float dot = 0;
    for (int i = 0; i < m->ncells; i++)
        dot += m->cand[i] * m->tmpl[i];
    return dot / sqrtf(m->tmpl_norm);
}

void motion_adopt_candidate(motion *m)
{
    if (!m->have_cand)
        return;
    memcpy(m->zone_tmpl, m->cand, sizeof(float) * (size_t)m->ncells);
    m->zone_norm = 1.0f;
    m->pattern_reps = 1;
    m->have_cand = false;
}

void motion_forget_pattern(motion *m)
{
    memset(m->zone_tmpl, 0, sizeof m->zone_tmpl);
    m->zone_norm = 0;
    m->pattern_reps = 0;
}
