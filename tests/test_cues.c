/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_cues: the coach's rationing (cues.h) on hand-made view changes. A rep
 * number starts at once and cuts in, even over an older rep number or a
 * phrase in progress; what waited is dropped by a rep; "3 more" and "last
 * one" follow their rep a pause after the voice is free; a lesser cue waits while the
 * voice is busy and is dropped when older than its patience; a more urgent
 * cue replaces a waiting one, a less urgent one does not. The hold says
 * "hold", ticks its last seconds (never digits), then "relax", which follows the rep's number when both come
 * at once (a timed hold's end). Screens: rest, "set 2", the exercise's name with
 * its side, "go" as a counted set begins (not after the count of one begun
 * before it), the session's end (all done or
 * not), camera lost, the alert tone;
 * a partial is named. Each cue carries the tone the tones-only station played
 * before voice came.
 */
#include "cues.h"

#include <string.h>

#include "check.h"
#include "timed_hold.h"

static programme prog;

static session_view base_view(void)
{
    session_view v;
    memset(&v, 0, sizeof v);
    v.prog = &prog;
    v.block = 0;
    v.set = 1;
    v.screen = SCREEN_SET;
    v.total_target = 20;
    v.counter.phase = REPS_PHASE_REST;
    return v;
}

static void setup_programme(int reps, int hold_s)
{
    memset(&prog, 0, sizeof prog);
    prog.n_blocks = 1;
    prog.blocks[0].exercise = EXERCISE_BRIDGE;
    prog.blocks[0].sets = 2;
    prog.blocks[0].reps = reps;
    prog.blocks[0].hold_s = hold_s;
}

/* One update; returns the phrase started (PHRASE_NONE: nothing or tone only). */
typedef struct said {
    bool started;
    cue c;
    bool interrupt;
} said;

static said step(cues *c, const session_view *p, const session_view *v, int64_t now, int64_t busy)
{
    said s = { 0 };
    s.started = cues_update(c, p, v, now, busy, &s.c, &s.interrupt);
    return s;
}

static session_view with_rep(session_view v)
{
    v.reps_done++;
    v.total_done++;
    return v;
}

static void test_rep_numbers(void)
{
    setup_programme(10, 2);
    cues c;
    cues_init(&c);
    session_view a = base_view(), b = with_rep(a);
    said s = step(&c, &a, &b, 1000, 0);
    CHECK(s.started && s.c.phrase == phrases_number(1) && s.interrupt, "rep 1 said at once");
    CHECK(s.c.tone == CUE_TONE_REP, "rep's tone is the rep tick");
    /* Rep 2 while rep 1 (or anything) still plays: at once, cutting in. */
    session_view d = with_rep(b);
    s = step(&c, &b, &d, 1200, 400);
    CHECK(s.started && s.c.phrase == phrases_number(2) && s.interrupt,
          "a newer rep number cuts in over the stale one");
    /* Nothing changed: nothing said. */
    s = step(&c, &d, &d, 1300, 0);
    CHECK(!s.started, "no change, no cue");
}

static void test_follow_ups(void)
{
    setup_programme(10, 2);
    cues c;
    cues_init(&c);
    session_view a = base_view();
    a.reps_done = a.total_done = 6;
    session_view b = with_rep(a);
    said s = step(&c, &a, &b, 5000, 0);
    CHECK(s.started && s.c.phrase == phrases_number(7), "rep 7 first");
    s = step(&c, &b, &b, 5100, 300);
    CHECK(!s.started, "'3 more' waits while '7' plays");
    s = step(&c, &b, &b, 5500, 0);
    CHECK(!s.started, "the voice just fell silent: a pause first");
    s = step(&c, &b, &b, 5500 + CUES_PAUSE_MS, 0);
    CHECK(s.started && s.c.phrase == PHRASE_THREE_MORE && !s.interrupt,
          "'3 more' a pause after the voice is free (got phrase %d)", s.c.phrase);
    b.reps_done = b.total_done = 8;
    session_view d = with_rep(b);
    s = step(&c, &b, &d, 9000, 0);
    s = step(&c, &d, &d, 9400, 0);
    CHECK(s.started && s.c.phrase == PHRASE_LAST_ONE, "'last one' after rep 9");
    /* A follow-up the voice never got to is dropped when the next rep comes. */
    session_view e = with_rep(d);
    s = step(&c, &d, &e, 9500, 500);
    CHECK(s.c.phrase == phrases_number(10), "rep 10");
    s = step(&c, &e, &e, 9600, 0);
    CHECK(!s.started, "nothing left waiting after the last rep in a set that stays open");
}

