/* SPDX-License-Identifier: GPL-3.0-or-later */
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
 *    A fidgeting pose (arm, head, body shift) bends the same figure.
 * 3. Raster, light and noise: synth_raster.c.
 *
 * Everything is on the stack; there are no globals, so synth_render is pure.
 */
#include "synth.h"

#include "synth_priv.h"

#include <math.h>
#include <stddef.h>

#define PI_F 3.14159265f

typedef struct pt {
    float x, y;
} pt;

typedef synth_capsule capsule;
typedef synth_figure figure;

/* Body units to image pixels: x' = ox + x * len (flipped about width when
 * mirrored), then shifted by (dx, dy); y' = ym - y * len + dy. */
typedef struct mapping {
    float ox, ym, len, width, dx, dy;
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

float synth_move_level(int64_t u, int64_t up_ms, int64_t hold_ms, int64_t down_ms)
{
    if (u < 0)
        return 0.0f;
    if (u < up_ms)
        return ease((float)u / (float)up_ms);
    u -= up_ms;
    if (u < hold_ms)
        return 1.0f;
    u -= hold_ms;
    if (u < down_ms)
        return ease(1.0f - (float)u / (float)down_ms);
    return 0.0f;
}

/* Pose within one repetition, u ms after its start. */
static float pose_in_rep(const synth_params *p, int64_t u)
{
    return synth_move_level(u, p->up_ms, p->hold_ms, p->down_ms);
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
        .cx = 0.0f,
        .mat_y = 0.0f,
        .furnished = false,
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
    if (f->n >= SYNTH_MAX_CAPS)
        return;
    capsule *c = &f->c[f->n++];
    c->ax = m->ox + a.x * m->len;
    c->bx = m->ox + b.x * m->len;
    if (m->mirror) {
        c->ax = m->width - c->ax;
        c->bx = m->width - c->bx;
    }
    c->ax += m->dx;
    c->bx += m->dx;
    c->ay = m->ym - a.y * m->len + m->dy;
    c->by = m->ym - b.y * m->len + m->dy;
    c->ra = ra * m->len;
    c->rb = rb * m->len;
    c->luma = luma;
    c->shade = shade;
    c->soft = 1.0f;
}

static void add_head(figure *f, const mapping *m, pt centre, pt shoulder)
{
    add(f, m, shoulder, lerp_pt(shoulder, centre, 0.6f), 0.034f, 0.03f, SKIN - 20, 6);
    add(f, m, centre, centre, HEAD_R, HEAD_R, SKIN, 14);
    /* hair: a cap on the crown, away from the body */
    pt crown = P(centre.x - 0.03f, centre.y - 0.008f);
    add(f, m, crown, crown, HEAD_R * 0.72f, HEAD_R * 0.72f, HAIR, 6);
}

/* The head's centre when lifted off the mat by lift (0..1), fidgeting. */
static pt head_at(pt centre, float lift)
{
    return P(centre.x + 0.02f * lift, centre.y + 0.045f * lift);
}

/* An arm lying along the body on the mat, shoulder to hand. */
static void add_arm(figure *f, const mapping *m, pt shoulder, pt elbow, pt hand, float dim)
{
    add(f, m, shoulder, elbow, 0.028f, 0.023f, SHIRT + 8 - dim, 10);
    add(f, m, elbow, hand, 0.021f, 0.017f, SKIN - 6 - dim, 10);
}

/* The near arm; raise (0..1) bends the elbow up and brings the hand to the
 * face, as a person scratching their nose or pushing back their hair. */
static void add_near_arm(figure *f, const mapping *m, pt shoulder, pt elbow, pt hand, pt face,
                         float raise)
{
    pt e = lerp_pt(elbow, P(shoulder.x + 0.1f, shoulder.y + 0.15f), raise);
    pt h = lerp_pt(hand, P(face.x + 0.05f, face.y + 0.03f), raise);
    add_arm(f, m, shoulder, e, h, 0);
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
static void pose_clamshell(figure *f, const mapping *m, const synth_pose *q)
{
    float s = q->s;
    pt shoulder = P(-TORSO_LEN, 0.105f), hip = P(0.0f, 0.09f);
    /* the lower arm stretched under the head, the head resting on it */
    add_arm(f, m, P(-0.29f, 0.035f), P(-0.46f, 0.03f), P(-0.62f, 0.03f), FAR_DARKER);
    add_leg(f, m, P(0.0f, 0.05f), P(0.17f, 0.042f), P(0.33f, 0.03f), P(0.36f, 0.075f),
            FAR_DARKER);
    add(f, m, shoulder, hip, 0.1f, 0.09f, SHIRT, 14);
    pt face = head_at(P(-0.40f, 0.06f + HEAD_R), q->head);
    add_head(f, m, face, P(-0.32f, 0.1f));
    pt knee = P(0.17f - 0.02f * s, 0.125f + 0.15f * s);
    add_leg(f, m, P(0.0f, 0.125f), knee, P(0.33f, 0.085f), P(0.365f, 0.125f), 0);
    /* the upper arm resting along the side */
    add_near_arm(f, m, P(-0.27f, 0.17f), P(-0.13f, 0.175f), P(-0.01f, 0.16f), face, q->arm);
}

/* Supine, knees bent, feet flat; the torso pivots about the shoulders until
 * shoulders, hips and knees line up (BRIDGE_TOP_DEG); knees follow the feet. */
#define BRIDGE_TOP_DEG 24.0f
static void pose_bridge(figure *f, const mapping *m, const synth_pose *q)
{
    float s = q->s;
    pt shoulder = P(-TORSO_LEN, 0.07f);
    pt hip = along(shoulder, TORSO_LEN, BRIDGE_TOP_DEG * s);
    hip.y -= 0.005f * (1.0f - s); /* the waist is a little thinner than the chest */
    pt ankle = P(0.351f, 0.045f), toe = P(0.351f + FOOT_LEN, 0.02f);
    pt knee = solve_knee(hip, ankle);
    pt off = P(0.018f, 0.0f);
    add_leg(f, m, P(hip.x + off.x, hip.y), P(knee.x + off.x, knee.y),
            P(ankle.x + off.x, ankle.y), P(toe.x + off.x, toe.y), FAR_DARKER);
    add(f, m, shoulder, hip, 0.07f, 0.065f, SHIRT, 14);
    pt face = head_at(P(-0.40f, HEAD_R), q->head);
    add_head(f, m, face, shoulder);
    add_leg(f, m, hip, knee, ankle, toe, 0);
    add_near_arm(f, m, P(-0.29f, 0.055f), P(-0.14f, 0.03f), P(0.0f, 0.024f), face, q->arm);
}

/* Supine, legs straight, a rolled towel under the near knee. Tightening the
 * thigh presses the knee down a pixel, pulls the kneecap towards the hip by a
 * few pixels and swells and brightens the front of the thigh: small by design. */
static void pose_quad_set(figure *f, const mapping *m, const synth_pose *q)
{
    float s = q->s;
    pt shoulder = P(-TORSO_LEN, 0.07f), hip = P(0.0f, 0.062f);
    pt knee = P(THIGH_LEN, 0.062f - 0.004f * s), ankle = P(THIGH_LEN + SHIN_LEN, 0.035f);
    pt toe = P(ankle.x + 0.02f, ankle.y + FOOT_LEN);
    add_leg(f, m, P(0.014f, 0.05f), P(THIGH_LEN + 0.014f, 0.038f),
            P(ankle.x + 0.014f, 0.03f), P(toe.x + 0.014f, toe.y - 0.005f), FAR_DARKER);
    add(f, m, P(THIGH_LEN, 0.022f), P(THIGH_LEN, 0.022f), 0.022f, 0.022f, TOWEL, 12);
    add(f, m, shoulder, hip, 0.07f, 0.065f, SHIRT, 14);
    pt face = head_at(P(-0.40f, HEAD_R), q->head);
    add_head(f, m, face, shoulder);
    add(f, m, hip, knee, 0.052f, 0.038f + 0.009f * s, LEGS + 3.0f * s, 12 + 2.0f * s);
    add(f, m, knee, ankle, 0.036f, 0.024f, LEGS - 4, 12);
    add(f, m, ankle, toe, 0.022f, 0.018f, SOCKS, 8);
    pt cap = P(knee.x - 0.006f - 0.013f * s, knee.y + 0.028f + 0.004f * s);
    add(f, m, cap, cap, 0.018f, 0.018f, LEGS + 16, 8);
    add_near_arm(f, m, P(-0.29f, 0.055f), P(-0.14f, 0.03f), P(0.0f, 0.024f), face, q->arm);
}

/* Supine straight-leg raise: the far leg bent with its foot flat, the near leg
 * straight, lifted about the hip to GENERIC_TOP_DEG. */
#define GENERIC_TOP_DEG 35.0f
static void pose_generic(figure *f, const mapping *m, const synth_pose *q)
{
    float s = q->s;
    pt shoulder = P(-TORSO_LEN, 0.07f), hip = P(0.0f, 0.062f);
    pt fankle = P(0.351f, 0.045f);
    add_leg(f, m, P(0.014f, 0.062f), solve_knee(P(0.014f, 0.062f), fankle), fankle,
            P(fankle.x + FOOT_LEN, 0.02f), FAR_DARKER);
    add(f, m, shoulder, hip, 0.07f, 0.065f, SHIRT, 14);
    pt face = head_at(P(-0.40f, HEAD_R), q->head);
    add_head(f, m, face, shoulder);
    float deg = -2.5f + (GENERIC_TOP_DEG + 2.5f) * s;
    pt knee = along(hip, THIGH_LEN, deg);
    pt ankle = along(knee, SHIN_LEN, deg);
    pt toe = along(ankle, FOOT_LEN, deg + 90.0f);
    add_leg(f, m, hip, knee, ankle, toe, 0);
    add_near_arm(f, m, P(-0.29f, 0.055f), P(-0.14f, 0.03f), P(0.0f, 0.024f), face, q->arm);
}

/* Person length in pixels and where the hip lies, before any shift. */
static mapping make_mapping(const synth_params *p)
{
    float scale = p->scale > 0.0f ? p->scale : 0.7f;
    mapping m = { .width = (float)p->width, .mirror = p->mirror };
    m.len = scale * (float)p->width;
    if (m.len > 2.5f * (float)p->height)
        m.len = 2.5f * (float)p->height;
    m.ym = (p->mat_y > 0.0f ? p->mat_y : 0.8f) * (float)p->height;
    m.ox = (p->cx > 0.0f ? p->cx : 0.5f) * (float)p->width - 0.02f * m.len;
    return m;
}

/* The mat under the person: from beyond the head to beyond the feet. */
static synth_mat mat_under(const synth_params *p, const mapping *m)
{
    int a = (int)(m->ox - 0.56f * m->len), b = (int)(m->ox + 0.6f * m->len);
    synth_mat mat = { .top = (int)m->ym, .x0 = m->mirror ? p->width - b : a,
                      .x1 = m->mirror ? p->width - a : b };
    mat.x0 = mat.x0 < 0 ? 0 : mat.x0;
    mat.x1 = mat.x1 > p->width ? p->width : mat.x1;
    return mat;
}

static void build_figure(const synth_params *p, const synth_frame *fr, figure *f)
{
    mapping m = make_mapping(p);
    m.ox += fr->pose.shift_x * m.len * (p->mirror ? -1.0f : 1.0f);
    m.ym -= fr->pose.shift_y * m.len;
    m.dx = (float)fr->cam_dx;
    m.dy = (float)fr->cam_dy;
    f->n = 0;
    switch (p->exercise) {
    case EXERCISE_CLAMSHELL:
        pose_clamshell(f, &m, &fr->pose);
        break;
    case EXERCISE_BRIDGE:
        pose_bridge(f, &m, &fr->pose);
        break;
    case EXERCISE_QUAD_SET:
        pose_quad_set(f, &m, &fr->pose);
        break;
    default:
        pose_generic(f, &m, &fr->pose);
        break;
    }
}

/* A standing person walking past: torso, head, swinging legs and arms. */
static void build_walker(const synth_params *p, const synth_walker *wk, int dx, int dy,
                         figure *f)
{
    f->n = 0;
    if (!wk->active)
        return;
    float hgt = wk->height * (float)p->height;
    mapping m = { .ox = wk->x * (float)p->width, .ym = wk->foot_y * (float)p->height,
                  .len = hgt, .width = (float)p->width, .dx = (float)dx, .dy = (float)dy };
    float sw = 22.0f * sinf(wk->phase), L = wk->luma;
    pt hip = P(0.0f, 0.5f), neck = P(0.0f, 0.82f), shoulder = P(0.0f, 0.8f);
    for (int side = -1; side <= 1; side += 2) {
        float a = -90.0f + (float)side * sw;
        pt knee = along(hip, 0.25f, a), foot = along(knee, 0.25f, a - 8.0f);
        add(f, &m, hip, knee, 0.06f, 0.05f, L - 10, 6);
        add(f, &m, knee, foot, 0.05f, 0.04f, L - 14, 6);
        pt elbow = along(shoulder, 0.17f, -90.0f - (float)side * sw);
        add(f, &m, shoulder, elbow, 0.04f, 0.035f, L + 6, 6);
        add(f, &m, elbow, along(elbow, 0.17f, -85.0f - (float)side * sw), 0.032f, 0.028f,
            SKIN - 30, 6);
    }
    add(f, &m, hip, neck, 0.1f, 0.11f, L, 10);
    pt head = P(0.0f, 0.93f);
    add(f, &m, head, head, 0.065f, 0.065f, SKIN - 20, 12);
    /* close to the camera, far nearer than its focus: blurred edges */
    float soft = wk->height > 1.0f ? 0.02f * hgt : 1.0f;
    for (int i = 0; i < f->n; i++)
        f->c[i].soft = soft > 1.0f ? soft : 1.0f;
}

synth_frame synth_plain_frame(void)
{
    return (synth_frame){ .gain = 1.0f };
}

void synth_render_frame(const synth_params *p, const synth_frame *fr, int64_t t_ms,
                        uint8_t *luma, int stride)
{
    if (p->width <= 0 || p->height <= 0)
        return;
    mapping m = make_mapping(p);
    synth_draw_background(p, mat_under(p, &m), fr->cam_dx, fr->cam_dy, luma, stride);
    figure fig;
    build_walker(p, &fr->behind, fr->cam_dx, fr->cam_dy, &fig);
    synth_draw_figure(&fig, p->width, p->height, luma, stride);
    if (!fr->empty) {
        build_figure(p, fr, &fig);
        synth_draw_figure(&fig, p->width, p->height, luma, stride);
    }
    build_walker(p, &fr->front, 0, 0, &fig);
    synth_draw_figure(&fig, p->width, p->height, luma, stride);
    synth_draw_light_and_noise(p, fr, t_ms, luma, stride);
}

void synth_render(const synth_params *p, int64_t t_ms, uint8_t *luma, int stride)
{
    synth_frame fr = synth_plain_frame();
    fr.pose.s = synth_pose_at(p, t_ms);
    fr.empty = t_ms < p->arrive_ms;
    synth_render_frame(p, &fr, t_ms, luma, stride);
}
