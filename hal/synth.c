/*
 * synth: see synth.h. How a frame is made:
 *
 * 1. Timing. synth_pose_at maps a time to a pose parameter s in [0, 1] from the
 *    repetition schedule (settle, then up / hold / down / rest per rep, with a
 *    set pause every SYNTH_SET_REPS reps when the performance is endless). The
 *    up and down phases are eased with a half cosine so the motion starts and
 *    stops smoothly, as a person's does.
 * 2. Pose. A figure is built for (exercise, s): a list of at most MAX_CAPS
 *    tapered capsules, each a segment with a radius at either end, a luma and a
 *    top-lit shading amount. Poses are written in body units (1 = person length
 *    L), origin at the hip on the mat, x towards the feet, y up; a frame mapping
 *    turns them into image pixels (and flips them for mirror). Joint positions
 *    come from hand-tuned angles, plus a two-link solve for the bridge's knee so
 *    the shin keeps its length while the foot stays planted.
 * 3. Raster. The background (a dim wall with a vertical gradient, the mat, the
 *    floor) is written row by row; each capsule is then blended over its own
 *    bounding box with coverage = clamp(r - distance + 0.5, 0, 1), which gives
 *    anti-aliased edges and makes sub-pixel motion change pixel values smoothly.
 *    The taper uses the radius at the nearest point of the segment, which is a
 *    slight approximation for strongly tapered capsules and invisible here.
 * 4. Noise. Each pixel gets a deterministic, approximately Gaussian offset from a
 *    hash of (seed, t_ms, x, y): the sum of four hash bytes, centred and scaled
 *    to unit variance (Irwin-Hall, good to about 3 sigma, which is all a sensor
 *    model needs).
 *
 * Everything is on the stack; there are no globals, so synth_render is pure.
 */
#include "synth.h"

#include <math.h>
#include <stddef.h>

#define MAX_CAPS 24
#define PI_F 3.14159265f

typedef struct pt {
    float x, y;
} pt;

typedef struct capsule {
    float ax, ay, bx, by; /* image pixels */
    float ra, rb;         /* radius at a and at b, pixels */
    float luma, shade;    /* base luma; top edge is luma + shade, bottom luma - shade */
} capsule;

typedef struct figure {
    capsule c[MAX_CAPS];
    int n;
} figure;

/* Body units to image pixels. */
typedef struct mapping {
    float ox, ym, len, width;
    bool mirror;
} mapping;

/* Luma of the scene's materials. */
enum {
    SKIN = 160,
    SHIRT = 128,
    LEGS = 104,
    SOCKS = 196,
    HAIR = 58,
    TOWEL = 150,
    FAR_DARKER = 26, /* the far limbs are in shadow */
};

/* Dimensions of the body, in person lengths. */
#define HEAD_R 0.062f
#define TORSO_LEN 0.30f
#define THIGH_LEN 0.245f
#define SHIN_LEN 0.25f
#define FOOT_LEN 0.11f

/* ---- timing ----------------------------------------------------------- */

static int64_t rep_period(const synth_params *p)
{
    return p->up_ms + p->hold_ms + p->down_ms + p->rest_ms;
}

static int64_t set_period(const synth_params *p)
{
    return SYNTH_SET_REPS * rep_period(p) + SYNTH_SET_PAUSE_MS;
}

synth_rep_truth synth_rep_time(const synth_params *p, int i)
{
    synth_rep_truth r;
    int64_t start = p->settle_ms + (int64_t)i * rep_period(p);
    if (p->reps < 0)
        start += (int64_t)(i / SYNTH_SET_REPS) * SYNTH_SET_PAUSE_MS;
    r.start_ms = start;
    r.top_ms = start + p->up_ms;
    r.hold_ms = p->hold_ms;
    r.end_ms = r.top_ms + p->hold_ms + p->down_ms;
    return r;
}

int64_t synth_duration_ms(const synth_params *p)
{
    if (p->reps < 0)
        return INT64_MAX;
    return p->settle_ms + (int64_t)p->reps * rep_period(p);
}

static float ease(float x)
{
    return 0.5f - 0.5f * cosf(PI_F * x);
}

