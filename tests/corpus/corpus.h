/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * corpus: seeded, labelled test clips for the counter. A clip is planned from
 * (seed, index) alone: its exercise (or a negative with no exercise), size, rate,
 * where the person lies, and the nuisances of issue 3 (sensor noise, exposure
 * steps and drift, mains flicker with or without rolling-shutter bands, people
 * walking past behind or in front, fidgeting between sets, a bumped camera, slow
 * and fast reps, a minute's rest, partial reps, quad-set holds that fall short),
 * then rendered frame by frame with synth_render_frame. The truth (each rep's
 * return to rest, its hold, whether the hold meets the prescription, partials)
 * comes from the same schedule that drew the frames.
 *
 * Coverage is by construction, not by luck: clip i is a negative when i % 6 == 5
 * (fidgeting, passers-by, lighting, empty room in turn); the p-th positive has
 * exercise p % 4 and main nuisance (p / 4) % CN_COUNT, so the first 56 positives
 * hold every exercise with every nuisance; each positive also gets each other
 * nuisance with a small probability, and size, rate, placement and tempo are
 * random; some clips are portrait, some clean (web video's noise), some
 * begin with the first rep, some in the middle of one, some have a second
 * person moving beside the mat throughout (see corpus_plan.c). Everything is a pure function of (seed, index), so a clip can be
 * rendered again without storing it: the same plan everywhere, the same pixels
 * from the same build (another compiler or CPU may round an anti-aliased edge
 * by a level).
 */
#ifndef RM_CORPUS_H
#define RM_CORPUS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "synth.h"

typedef enum corpus_kind {
    CORPUS_POSITIVE,
    CORPUS_NEG_FIDGET,  /* the person lies there and fidgets, no exercise */
    CORPUS_NEG_PASSERS, /* people walk past a still person or an empty mat */
    CORPUS_NEG_LIGHT,   /* lighting changes on a still person or an empty mat */
    CORPUS_NEG_EMPTY,   /* an empty room */
    CORPUS_KIND_COUNT
} corpus_kind;

/* Nuisances, as bit numbers in corpus_clip.nuisances. */
typedef enum corpus_nuisance {
    CN_NOISE,         /* heavy sensor noise (sd 4-7 levels; 1-3 otherwise) */
    CN_EXPOSURE_STEP, /* auto-exposure steps of 25-40 % */
    CN_EXPOSURE_DRIFT,/* slow drift of 15-35 % over the clip */
    CN_FLICKER,       /* mains flicker: 100/120 Hz, some lamps 50/60 Hz, aliased */
    CN_ROLLING,       /* flicker with rolling-shutter bands */
    CN_PASS_BEHIND,   /* someone walks past behind the mat */
    CN_PASS_FRONT,    /* someone walks past close in front of the camera */
    CN_FIDGET,        /* getting comfortable between two sets */
    CN_BUMP,          /* the camera is knocked: a small permanent shift */
    CN_SLOW,          /* 3-4 s up and 3-4 s down */
    CN_FAST,          /* about 1 s a rep, little or no hold */
    CN_LONG_REST,     /* a minute's rest between two sets */
    CN_PARTIAL,       /* some reps well short of the range (not counted) */
    CN_SHORT_HOLD,    /* some holds fall short of the prescription */
    CN_COUNT
} corpus_nuisance;

/* OPENING: the clip begins during this rep (at its top, or on the way up):
 * its return to rest is not a rep, since it was never seen leaving rest. */
typedef enum corpus_move_kind { MOVE_REP, MOVE_PARTIAL, MOVE_FIDGET, MOVE_OPENING } corpus_move_kind;

/* One movement of the person: up, hold at the top, down (eased). */
typedef struct corpus_move {
    corpus_move_kind kind;
    int64_t start_ms, up_ms, hold_ms, down_ms;
    float amp;        /* REP, PARTIAL: top of the movement (1 = full range) */
    float arm, head;  /* FIDGET: how far the hand goes to the face, the head lifts */
    float to_x, to_y; /* FIDGET: the body's shift afterwards (person lengths) */
} corpus_move;

/* Someone walking past, or (sway_hz > 0) a companion who stays the whole
 * clip, drifting to and fro between from_x and to_x. */
typedef struct corpus_walk {
    int64_t start_ms, dur_ms;
    bool front;
    float from_x, to_x, foot_y, height, luma;
    float sway_hz;
} corpus_walk;

#define CORPUS_MAX_MOVES 64
#define CORPUS_MAX_WALKS 4
#define CORPUS_MAX_STEPS 4

typedef struct corpus_clip {
    char name[48];
    uint32_t seed;
    int index;
    corpus_kind kind;
    unsigned nuisances;      /* 1u << corpus_nuisance */
    synth_params params;     /* exercise, size, placement, noise; reps unused */
    int fps, frames;
    int64_t duration_ms;
    int64_t hold_target_ms;  /* the prescription a hold is judged against */
    bool empty;              /* nobody on the mat */
    corpus_move moves[CORPUS_MAX_MOVES];
    int n_moves;
    corpus_walk walks[CORPUS_MAX_WALKS];
    int n_walks;
    int64_t step_ms[CORPUS_MAX_STEPS]; /* exposure steps: when, */
    float step_gain[CORPUS_MAX_STEPS]; /* the gain after it, */
    int64_t step_len_ms;               /* and how long the change takes */
    int n_steps;
    float drift;             /* gain change by the end of the clip (0 = none) */
    float flicker, flicker_hz, flicker_per_row, flicker_phase;
    int64_t bump_ms;         /* < 0: no bump */
    int bump_dx, bump_dy;    /* pixels */
} corpus_clip;

/* Plans clip `index` of the corpus `seed`. */
void corpus_plan(uint32_t seed, int index, corpus_clip *c);

/* Frame k: its time (k * 1000 / fps ms, as `count` stamps it) and pixels
 * (width x height, stride = width). */
int64_t corpus_frame_time(const corpus_clip *c, int k);
void corpus_render(const corpus_clip *c, int k, uint8_t *luma);

/* "noise+flicker+bump", or "none". */
void corpus_nuisance_names(unsigned nuisances, char *buf, size_t cap);
const char *corpus_kind_name(corpus_kind k);
/* Counted reps and partials in the truth. */
int corpus_count(const corpus_clip *c, corpus_move_kind kind);
/* The label JSON; false on a write error. */
bool corpus_write_labels(const corpus_clip *c, FILE *f);

#endif
