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
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "timed_hold.h"
#include "xmalloc.h"

#define PAIN_LIMIT 5                      /* above this: stop (PROTOCOL.md) */
#define SUMMARY_TIMEOUT_MS (120 * 1000)   /* summary returns home by itself */
#define IDLE_TIMEOUT_MS (10 * 60 * 1000)  /* an abandoned session ends itself */
#define RELAX_MS 1500                     /* "relax" shown after a hold */

static const char ADVICE_PAIN_BEFORE[] =
    "Your knee hurts too much to exercise today. Rest and try again tomorrow. "
    "If the pain stays high, talk to your physiotherapist.";
static const char ADVICE_PAIN_DURING[] =
    "Stop this exercise for today: pain above 5 out of 10 is too much. Next time try "
    "fewer reps or a smaller movement. If it keeps happening, talk to your physiotherapist.";
static const char ADVICE_RED_FLAG[] =
    "Session stopped. Sharp or sudden pain, swelling, the knee giving way or locking, "
    "a hot red knee with fever, or calf pain: please contact a doctor or "
    "physiotherapist. Chest pain or shortness of breath: call emergency services now.";
static const char ADVICE_PAIN_AFTER[] =
    "Your pain was high after exercising. Next time try an easier dose. If it happens "
    "again, talk to your physiotherapist.";
static const char ADVICE_ALL_DONE[] = "Well done: every rep of today's programme is done.";
static const char ADVICE_SOME_DONE[] = "Good work. Every rep counts; see you next time.";

struct session {
    programme prog;
    session_sink sink;
    session_view v;
    reps_counter *counter;
    int64_t now;
    int64_t last_input_ms;
    int64_t session_id, set_id; /* sink ids; 0 when not open (or not saved) */
    bool in_session;            /* begun and not yet ended */
    bool set_open;
    int seq;                    /* reps across the session */
    int64_t rest_until, relax_until;
    int64_t timed_moved_until;  /* timed: "you moved" is shown until then */
    session_screen lost_from;   /* CAMERA_LOST: POSITION or SET, to go back to */
    timed_hold timed;           /* SET of a block led by the clock */
};

static const char *const screen_ids[SCREEN_KIND_COUNT] = {
    "home",     "pain-before", "intro",    "position", "set",        "rest",
    "pain-during", "pain-stop", "red-flag", "pause",  "pain-after", "summary",
    "camera-lost",
};

const char *session_screen_id(session_screen s)
{
    return (unsigned)s < SCREEN_KIND_COUNT ? screen_ids[s] : "unknown";
}

const char *pause_item_label(pause_item item)
{
    static const char *const labels[PAUSE_ITEM_COUNT] = {
        "Resume", "Report pain", "I have a warning sign", "Skip this exercise", "End session",
    };
    return (unsigned)item < PAUSE_ITEM_COUNT ? labels[item] : "";
}

static const programme_block *current_block(const session *s)
{
    return s->v.block >= 0 && s->v.block < s->prog.n_blocks ? &s->prog.blocks[s->v.block]
                                                             : NULL;
}

static void saved(session *s, bool ok)
{
    s->v.unsaved = !ok;
}

static void go(session *s, session_screen screen)
{
    /* A timed hold starts again whenever SET is entered (a new set, back from
     * the pause menu or a lost camera): it is never timed across a gap. */
    if (screen == SCREEN_SET && s->v.screen != SCREEN_SET && s->v.timed) {
        const programme_block *b = current_block(s);
        timed_hold_start(&s->timed, b ? (int64_t)b->hold_s * 1000 : 0, s->now);
    }
    s->v.screen = screen;
    s->v.screen_since_ms = s->now;
    s->v.cue = NULL;
    s->v.advice = NULL;
}

/* --- records ------------------------------------------------------------ */

static void begin_session(session *s)
{
    s->in_session = true;
    s->seq = 0;
    s->v.total_done = 0;
    memset(s->v.block_done, 0, sizeof s->v.block_done);
    s->session_id = 0;
    if (s->sink.begin_session) {
        s->session_id = s->sink.begin_session(s->sink.ctx, &s->prog, s->v.pain_before);
        saved(s, s->session_id != 0);
    }
}

