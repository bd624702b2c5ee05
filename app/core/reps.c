/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reps: the repetition counter (see reps.h), on the signal of motion.c. This
 * file follows the signal: the rest end, excursions and changes of position;
 * reps_hold.c times holds and reps_verdict.c decides and says reps.
 *
 * The idea. While someone exercises, the picture goes back and forth along one
 * direction in grid space, from the pose they rest in to the top of the rep and
 * back; motion.c finds that direction in the last 12 s and gives the frame's
 * position along it with the window's low and high ends. A rep is one cycle:
 * leave the rest end, get well out, come back. So:
 *
 * - Range. range = hi - lo, the extent of the recent movement. While it is
 *   below min_range (luma levels, root mean square over the picture) nothing
 *   moves enough to be an exercise (breathing, codec noise, someone lying
 *   still) and nothing is counted. A movement changes the picture's root
 *   mean square in proportion to the mover's size in it (from twice as far,
 *   half as much), so min_range holds for the framing it was chosen on and
 *   scales with reps_config.scale, which the station takes from its camera's
 *   distance and field of view (reps_camera_scale). Every other threshold is
 *   a fraction of the range or of the rep's own size, so clean web video and
 *   a noisy camera are the same to the counter, and so, min_range scaled,
 *   are a small figure and a large one. Someone whose reps move the picture
 *   less than that (a small range of motion, a camera farther than it was
 *   told) says so by pressing OK for a rep it missed: reps_missed lowers
 *   min_range to half of what the window saw move. With rm-station
 *   --press-missed (a person who presses for each rep not counted) on the
 *   real clips shown from 1.5 and 2 times as far, not told, the camera
 *   counted 30 of 37 and 24 of 36 of the reps after a clip's first press,
 *   against 10 and 1 without it, for 29 and 35 presses against 49 and 58.
 * - Rest. When the range first exceeds min_range, the end of it the picture
 *   was at first is where the person rests (they move away from rest to
 *   exercise): no still period is needed. It is learnt again when the
 *   direction turns (another movement dominates), after quiet_ms of quiet,
 *   and after a cut (motion.h: an edit, a knocked camera), where the
 *   excursion under way is dropped too. A pause (still for 4 s, motion.h)
 *   keeps the window, the range and the rest as the movement left them, so
 *   the rep after a rest or a slow start is counted like the others.
 *   A bridge lifts the hips, so on its way out the picture moves up the
 *   frame (motion_rise, the optical-flow constraint on the window's mean).
 *   A bridge's excursion that moved it down was the way back from a top
 *   taken for rest (the clip or the set began at the top, or the camera
 *   came back there): it is not a rep, and rest is the other end. Other
 *   exercises keep the first end: the knee of a clamshell seen from the
 *   feet or the front moves toward the camera as much as up.
 * - Excursion. Its base is the rest pose: the pose at the lowest point since
 *   the last return, kept as a grid (motion_mark), whose position is taken
 *   anew on each frame. Positions are measured from the window's mean along
 *   its direction, and both move as the window fills (most of all while the
 *   person holds a pose the window has not seen much of), so a number kept
 *   from the frame it was seen on drifts away from the pose it stood for: a
 *   plank held still would seem to sink back toward rest and count as a rep.
 *   On the real corpus this took exact from 0.58 to 0.60 and the negatives
 *   that count from 26 to 23 of 64, and held-out exact from 0.53 to 0.58
 *   (tuning 0.62 to 0.61): judged on all 209 clips, held-out ones too, as
 *   it has no value to choose. The excursion begins when the picture is
 *   leave_level of the range above the base, and ends when it is back
 *   below return_level of its own peak: the rep is decided on that
 *   frame, three quarters of the way back down, and said once the person is
 *   back: when the picture has stopped coming down, moving at under half
 *   the speed of its own return (verdict_settle). The
 *   pose first taken for rest may be lower than the set's later rests (a
 *   set-up or settling pose, someone lying a little differently after the
 *   first rep, a camera drifting): the way back then stops short of it and
 *   the reps would run together. So an excursion that came back valley_frac
 *   of the way or more and rises again by leave_level was back too, at its
 *   valley, which becomes rest; its rep is said as the next one rises. On
 *   the real corpus at four framings (rm-evaluate --framings 4) that took
 *   exact from 0.598 to 0.616, within one from 0.835 to 0.850, the error
 *   from 0.266 to 0.240, and the bridges from 112 to 121 of 156 clip
 *   framings; negatives counting from 91 to 93 of 256. One who stops there
 *   instead, stopped for still_back_ms (they rest between reps, or the set
 *   is over), is back where they stopped: the rep is said then, not at a
 *   rise that may not come or, after 2 x hold + 6 s, dropped as a change of
 *   position. On the real clips with a 10 s rest held after their first
 *   rep (tests/real/insert_pause.py) exact went from 0.525 to 0.535; at
 *   four framings, exact in place from 0.579 to 0.584 (exact 0.616 to
 *   0.617, reps on time from 679 to 684, negatives the same).
 * - Verdict. It counts if it lasted min_rep_ms and ended within twice the
 *   hold target plus max_extra_ms (having begun, it reached leave_level).
 *   An excursion already under way at the counter's first ready frame (the
 *   clip or the set began mid-rep) began before the counter could see it:
 *   its min_rep_ms is timed from when the window last saw the rest end, and
 *   its rep says it began unseen (so may its hold have).
 *   Once there are reps, an excursion smaller than partial_frac of the
 *   middle of the last SWINGS is a PARTIAL.
 * - Change of position. An excursion out for longer than that is not a rep
 *   but the person moving to a new pose (lying down, going into a plank, a
 *   set-up): it is dropped, and the window forgets all but its last
 *   FORGET_MS, since a set-up's range would otherwise dwarf the reps that
 *   follow it for the window's whole 12 s. The rest end is learnt again.
 *   Only a return or this ends an excursion: not the movement fading from
 *   the window (the range below min_range while they are out, once they
 *   have stayed away longer than the window keeps where they came from, or
 *   the direction has turned). Someone who got into a plank or a stretch and
 *   stays there has not come back; one who comes back from a hold that long
 *   is counted once the return fills a tenth of the window and shows in its
 *   range, about a second late. Deciding a rep as the range fell quiet had
 *   counted held poses and set-ups: not doing so took the real corpus at
 *   four framings from exact 0.617 to 0.635 (tuning rows 0.652 to 0.671,
 *   held-out 0.556 to 0.572; exact in place 0.587 to 0.603), negatives that
 *   count from 93 to 87 of 256, and at the programme's pace (--slower 2)
 *   exact from 0.603 to 0.636; 701 reps of 1263 on time against 710 of 1264.
 * - Hold. The time at the top: from reaching hold_frac of the excursion's
 *   peak until falling HOLD_BAND below that, while the picture has stopped
 *   (as for verdict_settle), so the last of the way up and the start of the way down
 *   are not held and a slowly sagging top is. Distances are measured from the
 *   pose it left (that base kept in step as the window's mean, the origin of
 *   positions, moves along the direction; on the synthetic holds this timed
 *   them a little better than the marked pose, which also follows the
 *   direction's turning, and on the real ones the same). An excursion
 *   recognised only at its top (the first rep after lying still: its top
 *   must fill a tenth of a window of stillness before it sets the range) has
 *   the hold so far read back from the window's samples (hold_look_back).
 *   On the 119 real reps whose hold was labelled and paired it is off by
 *   0.32 s on average (97 of the 113 judged, met or short as the labels are).
 *
 * The values were chosen on the real-footage corpus (tests/real), on its 133
 * `tuning` rows: within one 0.86 and exact 0.68 there. On its 135 `held-out`
 * rows, added later and never used for a choice, within one 0.84 and exact
 * 0.64 (95% interval 0.56-0.72); on all 268, within one 0.85 and exact 0.66.
 * A clip framed 2-6% tighter counts differently in about a tenth of the
 * clips: over four framings, exact 0.65 and within one 0.87 on all 268
 * (tuning 0.67, held-out 0.63), which is the fairer figure; the values were
 * checked there too.
 * The quad set's min_range was chosen only on the synthetic person: the one
 * real quad set found since is a close-up of a thigh, whose 4.2 s hold it
 * counts (timed 3.9 s), which says nothing of a whole body at 2-3 m.
 *
 * Known failures (from looking at the frames of the real clips): a clip of any
 * exercise but the bridge that starts at the top of a rep, or with a set-up
 * movement before the first rep, takes the wrong end for rest (count off by at
 * most one, reps timed half a cycle off); a bridge filmed by a camera that
 * sways or pans can seem to sink and lose its reps; a set-up bigger than the
 * reps hides the reps that begin within 2 x hold + 6 s of it, until it is
 * known as a change of position; a single large movement that comes back
 * (changing legs in a stretch, a mobility drill) counts as a rep, as does a
 * set-up that stops past half-way back; a rep back at a valley is said as
 * the next one rises or after a second stopped there, up to a second late, and a
 * movement that rocks to and fro without coming back (a stretch, a hand
 * circling on the belly) can be counted at each valley; movements that
 * are not one back-and-forth (circles, alternating limbs that rest in the
 * middle, two directions) are under-counted, alternating limbs often by half;
 * the gate needs the person's size in the picture from outside (the
 * camera's distance): shown from 1.5 and 2 times as far (rm-evaluate
 * --farther) the tuning rows at four framings count 0.583 and 0.496
 * exactly at scale 1, 0.641 and 0.620 told it (--scale); a counter told
 * the camera is nearer than it is loses the small reps, one told it is
 * farther counts a few more negatives (scale 0.8 on the clips as framed:
 * 0.652, negatives 94 of 260 against 87); a gate on the range over the
 * cells that move instead needs no telling, and counts a held pose's sway
 * (test_reps); lowered by an OK (reps_missed) for reps that move the picture
 * no more than breathing does, it counts breathing; a camera
 * that pans, zooms or shakes moves the picture more than the person; a person
 * who goes on moving after a rep (sliding the feet out) has it said up to a
 * second late, as is one back from a hold longer than the window; fidgeting
 * and passers-by with no exercise can be counted. Rep times on the real
 * clips (all 268): a median 0.00 s after the person is back, 257 of 430
 * within 0.3 s; played at the programme's pace (half speed, rm-evaluate
 * --slower 2) a median 0.30 s before it, 145 of 416: a slow return's last
 * part moves too little to tell from being back.
 */