static void test_patience(void)
{
    setup_programme(10, 2);
    cues c;
    cues_init(&c);
    session_view a = base_view(), b = a;
    a.screen = SCREEN_REST;
    b.screen = SCREEN_POSITION;
    b.set = 2;
    said s = step(&c, &a, &b, 0, 2000);
    CHECK(!s.started, "'set 2' waits while the voice is busy");
    s = step(&c, &b, &b, cues_patience_ms(CUE_RANK_INFO) + 1, 0);
    CHECK(!s.started, "and is dropped once older than its patience");
    /* A rep drops whatever waits. */
    s = step(&c, &a, &b, 10000, 2000);
    session_view r = base_view(), r1 = with_rep(r);
    s = step(&c, &r, &r1, 10100, 2000);
    CHECK(s.c.phrase == phrases_number(1), "the rep goes first");
    s = step(&c, &r1, &r1, 10200, 0);
    CHECK(!s.started, "what waited before the rep is dropped");
}

static void test_ranks(void)
{
    setup_programme(10, 8);
    cues c;
    cues_init(&c);
    session_view a = base_view(), b = a;
    b.partials = 1;
    said s = step(&c, &a, &b, 0, 1000);
    CHECK(!s.started, "partial waits");
    session_view h = b;
    h.counter.phase = REPS_PHASE_HOLD;
    h.hold_remaining_ms = 8000;
    s = step(&c, &b, &h, 100, 1000);
    CHECK(!s.started, "hold waits too");
    s = step(&c, &h, &h, 200, 0);
    s = step(&c, &h, &h, 200 + CUES_PAUSE_MS, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD, "the more urgent 'hold' took the slot");
    s = step(&c, &h, &h, 400, 0);
    CHECK(!s.started, "the partial was replaced, not queued");
    /* A less urgent cue does not displace a waiting more urgent one. */
    session_view lost = h;
    lost.screen = SCREEN_CAMERA_LOST;
    s = step(&c, &h, &lost, 500, 500);
    session_view p2 = h;
    p2.partials = 2;
    s = step(&c, &h, &p2, 550, 500);
    s = step(&c, &p2, &p2, 600, 0);
    s = step(&c, &p2, &p2, 600 + CUES_PAUSE_MS, 0);
    CHECK(s.started && s.c.phrase == PHRASE_CAMERA_LOST, "camera lost kept over a partial");
}

/* A hold: "hold", a tick for each of its last three seconds (never a spoken
 * number: the rep's number follows the hold), "relax". */
