/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * session: the guided-session state machine (flow in session.h).
 *
 * Every input (press, frame, tick) runs the same way: remember the view,
 * apply the input, let time-driven transitions happen, and bump the view's
 * generation if anything visible changed, so the station redraws (and takes a
 * screenshot) only when the screen really changed.
 *
 * Records go to the sink as they happen, one call per rep, so a power cut
 * loses at most the rep being written. A sink call that fails sets the view's
 * `unsaved` flag; the next successful write clears it.
 *
 * The counting screen's own rules (camera and manual reps, undo, partials,
 * short holds, the counter's paused clock) are in session_reps.c; what the
 * buttons do on each screen (pain checks, the pause menu, warning signs) in
 * session_press.c; the screens outside a session in session_lobby.c.
 */
#include "session_priv.h"

#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "languages.h"
#include "xmalloc.h"

#define SUMMARY_TIMEOUT_MS (120 * 1000)   /* summary returns home by itself */

static const char *const screen_ids[SCREEN_KIND_COUNT] = {
    "home",     "pain-before", "intro",    "position", "set",        "rest",
    "pain-during", "pain-stop", "red-flag", "pause",  "pain-after", "summary",
    "camera-lost", "red-flag-check", "who", "attract", "sleep", "still-there", "language",
};

const char *session_screen_id(session_screen s)
{
    return (unsigned)s < SCREEN_KIND_COUNT ? screen_ids[s] : "unknown";
}

const char *pause_item_label(pause_item item)
{
    static const char *const labels[PAUSE_ITEM_COUNT] = {
        N_("Resume"), N_("Report pain"), N_("I have a warning sign"), N_("Skip this exercise"),
        N_("End session"), N_("Sound"), N_("Volume"), N_("Undo last rep"),
    };
    return (unsigned)item < PAUSE_ITEM_COUNT ? labels[item] : "";
}

static bool counting(session_screen screen)
{
    return screen == SCREEN_POSITION || screen == SCREEN_SET;
}

/* Every change of screen comes here. Time off the counting screens is kept
 * off the counter's clock (session_priv.h). */
static void go(session *s, session_screen screen)
{
    /* A timed hold starts again whenever SET is entered (a new set, back from
     * the pause menu or a lost camera): it is never timed across a gap. */
    if (screen == SCREEN_SET && s->v.screen != SCREEN_SET && s->v.timed) {
        const programme_block *b = session_block(s);
        timed_hold_start(&s->timed, b ? (int64_t)b->hold_s * 1000 : 0, s->now);
    }
    if (counting(s->v.screen) && !counting(screen)) {
        s->away_since = s->now;
    } else if (!counting(s->v.screen) && counting(screen) && s->away_since >= 0) {
        s->counter_shift += s->now - s->away_since;
        s->away_since = -1;
    }
    if (screen != SCREEN_PAUSE)
        s->v.menu_editing = false;
    s->v.screen = screen;
    s->v.screen_since_ms = s->now;
    s->v.cue = NULL;
    s->v.advice = NULL;
}

/* Back to the position screen from elsewhere (the pause menu, a pain
 * report) is a fresh look, as after a lost camera: the person may have got
 * up meanwhile, and a wait for them to keep still that began before would
 * give "Go" at once. */
void session_go(session *s, session_screen screen)
{
    if (screen == SCREEN_POSITION && s->v.screen != SCREEN_POSITION)
        session_enter_position(s);
    else
        go(s, screen);
}

/* --- records ------------------------------------------------------------ */

void session_begin(session *s)
{
    s->in_session = true;
    s->seq = 0;
    s->v.rep_seq = 0;
    s->v.total_done = 0;
    memset(s->v.block_done, 0, sizeof s->v.block_done);
    s->session_id = 0;
    if (s->sink.begin_session) {
        s->session_id = s->sink.begin_session(s->sink.ctx, &s->prog, s->v.pain_before);
        session_saved(s, s->session_id != 0);
    }
}

void session_end(session *s, const char *status)
{
    if (!s->in_session)
        return;
    s->in_session = false;
    if (s->sink.end_session && s->session_id)
        session_saved(s, s->sink.end_session(s->sink.ctx, s->session_id, s->v.pain_after,
                                             status));
}

void session_begin_set(session *s)
{
    s->v.reps_done = s->v.manual_reps = s->v.holds_met = s->v.partials = 0;
    s->v.short_holds = 0;
    s->v.last_rep_ms = -1;
    session_reps_begin(s);
    s->set_open = true;
    s->set_id = 0;
    if (s->sink.begin_set && s->session_id) {
        s->set_id = s->sink.begin_set(s->sink.ctx, s->session_id, session_block(s), s->v.block,
                                      s->v.set);
        session_saved(s, s->set_id != 0);
    }
}