#include "reps.h"

#include <math.h>
#include <stdlib.h>

#include "reps_priv.h"
#include "xmalloc.h"

/* Chosen on the first 89 real clips: within one 0.82 at these values;
 * min_range 4 or 8, leave/return 0.3/0.3, partial_frac 0.5 or 0.7, a window
 * of 6 or 16 s, a grid of 16 or 32 each moved it by 0.01-0.04 either way. */
static const tuning TUNING = {
    .min_range = 6.0f,      /* real reps have ranges of 8-50; a held plank's wobble
                               and breathing 3-5. Clamshells too: a lower 4 once
                               chosen for two small clamshell clips (both boomerang
                               GIFs, as it turned out) counted one of them and
                               miscounted three other clamshell-mode clips */
    .leave_level = 0.35f,   /* well clear of a resting person's sway */
    .return_level = 0.25f,  /* real people do not come back to exactly the same pose */
    .valley_frac = 0.5f,    /* half-way back: a rep, whatever the pose first taken
                               for rest (0.4 and 0.6 scored below it on the tuning
                               rows at four framings) */
    .partial_frac = 0.6f,   /* the station's idea of "well short" of the reps */
    .hold_frac = 0.95f,     /* the top: within 5% of the peak (chosen on the synthetic
                               holds; on the real ones, with HOLD_BAND 0.05-0.15,
                               0.9-0.97 are off by 0.28-0.39 s, 0.34 s here) */
    .min_rep_ms = 400,      /* faster than any rep of these exercises */
    .still_back_ms = 1000,  /* a rest, not the turn of a rep at its valley (a few
                               frames); 700 and 1500 counted 3-4 fewer of the
                               tuning rows exactly at four framings */
    .quiet_ms = 3000,       /* a rest between sets is longer */
    .max_extra_ms = 6000,   /* a rep's movement without its hold takes 1-4 s */
};

