/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * session_reps: the counting screen's rules (session.h, "Honest counts").
 *
 * A rep comes from the camera (the counter's REP event) or from OK, and one
 * movement must not count twice:
 *  - OK within SESSION_MANUAL_WINDOW_MS after a camera rep means that rep: it
 *    adds nothing and says so ("Counted").
 *  - OK while the counter is in the middle of a movement, after one it did
 *    not count (a partial, or a movement it dropped, since the last rep
 *    counted), is for that one: a rep by hand at once, and the movement
 *    under way is the camera's to count (the person pressed for the rep
 *    they heard nothing for as they began the next).
 *  - Otherwise OK while the counter is in the middle of a movement (MOVING
 *    or HOLD) waits for the counter's verdict on it: a REP is the rep the OK meant; a
 *    PARTIAL, or the movement ending with no verdict, makes it a manual rep
 *    then (the person says it was one). The counter gives up on a movement
 *    after twice the hold target plus 6 s, so the wait is bounded; a camera
 *    lost meanwhile settles it as manual at once. Another OK while one
 *    waits is another rep (the waiting one counts at once, as when its wait
 *    runs out), unless within SESSION_OK_WAIT_MS of it: pressed again for
 *    the same one by someone who has heard nothing yet.
 *  - Otherwise OK adds a manual rep at once.
 * What this gets wrong: an OK meant for a rep the camera did not see at all
 * (too small to be a movement to it), pressed as the next one begins, waits
 * for that one and is merged with it if the counter calls it a rep; an OK
 * pressed in the middle of a rep, for that rep, after a movement the
 * counter dropped (a set-up, a shift on the mat) counts at once and the
 * camera counts the rep too: one over.
 *
 * Holds: the counter's clock stops while the set is off screen (session_priv.h),
 * so a hold paused in the menu goes on from where it was. A rep whose hold fell
 * short is flashed "Hold longer" and counts when the programme's
 * short_holds_count says so (the default), else it is flashed "Not counted" and
 * neither counted nor recorded. A partial is flashed "Partial", not counted.
 *
 * Undo: the open set's reps are kept (a set has at most 50), so the pause menu
 * can take the last ones back; the sink is told, and the log drops the rep.
 *
 * A block led by the clock (timed_hold.h, quad sets) counts the clock's holds
 * instead of the camera's reps, through the same path (so OK, undo and the
 * window treat them alike); any movement the camera sees spoils the running
 * hold.
 */
#include "session_priv.h"

#include <string.h>

#include "intl.h"

#define RELAX_MS 1500 /* "Relax" after a rep with a hold */
#define FLASH_MS 2500 /* a flash word (and its cue line) stays this long */
#define PENDING_CUE N_("OK seen: it counts when you are back down")
static const char MISSED_CUE[] = N_("If I miss a rep, press OK"); /* the phrase too */
#define MAX_FRAME_GAP_MS 500 /* a longer gap between frames (the pause menu) adds this */

static void flash(session *s, const char *word, const char *cue)
{
    s->flash_word = word;
    s->flash_cue = cue;
    s->flash_until = s->now + FLASH_MS;
}

/* Counts a rep done at rep.t_ms: the view, the undo list (with what it made
 * the counter's least movement shrink by), the sink; may complete the set. */
static void add_rep(session *s, session_rep rep, float shrink)
{
    session_view *v = &s->v;
    const programme_block *b = session_block(s);
    v->reps_done++;
    v->total_done++;
    v->block_done[v->block]++;
    v->last_rep_ms = s->now;
    s->uncounted_ms = 0;
    s->missed_before = false;
    rep.seq = v->rep_seq = ++s->seq;
    rep.timed = !rep.manual && v->timed;
    rep.number = v->reps_done;
    v->manual_reps += rep.manual;
    v->holds_met += rep.hold_met;
    if (s->n_set_reps < SESSION_MAX_SET_REPS) {
        s->set_shrink[s->n_set_reps] = shrink;
        s->set_reps[s->n_set_reps++] = rep;
    }
    if (s->sink.rep && s->set_id)
        session_saved(s, s->sink.rep(s->sink.ctx, s->set_id, &rep));
    else if (s->sink.rep)
        session_saved(s, false);
    if (v->reps_done < b->reps || v->set_complete)
        return;
    if (rep.manual) { /* pressed while looking: seen, and the next press goes on */
        session_set_done(s);
        return;
    }
    v->set_complete = true; /* shown a moment, then ended (session.h) */
    s->set_done_at = s->now;
}

void session_reps_finish_set(session *s)
{
    if (!s->v.set_complete)
        return;
    s->v.set_complete = false;
    s->v.manual_pending = false;
    session_set_done(s);
}