void session_end_set(session *s, const char *status)
{
    if (!s->set_open)
        return;
    s->set_open = false;
    if (s->sink.end_set && s->set_id)
        session_saved(s, s->sink.end_set(s->sink.ctx, s->set_id, s->v.reps_done,
                                         s->v.holds_met, status));
}

/* --- flow --------------------------------------------------------------- */

void session_enter_position(session *s)
{
    presence_begin(s->presence);
    s->v.presence = PRESENCE_UNKNOWN;
    s->v.settled = false;
    s->v.unsettled_ms = 0;
    s->v.early_rep = false;
    reps_reset(s->counter);
    reps_reset(s->watch);
    s->watching = true;
    s->v.counter = reps_get_status(s->counter);
    s->v.held_this_rep = false;
    s->v.position_elapsed_ms = 0;
    go(s, SCREEN_POSITION);
    s->v.cue = N_("Get into position");
}

/* The counter and the watch, made anew for cfg at the camera's scale. */
static void new_counters(session *s, reps_config *cfg)
{
    cfg->scale = s->camera_scale;
    reps_destroy(s->counter);
    reps_destroy(s->watch);
    s->counter = reps_create(cfg);
    s->watch = reps_create(cfg);
}

void session_start_block(session *s, int block)
{
    s->v.block = block;
    s->v.set = 1;
    const programme_block *b = session_block(s);
    /* Led by the clock, the camera only watches for movement: a counter tuned
     * for any movement (a limb, a body turning) says when the person moved. */
    s->v.timed = exercise_led_by_time(b->exercise);
    reps_config cfg = reps_default_config(s->v.timed ? EXERCISE_GENERIC : b->exercise);
    cfg.hold_target_ms = (int64_t)b->hold_s * 1000;
    new_counters(s, &cfg);
    go(s, SCREEN_INTRO);
}

void session_finish_exercises(session *s)
{
    s->v.pain = s->v.pain_before >= 0 ? s->v.pain_before : 0;
    go(s, SCREEN_PAIN_AFTER);
}

/* After a block ends (done, skipped or stopped): the next block or the end. */
void session_next_block(session *s)
{
    if (s->v.block + 1 < s->prog.n_blocks)
        session_start_block(s, s->v.block + 1);
    else
        session_finish_exercises(s);
}

void session_set_done(session *s)
{
    session_end_set(s, SET_STATUS_COMPLETED);
    const programme_block *b = session_block(s);
    if (s->v.set < b->sets) {
        s->rest_until = s->now + (int64_t)s->prog.rest_s * 1000;
        s->v.rest_remaining_ms = s->rest_until - s->now;
        go(s, SCREEN_REST);
        return;
    }
    session_next_block(s);
}

/* A stop: the session ends here, whatever was left of it, and the advice
 * shows. */
/* --- time --------------------------------------------------------------- */

static void update_timers(session *s)
{
    session_view *v = &s->v;
    if (v->screen == SCREEN_REST) {
        v->rest_remaining_ms = s->rest_until > s->now ? s->rest_until - s->now : 0;
        if (v->rest_remaining_ms == 0) {
            v->set++;
            session_enter_position(s);
        }
    } else if (v->screen == SCREEN_SET && v->set_complete &&
               s->now - s->set_done_at >= SESSION_SET_DONE_MS) {
        session_reps_finish_set(s);
    } else if (v->screen == SCREEN_SUMMARY &&
               s->now - v->screen_since_ms >= SUMMARY_TIMEOUT_MS) {
        session_go_home(s);
    } else {
        session_lobby_timers(s); /* idle, attract, sleep; an abandoned session */
    }
    if (v->screen == SCREEN_POSITION) {
        v->position_elapsed_ms = s->now - v->screen_since_ms;
        bool waiting = v->presence == PRESENCE_SEEN && !v->settled;
        int64_t since = v->early_rep ? s->still_wait_ms : s->seen_ms;
        v->unsettled_ms = waiting ? s->now - since : 0;
    }
}

/* --- public ------------------------------------------------------------- */

session *session_create(const programme *p, const session_sink *sink)
{
    session *s = xcalloc(1, sizeof *s);
    s->prog = *p;
    if (sink)
        s->sink = *sink;
    s->v.prog = &s->prog;
    s->v.block = -1;
    s->v.pain_before = s->v.pain_after = -1;
    s->v.last_rep_ms = -1;
    s->v.total_target = programme_total_reps(p);
    s->v.stats.last_pain_before = -1;
    s->last_camera_rep_ms = -1;
    s->away_since = -1;
    reps_config cfg = reps_default_config(EXERCISE_GENERIC);
    new_counters(s, &cfg);
    s->presence = presence_create();
    go(s, SCREEN_HOME);
    return s;
}

