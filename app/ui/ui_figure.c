/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui_figure: the round things of the drawing kit (ui.h): progress rings and
 * the animated demo figure that shows each exercise on the INTRO screen.
 *
 * Everything is filled triangles through SDL_RenderGeometry, which the
 * software renderer supports too, so screenshots are the same everywhere.
 *
 * The figure is a side view of a person on a mat made of capsules (a thick
 * line with round ends) and a round head, posed in a unit box (x, y in 0..1,
 * y down) and scaled into the caller's box. One repetition loops every
 * CYCLE_MS: up, hold at the top, down, rest; p (0 at rest, 1 at the top) is
 * eased so the movement reads as slow and controlled, as PROTOCOL.md asks.
 * The limb that moves is drawn in the accent colour, the rest of the body in
 * white, the resting leg in grey. Mirroring flips x: the other side.
 */
#include <math.h>

#include "ui.h"

#define CYCLE_MS 5000
#define SEGMENTS 48

typedef struct pt {
    float x, y;
} pt;

/* Where the figure is drawn: unit box to pixels. */
typedef struct frame {
    ui *u;
    float x, y, w, h, s; /* s: pixels per unit for thicknesses */
    bool mirror;
} frame;

static SDL_Vertex vtx(float x, float y, ui_color c, uint8_t a)
{
    return (SDL_Vertex){ { x, y }, { c.r, c.g, c.b, a }, { 0, 0 } };
}

/* The part of a ring between fractions a0 and a1 (clockwise from twelve). */
static void arc(ui *u, float cx, float cy, float ro, float ri, float a0, float a1, ui_color c)
{
    SDL_Vertex v[SEGMENTS * 6];
    int n = 0, segs = (int)ceilf((a1 - a0) * SEGMENTS);
    for (int i = 0; i < segs; i++) {
        float f0 = a0 + (a1 - a0) * (float)i / (float)segs;
        float f1 = a0 + (a1 - a0) * (float)(i + 1) / (float)segs;
        float t0 = f0 * 2 * (float)M_PI - (float)M_PI / 2;
        float t1 = f1 * 2 * (float)M_PI - (float)M_PI / 2;
        float c0 = cosf(t0), s0 = sinf(t0), c1 = cosf(t1), s1 = sinf(t1);
        SDL_Vertex o0 = vtx(cx + ro * c0, cy + ro * s0, c, 255);
        SDL_Vertex o1 = vtx(cx + ro * c1, cy + ro * s1, c, 255);
        SDL_Vertex i0 = vtx(cx + ri * c0, cy + ri * s0, c, 255);
        SDL_Vertex i1 = vtx(cx + ri * c1, cy + ri * s1, c, 255);
        v[n++] = o0, v[n++] = o1, v[n++] = i1;
        v[n++] = o0, v[n++] = i1, v[n++] = i0;
    }
    if (n)
        SDL_RenderGeometry(ui_renderer(u), NULL, v, n, NULL, 0);
}

void ui_ring(ui *u, int cx, int cy, int radius, int thickness, float fraction, ui_color color)
{
    if (fraction < 0)
        fraction = 0;
    if (fraction > 1)
        fraction = 1;
    float ro = (float)radius, ri = (float)(radius - thickness);
    arc(u, (float)cx, (float)cy, ro, ri, fraction, 1, UI_TRACK);
    arc(u, (float)cx, (float)cy, ro, ri, 0, fraction, color);
}

static pt to_px(const frame *f, pt p)
{
    float x = f->mirror ? 1.0f - p.x : p.x;
    return (pt){ f->x + x * f->w, f->y + p.y * f->h };
}

static void disc(const frame *f, pt c, float r, ui_color col, uint8_t a)
{
    pt p = to_px(f, c);
    float rp = r * f->s;
    SDL_Vertex v[SEGMENTS * 3];
    for (int i = 0; i < SEGMENTS; i++) {
        float t0 = (float)i / SEGMENTS * 2 * (float)M_PI, t1 = (float)(i + 1) / SEGMENTS * 2 * (float)M_PI;
        v[i * 3] = vtx(p.x, p.y, col, a);
        v[i * 3 + 1] = vtx(p.x + rp * cosf(t0), p.y + rp * sinf(t0), col, a);
        v[i * 3 + 2] = vtx(p.x + rp * cosf(t1), p.y + rp * sinf(t1), col, a);
    }
    SDL_RenderGeometry(ui_renderer(f->u), NULL, v, SEGMENTS * 3, NULL, 0);
}