/* A rep the person says they did (OK). The camera counted nothing for it: if
 * it saw a movement too small to count, the person's reps are that small,
 * and the counter counts the like from now on (reps_missed; not for a hold
 * led by the clock, whose counter only watches for movement). Undo takes
 * that back with the rep. */
static void manual_rep(session *s)
{
    s->v.manual_pending = false;
    float shrink = s->v.timed ? 1.0f : reps_missed(s->counter);
    add_rep(s, (session_rep){ .manual = true, .t_ms = s->now }, shrink);
}

/* The OK waiting for a verdict counts now, without one: the camera's rep for
 * the movement under way at its press, if it comes later, is that OK's. */
static void ok_counts_now(session *s)
{
    s->ok_counted_ms = s->ok_at_ms;
    manual_rep(s);
}

/* A rep the counter or the clock reported, done at at_ms (session time). A
 * rep already under way when the counter became ready (begun before "Go" by
 * someone who did not wait, or as the camera came back) had part of its hold
 * unseen: its hold is not judged short. */
static void camera_rep(session *s, const reps_event *ev, int64_t at_ms)
{
    const programme_block *b = session_block(s);
    bool counted_by_ok = s->ok_counted_ms >= 0 && ev->start_ms + s->counter_shift <= s->ok_counted_ms;
    s->ok_counted_ms = -1;
    if (counted_by_ok)
        return; /* the movement the OK was pressed in, counted when the wait ran out */
    s->last_camera_rep_ms = s->now;
    s->v.manual_pending = false; /* an OK during this movement meant this rep */
    bool met = b->hold_s == 0 || ev->hold_met || ev->began_unseen;
    s->v.last_hold_ms = (int)ev->hold_ms;
    s->v.last_hold_met = met;
    if (b->hold_s > 0 && !s->v.timed)
        s->relax_until = s->now + RELAX_MS;
    s->v.short_holds += !met;
    if (!met && !s->prog.short_holds_count) {
        flash(s, N_("Not counted"), N_("Hold a little longer: that one did not count"));
        return;
    }
    if (!met)
        flash(s, N_("Hold longer"), N_("Hold a little longer next time"));
    add_rep(s, (session_rep){ .t_ms = at_ms, .hold_ms = ev->hold_ms, .hold_met = met,
                              .amplitude = ev->amplitude },
            1.0f);
}

static void partial(session *s)
{
    s->v.partials++;
    s->missed_before = true;
    flash(s, N_("Partial"), N_("That one was partial: go a little further"));
    if (s->v.manual_pending) /* the person pressed OK for it: theirs to say */
        manual_rep(s);
}

void session_reps_begin(session *s)
{
    s->n_set_reps = 0;
    s->last_camera_rep_ms = -1;
    s->flash_until = 0;
    s->v.flash = NULL;
    s->v.manual_pending = false;
    s->v.set_complete = false;
    s->ok_counted_ms = -1;
    s->missed_before = false;
    s->v.told_missed = false;
    s->uncounted_ms = 0;
    s->moved_frame_ms = -1;
}

void session_reps_ok(session *s)
{
    if (s->v.set_complete) { /* the last count seen: on at once */
        session_reps_finish_set(s);
        return;
    }
    if (s->last_camera_rep_ms >= 0 && s->now - s->last_camera_rep_ms < SESSION_MANUAL_WINDOW_MS) {
        flash(s, N_("Counted"), N_("The camera counted that one"));
        return;
    }
    if (s->v.manual_pending) {
        if (s->now - s->ok_at_ms < SESSION_OK_WAIT_MS)
            return; /* pressed again for the rep waiting: nothing was heard yet */
        ok_counts_now(s); /* another rep: the one waiting counts now, as at its wait's end */
    }
    reps_phase phase = s->v.counter.phase;
    bool moving = phase == REPS_PHASE_MOVING || phase == REPS_PHASE_HOLD;
    /* After a movement the camera did not count, the OK is for that one: a rep
     * now, and the movement under way is the camera's to count. */
    if (moving && s->missed_before) {
        manual_rep(s);
        return;
    }
    if (moving && !s->v.told_missed) {
        s->v.manual_pending = true;
        s->ok_at_ms = s->now;
        return;
    }
    if (moving) /* told that the camera misses reps: this one counts now */
        s->ok_counted_ms = s->now;
    manual_rep(s);
}

void session_reps_start_set(session *s)
{
    session_begin_set(s);
    session_go(s, SCREEN_SET);
    if (s->v.early_rep) {
        s->v.early_rep = false;
        /* saved with when it was done: the counter's clock runs behind */
        camera_rep(s, &s->early_rep, s->early_rep.t_ms + s->counter_shift);
    }
}

/* POSITION before the set begins: a rep the counter, learning since they
 * were seen, counted. The first is kept, as getting down onto the mat can
 * look like one; a second means they began without waiting for "Go"
 * (session.c, look), and the set begins with both. A rep in the frame in
 * which they are settled is kept too: the set begins with it at the end of
 * that frame. Returns whether the set began. */
