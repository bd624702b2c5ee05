/*
 * motion: frames to an excursion signal (see motion.h). The grid of cell means
 * it works on comes from motion_grid.c, the zone and the reps' pattern are
 * kept by motion_zone.c; the state they share is motion_priv.h.
 *
 * Why motion and not pose. Pose models run at 5-9 frames/s on a Pi 4 and lose
 * people lying down, which is how all three exercises are done. Each rep is an
 * excursion of part of the picture away from a rest pose and back, so reading
 * the change directly sees any limb move, costs about a million instructions
 * a frame, and needs no model of the body. What it cannot know from one frame
 * (which change is the person) the counter learns from the reps themselves.
 *
 * The grid. Each frame is box-averaged to square cells of at least MIN_CELL
 * pixels, at most cfg.grid along the longer side (48 at 640x480, 32 at 320x240):
 * a cell mean has the sensor noise divided by its pixel count, and a few pixels
 * of movement still shift it by many noise units.
 *
 * Light. Exposure is modelled as a gain per grid row: each row's gain is the
 * median of cur / ref over its cells (ref the rest pose, or the previous frame),
 * so an auto-exposure step or drift (one gain everywhere) and the bands that
 * mains flicker leaves on a rolling shutter (a gain per row, moving from frame
 * to frame) divide out, while the moving limb, a minority of each row, does not
 * move the median. Gamma keeps a gain a gain, which is why it is a ratio and not
 * an offset. Frames are then brought to the rest pose's brightness and averaged
 * over smooth_ms (150 ms): the residual flicker and the sensor noise drop by
 * about half for a delay the latency budget (0.3 s) can afford. Departures
 * below shrink_k noise units plus shrink_levels (8-bit steps of flat surfaces)
 * are dropped (soft threshold). A cell whose brightest rest pixel, times the
 * gain, would pass CLIP_LUMA is skipped: the sensor clips there, so brighter
 * light cannot show and the gain model does not hold (white socks under a
 * raised exposure).
 *
 * The signal. The excursion is the magnitude of the first moment of the signed
 * departure map about the change's own centroid: (moving mass x contrast) x
 * displacement. Unlike the energy (sum of |departure|, also reported) it keeps
 * growing once a limb clears its rest silhouette, so half a range gives about
 * half the signal and a hold is a plateau. A quad set moves a pixel or two and
 * its moment is mostly noise (it carried the rolling-shutter beat); for it the
 * counter sets moment_weight 0 and energy_weight 3: the excursion is how much
 * changed, not how far.
 *
 * Rest pose. Learned from learn_ms of stillness (frames averaged; a frame in
 * which more than still_frac of the cells leave the average restarts it). Then
 * it follows slow drift (rest_tau_ms) only while the counter says "at rest" and
 * the frame is still, so a rep is never absorbed; and motion_reanchor makes the
 * smoothed picture the rest pose at once when the counter decides the picture
 * has settled somewhere new (a knocked camera, a person who shifted).
 *
 * Jolts. A knocked camera moves every edge in view at once: many cells
 * (jolt_frac) change in one or two frames (jolt_frames) between calm spells
 * (calm_frac, calm_ms), where a limb changes a few per cent a frame over many
 * frames. Once the calm after such a jump has lasted calm_ms, the sample says
 * jolted; meanwhile the smoothed picture is the plain mean of the calm frames,
 * so re-anchoring on it carries none of the jump.
 *
 * The zone. Each rep the counter commits adds its footprint (every cell it
 * changed well above noise, grown by one cell) to the zone, and its top pattern
 * (unit norm) to a running sum, the reps' pattern (forgotten after a knock;
 * replaced by a candidate when the counter finds it was learned wrong; frames
 * unlike it, below pattern_min, never become a movement's template). Once
 * there is a zone, the excursion and energy
 * are measured inside it only (energy_out reports the rest), so someone walking
 * past behind, a hand brought to the face or a curtain elsewhere no longer adds
 * to the signal, and `similarity` (cosine of the departure map with the reps'
 * top pattern) tells the counter whether what it sees looks like a rep at all.
 * The centroid of the change (cx, cy) lets it see a change that travels across
 * the frame, and `spread` one that covers much of it.
 *
 * Known failure cases: a zone learned from a wrong first rep (someone crossing
 * the person exactly during it) hides the real movement until the counter is
 * reset; a person who moves to another part of the mat leaves the zone; light
 * that changes one side of the room only (a lamp switched on, sun through a
 * window) is taken for movement until the rest pose absorbs it; a camera
 * knocked during a rep is only re-anchored after it, so that rep is lost; with
 * very little contrast or a very small person a quad set stays below the noise.
 * Sigma is one figure for the whole frame, not per cell.
 *
 * Cost: the box average reads every other row and whole groups of four columns
 * of each cell (about 2.5 instructions per pixel read), then O(cells) work: one
 * row-gain pass against the rest pose (a division per cell and a small median
 * per row; the frame-to-frame gains follow from two of them), one median for
 * the noise, the departure map. About 1.0M instructions for a 640x480 frame
 * and 0.35M for 320x240, the grid being coarser there (scripts/bench).
 */
