/*
 * motion: turns luma frames into one scalar "excursion" signal, the distance
 * the picture has moved away from the learned rest pose, plus the facts the
 * counter needs to tell a repetition from a nuisance (where the change is, how
 * much of the picture changed, whether it looks like the reps counted so far).
 * The first half of the counting core (reps.c runs the state machine on the
 * signal). Pure: no I/O, no globals, no allocation after motion_create, fixed
 * memory for any frame size up to MOTION_MAX_DIM on a side.
 *
 * How the signal is made, its units and its caveats are described at the top
 * of motion.c.
 */
#ifndef RM_MOTION_H
#define RM_MOTION_H

#include <stdbool.h>
#include <stdint.h>

#define MOTION_MAX_DIM 4096 /* largest frame side accepted, pixels */
#define MOTION_MAX_GRID 64  /* largest grid side, cells */

typedef struct motion_config {
    int grid;             /* target cells along the frame's longer side (default 48,
                             clamped to 4..MOTION_MAX_GRID) */
    float shrink_k;       /* a cell's departure from rest below shrink_k * sigma is
                             + shrink_levels is treated as noise and dropped
                             (default 4) */
    float shrink_levels;  /* absolute part of that threshold, luma levels: with
                             little sensor noise a flat surface's cell mean moves
                             in whole 8-bit levels under any exposure change
                             (default 0.75) */
    float still_k;        /* a cell "changed" when it moved more than
                             still_k * sigma + still_levels (default 6) */
    float still_levels;   /* absolute part of that threshold, luma levels (default 2) */
    float still_frac;     /* a frame is still when at most this fraction of the
                             cells changed (default 0.01) */
    int64_t learn_ms;     /* stillness needed to learn the rest pose, ms (default 1500) */
    int64_t rest_tau_ms;  /* time constant with which the rest pose absorbs slow
                             drift while the counter says "at rest", ms (default 10000) */
    int64_t smooth_ms;    /* time constant of the running average of frames that
                             is compared with the rest pose (and becomes it when
                             re-anchored), ms (default 150) */
    float sigma_min;      /* floor on the cell noise estimate, luma levels (default 0.1) */
    float jolt_frac;      /* a jolt: calm frames, then at most jolt_frames frames
                             in which at least this fraction of the cells
                             changed from one frame to the next, then calm again
                             (default 0.05) */
    int jolt_frames;      /* (default 2) */
    float calm_frac;      /* a frame is calm when fewer than this fraction of the
                             cells changed since the previous one (default 0.02) */
    int64_t calm_ms;      /* calm before and after a jolt, ms (default 300) */
    float energy_weight;  /* cells: the excursion adds this x the energy to the
                             moment, for movements of a pixel or two whose moment
                             is mostly lost below the noise (quad sets: 3; default 0) */
    float pattern_min;    /* once the reps' pattern is known, a frame less similar
                             to it than this is someone else's change and never
                             becomes a movement's template (default 0.4) */
    float moment_weight;  /* the excursion's moment term is multiplied by this
                             (default 1; quad sets 0: energy only) */
} motion_config;

motion_config motion_default_config(void);

typedef struct motion_sample {
    bool learned;         /* a rest pose is known; the fields below are valid */
    bool relearned;       /* the rest pose was (re)learned at this frame */
    float learn_progress; /* 0..1 while learning, 1 once learned */
    float excursion;      /* how far the picture moved from rest: magnitude of the
                             first moment of the departure map, luma levels x cells
                             (0 at rest, grows about linearly with displacement);
                             inside the learned zone once there is one */
    float moment;         /* the first moment alone (the excursion without the
                             energy term; how far, not how much) */
    float energy;         /* total departure from rest above noise, luma levels
                             summed over the same cells (saturates once a limb
                             clears its rest position; for detection) */
    float energy_out;     /* the same outside the zone (0 while there is none) */
    float cx, cy;         /* centroid of that departure, 0..1 of the grid's width
                             and height (0.5 when there is none) */
    float spread;         /* fraction of all cells departing from rest above noise */
    float match;          /* while the counter reports "not at rest": how much of
                             the departure pattern seen at this movement's largest
                             excursion is present now, by projection without the
                             noise threshold (1 there, 0 back at rest); 0 at rest */
    float similarity;     /* cosine between the departure map and the average
                             pattern at the top of the reps committed so far
                             (motion_commit_rep), -1..1; 0 when none yet */
    int zone_reps;        /* reps committed to the zone so far (0 = no zone) */
    int pattern_reps;     /* reps in the top pattern similarity compares with
                             (0 = similarity unknown: none yet, or forgotten) */
    float sigma;          /* current noise of one cell's mean in the smoothed
                             picture compared with rest, luma levels */
    bool still;           /* hardly any cell changed since the previous frame */
    float moved;          /* fraction of the cells that changed since the previous
                             frame (a knocked camera moves many in one frame) */
    bool jolted;          /* the picture jumped (a knocked camera, a light switched,
                             something dropped in view) and has been calm since
                             for calm_ms: the smoothed picture is the average of
                             those calm frames, ready to be the rest pose */
    int64_t jolt_ms;      /* when jolted: the frame time the jump began */
} motion_sample;

typedef struct motion motion;

/* Creates an analyser; cfg NULL means motion_default_config(). Never NULL. */
motion *motion_create(const motion_config *cfg);
/* Accepts NULL. */
void motion_destroy(motion *m);
/* Forgets the rest pose, the zone and the noise estimate: the next frames relearn. */
void motion_reset(motion *m);

/* Analyses one frame (luma, width x height, stride bytes per row, t_ms the frame
 * time in ms) and fills *out. A size change relearns the rest pose. Returns false
 * (and leaves the state alone) for a NULL or oversized frame. */
bool motion_feed(motion *m, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, motion_sample *out);

/* The counter's verdict, used for the next frames: only while at_rest does the
 * rest pose absorb slow drift and the noise estimate follow the sensor. Starts
 * true after (re)learning. Going from at rest to not at rest starts a new
 * movement (its template and footprint start empty). */
void motion_set_at_rest(motion *m, bool at_rest);

/* The movement that just ended was a counted repetition: its footprint (every
 * cell it changed) joins the zone that later excursions are measured in, and
 * its top pattern joins the average that `similarity` compares with. Returns
 * the excursion of that top pattern as measured from now on (inside the
 * zone), so a range calibrated on it matches later reps; 0 when none. */
float motion_commit_rep(motion *m);

/* The movement that just ended looked like a rep in all but its pattern:
 * keep its top pattern as a candidate (replacing any earlier one). */
void motion_keep_candidate(motion *m);
/* Cosine between the current movement's top pattern and the candidate; 0
 * when there is none. */
float motion_candidate_match(const motion *m);
/* The candidate becomes the reps' pattern (as if from one rep), replacing the
 * one learned; call motion_commit_rep next to add the current movement. */
void motion_adopt_candidate(motion *m);

/* The camera was knocked: the reps' top pattern no longer lines up with the
 * picture, so it is forgotten (similarity unknown until the next committed
 * rep); the zone, grown by a cell, still holds. */
void motion_forget_pattern(motion *m);

/* The picture has settled somewhere new (a bumped camera, a person who moved
 * over): the average of the last frames becomes the rest pose at once, keeping
 * the noise estimate and the zone. No-op before a rest pose is learned. */
void motion_reanchor(motion *m);

#endif