/* Pose within one repetition, u ms after its start. */
static float pose_in_rep(const synth_params *p, int64_t u)
{
    if (u < p->up_ms)
        return ease((float)u / (float)p->up_ms);
    u -= p->up_ms;
    if (u < p->hold_ms)
        return 1.0f;
    u -= p->hold_ms;
    if (u < p->down_ms)
        return ease(1.0f - (float)u / (float)p->down_ms);
    return 0.0f;
}

float synth_pose_at(const synth_params *p, int64_t t_ms)
{
    int64_t per = rep_period(p);
    int64_t u = t_ms - p->settle_ms;
    if (u < 0 || per <= 0)
        return 0.0f;
    if (p->reps < 0) {
        u %= set_period(p);
        if (u >= SYNTH_SET_REPS * per)
            return 0.0f; /* the pause between sets */
    } else if (u >= (int64_t)p->reps * per) {
        return 0.0f;
    }
    return pose_in_rep(p, u % per);
}

synth_params synth_defaults(exercise_kind exercise, int width, int height)
{
    static const int64_t hold[EXERCISE_KIND_COUNT] = { 1500, 2500, 6000, 2000 };
    synth_params p = {
        .exercise = exercise,
        .width = width,
        .height = height,
        .reps = 10,
        .settle_ms = 3000,
        .up_ms = 2000,
        .hold_ms = (unsigned)exercise < EXERCISE_KIND_COUNT ? hold[exercise] : 2000,
        .down_ms = 2000,
        .rest_ms = 1500,
        .noise = 2.0f,
        .seed = 1,
        .mirror = false,
        .scale = 0.0f,
    };
    return p;
}

/* ---- figure building ---------------------------------------------------- */

static pt P(float x, float y)
{
    return (pt){ x, y };
}

static pt lerp_pt(pt a, pt b, float s)
{
    return P(a.x + (b.x - a.x) * s, a.y + (b.y - a.y) * s);
}

static pt along(pt from, float len, float angle_deg)
{
    float a = angle_deg * PI_F / 180.0f;
    return P(from.x + len * cosf(a), from.y + len * sinf(a));
}

/* Adds a capsule from a to b (body units) with radii ra, rb (body units). */
static void add(figure *f, const mapping *m, pt a, pt b, float ra, float rb, float luma,
                float shade)
{
    if (f->n >= MAX_CAPS)
        return;
    capsule *c = &f->c[f->n++];
    c->ax = m->ox + a.x * m->len;
    c->bx = m->ox + b.x * m->len;
    if (m->mirror) {
        c->ax = m->width - c->ax;
        c->bx = m->width - c->bx;
    }
    c->ay = m->ym - a.y * m->len;
    c->by = m->ym - b.y * m->len;
    c->ra = ra * m->len;
    c->rb = rb * m->len;
    c->luma = luma;
    c->shade = shade;
}

static void add_head(figure *f, const mapping *m, pt centre, pt shoulder)
{
    add(f, m, shoulder, lerp_pt(shoulder, centre, 0.6f), 0.034f, 0.03f, SKIN - 20, 6);
    add(f, m, centre, centre, HEAD_R, HEAD_R, SKIN, 14);
    /* hair: a cap on the crown, away from the body */
    pt crown = P(centre.x - 0.03f, centre.y - 0.008f);
    add(f, m, crown, crown, HEAD_R * 0.72f, HEAD_R * 0.72f, HAIR, 6);
}

/* An arm lying along the body on the mat, shoulder to hand. */
static void add_arm(figure *f, const mapping *m, pt shoulder, pt elbow, pt hand, float dim)
{
    add(f, m, shoulder, elbow, 0.028f, 0.023f, SHIRT + 8 - dim, 10);
    add(f, m, elbow, hand, 0.021f, 0.017f, SKIN - 6 - dim, 10);
}

/* A leg from hip through knee to ankle, then the foot to the toe. */
static void add_leg(figure *f, const mapping *m, pt hip, pt knee, pt ankle, pt toe, float dim)
{
    add(f, m, hip, knee, 0.052f, 0.038f, LEGS - dim, 12);
    add(f, m, knee, ankle, 0.036f, 0.024f, LEGS - 4 - dim, 12);
    add(f, m, ankle, toe, 0.022f, 0.018f, SOCKS - dim, 8);
}

/* Knee of a two-link leg with the foot planted: the upper of the two points at
 * THIGH_LEN from the hip and SHIN_LEN from the ankle. */