/* A limb: thick segment a-b with round ends, radius r (units of the box). */
static void capsule(const frame *f, pt a, pt b, float r, ui_color col)
{
    pt pa = to_px(f, a), pb = to_px(f, b);
    float dx = pb.x - pa.x, dy = pb.y - pa.y, len = sqrtf(dx * dx + dy * dy);
    float rp = r * f->s;
    if (len > 0.5f) {
        float nx = -dy / len * rp, ny = dx / len * rp;
        SDL_Vertex v[6] = {
            vtx(pa.x + nx, pa.y + ny, col, 255), vtx(pb.x + nx, pb.y + ny, col, 255),
            vtx(pb.x - nx, pb.y - ny, col, 255), vtx(pa.x + nx, pa.y + ny, col, 255),
            vtx(pb.x - nx, pb.y - ny, col, 255), vtx(pa.x - nx, pa.y - ny, col, 255),
        };
        SDL_RenderGeometry(ui_renderer(f->u), NULL, v, 6, NULL, 0);
    }
    disc(f, a, r, col, 255);
    disc(f, b, r, col, 255);
}

static pt lerp(pt a, pt b, float t)
{
    return (pt){ a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t };
}

/* 0 at rest, 1 at the top: 1.5 s up, 1 s hold, 1.5 s down, 1 s rest, eased. */
static float pose_at(int64_t t_ms)
{
    int64_t t = t_ms % CYCLE_MS;
    if (t < 0)
        t += CYCLE_MS;
    float p;
    if (t < 1500)
        p = (float)t / 1500.0f;
    else if (t < 2500)
        p = 1;
    else if (t < 4000)
        p = 1 - (float)(t - 2500) / 1500.0f;
    else
        p = 0;
    return p * p * (3 - 2 * p);
}

static const float LIMB = 0.035f, HEAD = 0.06f;

static void mat(const frame *f)
{
    capsule(f, (pt){ 0.04f, 0.93f }, (pt){ 0.96f, 0.93f }, 0.008f, UI_GREY);
}

/* Head, torso and an arm for a person lying on the back (head left). */
static void lying_body(const frame *f, pt shoulder, pt hip)
{
    disc(f, (pt){ shoulder.x - 0.09f, shoulder.y - 0.02f }, HEAD, UI_WHITE, 255);
    capsule(f, shoulder, hip, LIMB * 1.5f, UI_WHITE);
    capsule(f, shoulder, (pt){ shoulder.x + 0.18f, 0.86f }, LIMB * 0.7f, UI_WHITE);
}

/* Side-lying, knees bent, feet together; the top knee opens about the line
 * from hip to feet, foreshortened as seen from the front. */
static void fig_clamshell(const frame *f, float p)
{
    pt head = { 0.13f, 0.66f }, shoulder = { 0.24f, 0.72f }, hip = { 0.52f, 0.74f };
    pt feet = { 0.80f, 0.76f }, knee0 = { 0.72f, 0.86f };
    disc(f, head, HEAD, UI_WHITE, 255);
    capsule(f, (pt){ 0.08f, 0.80f }, (pt){ 0.24f, 0.80f }, LIMB * 0.7f, UI_WHITE); /* arm */
    capsule(f, shoulder, hip, LIMB * 1.6f, UI_WHITE);
    capsule(f, hip, knee0, LIMB, UI_GREY); /* bottom leg stays */
    capsule(f, knee0, feet, LIMB, UI_GREY);
    pt mid = lerp(hip, feet, 0.5f);
    float a = p * 1.25f; /* up to ~72 degrees of opening */
    float dx = knee0.x - mid.x, dy = knee0.y - mid.y, len = sqrtf(dx * dx + dy * dy);
    pt knee = { mid.x + dx * cosf(a), mid.y + dy * cosf(a) - len * 2.2f * sinf(a) };
    capsule(f, hip, knee, LIMB, UI_ACCENT);
    capsule(f, knee, feet, LIMB, UI_ACCENT);
}