/* A quad set moves a few pixels (a tightening thigh, a kneecap drawn up): its
 * range is a fraction of a limb's. Chosen on the synthetic person only: the
 * one real quad set found (a close-up of the thigh) cannot check it for a
 * whole body at 2-3 m, which is why the station leads quad sets by the clock
 * (timed_hold.h) and this serves only `count --exercise quad-set` and the
 * synthetic corpus. */
#define QUAD_SET_MIN_RANGE 1.0f

/* After a change of position the window keeps only its last 2 s: the new
 * pose, and the start of the first rep from it if one has begun (the rest
 * end is learnt from what it holds). On the real corpus 1, 3 and 4 s scored
 * within a clip or two of 2 s on every measure. */
#define FORGET_MS 2000

reps_config reps_default_config(exercise_kind exercise)
{
    static const int64_t hold_ms[EXERCISE_KIND_COUNT] = {
        [EXERCISE_CLAMSHELL] = 1000, /* "pause briefly": 1-2 s */
        [EXERCISE_BRIDGE] = 2000,    /* 2-3 s at the top */
        [EXERCISE_QUAD_SET] = 5000,  /* 5-10 s */
        [EXERCISE_GENERIC] = 0,
    };
    reps_config c = {
        .exercise = exercise,
        .hold_target_ms = (unsigned)exercise < EXERCISE_KIND_COUNT ? hold_ms[exercise] : 0,
    };
    return c;
}