static pt solve_knee(pt hip, pt ankle)
{
    float dx = ankle.x - hip.x, dy = ankle.y - hip.y;
    float d = sqrtf(dx * dx + dy * dy);
    float lo = fabsf(THIGH_LEN - SHIN_LEN) + 1e-4f, hi = THIGH_LEN + SHIN_LEN - 1e-4f;
    d = d < lo ? lo : d > hi ? hi : d;
    float a = (THIGH_LEN * THIGH_LEN - SHIN_LEN * SHIN_LEN + d * d) / (2 * d);
    float h = sqrtf(fmaxf(0.0f, THIGH_LEN * THIGH_LEN - a * a));
    pt mid = P(hip.x + a * dx / d, hip.y + a * dy / d);
    pt k1 = P(mid.x - h * dy / d, mid.y + h * dx / d);
    pt k2 = P(mid.x + h * dy / d, mid.y - h * dx / d);
    return k1.y > k2.y ? k1 : k2;
}

/* Lying on the left side, seen from the front, knees bent and stacked; the top
 * knee opens upward about the hip and the feet, which stay together. */
static void pose_clamshell(figure *f, const mapping *m, float s)
{
    pt shoulder = P(-TORSO_LEN, 0.105f), hip = P(0.0f, 0.09f);
    /* the lower arm stretched under the head, the head resting on it */
    add_arm(f, m, P(-0.29f, 0.035f), P(-0.46f, 0.03f), P(-0.62f, 0.03f), FAR_DARKER);
    add_leg(f, m, P(0.0f, 0.05f), P(0.17f, 0.042f), P(0.33f, 0.03f), P(0.36f, 0.075f),
            FAR_DARKER);
    add(f, m, shoulder, hip, 0.1f, 0.09f, SHIRT, 14);
    add_head(f, m, P(-0.40f, 0.06f + HEAD_R), P(-0.32f, 0.1f));
    pt knee = P(0.17f - 0.02f * s, 0.125f + 0.15f * s);
    add_leg(f, m, P(0.0f, 0.125f), knee, P(0.33f, 0.085f), P(0.365f, 0.125f), 0);
    /* the upper arm resting along the side */
    add_arm(f, m, P(-0.27f, 0.17f), P(-0.13f, 0.175f), P(-0.01f, 0.16f), 0);
}

/* Supine, knees bent, feet flat; the torso pivots about the shoulders until
 * shoulders, hips and knees line up (BRIDGE_TOP_DEG); knees follow the feet. */
#define BRIDGE_TOP_DEG 24.0f
static void pose_bridge(figure *f, const mapping *m, float s)
{
    pt shoulder = P(-TORSO_LEN, 0.07f);
    pt hip = along(shoulder, TORSO_LEN, BRIDGE_TOP_DEG * s);
    hip.y -= 0.005f * (1.0f - s); /* the waist is a little thinner than the chest */
    pt ankle = P(0.351f, 0.045f), toe = P(0.351f + FOOT_LEN, 0.02f);
    pt knee = solve_knee(hip, ankle);
    pt off = P(0.018f, 0.0f);
    add_leg(f, m, P(hip.x + off.x, hip.y), P(knee.x + off.x, knee.y),
            P(ankle.x + off.x, ankle.y), P(toe.x + off.x, toe.y), FAR_DARKER);
    add(f, m, shoulder, hip, 0.07f, 0.065f, SHIRT, 14);
    add_head(f, m, P(-0.40f, HEAD_R), shoulder);
    add_leg(f, m, hip, knee, ankle, toe, 0);
    add_arm(f, m, P(-0.29f, 0.055f), P(-0.14f, 0.03f), P(0.0f, 0.024f), 0);
}

/* Supine, legs straight, a rolled towel under the near knee. Tightening the
 * thigh presses the knee down a pixel, pulls the kneecap towards the hip by a
 * few pixels and swells and brightens the front of the thigh: small by design. */