void session_destroy(session *s)
{
    if (!s)
        return;
    reps_destroy(s->counter);
    reps_destroy(s->watch);
    presence_destroy(s->presence);
    free(s);
}

/* Wraps an input: snapshot, apply, settle timers and cue, bump generation. */
typedef struct snapshot {
    session_view before;
} snapshot;

static void input_begin(session *s, snapshot *snap, int64_t t_ms)
{
    memcpy(&snap->before, &s->v, sizeof s->v);
    if (t_ms > s->now)
        s->now = t_ms;
}

static void input_end(session *s, const snapshot *snap)
{
    update_timers(s);
    session_reps_timed(s);
    session_reps_cue(s);
    s->v.generation = snap->before.generation;
    if (memcmp(&snap->before, &s->v, sizeof s->v) != 0)
        s->v.generation++;
}

void session_press(session *s, const button_event *ev)
{
    snapshot snap;
    input_begin(s, &snap, ev->t_ms);
    s->last_input_ms = s->now;
    if (session_lobby_press(s, ev))
        ;
    else if (ev->long_press)
        session_press_long(s);
    else if (ev->button == BUTTON_OK)
        session_press_ok(s);
    else
        session_press_updown(s, ev->button == BUTTON_UP ? 1 : -1);
    input_end(s, &snap);
}

/* Someone on the mat? On POSITION the counter sees nothing until someone is
 * seen, and starts afresh then, so an empty mat is never its rest pose (nor
 * the empty-to-person change its first movement). But a still picture with
 * nothing to compare it with may as well be someone lying there, who is seen
 * only by the movement of their first rep, which the counter then begins
 * part-way through (on the real clips, the first rep or two of someone who
 * begins at once were lost). So, unless the empty mat was seen, a second
 * counter (watch) watches from the screen's opening and, when someone is
 * seen, starts from the SESSION_SEEN_KEEP_MS before: it knows the pose they
 * left. The two run side by side, and the first to count a rep is the
 * counter from then on (session_reps.c); until then the one started at the
 * movement is shown. Seen is usually someone
 * still getting down onto the mat, so the counter starts afresh once more
 * when the picture is first still: the pose they settled in is its rest, not
 * the standing or kneeling one they came from, and the set ("Go") waits for
 * it. Someone who began before "Go" and never keeps still gets the set with
 * the second rep the counter (learning since they were seen) counts, and
 * both in it (session_reps.c: the first alone may be getting down), or at the
 * latest SESSION_SETTLE_MAX_MS after being seen, with the one rep if any.
 * On SET the person is there, which teaches presence what the mat looks like
 * with them on it. Returns whether the counter gets the frame. */
static bool look(session *s, const uint8_t *luma, int width, int height, int stride,
                 int64_t t_ms)
{
    bool here = s->v.screen == SCREEN_SET;
    presence_verdict was = s->v.presence;
    s->v.presence = presence_feed(s->presence, luma, width, height, stride, t_ms, here);
    if (here)
        return true;
    s->watching = s->watching && s->v.presence != PRESENCE_EMPTY;
    if (s->v.presence != PRESENCE_SEEN) {
        if (s->watching) {
            reps_event ignored[8];
            reps_feed(s->watch, luma, width, height, stride, t_ms - s->counter_shift, ignored, 8);
        }
        return false;
    }
    bool afresh = was != PRESENCE_SEEN;
    if (afresh) {
        s->seen_ms = t_ms;
        if (s->watching) /* from the still moments before the movement that showed them */
            reps_restart(s->watch, SESSION_SEEN_KEEP_MS);
    }
    if (!s->v.settled && presence_still(s->presence)) {
        s->v.settled = true;
        afresh = true;
        s->watching = false; /* the pose they settled in is the rest */
    } else if (!s->v.settled && t_ms - s->seen_ms >= SESSION_SETTLE_MAX_MS) {
        s->v.settled = true;
    }
    if (afresh) {
        s->v.early_rep = false;
        reps_reset(s->counter);
        s->v.counter = reps_get_status(s->counter);
    }
    return true;
}