double reps_view_width_m(double distance_m, double view_deg)
{
    if (!(distance_m >= REPS_CAMERA_DISTANCE_MIN && distance_m <= REPS_CAMERA_DISTANCE_MAX &&
          view_deg >= REPS_CAMERA_VIEW_MIN && view_deg <= REPS_CAMERA_VIEW_MAX))
        return 0.0;
    const double pi = 3.14159265358979323846;
    return 2.0 * distance_m * tan(view_deg / 2.0 * pi / 180.0);
}

float reps_camera_scale(double distance_m, double view_deg)
{
    double view_m = reps_view_width_m(distance_m, view_deg);
    return view_m > 0.0 ? (float)(REPS_REFERENCE_VIEW_M / view_m) : 1.0f;
}

/* reps_config.scale as used: 0 (not given) is the tuned framing, and it is
 * kept within what was measured (rm-evaluate --farther takes the clips to 4
 * times as far; a person 4 times nearer than the median fills no picture). */
static float person_scale(float scale)
{
    if (!(scale > 0.0f))
        return 1.0f;
    return scale < 0.25f ? 0.25f : scale > 4.0f ? 4.0f : scale;
}

reps_counter *reps_create(const reps_config *cfg)
{
    reps_counter *c = xcalloc(1, sizeof *c);
    c->cfg = *cfg;
    c->tun = TUNING;
    if (cfg->exercise == EXERCISE_QUAD_SET)
        c->tun.min_range = QUAD_SET_MIN_RANGE;
    c->tun.min_range *= person_scale(cfg->scale);
    c->first_min_range = c->tun.min_range;
    motion_config mc = motion_default_config();
    /* still, for a pause: within the noise band of the least movement counted */
    mc.still_level = HOLD_BAND * c->tun.min_range;
    c->motion = motion_create(&mc);
    reps_reset(c);
    return c;
}