static void test_hold(int hold_s)
{
    setup_programme(10, hold_s);
    cues c;
    cues_init(&c);
    int64_t target = (int64_t)hold_s * 1000;
    session_view p = base_view(), v = p;
    v.counter.phase = REPS_PHASE_HOLD;
    v.hold_remaining_ms = target;
    said s = step(&c, &p, &v, 0, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD, "%d s hold: 'hold'", hold_s);
    int ticks = 0, numbers = 0;
    bool relaxed = false;
    for (int64_t t = 50; t <= target; t += 50) {
        p = v;
        v.hold_remaining_ms = target - t;
        s = step(&c, &p, &v, t, 0);
        if (!s.started)
            continue;
        if (s.c.phrase == PHRASE_RELAX) {
            relaxed = true;
            CHECK(s.c.tone == CUE_TONE_HOLD_DONE, "relax's tone");
        } else {
            CHECK(s.c.tone == CUE_TONE_HOLD_TICK, "countdown's tone");
            ticks++;
            int left = (int)((target - t + 999) / 1000);
            numbers += s.c.phrase != PHRASE_NONE;
            CHECK(s.c.phrase == PHRASE_NONE, "%d s hold, %d s left: phrase %d, want a tick",
                  hold_s, left, (int)s.c.phrase);
        }
    }
    int want = hold_s < 3 ? hold_s - 1 : 3;
    CHECK_EQ_INT(ticks, want, "countdown cues");
    CHECK_EQ_INT(numbers, 0, "countdown numbers spoken");
    CHECK(relaxed, "%d s hold ends with 'relax'", hold_s);
}

/* A rep's top that sags and is lifted again: the counter holds twice in one
 * rep, and "hold" is said the first time only; the next rep's hold is said. */
static void test_hold_once_a_rep(void)
{
    setup_programme(10, 2);
    cues c;
    cues_init(&c);
    session_view p = base_view(), v = p;
    v.counter.phase = REPS_PHASE_HOLD;
    v.held_this_rep = true;
    v.hold_remaining_ms = 2000;
    said s = step(&c, &p, &v, 0, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD, "the rep's first hold: 'hold'");
    p = v;
    v.counter.phase = REPS_PHASE_MOVING; /* sagged */
    v.hold_remaining_ms = 0;
    step(&c, &p, &v, 3000, 0);
    p = v;
    v.counter.phase = REPS_PHASE_HOLD; /* lifted again, the same rep */
    v.hold_remaining_ms = 1500;
    s = step(&c, &p, &v, 3500, 0);
    CHECK(!s.started || s.c.phrase != PHRASE_HOLD, "held again in the same rep: no second 'hold'");
    p = v;
    v.counter.phase = REPS_PHASE_REST; /* back down: the rep is over */
    v.held_this_rep = false;
    v.hold_remaining_ms = 0;
    step(&c, &p, &v, 6000, 0);
    p = v;
    v.counter.phase = REPS_PHASE_HOLD; /* the next rep */
    v.held_this_rep = true;
    v.hold_remaining_ms = 2000;
    s = step(&c, &p, &v, 9000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD, "the next rep's hold: 'hold'");
    /* A rep whose first hold found the voice busy past the cue's patience:
     * held again, it is told then. */
    p = v;
    v.counter.phase = REPS_PHASE_REST;
    v.held_this_rep = false;
    v.hold_remaining_ms = 0;
    step(&c, &p, &v, 12000, 0);
    p = v;
    v.counter.phase = REPS_PHASE_HOLD;
    v.held_this_rep = true;
    v.hold_remaining_ms = 2000;
    s = step(&c, &p, &v, 15000, 5000);
    CHECK(!s.started, "the voice is busy: nothing starts");
    p = v;
    v.counter.phase = REPS_PHASE_MOVING;
    v.hold_remaining_ms = 0;
    step(&c, &p, &v, 17000, 2000);
    p = v;
    v.counter.phase = REPS_PHASE_HOLD;
    v.hold_remaining_ms = 1000;
    s = step(&c, &p, &v, 21000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD, "held again, never told: 'hold' now");
}

/* A timed hold (quad sets, timed_hold.h): "tighten" as the set begins,
 * "hold", the last seconds, "relax" when the clock ends it; a hold spoiled by
 * movement is named as such, not as a partial. */
/* A quad-set programme (5 s holds), a fresh coach and two timed views of its
 * set. */
static void setup_timed(cues *c, session_view *p, session_view *v)
{
    cues_init(c);
    setup_programme(10, 5);
    prog.blocks[0].exercise = EXERCISE_QUAD_SET;
    *p = base_view();
    p->timed = true;
    *v = *p;
}