static bool early_rep(session *s, const reps_event *ev)
{
    if (!s->v.early_rep) {
        s->early_rep = *ev;
        s->still_wait_ms = s->now;
        s->v.early_rep = true;
        return false;
    }
    s->v.settled = true;
    session_reps_start_set(s);
    return true;
}

/* The counter's events on this screen: reps and partials on SET, an early rep
 * on POSITION. Settled there means the set begins at the end of this frame
 * (session.c, session_frame), so a rep in it is kept all the same: when the
 * wait ends by SESSION_SETTLE_MAX_MS in the frame in which a rep is said,
 * that rep is in the set. */
static void take_events(session *s, const reps_event *events, size_t n)
{
    for (size_t i = 0; i < n && !s->v.timed; i++) {
        if (s->v.screen == SCREEN_POSITION && events[i].kind == REPS_EVENT_REP &&
            !early_rep(s, &events[i]))
            continue;
        if (s->v.screen != SCREEN_SET || s->v.set_complete)
            continue;
        if (events[i].kind == REPS_EVENT_REP || events[i].kind == REPS_EVENT_PARTIAL)
            s->v.held_this_rep = false; /* the rep is over, whatever the phase says */
        if (events[i].kind == REPS_EVENT_REP) {
            s->last_input_ms = s->now;
            camera_rep(s, &events[i], s->now);
        } else if (events[i].kind == REPS_EVENT_PARTIAL) {
            partial(s);
        }
    }
}

static bool has_rep(const reps_event *events, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (events[i].kind == REPS_EVENT_REP)
            return true;
    return false;
}

/* SET, counted by the camera: the time the person has moved with no rep
 * counted, and once it reaches SESSION_MISSED_MS in a set, the hint to press
 * OK for what the camera misses (said by cues.c as told_missed turns on). */
static void watch_missed(session *s, int64_t t_ms)
{
    int64_t dt = s->moved_frame_ms < 0 ? 0 : t_ms - s->moved_frame_ms;
    s->moved_frame_ms = t_ms;
    if (s->v.screen != SCREEN_SET || s->v.timed || s->v.told_missed ||
        presence_still(s->presence))
        return;
    s->uncounted_ms += dt < 0 ? 0 : dt > MAX_FRAME_GAP_MS ? MAX_FRAME_GAP_MS : dt;
    if (s->uncounted_ms >= SESSION_MISSED_MS) {
        s->v.told_missed = true;
        flash(s, N_("Missed?"), MISSED_CUE);
    }
}

/* How long an OK during a movement waits for the counter's verdict
 * (session.h). */
static int64_t ok_wait_ms(const session *s)
{
    return SESSION_OK_WAIT_MS + (int64_t)session_block(s)->hold_s * 1000;
}

void session_reps_frame(session *s, const uint8_t *luma, int width, int height, int stride,
                        int64_t t_ms)
{
    reps_event events[8], other[8];
    size_t n = reps_feed(s->counter, luma, width, height, stride, t_ms - s->counter_shift,
                         events, 8);
    if (s->watching && s->v.screen == SCREEN_POSITION) { /* seen (session.c, look) */
        size_t k = reps_feed(s->watch, luma, width, height, stride, t_ms - s->counter_shift,
                             other, 8);
        if (has_rep(events, n)) {
            s->watching = false;
        } else if (has_rep(other, k)) { /* someone was lying there: the watch was right */
            reps_counter *c = s->counter;
            s->counter = s->watch;
            s->watch = c;
            s->watching = false;
            memcpy(events, other, k * sizeof *other);
            n = k;
        }
    }
    take_events(s, events, n);
    watch_missed(s, t_ms);
    reps_phase was = s->v.counter.phase;
    s->v.counter = reps_get_status(s->counter);
    reps_phase phase = s->v.counter.phase;
    if ((was == REPS_PHASE_MOVING || was == REPS_PHASE_HOLD) &&
        (phase == REPS_PHASE_REST || phase == REPS_PHASE_LEARNING) && !has_rep(events, n))
        s->missed_before = true; /* a movement ended with no rep */
    if (phase == REPS_PHASE_HOLD)
        s->v.held_this_rep = true;
    else if (phase == REPS_PHASE_REST || phase == REPS_PHASE_LEARNING)
        s->v.held_this_rep = false;
    /* Someone who began before "Go" starts each rep within seconds of the
     * last: the wait for stillness starts again with it (a held bridge takes
     * longer than SESSION_KEEP_STILL_MS from one return to the next). */
    if (s->v.screen == SCREEN_POSITION && s->v.early_rep && was == REPS_PHASE_REST &&
        phase == REPS_PHASE_MOVING)
        s->still_wait_ms = s->now;
    if (s->v.screen != SCREEN_SET || !s->v.manual_pending)
        return;
    if (phase == REPS_PHASE_REST || phase == REPS_PHASE_LEARNING) {
        manual_rep(s); /* the movement ended with no verdict */
    } else if (s->now - s->ok_at_ms >= ok_wait_ms(s)) {
        ok_counts_now(s); /* no verdict yet */
    }
}