static void pose_quad_set(figure *f, const mapping *m, float s)
{
    pt shoulder = P(-TORSO_LEN, 0.07f), hip = P(0.0f, 0.062f);
    pt knee = P(THIGH_LEN, 0.062f - 0.004f * s), ankle = P(THIGH_LEN + SHIN_LEN, 0.035f);
    pt toe = P(ankle.x + 0.02f, ankle.y + FOOT_LEN);
    add_leg(f, m, P(0.014f, 0.05f), P(THIGH_LEN + 0.014f, 0.038f),
            P(ankle.x + 0.014f, 0.03f), P(toe.x + 0.014f, toe.y - 0.005f), FAR_DARKER);
    add(f, m, P(THIGH_LEN, 0.022f), P(THIGH_LEN, 0.022f), 0.022f, 0.022f, TOWEL, 12);
    add(f, m, shoulder, hip, 0.07f, 0.065f, SHIRT, 14);
    add_head(f, m, P(-0.40f, HEAD_R), shoulder);
    add(f, m, hip, knee, 0.052f, 0.038f + 0.009f * s, LEGS + 3.0f * s, 12 + 2.0f * s);
    add(f, m, knee, ankle, 0.036f, 0.024f, LEGS - 4, 12);
    add(f, m, ankle, toe, 0.022f, 0.018f, SOCKS, 8);
    pt cap = P(knee.x - 0.006f - 0.013f * s, knee.y + 0.028f + 0.004f * s);
    add(f, m, cap, cap, 0.018f, 0.018f, LEGS + 16, 8);
    add_arm(f, m, P(-0.29f, 0.055f), P(-0.14f, 0.03f), P(0.0f, 0.024f), 0);
}

/* Supine straight-leg raise: the far leg bent with its foot flat, the near leg
 * straight, lifted about the hip to GENERIC_TOP_DEG. */
#define GENERIC_TOP_DEG 35.0f
static void pose_generic(figure *f, const mapping *m, float s)
{
    pt shoulder = P(-TORSO_LEN, 0.07f), hip = P(0.0f, 0.062f);
    pt fankle = P(0.351f, 0.045f);
    add_leg(f, m, P(0.014f, 0.062f), solve_knee(P(0.014f, 0.062f), fankle), fankle,
            P(fankle.x + FOOT_LEN, 0.02f), FAR_DARKER);
    add(f, m, shoulder, hip, 0.07f, 0.065f, SHIRT, 14);
    add_head(f, m, P(-0.40f, HEAD_R), shoulder);
    float deg = -2.5f + (GENERIC_TOP_DEG + 2.5f) * s;
    pt knee = along(hip, THIGH_LEN, deg);
    pt ankle = along(knee, SHIN_LEN, deg);
    pt toe = along(ankle, FOOT_LEN, deg + 90.0f);
    add_leg(f, m, hip, knee, ankle, toe, 0);
    add_arm(f, m, P(-0.29f, 0.055f), P(-0.14f, 0.03f), P(0.0f, 0.024f), 0);
}

static mapping make_mapping(const synth_params *p)
{
    float scale = p->scale > 0.0f ? p->scale : 0.7f;
    mapping m = { .width = (float)p->width, .mirror = p->mirror };
    m.len = scale * (float)p->width;
    if (m.len > 2.5f * (float)p->height)
        m.len = 2.5f * (float)p->height;
    m.ym = 0.8f * (float)p->height;
    m.ox = 0.5f * (float)p->width - 0.02f * m.len;
    return m;
}

static void build_figure(const synth_params *p, float s, figure *f)
{
    mapping m = make_mapping(p);
    f->n = 0;
    switch (p->exercise) {
    case EXERCISE_CLAMSHELL:
        pose_clamshell(f, &m, s);
        break;
    case EXERCISE_BRIDGE:
        pose_bridge(f, &m, s);
        break;
    case EXERCISE_QUAD_SET:
        pose_quad_set(f, &m, s);
        break;
    default:
        pose_generic(f, &m, s);
        break;
    }
}

/* ---- raster ------------------------------------------------------------- */

/* Wall, mat and floor. The mat spans most of the width, seen almost edge on
 * from a camera at floor level; its top edge catches the light. */