void reps_destroy(reps_counter *c)
{
    if (!c)
        return;
    motion_destroy(c->motion);
    free(c);
}

/* Forgets the count, the rest end and any movement under way. */
static void forget(reps_counter *c)
{
    c->fresh = true; /* the next ready frame learns the rest end from the window */
    c->rest_side = 0;
    c->quiet_since = -1;
    c->range = c->level = 0.0f;
    c->count = 0;
    c->n_swings = 0;
    c->out = false;
    c->hold_since = -1;
    c->pending = false;
}

void reps_reset(reps_counter *c)
{
    motion_reset(c->motion);
    c->s = (motion_sample){ 0 };
    c->started = false;
    forget(c);
}

void reps_restart(reps_counter *c, int64_t keep_ms)
{
    if (!c->started) {
        reps_reset(c);
        return;
    }
    motion_forget(c->motion, keep_ms, &c->s); /* the window keeps its last keep_ms */
    forget(c);
}

/* Marks the window's sample nearest the rest end as the rest pose. */
static void mark_rest_end(reps_counter *c)
{
    c->s.ref_pos = motion_mark(c->motion, true, c->rest_side < 0 ? c->s.lo : c->s.hi);
}

/* Where the person rests: the end of the range the picture was at first. */
static void learn_rest(reps_counter *c)
{
    c->rest_side = c->s.lo_ms <= c->s.hi_ms ? -1 : 1;
    mark_rest_end(c);
    c->out = false;
    c->hold_since = -1;
}

/* Whether the excursion now back was a bridge's way down: a bridge lifts the
 * hips, so on its way out the picture moves up the frame (motion_rise). */
static bool sank(const reps_counter *c)
{
    if (c->cfg.exercise != EXERCISE_BRIDGE)
        return false;
    float rise = motion_rise(c->motion);
    return (c->rest_side < 0 ? rise : -rise) < 0.0f;
}

/* The frame now is where the person rests: past the rest pose marked (on the
 * far side from the excursions), or back from a rep. u: its oriented position. */
static void rest_here(reps_counter *c, float u)
{
    c->s.ref_pos = motion_mark(c->motion, false, 0.0f);
    c->base = u;
}

/* How an excursion out is back, if it is. */
typedef enum { NOT_BACK, BACK_HERE, BACK_AT_VALLEY, BACK_STILL } back;

/* Whether the excursion is back: near the rest pose (return_level of its
 * peak distance), or it came back at least valley_frac of the way and then
 * rose again by leave_level (back at the valley) or has stayed there,
 * stopped, for still_back_ms (back still, here): the person was back, only short
 * of the pose first taken for rest (that pose was a set-up's, or they lie a
 * little differently now, or the camera has drifted). */
static back came_back(reps_counter *c, float d, int64_t t_ms)
{
    c->valley_pos -= c->s.shift;
    if (d < c->tun.return_level * c->peak_d)
        return BACK_HERE;
    bool past_valley = d < c->tun.valley_frac * c->peak_d;
    if (past_valley && (c->valley_d < 0.0f || d < c->valley_d)) {
        c->valley_d = d;
        c->valley_pos = c->s.pos;
    }
    if (c->valley_d >= 0.0f && d > c->valley_d + c->tun.leave_level * c->range)
        return BACK_AT_VALLEY;
    if (!past_valley || !c->stopped)
        c->still_since = -1;
    else if (c->still_since < 0)
        c->still_since = t_ms;
    return c->still_since >= 0 && t_ms - c->still_since >= c->tun.still_back_ms ? BACK_STILL
                                                                                : NOT_BACK;
}

/* Out longer than a rep lasts (twice the hold target plus max_extra_ms): the
 * person has moved to a new pose. */
static bool out_too_long(const reps_counter *c, int64_t t_ms)
{
    return t_ms - c->start_ms > 2 * c->cfg.hold_target_ms + c->tun.max_extra_ms;
}