static void end_session(session *s, const char *status)
{
    if (!s->in_session)
        return;
    s->in_session = false;
    if (s->sink.end_session && s->session_id)
        saved(s, s->sink.end_session(s->sink.ctx, s->session_id, s->v.pain_after, status));
}

static void begin_set(session *s)
{
    s->v.reps_done = s->v.manual_reps = s->v.holds_met = s->v.partials = 0;
    s->v.last_rep_ms = -1;
    s->set_open = true;
    s->set_id = 0;
    if (s->sink.begin_set && s->session_id) {
        s->set_id = s->sink.begin_set(s->sink.ctx, s->session_id, current_block(s), s->v.block,
                                      s->v.set);
        saved(s, s->set_id != 0);
    }
}

static void end_set(session *s, const char *status)
{
    if (!s->set_open)
        return;
    s->set_open = false;
    if (s->sink.end_set && s->set_id)
        saved(s, s->sink.end_set(s->sink.ctx, s->set_id, s->v.reps_done, s->v.holds_met,
                                 status));
}

/* --- flow --------------------------------------------------------------- */

static void enter_position(session *s)
{
    reps_reset(s->counter);
    s->v.counter = reps_get_status(s->counter);
    s->v.position_elapsed_ms = 0;
    go(s, SCREEN_POSITION);
    s->v.cue = "Get into position";
}

static void start_block(session *s, int block)
{
    s->v.block = block;
    s->v.set = 1;
    const programme_block *b = current_block(s);
    /* Led by the clock, the camera only watches for movement: a counter tuned
     * for any movement (a limb, a body turning) says when the person moved. */
    s->v.timed = exercise_led_by_time(b->exercise);
    reps_config cfg = reps_default_config(s->v.timed ? EXERCISE_GENERIC : b->exercise);
    cfg.hold_target_ms = (int64_t)b->hold_s * 1000;
    reps_destroy(s->counter);
    s->counter = reps_create(&cfg);
    go(s, SCREEN_INTRO);
}

static void finish_exercises(session *s)
{
    s->v.pain = s->v.pain_before >= 0 ? s->v.pain_before : 0;
    go(s, SCREEN_PAIN_AFTER);
}

/* After a block ends (done, skipped or stopped): the next block or the end. */
static void next_block(session *s)
{
    if (s->v.block + 1 < s->prog.n_blocks)
        start_block(s, s->v.block + 1);
    else
        finish_exercises(s);
}

static void set_complete(session *s)
{
    end_set(s, SET_STATUS_COMPLETED);
    const programme_block *b = current_block(s);
    if (s->v.set < b->sets) {
        s->rest_until = s->now + (int64_t)s->prog.rest_s * 1000;
        s->v.rest_remaining_ms = s->rest_until - s->now;
        go(s, SCREEN_REST);
        return;
    }
    next_block(s);
}

static void count_rep(session *s, const reps_event *ev, bool manual)
{
    const programme_block *b = current_block(s);
    s->v.reps_done++;
    s->v.total_done++;
    s->v.block_done[s->v.block]++;
    s->v.last_rep_ms = s->now;
    session_rep rep = { .seq = ++s->seq, .number = s->v.reps_done, .t_ms = s->now,
                        .manual = manual, .timed = !manual && s->v.timed };
    if (manual) {
        s->v.manual_reps++;
    } else {
        rep.hold_ms = ev->hold_ms;
        rep.hold_met = b->hold_s == 0 || ev->hold_met;
        rep.amplitude = ev->amplitude;
        s->v.last_hold_ms = (int)ev->hold_ms;
        s->v.last_hold_met = rep.hold_met;
        s->v.holds_met += rep.hold_met;
        if (b->hold_s > 0 && !s->v.timed)
            s->relax_until = s->now + RELAX_MS;
    }
    if (s->sink.rep && s->set_id)
        saved(s, s->sink.rep(s->sink.ctx, s->set_id, &rep));
    else if (s->sink.rep)
        saved(s, false);
    if (s->v.reps_done >= b->reps)
        set_complete(s);
}