#include "motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "motion_priv.h"
#include "xmalloc.h"

motion_config motion_default_config(void)
{
    return (motion_config){
        .grid = 48,
        .shrink_k = 4.0f,
        .shrink_levels = 0.75f,
        .still_k = 6.0f,
        .still_levels = 2.0f,
        .still_frac = 0.01f,
        .learn_ms = 1500,
        .rest_tau_ms = 10000,
        .smooth_ms = 150,
        .sigma_min = 0.1f,
        .jolt_frac = 0.05f,
        .jolt_frames = 2,
        .calm_frac = 0.02f,
        .calm_ms = 300,
        .energy_weight = 0.0f,
        .moment_weight = 1.0f,
        .pattern_min = 0.4f,
    };
}

motion *motion_create(const motion_config *cfg)
{
    motion *m = xcalloc(1, sizeof *m);
    m->cfg = cfg ? *cfg : motion_default_config();
    if (m->cfg.grid < 4)
        m->cfg.grid = 4;
    if (m->cfg.grid > MOTION_MAX_GRID)
        m->cfg.grid = MOTION_MAX_GRID;
    motion_reset(m);
    return m;
}

void motion_destroy(motion *m)
{
    free(m);
}

static void clear_movement(motion *m)
{
    memset(m->tmpl, 0, sizeof(float) * (size_t)m->ncells);
    memset(m->footprint, 0, sizeof(float) * (size_t)m->ncells);
    m->tmpl_exc = 0;
    m->tmpl_norm = 0;
}

void motion_reset(motion *m)
{
    m->width = m->height = 0;
    m->have_prev = m->have_sigma = m->learned = false;
    m->at_rest = true;
    m->sigma = m->cfg.sigma_min;
    m->learn_n = 0;
    m->calm_t0 = 0;
    m->in_burst = m->jolt_armed = false;
    motion_zone_clear(m);
}

void motion_set_at_rest(motion *m, bool at_rest)
{
    if (m->at_rest && !at_rest)
        clear_movement(m);
    m->at_rest = at_rest;
}

/* A new frame size: a new grid, and everything learned on the old one goes. */
static void set_geometry(motion *m, int width, int height)
{
    motion_grid_layout(m, width, height);
    m->have_prev = m->have_sigma = m->learned = false;
    m->at_rest = true;
    m->learn_n = 0;
    m->calm_t0 = 0;
    m->in_burst = m->jolt_armed = false;
    clear_movement(m);
    motion_zone_clear(m);
}