static void draw_background(const synth_params *p, uint8_t *luma, int stride)
{
    int w = p->width, h = p->height;
    int mat_top = (int)(0.8f * (float)h), mat_bot = mat_top + (h + 19) / 20 + 1;
    int mat_x0 = w / 16, mat_x1 = w - w / 16;
    for (int y = 0; y < h; y++) {
        uint8_t *row = luma + (size_t)y * (size_t)stride;
        uint8_t wall = (uint8_t)(38 - (14 * y) / (h > 1 ? h : 1));
        uint8_t floor_v = (uint8_t)(30 + (8 * (y - mat_top)) / (h - mat_top + 1));
        bool mat_row = y >= mat_top && y < mat_bot;
        uint8_t mat_v = y == mat_top ? 96 : 76;
        for (int x = 0; x < w; x++) {
            if (y < mat_top)
                row[x] = wall;
            else if (mat_row && x >= mat_x0 && x < mat_x1)
                row[x] = mat_v;
            else
                row[x] = floor_v;
        }
    }
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Blends one capsule over its bounding box with coverage anti-aliasing and a
 * top-lit shade across its width. */
static void draw_capsule(const capsule *c, int w, int h, uint8_t *luma, int stride)
{
    float rmax = fmaxf(c->ra, c->rb) + 1.0f;
    int x0 = clampi((int)floorf(fminf(c->ax, c->bx) - rmax), 0, w);
    int x1 = clampi((int)ceilf(fmaxf(c->ax, c->bx) + rmax), 0, w);
    int y0 = clampi((int)floorf(fminf(c->ay, c->by) - rmax), 0, h);
    int y1 = clampi((int)ceilf(fmaxf(c->ay, c->by) + rmax), 0, h);
    float dx = c->bx - c->ax, dy = c->by - c->ay;
    float len2 = dx * dx + dy * dy;
    float inv = len2 > 1e-6f ? 1.0f / len2 : 0.0f;
    for (int y = y0; y < y1; y++) {
        uint8_t *row = luma + (size_t)y * (size_t)stride;
        float py = (float)y + 0.5f;
        for (int x = x0; x < x1; x++) {
            float px = (float)x + 0.5f;
            float t = ((px - c->ax) * dx + (py - c->ay) * dy) * inv;
            t = t < 0.0f ? 0.0f : t > 1.0f ? 1.0f : t;
            float qy = c->ay + t * dy, ex = px - (c->ax + t * dx), ey = py - qy;
            float r = c->ra + (c->rb - c->ra) * t;
            float d2 = ex * ex + ey * ey, outer = r + 0.5f, inner = r - 0.5f;
            if (d2 >= outer * outer)
                continue;
            float cov = inner > 0.0f && d2 <= inner * inner ? 1.0f : r - sqrtf(d2) + 0.5f;
            cov = cov > 1.0f ? 1.0f : cov;
            float v = c->luma - c->shade * ey / (r > 0.5f ? r : 0.5f);
            float out = (float)row[x] + (v - (float)row[x]) * cov;
            row[x] = (uint8_t)clampi((int)(out + 0.5f), 0, 255);
        }
    }
}

static uint32_t hash32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

/* Adds approximately Gaussian noise (std dev p->noise) from a hash of (seed,
 * t_ms, x, y). */
static void add_noise(const synth_params *p, int64_t t_ms, uint8_t *luma, int stride)
{
    uint32_t base = hash32(p->seed ^ hash32((uint32_t)t_ms ^ hash32((uint32_t)(t_ms >> 32))));
    const float k = p->noise / 147.8f; /* sd of a sum of four uniform bytes */
    for (int y = 0; y < p->height; y++) {
        uint8_t *row = luma + (size_t)y * (size_t)stride;
        uint32_t rowh = hash32(base + (uint32_t)y * 0x9e3779b9U);
        for (int x = 0; x < p->width; x++) {
            uint32_t r = hash32(rowh ^ ((uint32_t)x * 0x85ebca6bU));
            int sum = (int)(r & 255) + (int)((r >> 8) & 255) + (int)((r >> 16) & 255) +
                      (int)(r >> 24) - 510;
            float v = (float)row[x] + (float)sum * k;
            row[x] = (uint8_t)clampi((int)lrintf(v), 0, 255);
        }
    }
}

void synth_render(const synth_params *p, int64_t t_ms, uint8_t *luma, int stride)
{
    if (p->width <= 0 || p->height <= 0)
        return;
    figure fig;
    build_figure(p, synth_pose_at(p, t_ms), &fig);
    draw_background(p, luma, stride);
    for (int i = 0; i < fig.n; i++)
        draw_capsule(&fig.c[i], p->width, p->height, luma, stride);
    if (p->noise > 0.0f)
        add_noise(p, t_ms, luma, stride);
}