static void pain_answer(session *s)
{
    session_screen screen = s->v.screen;
    int pain = s->v.pain;
    if (screen == SCREEN_PAIN_BEFORE) {
        s->v.pain_before = pain;
        begin_session(s);
        if (pain > PAIN_LIMIT) {
            end_session(s, SESSION_STATUS_PAIN);
            go(s, SCREEN_PAIN_STOP);
            s->v.advice = ADVICE_PAIN_BEFORE;
            return;
        }
        start_block(s, 0);
    } else if (screen == SCREEN_PAIN_DURING) {
        if (pain > PAIN_LIMIT) {
            end_set(s, SET_STATUS_PAIN);
            go(s, SCREEN_PAIN_STOP);
            s->v.advice = ADVICE_PAIN_DURING;
            return;
        }
        go(s, s->v.paused_from);
    } else if (screen == SCREEN_PAIN_AFTER) {
        s->v.pain_after = pain;
        bool all = s->v.total_done >= s->v.total_target;
        end_session(s, all ? SESSION_STATUS_COMPLETED : SESSION_STATUS_ENDED);
        go(s, SCREEN_SUMMARY);
        s->v.advice = pain > PAIN_LIMIT ? ADVICE_PAIN_AFTER
                      : all             ? ADVICE_ALL_DONE
                                        : ADVICE_SOME_DONE;
    }
}

static void go_home(session *s)
{
    end_set(s, SET_STATUS_ENDED);
    end_session(s, SESSION_STATUS_ENDED);
    s->v.block = -1;
    s->v.pain_before = s->v.pain_after = -1;
    go(s, SCREEN_HOME);
}

static void pause_choose(session *s)
{
    switch ((pause_item)s->v.menu_cursor) {
    case PAUSE_RESUME:
        go(s, s->v.paused_from);
        break;
    case PAUSE_PAIN:
        s->v.pain = s->v.pain_before >= 0 ? s->v.pain_before : 0;
        go(s, SCREEN_PAIN_DURING);
        break;
    case PAUSE_RED_FLAG:
        end_set(s, SET_STATUS_ENDED);
        end_session(s, SESSION_STATUS_RED_FLAG);
        go(s, SCREEN_RED_FLAG);
        s->v.advice = ADVICE_RED_FLAG;
        break;
    case PAUSE_SKIP:
        end_set(s, SET_STATUS_SKIPPED);
        next_block(s);
        break;
    case PAUSE_END:
        end_set(s, SET_STATUS_ENDED);
        finish_exercises(s);
        break;
    default:
        break;
    }
}

static bool pausable(session_screen screen)
{
    return screen == SCREEN_INTRO || screen == SCREEN_POSITION || screen == SCREEN_SET ||
           screen == SCREEN_REST;
}

static void press_ok(session *s)
{
    switch (s->v.screen) {
    case SCREEN_HOME:
        s->v.pain = 0;
        s->v.total_target = programme_total_reps(&s->prog);
        go(s, SCREEN_PAIN_BEFORE);
        break;
    case SCREEN_PAIN_BEFORE:
    case SCREEN_PAIN_DURING:
    case SCREEN_PAIN_AFTER:
        pain_answer(s);
        break;
    case SCREEN_INTRO:
        enter_position(s);
        break;
    case SCREEN_POSITION: /* start now, even if the camera has not settled */
        begin_set(s);
        go(s, SCREEN_SET);
        break;
    case SCREEN_SET:
        count_rep(s, NULL, true);
        break;
    case SCREEN_REST:
        s->v.set++;
        enter_position(s);
        break;
    case SCREEN_PAUSE:
        pause_choose(s);
        break;
    case SCREEN_PAIN_STOP:
        if (s->in_session)
            next_block(s);
        else
            go_home(s);
        break;
    case SCREEN_RED_FLAG:
    case SCREEN_SUMMARY:
        go_home(s);
        break;
    default:
        break;
    }
}