/* A change of position (lying down, turning over, a set-up): the excursion
 * is not a rep and is dropped, the window forgets what came before it, whose
 * range would dwarf the reps to come, and the rest end (with its base) is
 * learnt again. */
static size_t change_of_position(reps_counter *c, int64_t t_ms, reps_event *out, size_t cap,
                                 size_t n)
{
    n = verdict_close(c, t_ms, out, cap, n);
    motion_forget(c->motion, FORGET_MS, &c->s);
    c->rest_side = 0;
    return n;
}

static void begin_excursion(reps_counter *c, int64_t t_ms)
{
    c->out = true;
    c->held.n = 0;
    c->start_ms = c->rose_ms = t_ms;
    c->peak = c->peak_d = c->hold_peak = 0.0f;
    c->valley_d = -1.0f;
    c->still_since = -1;
    c->hold_ms = 0;
    c->hold_since = -1;
}

/* reps_missed: the least movement becomes MISSED_SHARE of the one the person
 * says was a rep (the next may be a little smaller, as a set's reps vary by
 * a third or so), and never below MISSED_FLOOR of what it was made with: a
 * quarter of min_range is 1.5 luma levels at the framing tuned on, where
 * breathing and a held plank's wobble move the picture by 3-5, so below it
 * the window saw nothing a person did on purpose. */
#define MISSED_SHARE 0.5f
#define MISSED_FLOOR 0.25f

float reps_missed(reps_counter *c)
{
    if (!c->s.ready)
        return 1.0f;
    float range = c->s.hi - c->s.lo;
    if (range >= c->tun.min_range || range < MISSED_FLOOR * c->first_min_range)
        return 1.0f;
    float least = MISSED_SHARE * range;
    if (least < MISSED_FLOOR * c->first_min_range)
        least = MISSED_FLOOR * c->first_min_range;
    float shrink = least / c->tun.min_range;
    c->tun.min_range = least;
    return shrink;
}

void reps_missed_undo(reps_counter *c, float shrink)
{
    if (!(shrink > 0.0f && shrink < 1.0f))
        return;
    c->tun.min_range /= shrink;
    if (c->tun.min_range > c->first_min_range)
        c->tun.min_range = c->first_min_range;
}

size_t reps_flush(reps_counter *c, reps_event *out, size_t cap)
{
    size_t n = verdict_say(c, c->last_ms, out, cap, 0);
    return n < cap ? n : cap;
}