/* On the back, knees bent, feet flat; the hips lift until shoulders, hips
 * and knees line up. */
static void fig_bridge(const frame *f, float p)
{
    pt shoulder = { 0.22f, 0.82f }, knee = { 0.66f, 0.58f }, foot = { 0.76f, 0.87f };
    pt hip = lerp((pt){ 0.46f, 0.84f }, (pt){ 0.46f, 0.68f }, p);
    lying_body(f, shoulder, hip);
    capsule(f, hip, knee, LIMB * 1.2f, UI_ACCENT);
    capsule(f, knee, foot, LIMB, UI_WHITE);
    capsule(f, foot, (pt){ foot.x + 0.05f, foot.y }, LIMB * 0.7f, UI_WHITE);
    disc(f, hip, LIMB * 1.9f, UI_ACCENT, 255);
}

/* On the back, the leg straight; the thigh tightens and the knee presses
 * down: the thigh pulses in the accent colour with a widening ring. */
static void fig_quad_set(const frame *f, float p)
{
    pt shoulder = { 0.20f, 0.82f }, hip = { 0.50f, 0.84f };
    pt knee = { 0.70f, 0.84f + 0.01f * p }, ankle = { 0.90f, 0.84f };
    if (p > 0.05f) /* the pulse, under the thigh */
        disc(f, lerp(hip, knee, 0.5f), LIMB * (1.5f + 2.0f * p), UI_ACCENT, (uint8_t)(110 * p));
    capsule(f, (pt){ 0.50f, 0.80f }, (pt){ 0.88f, 0.79f }, LIMB * 0.9f, UI_GREY); /* far leg */
    lying_body(f, shoulder, hip);
    ui_color thigh = {
        (uint8_t)(255 + (UI_ACCENT.r - 255) * p), (uint8_t)(255 + (UI_ACCENT.g - 255) * p),
        (uint8_t)(255 + (UI_ACCENT.b - 255) * p),
    };
    capsule(f, hip, knee, LIMB * (1.2f + 0.3f * p), thigh);
    capsule(f, knee, ankle, LIMB, UI_WHITE);
    capsule(f, ankle, (pt){ 0.92f, 0.76f }, LIMB * 0.7f, UI_WHITE); /* foot up */
}

/* Straight-leg raise: one knee bent, the other leg lifts straight. */
static void fig_generic(const frame *f, float p)
{
    pt shoulder = { 0.20f, 0.82f }, hip = { 0.50f, 0.84f };
    lying_body(f, shoulder, hip);
    capsule(f, hip, (pt){ 0.64f, 0.62f }, LIMB, UI_GREY);
    capsule(f, (pt){ 0.64f, 0.62f }, (pt){ 0.74f, 0.87f }, LIMB, UI_GREY);
    float a = p * 0.45f, len = 0.42f;
    pt foot = { hip.x + len * cosf(a), hip.y - len * sinf(a) * 1.6f };
    capsule(f, hip, foot, LIMB * 1.1f, UI_ACCENT);
}

void ui_demo_figure(ui *u, exercise_kind ex, bool mirror, int64_t t_ms, int x, int y, int w,
                    int h)
{
    /* The pose uses y from 0.45 to 1 of a square unit box: fit that band. */
    float side = (float)w;
    if (side * 0.55f > (float)h)
        side = (float)h / 0.55f;
    frame f = { u, (float)x + ((float)w - side) / 2,
                (float)y + ((float)h - side * 0.55f) / 2 - side * 0.45f, side, side, side, mirror };
    float p = pose_at(t_ms);
    mat(&f);
    switch (ex) {
    case EXERCISE_CLAMSHELL: fig_clamshell(&f, p); break;
    case EXERCISE_BRIDGE: fig_bridge(&f, p); break;
    case EXERCISE_QUAD_SET: fig_quad_set(&f, p); break;
    default: fig_generic(&f, p); break;
    }
}