void session_reps_settle(session *s)
{
    reps_event last[1];
    take_events(s, last, reps_flush(s->counter, last, 1));
    s->v.counter = reps_get_status(s->counter);
    if (s->v.manual_pending)
        manual_rep(s);
}

bool session_reps_undo(session *s)
{
    session_view *v = &s->v;
    if (!s->set_open || s->n_set_reps == 0 || v->reps_done == 0)
        return false;
    session_rep rep = s->set_reps[--s->n_set_reps];
    reps_missed_undo(s->counter, s->set_shrink[s->n_set_reps]);
    v->reps_done--;
    v->total_done--;
    v->block_done[v->block]--;
    v->manual_reps -= rep.manual;
    v->holds_met -= rep.hold_met;
    v->manual_pending = false;
    v->set_complete = false; /* a rep short again: the set goes on */
    v->last_rep_ms = -1;
    s->last_camera_rep_ms = -1; /* an OK now adds a rep again */
    s->relax_until = 0;
    flash(s, N_("Taken back"), N_("The last rep was taken back"));
    if (s->sink.undo_rep && s->set_id)
        session_saved(s, s->sink.undo_rep(s->sink.ctx, s->set_id, &rep));
    return true;
}

void session_reps_timed(session *s)
{
    session_view *v = &s->v;
    if (v->screen != SCREEN_SET || !v->timed || v->set_complete)
        return;
    if (v->counter.phase == REPS_PHASE_MOVING || v->counter.phase == REPS_PHASE_HOLD)
        timed_hold_moved(&s->timed);
    reps_event ev[4];
    size_t n = timed_hold_tick(&s->timed, s->now, ev, 4);
    for (size_t i = 0; i < n && v->screen == SCREEN_SET; i++) {
        if (ev[i].kind == REPS_EVENT_REP) {
            /* a hold kept is the person at work, as a camera rep is: a long
             * timed set is not an abandoned session */
            s->last_input_ms = s->now;
            camera_rep(s, &ev[i], s->now);
        } else if (ev[i].kind == REPS_EVENT_PARTIAL)
            s->timed_moved_until = s->now + RELAX_MS, v->partials++;
    }
    v->timed_phase = (int)s->timed.phase;
    v->timed_left_ms = timed_hold_left_ms(&s->timed, s->now);
}

static const char *timed_cue(const session *s)
{
    if (s->now < s->timed_moved_until)
        return N_("You moved: keep still while you hold");
    switch (s->timed.phase) {
    case TIMED_TIGHTEN: return N_("Tighten your thigh, press the knee down");
    case TIMED_HOLD: return N_("Hold, keep breathing");
    default: return N_("Relax");
    }
}

void session_reps_cue(session *s)
{
    session_view *v = &s->v;
    const programme_block *b = session_block(s);
    if (v->screen != SCREEN_SET || !b)
        return;
    bool flashing = s->now < s->flash_until;
    v->flash = flashing ? s->flash_word : NULL;
    v->hold_remaining_ms = 0;
    if (v->set_complete) { /* the last count, a moment: nothing more to do */
        v->cue = N_("Well done!");
        return;
    }
    if (v->timed) {
        if (s->timed.phase == TIMED_HOLD)
            v->hold_remaining_ms = v->timed_left_ms;
        v->cue = flashing ? s->flash_cue : v->manual_pending ? PENDING_CUE : timed_cue(s);
    } else if (v->counter.phase == REPS_PHASE_HOLD && b->hold_s > 0) {
        int64_t left = (int64_t)b->hold_s * 1000 - v->counter.hold_ms;
        v->hold_remaining_ms = left > 0 ? left : 0;
        v->cue = left > 0 ? N_("Hold") : N_("Relax and lower slowly");
        if (flashing && s->flash_cue == MISSED_CUE)
            v->cue = MISSED_CUE; /* what the counter holds may be no rep at all */
    } else if (v->manual_pending) {
        v->cue = PENDING_CUE;
    } else if (flashing) {
        v->cue = s->flash_cue;
    } else if (s->now < s->relax_until) {
        v->cue = N_("Relax");
    } else if (v->counter.phase == REPS_PHASE_LEARNING) {
        v->cue = N_("Get ready");
    } else {
        v->cue = b->n_cues ? b->cues[v->reps_done % b->n_cues] : NULL;
    }
}