void session_frame(session *s, const uint8_t *luma, int width, int height, int stride,
                   int64_t t_ms)
{
    session_screen screen = s->v.screen;
    if (screen != SCREEN_POSITION && screen != SCREEN_SET)
        return;
    snapshot snap;
    input_begin(s, &snap, t_ms);
    if (look(s, luma, width, height, stride, t_ms))
        session_reps_frame(s, luma, width, height, stride, t_ms);
    if (s->v.screen == SCREEN_POSITION && s->v.settled &&
        s->v.counter.phase != REPS_PHASE_LEARNING)
        session_reps_start_set(s);
    input_end(s, &snap);
}

/* Camera lost: POSITION and SET wait on CAMERA_LOST; back, the counter
 * relearns the rest pose and a set keeps its count. */
static void camera_state(session *s, bool lost)
{
    session_screen screen = s->v.screen;
    if (lost && screen == SCREEN_SET) {
        session_reps_settle(s); /* may complete the set */
        session_reps_finish_set(s); /* a complete set ends now, not after the camera */
    }
    screen = s->v.screen;
    if (lost && (screen == SCREEN_POSITION || screen == SCREEN_SET)) {
        s->lost_from = screen;
        s->v.paused_from = screen;
        go(s, SCREEN_CAMERA_LOST);
    } else if (!lost && screen == SCREEN_CAMERA_LOST) {
        if (s->lost_from == SCREEN_POSITION) {
            session_enter_position(s);
        } else {
            reps_reset(s->counter);
            s->v.counter = reps_get_status(s->counter);
            go(s, SCREEN_SET);
        }
    }
}

void session_camera(session *s, bool lost, int64_t t_ms)
{
    snapshot snap;
    input_begin(s, &snap, t_ms);
    camera_state(s, lost);
    input_end(s, &snap);
}

void session_tick(session *s, int64_t t_ms)
{
    snapshot snap;
    input_begin(s, &snap, t_ms);
    input_end(s, &snap);
}

int64_t session_next_timer_ms(const session *s)
{
    const session_view *v = &s->v;
    int64_t next = INT64_MAX;
    if (v->screen == SCREEN_REST)
        next = s->rest_until;
    else if (v->screen == SCREEN_SUMMARY)
        next = v->screen_since_ms + SUMMARY_TIMEOUT_MS;
    else if (v->screen == SCREEN_SET && v->set_complete)
        next = s->set_done_at + SESSION_SET_DONE_MS;
    int64_t lobby = session_lobby_next_ms(s);
    next = lobby < next ? lobby : next;
    if (v->screen == SCREEN_SET && s->relax_until > s->now && s->relax_until < next)
        next = s->relax_until;
    if (v->screen == SCREEN_SET && s->flash_until > s->now && s->flash_until < next)
        next = s->flash_until;
    if (v->screen == SCREEN_SET && v->timed && timed_hold_next_ms(&s->timed) < next)
        next = timed_hold_next_ms(&s->timed);
    if (v->screen == SCREEN_SET && s->timed_moved_until > s->now && s->timed_moved_until < next)
        next = s->timed_moved_until;
    return next;
}

void session_set_stats(session *s, const session_stats *stats)
{
    snapshot snap;
    input_begin(s, &snap, s->now);
    s->v.stats = *stats;
    input_end(s, &snap);
}

void session_set_language(session *s, int row)
{
    if (row < 0 || row >= languages_count)
        return;
    snapshot snap;
    input_begin(s, &snap, s->now);
    s->v.language = row;
    input_end(s, &snap);
}

void session_set_camera_scale(session *s, float scale)
{
    s->camera_scale = scale > 0.0f ? scale : 0.0f;
    if (s->v.block < 0) { /* not in an exercise: the lobby's counters now */
        reps_config cfg = reps_default_config(EXERCISE_GENERIC);
        new_counters(s, &cfg);
    }
}

void session_set_sound(session *s, bool available, bool muted, int volume)
{
    snapshot snap;
    input_begin(s, &snap, s->now);
    s->v.sound_available = available;
    s->v.muted = muted;
    s->v.volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
    input_end(s, &snap);
}

void session_set_day_stop(session *s, session_stop stop)
{
    snapshot snap;
    input_begin(s, &snap, s->now);
    s->v.day_stop = stop;
    input_end(s, &snap);
}

const session_view *session_get_view(const session *s)
{
    return &s->v;
}

bool session_active(const session *s)
{
    session_screen sc = s->v.screen;
    return sc != SCREEN_HOME && sc != SCREEN_WHO && sc != SCREEN_ATTRACT && sc != SCREEN_SLEEP &&
           sc != SCREEN_LANGUAGE;
}

exercise_kind session_current_exercise(const session *s, bool *mirror)
{
    const programme_block *b = session_block(s);
    if (mirror)
        *mirror = b && b->side == SIDE_RIGHT;
    return b ? b->exercise : EXERCISE_BRIDGE;
}