static void press_updown(session *s, int delta)
{
    session_view *v = &s->v;
    if (v->screen == SCREEN_PAIN_BEFORE || v->screen == SCREEN_PAIN_DURING ||
        v->screen == SCREEN_PAIN_AFTER) {
        v->pain += delta;
        v->pain = v->pain < 0 ? 0 : v->pain > 10 ? 10 : v->pain;
    } else if (v->screen == SCREEN_PAUSE) { /* Down walks down the list */
        v->menu_cursor = (v->menu_cursor - delta + PAUSE_ITEM_COUNT) % PAUSE_ITEM_COUNT;
    }
}

static void press_long(session *s)
{
    if (s->v.screen == SCREEN_CAMERA_LOST) { /* the menu, over the screen the camera left */
        s->v.paused_from = s->lost_from;
        s->v.menu_cursor = PAUSE_RESUME;
        go(s, SCREEN_PAUSE);
    } else if (pausable(s->v.screen)) {
        s->v.paused_from = s->v.screen;
        s->v.menu_cursor = PAUSE_RESUME;
        go(s, SCREEN_PAUSE);
    } else if (s->v.screen == SCREEN_PAUSE) {
        go(s, s->v.paused_from);
    }
}

/* --- time --------------------------------------------------------------- */

static void update_timers(session *s)
{
    session_view *v = &s->v;
    if (v->screen == SCREEN_REST) {
        v->rest_remaining_ms = s->rest_until > s->now ? s->rest_until - s->now : 0;
        if (v->rest_remaining_ms == 0) {
            v->set++;
            enter_position(s);
        }
    } else if (v->screen == SCREEN_SUMMARY &&
               s->now - v->screen_since_ms >= SUMMARY_TIMEOUT_MS) {
        go_home(s);
    } else if (v->screen != SCREEN_HOME && s->now - s->last_input_ms >= IDLE_TIMEOUT_MS) {
        go_home(s);
    }
    if (v->screen == SCREEN_POSITION)
        v->position_elapsed_ms = s->now - v->screen_since_ms;
}

/* SET of a timed block: the clock's holds; the camera's reps are ignored, any
 * movement it sees spoils the running hold. */
static void update_timed(session *s)
{
    session_view *v = &s->v;
    if (v->screen != SCREEN_SET || !v->timed)
        return;
    if (v->counter.phase == REPS_PHASE_MOVING || v->counter.phase == REPS_PHASE_HOLD)
        timed_hold_moved(&s->timed);
    reps_event ev[4];
    size_t n = timed_hold_tick(&s->timed, s->now, ev, 4);
    for (size_t i = 0; i < n && v->screen == SCREEN_SET; i++) {
        if (ev[i].kind == REPS_EVENT_REP)
            count_rep(s, &ev[i], false);
        else if (ev[i].kind == REPS_EVENT_PARTIAL)
            s->timed_moved_until = s->now + RELAX_MS, v->partials++;
    }
    v->timed_phase = (int)s->timed.phase;
    v->timed_left_ms = timed_hold_left_ms(&s->timed, s->now);
}

static const char *timed_cue(const session *s)
{
    if (s->now < s->timed_moved_until)
        return "You moved: keep still while you hold";
    switch (s->timed.phase) {
    case TIMED_TIGHTEN: return "Tighten your thigh, press the knee down";
    case TIMED_HOLD: return "Hold, keep breathing";
    default: return "Relax";
    }
}