static void test_timed(void)
{
    cues c;
    session_view p, v;
    setup_timed(&c, &p, &v);
    p.screen = SCREEN_POSITION;
    v.timed_phase = TIMED_TIGHTEN;
    said s = step(&c, &p, &v, 0, 0);
    CHECK(s.started && s.c.phrase == PHRASE_TIGHTEN, "timed set starts with 'tighten'");
    p = v;
    v.timed_phase = TIMED_HOLD;
    v.hold_remaining_ms = 5000;
    s = step(&c, &p, &v, 2000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD, "then 'hold'");
    p = v;
    v.hold_remaining_ms = 2900;
    s = step(&c, &p, &v, 4100, 0);
    CHECK(s.started && s.c.phrase == PHRASE_NONE && s.c.tone == CUE_TONE_HOLD_TICK,
          "the timed hold's last seconds tick");
    p = v;
    v.timed_phase = TIMED_RELAX;
    v.hold_remaining_ms = 0;
    s = step(&c, &p, &v, 7000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_RELAX, "'relax' when the clock ends the hold");
    p = v;
    v.partials = 1;
    s = step(&c, &p, &v, 8000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_MOVED, "a moved timed hold is named");
}

/* The station counts a timed hold on the frame its clock ends it: the rep's
 * number and "relax" are asked together. The number goes at once; "relax"
 * follows it, a pause after the voice is free, however long the number took
 * (it is not dropped as older than its patience). */
static void test_relax_after_number(void)
{
    cues c;
    session_view p, v;
    setup_timed(&c, &p, &v);
    p.timed_phase = TIMED_HOLD;
    p.hold_remaining_ms = 40;
    v.timed_phase = TIMED_RELAX;
    v.hold_remaining_ms = 0;
    v = with_rep(v);
    said s = step(&c, &p, &v, 10000, 0);
    CHECK(s.started && s.c.phrase == phrases_number(1) && s.interrupt, "the hold's number first");
    s = step(&c, &v, &v, 10050, 700);
    CHECK(!s.started, "'relax' waits while the number plays");
    s = step(&c, &v, &v, 10750, 0);
    CHECK(!s.started, "a pause after the number");
    s = step(&c, &v, &v, 10750 + CUES_PAUSE_MS, 0);
    CHECK(s.started && s.c.phrase == PHRASE_RELAX, "then 'relax' (got phrase %d)", s.c.phrase);
    /* Its patience still holds once the number is said. */
    cues_init(&c);
    s = step(&c, &p, &v, 20000, 0);
    s = step(&c, &v, &v, 20050, 700);
    s = step(&c, &v, &v, 20750, 0);
    s = step(&c, &v, &v, 20750 + cues_patience_ms(CUE_RANK_TIMED) + 1, 0);
    CHECK(!s.started, "a 'relax' never started is dropped after its patience");
}

/* A rep whose hold fell short: its number, then "hold a little longer" (over
 * "3 more" when both are due). */
static void test_short_hold(void)
{
    setup_programme(10, 2);
    cues c;
    cues_init(&c);
    session_view a = base_view();
    a.screen = SCREEN_SET;
    a.reps_done = a.total_done = 6;
    session_view b = with_rep(a);
    b.short_holds = 1;
    said s = step(&c, &a, &b, 1000, 0);
    CHECK(s.started && s.c.phrase == phrases_number(7), "the rep's number first");
    s = step(&c, &b, &b, 1400, 300);
    CHECK(!s.started, "nothing over the number");
    s = step(&c, &b, &b, 1700, 0);
    s = step(&c, &b, &b, 1700 + CUES_PAUSE_MS, 0);
    CHECK(s.started && s.c.phrase == PHRASE_HOLD_LONGER, "then 'hold a little longer' (%d)",
          (int)s.c.phrase);
}

