/*
 * reps_levels: see reps_levels.h.
 */
#include "reps_levels.h"

#include <math.h>

#define LEVEL_STEP 0.00995033f /* ln(1.01): bins 1 % apart */
#define HOLD_BELOW 2           /* bands below the held level that still count */

static int level_bin(float s)
{
    if (!(s > 0))
        return 0;
    int b = (int)floorf(logf(s) / LEVEL_STEP) + REPS_LEVEL_ZERO;
    return b < 0 ? 0 : b >= REPS_LEVEL_BINS ? REPS_LEVEL_BINS - 1 : b;
}

void reps_levels_add(reps_levels *l, float level, int64_t dt_ms, float noise)
{
    l->ms[level_bin(level)] += (int32_t)dt_ms;
    l->peak = fmaxf(l->peak, level);
    if (level >= 0.8f * l->peak) { /* the noise near the top, not on the slopes */
        l->noise_sum += noise;
        l->noise_n++;
    }
}

/* Time in bins [lo, hi], clipped to the table. */
static int64_t time_in(const reps_levels *l, int lo, int hi)
{
    int64_t sum = 0;
    for (int b = lo < 0 ? 0 : lo; b <= hi && b < REPS_LEVEL_BINS; b++)
        sum += l->ms[b];
    return sum;
}

int64_t reps_levels_held_ms(const reps_levels *l, float min_tol)
{
    float tol = l->noise_n ? l->noise_sum / (float)l->noise_n : 0;
    tol = fminf(fmaxf(tol, min_tol), 0.15f);
    int w = (int)ceilf(log1pf(tol) / LEVEL_STEP);
    int lo = level_bin(0.5f * l->peak), hi = level_bin(l->peak), mode = hi;
    int64_t best = -1;
    for (int mid = lo; mid <= hi; mid++) {
        int64_t sum = time_in(l, mid - w, mid + w);
        if (sum > best) {
            best = sum;
            mode = mid;
        }
    }
    return time_in(l, mode - HOLD_BELOW * w, REPS_LEVEL_BINS - 1);
}

int64_t reps_levels_time_above(const reps_levels *l, float level)
{
    return time_in(l, level_bin(level), REPS_LEVEL_BINS - 1);
}

float reps_levels_top(const reps_levels *l, int64_t ms)
{
    int64_t sum = 0;
    int b = REPS_LEVEL_BINS - 1;
    for (; b > 0; b--) {
        sum += l->ms[b];
        if (sum >= ms)
            break;
    }
    float top = expf((float)(b - REPS_LEVEL_ZERO) * LEVEL_STEP);
    return b > 0 && top < l->peak ? top : l->peak;
}