static void update_cue(session *s)
{
    session_view *v = &s->v;
    const programme_block *b = current_block(s);
    if (v->screen != SCREEN_SET || !b)
        return;
    v->hold_remaining_ms = 0;
    if (v->timed) {
        if (s->timed.phase == TIMED_HOLD)
            v->hold_remaining_ms = v->timed_left_ms;
        v->cue = timed_cue(s);
    } else if (v->counter.phase == REPS_PHASE_HOLD && b->hold_s > 0) {
        int64_t left = (int64_t)b->hold_s * 1000 - v->counter.hold_ms;
        v->hold_remaining_ms = left > 0 ? left : 0;
        v->cue = left > 0 ? "Hold" : "Relax and lower slowly";
    } else if (s->now < s->relax_until) {
        v->cue = v->last_hold_met ? "Relax" : "Hold a little longer next time";
    } else if (v->counter.phase == REPS_PHASE_LEARNING) {
        v->cue = "Get ready";
    } else {
        v->cue = b->n_cues ? b->cues[(v->reps_done) % b->n_cues] : NULL;
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
    reps_config cfg = reps_default_config(EXERCISE_GENERIC);
    s->counter = reps_create(&cfg);
    go(s, SCREEN_HOME);
    return s;
}

void session_destroy(session *s)
{
    if (!s)
        return;
    reps_destroy(s->counter);
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
    update_timed(s);
    update_cue(s);
    s->v.generation = snap->before.generation;
    if (memcmp(&snap->before, &s->v, sizeof s->v) != 0)
        s->v.generation++;
}

void session_press(session *s, const button_event *ev)
{
    snapshot snap;
    input_begin(s, &snap, ev->t_ms);
    s->last_input_ms = s->now;
    if (ev->long_press)
        press_long(s);
    else if (ev->button == BUTTON_OK)
        press_ok(s);
    else
        press_updown(s, ev->button == BUTTON_UP ? 1 : -1);
    input_end(s, &snap);
}

void session_frame(session *s, const uint8_t *luma, int width, int height, int stride,
                   int64_t t_ms)
{
    session_screen screen = s->v.screen;
    if (screen != SCREEN_POSITION && screen != SCREEN_SET)
        return;
    snapshot snap;
    input_begin(s, &snap, t_ms);
    reps_event events[8];
    size_t n = reps_feed(s->counter, luma, width, height, stride, t_ms, events, 8);
    for (size_t i = 0; i < n && s->v.screen == SCREEN_SET && !s->v.timed; i++) {
        if (events[i].kind == REPS_EVENT_REP) {
            s->last_input_ms = s->now;
            count_rep(s, &events[i], false);
        } else if (events[i].kind == REPS_EVENT_PARTIAL) {
            s->v.partials++;
        }
    }
    s->v.counter = reps_get_status(s->counter);
    if (s->v.screen == SCREEN_POSITION && s->v.counter.phase != REPS_PHASE_LEARNING) {
        begin_set(s);
        go(s, SCREEN_SET);
    }
    input_end(s, &snap);
}

/* Camera lost: POSITION and SET wait on CAMERA_LOST; back, the counter
 * relearns the rest pose and a set keeps its count. */
static void camera_state(session *s, bool lost)
{
    session_screen screen = s->v.screen;
    if (lost && (screen == SCREEN_POSITION || screen == SCREEN_SET)) {
        s->lost_from = screen;
        s->v.paused_from = screen;
        go(s, SCREEN_CAMERA_LOST);
    } else if (!lost && screen == SCREEN_CAMERA_LOST) {
        if (s->lost_from == SCREEN_POSITION) {
            enter_position(s);
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
    if (v->screen != SCREEN_HOME && s->last_input_ms + IDLE_TIMEOUT_MS < next)
        next = s->last_input_ms + IDLE_TIMEOUT_MS;
    if (v->screen == SCREEN_SET && s->relax_until > s->now && s->relax_until < next)
        next = s->relax_until;
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

const session_view *session_get_view(const session *s)
{
    return &s->v;
}

bool session_active(const session *s)
{
    return s->v.screen != SCREEN_HOME;
}

exercise_kind session_current_exercise(const session *s, bool *mirror)
{
    const programme_block *b = current_block(s);
    if (mirror)
        *mirror = b && b->side == SIDE_RIGHT;
    return b ? b->exercise : EXERCISE_BRIDGE;
}