/* 12 s of the position screen v in 100 ms steps, *timer (a field of *v, or
 * NULL) following the clock: how often `want` was said, and when it first
 * was (-1: never). */
static int said_on_position(session_view *v, int64_t *timer, phrase_id want, int64_t *first_at)
{
    cues c;
    cues_init(&c);
    v->screen = SCREEN_POSITION;
    int n = 0;
    *first_at = -1;
    for (int64_t t = 0; t <= 12000; t += 100) {
        session_view p = *v;
        if (timer)
            *timer = t;
        said s = step(&c, &p, v, t, 0);
        if (s.started && s.c.phrase == want && n++ == 0)
            *first_at = t;
    }
    return n;
}

/* Nobody seen on the position screen for 5 s: said once; someone seen: not. */
static void test_not_seen(void)
{
    setup_programme(10, 2);
    int64_t at;
    session_view v = base_view();
    v.presence = PRESENCE_UNKNOWN;
    CHECK_EQ_INT(said_on_position(&v, &v.position_elapsed_ms, PHRASE_NOT_SEEN, &at), 1,
                 "'I cannot see you' said once");
    CHECK(at >= 5000 && at < 5200, "said at %lld ms, want 5 s", (long long)at);
    v = base_view();
    v.presence = PRESENCE_SEEN;
    CHECK_EQ_INT(said_on_position(&v, &v.position_elapsed_ms, PHRASE_NOT_SEEN, &at), 0,
                 "someone seen: nothing said");
}

/* Seen on the position screen but not still for 4 s: "keep still" once (the
 * set waits for it); seen and still at once: nothing. */
static void test_keep_still(void)
{
    setup_programme(10, 2);
    int64_t at;
    session_view v = base_view();
    v.presence = PRESENCE_SEEN;
    CHECK_EQ_INT(said_on_position(&v, &v.unsettled_ms, PHRASE_KEEP_STILL, &at), 1,
                 "'keep still' said once");
    CHECK(at >= 4000 && at < 4200, "said at %lld ms, want 4 s", (long long)at);
    v = base_view();
    v.presence = PRESENCE_SEEN;
    v.settled = true;
    CHECK_EQ_INT(said_on_position(&v, NULL, PHRASE_KEEP_STILL, &at), 0,
                 "settled: nothing said");
}

/* From the base view to v at 20 s: want is said at once, with no tone, as
 * text, and not again in the next 10 s of v. */
static void said_once_as(const session_view *v, phrase_id want, const char *text)
{
    cues c;
    cues_init(&c);
    session_view p = base_view();
    said s = step(&c, &p, v, 20000, 0);
    CHECK(s.started && s.c.phrase == want && s.c.tone == CUE_TONE_NONE, "'%s' said at once",
          text);
    char got[64];
    phrases_text(s.c.phrase, got, sizeof got);
    CHECK(!strcmp(got, text), "text '%s', want '%s'", got, text);
    for (int64_t t = 20100; t < 30000; t += 100) {
        s = step(&c, v, v, t, 0);
        CHECK(!s.started, "said again at %lld ms", (long long)t);
    }
}

/* Moving with no rep counted for long (session.h, SESSION_MISSED_MS): "if I
 * miss a rep, press OK" as the view's told_missed turns on, once; the
 * following updates, told_missed still on, say nothing more. */
static void test_missed(void)
{
    setup_programme(10, 2);
    session_view v = base_view();
    v.told_missed = true;
    said_once_as(&v, PHRASE_MISSED, "If I miss a rep, press OK");
}

/* An OK that waits for the counter's verdict (the view's manual_pending) is
 * acknowledged aloud once, as it begins to wait: someone lying down who
 * heard nothing would press again, and a second OK later is another rep. */
static void test_ok_waiting(void)
{
    setup_programme(10, 2);
    session_view v = base_view();
    v.manual_pending = true;
    said_once_as(&v, PHRASE_OK_WAITING, "OK seen: it counts when you are back down");
}