size_t reps_feed(reps_counter *c, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms, reps_event *out, size_t cap)
{
    if (c->started && t_ms < c->last_ms)
        return 0;
    if (!motion_feed(c->motion, luma, width, height, stride, t_ms, &c->s))
        return 0;
    int64_t dt = c->started ? t_ms - c->last_ms : 0;
    if (!c->started)
        c->first_ms = t_ms;
    c->started = true;
    c->last_ms = t_ms;
    size_t n = 0;
    if (c->s.cut) { /* another scene: the excursion under way and the rest end go */
        n = verdict_say(c, t_ms, out, cap, n);
        n = verdict_close(c, t_ms, out, cap, n);
        c->rest_side = 0;
        c->quiet_since = -1;
        c->level = 0.0f;
        c->first_ms = t_ms; /* learning again, from this frame */
        c->fresh = true;
    }
    if (!c->s.ready)
        return n < cap ? n : cap;
    bool first_ready = c->fresh;
    c->fresh = false;
    n = verdict_settle(c, t_ms, out, cap, n);
    c->range = c->s.hi - c->s.lo;
    if (c->range < c->tun.min_range) {
        if (c->quiet_since < 0)
            c->quiet_since = t_ms;
        if (t_ms - c->quiet_since >= c->tun.quiet_ms && !c->out)
            c->rest_side = 0;
        c->level = 0.0f;
        /* Out, and the movement has faded from the window (held away from
         * rest for longer than the window keeps where they came from, or the
         * direction turned): they are not back, so nothing is decided. Only a
         * return or the change of position ends the excursion. */
        if (c->out && out_too_long(c, t_ms))
            n = change_of_position(c, t_ms, out, cap, n);
        return n < cap ? n : cap;
    }
    c->quiet_since = -1;
    if (c->rest_side == 0 || (c->s.turned && !c->out))
        learn_rest(c);
    float u = oriented(c);
    /* The hold is timed from where this excursion left, a fixed pose: its
     * position moves as the window's mean does. */
    c->hold_base -= c->rest_side < 0 ? c->s.shift : -c->s.shift;
    c->base = c->rest_side < 0 ? c->s.ref_pos : -c->s.ref_pos;
    if (!c->out && u < c->base)
        rest_here(c, u);
    float d = u - c->base;
    c->level = d / c->range;
    if (!c->out && c->level > c->tun.leave_level) {
        n = verdict_say(c, t_ms, out, cap, n);
        begin_excursion(c, t_ms);
        /* On the first ready frame rest was learnt just now, from the window. */
        c->left_ms = first_ready ? (c->rest_side < 0 ? c->s.lo_ms : c->s.hi_ms) : t_ms;
        c->began_unseen = first_ready;
        c->hold_base = c->base;
        hold_look_back(c, t_ms, d);
    }
    if (c->out) {
        if (c->level > c->peak)
            c->peak = c->level;
        if (d > c->peak_d)
            c->peak_d = d;
        n = hold_follow(c, u - c->hold_base, t_ms, dt, out, cap, n);
        if (out_too_long(c, t_ms)) {
            n = change_of_position(c, t_ms, out, cap, n);
        } else {
            back b = came_back(c, d, t_ms);
            if (b != NOT_BACK && sank(c)) {
                /* Rest was taken at the top (the set began there): this was
                 * the way down and up again, not a rep. Rest is the other end. */
                n = verdict_close(c, t_ms, out, cap, n);
                c->rest_side = -c->rest_side;
                mark_rest_end(c);
            } else if (b == BACK_HERE || b == BACK_STILL) {
                n = verdict_decide(c, t_ms, out, cap, n);
                rest_here(c, u);
                if (b == BACK_STILL) /* stopped a while ago: back, and said now */
                    n = verdict_say(c, t_ms, out, cap, n);
            } else if (b == BACK_AT_VALLEY) {
                /* rest is the valley: the next rep has left it already */
                n = verdict_decide(c, t_ms, out, cap, n);
                c->s.ref_pos = motion_mark(c->motion, true, c->valley_pos);
            }
        }
    }
    return n < cap ? n : cap;
}

reps_status reps_get_status(const reps_counter *c)
{
    reps_status st = { .count = c->count, .level = c->level < 0 ? 0 : c->level > 1 ? 1 : c->level,
                       .least = c->tun.min_range };
    if (!c->s.ready) {
        st.phase = REPS_PHASE_LEARNING;
        /* the window fills in about a second */
        float f = c->started ? (float)(c->last_ms - c->first_ms) / 1000.0f : 0.0f;
        st.learn_progress = f < 0.0f ? 0.0f : f > 0.95f ? 0.95f : f;
    } else if (c->hold_since >= 0) {
        st.phase = REPS_PHASE_HOLD;
        st.hold_ms = c->hold_ms;
    } else {
        /* a rep decided and not yet said: still on the way back */
        st.phase = c->out || c->pending ? REPS_PHASE_MOVING : REPS_PHASE_REST;
    }
    return st;
}

void reps_get_trace(const reps_counter *c, reps_trace *out)
{
    *out = (reps_trace){ .pos = c->s.pos, .lo = c->s.lo, .hi = c->s.hi, .lambda = c->s.lambda,
                         .range = c->range, .level = c->level, .peak = c->peak,
                         .rest_side = c->rest_side, .out = c->out };
}
