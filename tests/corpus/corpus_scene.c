/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * corpus_scene: a planned clip (corpus_plan.c) turned into frames and labels.
 * Each frame's state is computed from the plan at the frame's time: the pose
 * from the move under way (eased up, hold, eased down; a fidget's body shift
 * glides to its new place over the fidget and stays), the walkers' positions,
 * the exposure gain (steps ramp over step_len_ms; drift is linear over the clip),
 * the flicker phase at the exact frame time, the camera shift after a bump.
 */
#include <math.h>
#include <string.h>

#include "corpus.h"
#include "reps.h"

#define TWO_PI 6.283185307179586

static const char *const NUISANCE[CN_COUNT] = {
    "noise",   "exposure-step", "exposure-drift", "flicker",   "rolling-shutter",
    "pass-behind", "pass-front", "fidget",       "bump",      "slow",
    "fast",    "long-rest",     "partial",       "short-hold",
};

const char *corpus_kind_name(corpus_kind k)
{
    static const char *const names[CORPUS_KIND_COUNT] = { "positive", "neg-fidget",
                                                          "neg-passers", "neg-light",
                                                          "neg-empty" };
    return (unsigned)k < CORPUS_KIND_COUNT ? names[k] : "?";
}

void corpus_nuisance_names(unsigned nuisances, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < CN_COUNT; i++) {
        if (!((nuisances >> i) & 1u))
            continue;
        int k = snprintf(buf + n, cap - n, "%s%s", n ? "+" : "", NUISANCE[i]);
        if (k < 0 || (size_t)k >= cap - n)
            return;
        n += (size_t)k;
    }
    if (n == 0)
        snprintf(buf, cap, "none");
}

int corpus_count(const corpus_clip *c, corpus_move_kind kind)
{
    int n = 0;
    for (int i = 0; i < c->n_moves; i++)
        n += c->moves[i].kind == kind;
    return n;
}

int64_t corpus_frame_time(const corpus_clip *c, int k)
{
    return (int64_t)k * 1000 / c->fps;
}

/* 0 at rest, 1 at the top, u ms into move m. */
static float move_level(const corpus_move *m, int64_t u)
{
    return synth_move_level(u, m->up_ms, m->hold_ms, m->down_ms);
}

static synth_pose pose_at(const corpus_clip *c, int64_t t)
{
    synth_pose q = { 0 };
    for (int i = 0; i < c->n_moves; i++) {
        const corpus_move *m = &c->moves[i];
        int64_t u = t - m->start_ms, len = m->up_ms + m->hold_ms + m->down_ms;
        if (m->kind == MOVE_FIDGET) {
            /* the shift glides over the whole fidget and stays */
            float from_x = q.shift_x, from_y = q.shift_y;
            float g = u >= len ? 1.0f : synth_move_level(u, len, 1, 0);
            if (u < 0)
                break;
            q.shift_x = from_x + (m->to_x - from_x) * g;
            q.shift_y = from_y + (m->to_y - from_y) * g;
            if (u < len) {
                q.arm = m->arm * move_level(m, u);
                q.head = m->head * move_level(m, u);
            }
        } else if (u >= 0 && u < len) {
            q.s = m->amp * move_level(m, u);
        }
    }
    return q;
}

static synth_walker walker_at(const corpus_walk *w, int64_t t)
{
    synth_walker s = { 0 };
    int64_t u = t - w->start_ms;
    if (u < 0 || u >= w->dur_ms)
        return s;
    s.active = true;
    if (w->sway_hz > 0.0f) /* to and fro, starting in the middle */
        s.x = 0.5f * (w->from_x + w->to_x) +
              0.5f * (w->to_x - w->from_x) *
                  (float)sin(TWO_PI * (double)w->sway_hz * (double)u / 1000.0);
    else
        s.x = w->from_x + (w->to_x - w->from_x) * (float)u / (float)w->dur_ms;
    s.foot_y = w->foot_y;
    s.height = w->height;
    s.luma = w->luma;
    s.phase = (float)(TWO_PI * 0.9 * (double)u / 1000.0 * (w->front ? 1.5 : 1.0));
    return s;
}

static float gain_at(const corpus_clip *c, int64_t t)
{
    float g = 1.0f;
    for (int i = 0; i < c->n_steps; i++) {
        if (t < c->step_ms[i])
            break;
        float k = c->step_len_ms > 0
                      ? fminf(1.0f, (float)(t - c->step_ms[i]) / (float)c->step_len_ms)
                      : 1.0f;
        g += (c->step_gain[i] - g) * k;
    }
    return g * (1.0f + c->drift * (float)t / (float)(c->duration_ms > 0 ? c->duration_ms : 1));
}

void corpus_render(const corpus_clip *c, int k, uint8_t *luma)
{
    int64_t t = corpus_frame_time(c, k);
    synth_frame fr = synth_plain_frame();
    fr.pose = pose_at(c, t);
    fr.empty = c->empty;
    if (c->bump_ms >= 0 && t >= c->bump_ms) {
        fr.cam_dx = c->bump_dx;
        fr.cam_dy = c->bump_dy;
    }
    for (int i = 0; i < c->n_walks; i++) {
        synth_walker w = walker_at(&c->walks[i], t);
        if (w.active)
            *(c->walks[i].front ? &fr.front : &fr.behind) = w;
    }
    fr.gain = gain_at(c, t);
    if (c->flicker > 0.0f) {
        double exact_s = (double)k / (double)c->fps; /* the mains do not round */
        fr.flicker = c->flicker;
        fr.flicker_phase = (float)fmod(TWO_PI * c->flicker_hz * exact_s + c->flicker_phase,
                                       TWO_PI);
        fr.flicker_per_row = c->flicker_per_row;
    }
    synth_render_frame(&c->params, &fr, t, luma, c->params.width);
}