static void test_screens(void)
{
    setup_programme(4, 2);
    prog.blocks[0].exercise = EXERCISE_CLAMSHELL;
    prog.blocks[0].side = SIDE_LEFT;
    cues c;
    cues_init(&c);
    session_view p = base_view(), v = p;
    p.screen = SCREEN_PAIN_BEFORE;
    v.screen = SCREEN_INTRO;
    said s = step(&c, &p, &v, 0, 0);
    CHECK(s.started && s.c.phrase == phrases_exercise(EXERCISE_CLAMSHELL, SIDE_LEFT) &&
              s.c.tone == CUE_TONE_NONE,
          "exercise start names it with its side, no chime before a set");
    char text[64];
    phrases_text(s.c.phrase, text, sizeof text);
    CHECK(!strcmp(text, "Clamshell, left side"), "text '%s'", text);

    p = base_view();
    p.screen = SCREEN_POSITION;
    v = base_view();
    s = step(&c, &p, &v, 50, 0);
    CHECK(s.started && s.c.phrase == PHRASE_GO, "a counted set begins: 'go'");
    phrases_text(s.c.phrase, text, sizeof text);
    CHECK(!strcmp(text, "Go"), "text '%s'", text);
    /* begun before "Go": the set opens with two reps counted; "2" is said, not "go" after it */
    cues_init(&c);
    v = with_rep(with_rep(base_view()));
    s = step(&c, &p, &v, 50, 0);
    CHECK(s.started && s.c.phrase == phrases_number(2), "a set begun early: its count first");
    for (int64_t t = 100; t <= 3000; t += 100) {
        s = step(&c, &v, &v, t, t < 500 ? 400 : 0); /* "2" plays until 0.5 s */
        CHECK(!s.started, "and no 'go' after it (got phrase %d at %lld ms)", s.c.phrase,
              (long long)t);
    }
    /* ... and one of those two held too briefly: the screen says "hold
     * longer", and so does the voice, after the count (not at all before) */
    cues_init(&c);
    v.short_holds = 1;
    s = step(&c, &p, &v, 50, 0);
    CHECK(s.started && s.c.phrase == phrases_number(2), "its count first");
    int64_t longer_at = -1;
    for (int64_t t = 100; t <= 3000 && longer_at < 0; t += 100) {
        s = step(&c, &v, &v, t, t < 500 ? 400 : 0);
        if (s.started && s.c.phrase == PHRASE_HOLD_LONGER)
            longer_at = t;
        else
            CHECK(!s.started, "nothing else (got phrase %d at %lld ms)", s.c.phrase, (long long)t);
    }
    CHECK(longer_at >= 500, "then 'hold a little longer' (at %lld ms)", (long long)longer_at);
    cues_init(&c);
    session_view lost = v;
    lost.screen = SCREEN_CAMERA_LOST;
    for (int64_t t = 0; t <= 3000; t += 100) {
        s = step(&c, t == 0 ? &lost : &v, &v, t, 0);
        CHECK(!s.started, "back from a lost camera: nothing said again (got phrase %d at %lld ms)",
              s.c.phrase, (long long)t);
    }
    v = base_view();
    cues_init(&c);
    p.timed = v.timed = true;
    v.timed_phase = TIMED_TIGHTEN;
    s = step(&c, &p, &v, 60, 0);
    CHECK(s.started && s.c.phrase == PHRASE_TIGHTEN, "a timed set begins with 'tighten' only");
    s = step(&c, &v, &v, 5000, 0);
    CHECK(!s.started, "no 'go' after it (got phrase %d)", s.c.phrase);

    p = base_view();
    v = p;
    v.screen = SCREEN_REST;
    s = step(&c, &p, &v, 100, 0);
    CHECK(s.started && s.c.phrase == PHRASE_REST && s.c.tone == CUE_TONE_SET_DONE,
          "set done: 'rest', the chime without voice");

    v = base_view();
    v.screen = SCREEN_PAIN_AFTER;
    v.total_done = v.total_target = p.total_done = 8;
    s = step(&c, &p, &v, 200, 0);
    CHECK(s.started && s.c.phrase == PHRASE_PAIN_AFTER,
          "the exercises over: the pain question is waiting, not 'session complete'");
    p = v;
    v.screen = SCREEN_SUMMARY;
    s = step(&c, &p, &v, 250, 0);
    CHECK(s.started && s.c.phrase == PHRASE_SESSION_DONE, "answered, all done: 'well done'");
    v.total_done = p.total_done = 3;
    s = step(&c, &p, &v, 300, 0);
    CHECK(s.started && s.c.phrase == PHRASE_SESSION_ENDED, "reps left: 'session over'");
    p.screen = SCREEN_PAIN_AFTER;
    v.total_done = p.total_done = 8;
    v.pain_after = SESSION_PAIN_LIMIT + 2;
    s = step(&c, &p, &v, 350, 0);
    CHECK(s.started && s.c.phrase == PHRASE_STOP_PAIN && s.c.tone == CUE_TONE_ALERT,
          "all done, pain high after: not 'well done', the pain stop's words and tone");

    p = base_view();
    v = base_view();
    v.screen = SCREEN_PAIN_STOP;
    s = step(&c, &p, &v, 400, 0);
    CHECK(s.started && s.c.phrase == PHRASE_STOP_PAIN && s.c.tone == CUE_TONE_ALERT,
          "pain stop: the alert tone and 'stop here for today'");
    v.screen = SCREEN_RED_FLAG;
    s = step(&c, &p, &v, 450, 0);
    CHECK(s.started && s.c.phrase == PHRASE_STOP_RED_FLAG && s.c.tone == CUE_TONE_ALERT,
          "a warning sign: the alert tone and whom to call");
    v.screen = SCREEN_CAMERA_LOST;
    s = step(&c, &p, &v, 500, 0);
    CHECK(s.started && s.c.phrase == PHRASE_CAMERA_LOST, "camera lost");
    p = v;
    v.screen = SCREEN_STILL_THERE;
    s = step(&c, &p, &v, 600, 0);
    CHECK(s.started && s.c.phrase == PHRASE_STILL_THERE && s.c.tone == CUE_TONE_ALERT &&
              s.c.rank == CUE_RANK_ALERT,
          "an abandoned session's warning is said, an alert (its tone without a voice)");
    phrases_text(PHRASE_STILL_THERE, text, sizeof text);
    CHECK(strstr(text, "OK") != NULL, "and says which button: %s", text);
    s = step(&c, &v, &v, 700, 0);
    CHECK(!s.started, "once");
}