/* The k-th smallest of a[0..n-1] (quickselect; reorders a). */
static float select_kth(float *a, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        float pivot = a[(lo + hi) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                float t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return a[k];
}

static float median(float *a, int n)
{
    return select_kth(a, n, n / 2);
}

/* The exposure model: a = gain[row] * ref + departure. Each grid row's gain is
 * the median ratio a / ref over its cells (cells too dark to give a ratio are
 * skipped; a row with too few usable cells takes the whole frame's median), so
 * an exposure step or drift (one gain) and the rolling-shutter bands of mains
 * flicker (a gain per row) cancel, while moving cells, a minority of each row,
 * do not move the median. */
static void row_gains(motion *m, const float *a, const float *ref)
{
    bool sparse = false;
    for (int gy = 0; gy < m->gh; gy++) {
        int k = 0;
        for (int i = gy * m->gw, e = i + m->gw; i < e; i++) {
            float r = ref[i] >= MIN_REF_LUMA ? a[i] / ref[i] : -1.0f;
            m->ratio[i] = r;
            if (r >= 0)
                m->scratch[k++] = r;
        }
        m->gain[gy] = k >= MIN_ROW_CELLS ? median(m->scratch, k) : -1.0f;
        sparse |= k < MIN_ROW_CELLS;
    }
    if (!sparse)
        return;
    int n = 0; /* rows too dark to say take the whole frame's gain */
    for (int i = 0; i < m->ncells; i++)
        if (m->ratio[i] >= 0)
            m->scratch[n++] = m->ratio[i];
    float global = n ? median(m->scratch, n) : 1.0f;
    for (int gy = 0; gy < m->gh; gy++)
        if (m->gain[gy] < 0)
            m->gain[gy] = global;
}

/* Cells whose |a - gain * b| exceeds the "changed" threshold. */
static int count_changed(const motion *m, const float *a, const float *b)
{
    float thr = m->cfg.still_k * m->sigma + m->cfg.still_levels;
    int n = 0;
    for (int gy = 0; gy < m->gh; gy++) {
        float g = m->gain[gy];
        for (int i = gy * m->gw, e = i + m->gw; i < e; i++)
            n += fabsf(a[i] - g * b[i]) > thr;
    }
    return n;
}

static bool few_changed(const motion *m, const float *a, const float *b)
{
    return count_changed(m, a, b) <= (int)(m->cfg.still_frac * (float)m->ncells);
}

/* The fraction of cells that changed since the previous frame; sets still. */
static float changed_frac(const motion *m, bool *still)
{
    int n = count_changed(m, m->cur, m->prev);
    *still = n <= (int)(m->cfg.still_frac * (float)m->ncells);
    return (float)n / (float)m->ncells;
}

/* Frame-to-frame comparison: updates the noise estimate (when allowed), says
 * whether the frame is still and sets *moved, the fraction of cells changed. */
static bool compare_with_prev(motion *m, float *moved)
{
    *moved = 0;
    if (!m->have_prev)
        return false;
    if (m->learned && m->have_rest_gain) {
        /* cur = g * rest and prev = g' * rest give cur = (g / g') * prev: the
         * gains against rest, already known, spare a second estimate. */
        for (int gy = 0; gy < m->gh; gy++)
            m->gain[gy] = m->rest_gain[gy] / (m->prev_rest_gain[gy] > 1e-3f ? m->prev_rest_gain[gy] : 1.0f);
    } else {
        row_gains(m, m->cur, m->prev);
    }
    int n = 0; /* every other cell is plenty for a median */
    for (int gy = 0; gy < m->gh; gy++)
        for (int i = gy * m->gw + (gy & 1), e = (gy + 1) * m->gw; i < e; i += 2)
            m->scratch[n++] = fabsf(m->cur[i] - m->gain[gy] * m->prev[i]);
    /* MAD of a difference of two samples: sigma * sqrt(2) * 0.6745. */
    float s = (n ? median(m->scratch, n) : 0) * (1.4826f / 1.41421356f);
    if (!m->have_sigma) {
        m->sigma = s;
        m->have_sigma = true;
    } else if (m->at_rest || !m->learned) {
        m->sigma += 0.05f * (s - m->sigma);
    }
    if (m->sigma < m->cfg.sigma_min)
        m->sigma = m->cfg.sigma_min;
    bool still;
    *moved = changed_frac(m, &still);
    return still;
}

/* Adds cur, brought to the reference's brightness (m->gain), into acc with
 * weight a: acc += a * (cur / gain - acc); a = 1 copies. */
static void blend_normalised(motion *m, float *acc, float a)
{
    for (int gy = 0; gy < m->gh; gy++) {
        float inv = m->gain[gy] > 1e-3f ? 1.0f / m->gain[gy] : 1.0f;
        for (int i = gy * m->gw, e = i + m->gw; i < e; i++)
            acc[i] += a * (m->cur[i] * inv - acc[i]);
    }
}

static void learn_restart(motion *m, int64_t t_ms)
{
    memcpy(m->learn_sum, m->cur, sizeof(float) * (size_t)m->ncells);
    m->learn_n = 1;
    m->learn_t0 = t_ms;
}

/* One learning step; true when the rest pose has just been learned. Frames are
 * averaged at the first frame's brightness, so flicker and exposure changes
 * while learning neither restart it nor blur the average. */
static bool learn_step(motion *m, int64_t t_ms, float *progress)
{
    if (m->learn_n == 0) {
        learn_restart(m, t_ms);
    } else {
        float inv = 1.0f / (float)m->learn_n;
        for (int i = 0; i < m->ncells; i++)
            m->rest[i] = m->learn_sum[i] * inv; /* the candidate, as scratch */
        row_gains(m, m->cur, m->rest);
        if (!few_changed(m, m->cur, m->rest)) {
            learn_restart(m, t_ms);
        } else {
            for (int gy = 0; gy < m->gh; gy++) {
                float g = m->gain[gy] > 1e-3f ? 1.0f / m->gain[gy] : 1.0f;
                for (int i = gy * m->gw, e = i + m->gw; i < e; i++)
                    m->learn_sum[i] += m->cur[i] * g;
            }
            m->learn_n++;
        }
    }
    int64_t held = t_ms - m->learn_t0;
    int64_t need = m->cfg.learn_ms > 0 ? m->cfg.learn_ms : 1;
    *progress = held >= need ? 1.0f : (float)held / (float)need;
    if (held < need || m->learn_n < 3)
        return false;
    float inv = 1.0f / (float)m->learn_n;
    for (int i = 0; i < m->ncells; i++)
        m->rest[i] = m->smooth[i] = m->learn_sum[i] * inv;
    m->learned = true;
    m->at_rest = true;
    m->have_rest_gain = false;
    clear_movement(m);
    return true;
}

/* Keeps the departure map of the largest excursion of the current movement as
 * the template; cleared while at rest. The match against it is an unthresholded
 * projection, so it keeps tracking the last fraction of a small movement (a quad
 * set's last pixel) that the soft threshold hides from the excursion. */
static void update_template(motion *m, motion_sample *out)
{
    if (m->at_rest) {
        out->match = 0;
        if (m->tmpl_exc > 0)
            clear_movement(m);
        return;
    }
    if (out->excursion <= m->tmpl_exc ||
        (m->pattern_reps > 0 && out->similarity < m->cfg.pattern_min))
        return; /* not larger, or someone else's change: not this movement's top */
    float norm = 0;
    for (int i = 0; i < m->ncells; i++) {
        m->tmpl[i] = m->dep[i];
        norm += m->dep[i] * m->dep[i];
    }
    m->tmpl_exc = out->excursion;
    m->tmpl_norm = norm;
    out->match = 1.0f;
}

/* Sums over the departure map that measure_departure turns into a sample. */
typedef struct dep_sums {
    float mx, my, energy, sum, ex, ey; /* inside the zone (everywhere without one) */
    float energy_out, dot, zdot, dnorm;
    int changed;
} dep_sums;

/* One departing cell (v its soft-thresholded departure, a = |v|) at grid
 * position (x, y) from the centre. */
static void add_cell(motion *m, dep_sums *s, int i, float v, float a, float x, float y)
{
    s->changed++;
    s->zdot += v * m->zone_tmpl[i];
    s->dnorm += v * v;
    if (a > m->footprint[i])
        m->footprint[i] = a;
    if (m->zone_reps > 0 && !m->zone[i]) {
        s->energy_out += a;
        return;
    }
    s->energy += a;
    s->sum += v;
    s->ex += a * x;
    s->ey += a * y;
    s->mx += v * x;
    s->my += v * y;
}

static void departure_sums(motion *m, dep_sums *s)
{
    float thr = m->cfg.shrink_k * m->sigma_s + m->cfg.shrink_levels;
    float cx = 0.5f * (float)(m->gw - 1), cy = 0.5f * (float)(m->gh - 1);
    for (int gy = 0; gy < m->gh; gy++) {
        float y = (float)gy - cy;
        for (int gx = 0; gx < m->gw; gx++) {
            int i = gy * m->gw + gx;
            float d = m->smooth[i] - m->rest[i];
            float a = fabsf(d) - thr;
            if (m->gain[gy] * m->bright[i] > CLIP_LUMA)
                a = d = 0; /* clipped: brighter light cannot show here */
            s->dot += d * m->tmpl[i];
            if (a <= 0) {
                m->dep[i] = 0;
                continue;
            }
            m->dep[i] = d > 0 ? a : -a;
            add_cell(m, s, i, m->dep[i], a, (float)gx - cx, y);
        }
    }
}

/* Departure from rest: the soft-thresholded map's first moment and energy. */
static void measure_departure(motion *m, motion_sample *out)
{
    dep_sums s = { 0 };
    departure_sums(m, &s);
    /* Moment about the centroid of the change, not the grid centre, so a limb
     * that changes contrast as it moves (wall behind it instead of mat) adds no
     * term that depends on where the grid centre happens to be. */
    out->cx = out->cy = 0.5f;
    if (s.energy > 0) {
        float ex = s.ex / s.energy, ey = s.ey / s.energy;
        s.mx -= s.sum * ex;
        s.my -= s.sum * ey;
        out->cx = (ex + 0.5f * (float)m->gw) / (float)m->gw;
        out->cy = (ey + 0.5f * (float)m->gh) / (float)m->gh;
    }
    out->moment = sqrtf(s.mx * s.mx + s.my * s.my);
    out->excursion = m->cfg.moment_weight * out->moment + m->cfg.energy_weight * s.energy;
    out->energy = s.energy;
    out->energy_out = s.energy_out;
    out->spread = (float)s.changed / (float)m->ncells;
    out->match = m->tmpl_exc > 0 && m->tmpl_norm > 0 ? s.dot / m->tmpl_norm : 0;
    out->similarity = m->zone_norm > 0 && s.dnorm > 0 ? s.zdot / sqrtf(s.dnorm * m->zone_norm)
                                                      : 0;
    update_template(m, out);
}

void motion_reanchor(motion *m)
{
    if (!m->learned)
        return;
    memcpy(m->rest, m->smooth, sizeof(float) * (size_t)m->ncells);
    m->bright_stale = true;
    m->have_rest_gain = false;
    m->at_rest = true;
    clear_movement(m);
}

/* The jolt watch, one frame: a jump of many cells in one or two frames between
 * calm spells is a knocked camera or the like, not a person (a limb changes a
 * few cells a frame over many frames). Once the calm after it has lasted
 * calm_ms, out->jolted is set. Returns the minimum rate for the smoothed
 * picture: while the calm after a jolt is awaited, the mean of the calm frames
 * so far, so the jump is not smeared into what may become the rest pose. */
static float watch_jolt(motion *m, float moved, int64_t t_ms, motion_sample *out)
{
    if (moved >= m->cfg.calm_frac) {
        if (!m->in_burst) {
            m->in_burst = true;
            m->burst_t0 = t_ms;
            m->burst_frames = 0;
            m->burst_peak = 0;
            m->calm_before = m->calm_t0 > 0 && t_ms - m->calm_t0 >= m->cfg.calm_ms;
            m->jolt_armed = false;
        }
        m->burst_frames++;
        m->burst_peak = moved > m->burst_peak ? moved : m->burst_peak;
        return 0;
    }
    if (m->in_burst || m->calm_t0 == 0) {
        m->in_burst = false;
        m->calm_t0 = t_ms;
        m->settle_n = 0;
        m->jolt_armed = m->calm_before && m->burst_frames <= m->cfg.jolt_frames &&
                        m->burst_peak >= m->cfg.jolt_frac;
    }
    if (!m->jolt_armed)
        return 0;
    m->settle_n++;
    if (t_ms - m->calm_t0 >= m->cfg.calm_ms) {
        m->jolt_armed = false;
        out->jolted = true;
        out->jolt_ms = m->burst_t0;
    }
    return 1.0f / (float)m->settle_n;
}

static float rate(int64_t dt_ms, int64_t tau_ms)
{
    if (tau_ms <= 0 || dt_ms <= 0)
        return dt_ms > 0 ? 1.0f : 0.0f;
    float a = (float)dt_ms / (float)tau_ms;
    return a > 1 ? 1 : a;
}

bool motion_feed(motion *m, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, motion_sample *out)
{
    if (!luma || width < 1 || height < 1 || width > MOTION_MAX_DIM || height > MOTION_MAX_DIM
        || stride < width)
        return false;
    if (width != m->width || height != m->height)
        set_geometry(m, width, height);
    int64_t dt = m->have_prev ? t_ms - m->last_t : 0;
    motion_grid_average(m, luma, stride);
    if (m->learned) {
        row_gains(m, m->cur, m->rest);
        memcpy(m->rest_gain, m->gain, sizeof(float) * (size_t)m->gh);
    }
    float moved;
    bool still = compare_with_prev(m, &moved);
    if (m->learned) {
        memcpy(m->gain, m->rest_gain, sizeof(float) * (size_t)m->gh);
        memcpy(m->prev_rest_gain, m->rest_gain, sizeof(float) * (size_t)m->gh);
        m->have_rest_gain = true;
    }

    memset(out, 0, sizeof *out);
    out->cx = out->cy = 0.5f;
    if (!m->learned) {
        out->relearned = learn_step(m, t_ms, &out->learn_progress);
        m->bright_stale = out->relearned;
    } else {
        out->learn_progress = 1.0f;
        if (m->bright_stale)
            motion_grid_brightest(m, luma, stride);
        float a = rate(dt, m->cfg.smooth_ms), a_jolt = watch_jolt(m, moved, t_ms, out);
        a = a > a_jolt ? a : a_jolt;
        blend_normalised(m, m->smooth, a);
        if (a > 0) /* the noise an EMA leaves; a repeated timestamp keeps the last */
            m->sigma_s = m->sigma * sqrtf(a / (2.0f - a));
        measure_departure(m, out);
        if (m->at_rest && still && m->cfg.rest_tau_ms > 0)
            blend_normalised(m, m->rest, rate(dt, m->cfg.rest_tau_ms));
    }
    out->learned = m->learned;
    out->zone_reps = m->zone_reps;
    out->pattern_reps = m->pattern_reps;
    out->sigma = m->learned ? m->sigma_s : m->sigma;
    out->still = still;
    out->moved = moved;

    memcpy(m->prev, m->cur, sizeof(float) * (size_t)m->ncells);
    m->have_prev = true;
    m->last_t = t_ms;
    return true;
}