/* ---- labels -------------------------------------------------------------- */

static void write_moves(const corpus_clip *c, FILE *f, corpus_move_kind kind)
{
    int n = 0;
    for (int i = 0; i < c->n_moves; i++) {
        const corpus_move *m = &c->moves[i];
        if (m->kind != kind)
            continue;
        int64_t top = m->start_ms + m->up_ms, end = top + m->hold_ms + m->down_ms;
        fprintf(f, "%s\n    {\"start_ms\": %lld, \"top_ms\": %lld, \"hold_ms\": %lld, "
                   "\"end_ms\": %lld, \"amplitude\": %.2f, \"hold_met\": %s}",
                n++ ? "," : "", (long long)m->start_ms, (long long)top,
                (long long)m->hold_ms, (long long)end, (double)m->amp,
                m->hold_ms >= c->hold_target_ms ? "true" : "false");
    }
    fprintf(f, "%s]", n ? "\n  " : "");
}

static void write_scene(const corpus_clip *c, FILE *f)
{
    fprintf(f, "  \"walkers\": [");
    for (int i = 0; i < c->n_walks; i++)
        fprintf(f, "%s{\"start_ms\": %lld, \"end_ms\": %lld, \"front\": %s, \"stays\": %s}",
                i ? ", " : "", (long long)c->walks[i].start_ms,
                (long long)(c->walks[i].start_ms + c->walks[i].dur_ms),
                c->walks[i].front ? "true" : "false", c->walks[i].sway_hz > 0.0f ? "true" : "false");
    fprintf(f, "],\n  \"opens_mid_rep\": %s,\n  \"exposure_steps\": [",
            c->n_moves > 0 && c->moves[0].kind == MOVE_OPENING ? "true" : "false");
    for (int i = 0; i < c->n_steps; i++)
        fprintf(f, "%s{\"t_ms\": %lld, \"gain\": %.3f}", i ? ", " : "",
                (long long)c->step_ms[i], (double)c->step_gain[i]);
    fprintf(f, "],\n  \"drift\": %.3f,\n  \"flicker\": {\"amplitude\": %.3f, \"hz\": %.3f, "
               "\"rolling\": %s},\n",
            (double)c->drift, (double)c->flicker, (double)c->flicker_hz,
            c->flicker_per_row != 0.0f ? "true" : "false");
    if (c->bump_ms >= 0)
        fprintf(f, "  \"bump\": {\"t_ms\": %lld, \"dx\": %d, \"dy\": %d},\n",
                (long long)c->bump_ms, c->bump_dx, c->bump_dy);
}

bool corpus_write_labels(const corpus_clip *c, FILE *f)
{
    char nz[256];
    corpus_nuisance_names(c->nuisances, nz, sizeof nz);
    const synth_params *p = &c->params;
    fprintf(f,
            "{\n  \"name\": \"%s\",\n  \"seed\": %u,\n  \"index\": %d,\n"
            "  \"kind\": \"%s\",\n  \"exercise\": \"%s\",\n  \"nuisances\": \"%s\",\n"
            "  \"width\": %d,\n  \"height\": %d,\n  \"fps\": %d,\n  \"frames\": %d,\n"
            "  \"duration_ms\": %lld,\n  \"person\": {\"present\": %s, \"of_width\": %.2f, "
            "\"cx\": %.2f, \"mat_y\": %.2f, \"mirror\": %s},\n  \"noise\": %.2f,\n"
            "  \"hold_target_ms\": %lld,\n  \"count\": %d,\n  \"partial_count\": %d,\n",
            c->name, c->seed, c->index, corpus_kind_name(c->kind), exercise_id(p->exercise),
            nz, p->width, p->height, c->fps, c->frames, (long long)c->duration_ms,
            c->empty ? "false" : "true", (double)(0.95f * p->scale), (double)p->cx, (double)p->mat_y,
            p->mirror ? "true" : "false", (double)p->noise, (long long)c->hold_target_ms,
            corpus_count(c, MOVE_REP), corpus_count(c, MOVE_PARTIAL));
    write_scene(c, f);
    fprintf(f, "  \"fidgets\": [");
    int n = 0;
    for (int i = 0; i < c->n_moves; i++)
        if (c->moves[i].kind == MOVE_FIDGET)
            fprintf(f, "%s{\"start_ms\": %lld, \"end_ms\": %lld}", n++ ? ", " : "",
                    (long long)c->moves[i].start_ms,
                    (long long)(c->moves[i].start_ms + c->moves[i].up_ms +
                                c->moves[i].hold_ms + c->moves[i].down_ms));
    fprintf(f, "],\n  \"reps\": [");
    write_moves(c, f, MOVE_REP);
    fprintf(f, ",\n  \"partials\": [");
    write_moves(c, f, MOVE_PARTIAL);
    fprintf(f, "\n}\n");
    return !ferror(f);
}