/* Between sets: "set 2", and "last set" (not "set 3") before the block's
 * last, so someone lying with eyes closed knows this set is the end of it. */
static void test_next_set(void)
{
    setup_programme(10, 2);
    prog.blocks[0].sets = 3;
    char text[64];
    for (int set = 2; set <= 3; set++) {
        cues c;
        cues_init(&c);
        session_view p = base_view(), v = p;
        p.screen = SCREEN_REST;
        v.screen = SCREEN_POSITION;
        p.set = set - 1;
        v.set = set;
        said s = step(&c, &p, &v, 0, 0);
        phrase_id want = set == 3 ? PHRASE_LAST_SET : phrases_set(2);
        CHECK(s.started && s.c.phrase == want, "set %d of 3: phrase %d, not %d", set, s.c.phrase,
              want);
        phrases_text(s.c.phrase, text, sizeof text);
        CHECK(!strcmp(text, set == 3 ? "Last set" : "Set 2"), "set %d of 3: '%s'", set, text);
    }
}

/* A rest of 30 s says "get ready" once, as 10 s are left; a rest of 10 s
 * (nothing to warn of: it is all last 10 s) never does. */
static void test_rest_ending(void)
{
    setup_programme(10, 2);
    for (int rest_s = 30; rest_s >= 10; rest_s -= 20) {
        cues c;
        cues_init(&c);
        session_view p = base_view(), v = p;
        v.screen = SCREEN_REST;
        int warned = 0, at = -1;
        for (int64_t t = 0; t <= rest_s * 1000; t += 100) {
            v.rest_remaining_ms = rest_s * 1000 - t;
            said s = step(&c, &p, &v, t, 0);
            if (s.started && s.c.phrase == PHRASE_REST_ENDING)
                warned++, at = (int)v.rest_remaining_ms;
            p = v;
        }
        CHECK(warned == (rest_s > 10 ? 1 : 0), "rest of %d s: 'get ready' said %d times", rest_s,
              warned);
        if (rest_s > 10)
            CHECK(at <= 10000 && at > 9800, "said with %d ms left", at);
    }
}

/* The pause menu: "paused" as it opens; back to the set, "carry on", or
 * after an undo the count as it now stands; ended from it, no "carry on". */
static void test_pause(void)
{
    setup_programme(10, 2);
    cues c;
    cues_init(&c);
    session_view set = base_view(), menu;
    set.reps_done = 5;
    menu = set;
    menu.screen = SCREEN_PAUSE;
    menu.paused_from = SCREEN_SET;
    said s = step(&c, &set, &menu, 0, 0);
    CHECK(s.started && s.c.phrase == PHRASE_PAUSED, "the menu opens: 'paused' (%d)", s.c.phrase);
    s = step(&c, &menu, &set, 3000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_CARRY_ON, "resumed: 'carry on' (%d)", s.c.phrase);
    session_view undone = set;
    undone.reps_done = 4;
    s = step(&c, &menu, &undone, 6000, 0);
    CHECK(s.started && s.c.phrase == phrases_number(4), "undone: the count now, 4 (%d)",
          s.c.phrase);
    undone.reps_done = 0;
    s = step(&c, &menu, &undone, 9000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_CARRY_ON, "the only rep undone: 'carry on' (%d)",
          s.c.phrase);
    session_view ended = set;
    ended.screen = SCREEN_PAIN_AFTER;
    s = step(&c, &menu, &ended, 12000, 0);
    CHECK(s.started && s.c.phrase == PHRASE_PAIN_AFTER, "ended from the menu: the pain question");
}

static void test_phrase_table(void)
{
    char text[64];
    CHECK(phrases_text(phrases_number(7), text, sizeof text) && !strcmp(text, "7"), "7: %s", text);
    CHECK(phrases_text(phrases_set(2), text, sizeof text) && !strcmp(text, "Set 2"), "%s", text);
    CHECK(phrases_number(0) == PHRASE_NONE && phrases_number(51) == PHRASE_NONE, "numbers 1..50");
    CHECK(phrases_set(1) == PHRASE_NONE && phrases_set(11) == PHRASE_NONE, "sets 2..10");
    CHECK(!phrases_text(PHRASE_NONE, text, sizeof text) && !text[0], "none has no text");
    CHECK(!phrases_text(PHRASE_SET, text, sizeof text), "'set 1' is unused");
    CHECK(!phrases_text(PHRASE_COUNT, text, sizeof text), "out of range");
}

int main(void)
{
    test_rep_numbers();
    test_follow_ups();
    test_patience();
    test_ranks();
    test_hold(2);
    test_hold(5);
    test_hold_once_a_rep();
    test_not_seen();
    test_keep_still();
    test_missed();
    test_ok_waiting();
    test_short_hold();
    test_timed();
    test_relax_after_number();
    test_screens();
    test_next_set();
    test_rest_ending();
    test_pause();
    test_phrase_table();
    return check_done();
}
