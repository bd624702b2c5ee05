/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * session_press: what the buttons do on the session's screens (session.h's
 * flow): the pain check-ins and their stops, the pause menu, the warning
 * signs, and OK, Up/Down and a long OK on each screen. The records and the
 * flow between blocks that they drive are session.c's (session_priv.h).
 */
#include "session_priv.h"

#include <stdlib.h>
#include <string.h>

#include "intl.h"
#include "languages.h"

#define PAIN_LIMIT SESSION_PAIN_LIMIT

static const char ADVICE_PAIN_BEFORE[] =
    N_("Your knee hurts too much to exercise today. Rest and try again tomorrow. "
    "If the pain stays high, talk to your physiotherapist.");
static const char ADVICE_PAIN_DURING[] =
    N_("Stop exercising for today: pain above 5 out of 10 is too much. Next time try "
    "fewer reps or a smaller movement. If it keeps happening, talk to your physiotherapist.");
static const char ADVICE_RED_FLAG[] =
    N_("No more exercise today. Sharp or sudden pain, swelling, the knee giving way or "
    "locking, a hot red knee with fever, or calf pain: please contact a doctor or "
    "physiotherapist. Chest pain or shortness of breath: call emergency services now.");
static const char ADVICE_PAIN_AFTER[] =
    N_("Your pain was high after exercising. Next time try an easier dose. If it happens "
    "again, talk to your physiotherapist.");
static const char ADVICE_ALL_DONE[] = N_("Well done: every rep of today's programme is done.");
static const char ADVICE_SOME_DONE[] = N_("Good work. Every rep counts; see you next time.");
static const char ADVICE_NONE_DONE[] = N_("No reps this time. Try again when you are ready.");

static void stop_session(session *s, const char *set_status, const char *status,
                         session_screen screen, const char *advice)
{
    session_end_set(s, set_status);
    session_end(s, status);
    session_go(s, screen);
    s->v.advice = advice;
}

static void pain_answer(session *s)
{
    session_screen screen = s->v.screen;
    int pain = s->v.pain;
    if (screen == SCREEN_PAIN_BEFORE) {
        s->v.pain_before = pain;
        session_begin(s);
        if (pain > PAIN_LIMIT) {
            stop_session(s, SET_STATUS_PAIN, SESSION_STATUS_PAIN, SCREEN_PAIN_STOP,
                         ADVICE_PAIN_BEFORE);
            s->v.day_stop = s->v.day_stop ? s->v.day_stop : SESSION_STOP_PAIN;
            return;
        }
        session_start_block(s, 0);
    } else if (screen == SCREEN_PAIN_DURING) {
        if (pain > PAIN_LIMIT) { /* the rest of the session and of the day (PROTOCOL.md) */
            s->v.pain_after = pain;
            stop_session(s, SET_STATUS_PAIN, SESSION_STATUS_PAIN, SCREEN_PAIN_STOP,
                         ADVICE_PAIN_DURING);
            s->v.day_stop = s->v.day_stop ? s->v.day_stop : SESSION_STOP_PAIN;
            return;
        }
        session_go(s, s->v.paused_from);
    } else if (screen == SCREEN_PAIN_AFTER) {
        s->v.pain_after = pain;
        bool all = s->v.total_done >= s->v.total_target;
        session_end(s, all ? SESSION_STATUS_COMPLETED : SESSION_STATUS_ENDED);
        session_go(s, SCREEN_SUMMARY);
        /* Above the limit after exercising: no more exercise that day either
         * (PROTOCOL.md), as the summary's voice says ("Stop here for today"). */
        if (pain > PAIN_LIMIT)
            s->v.day_stop = s->v.day_stop ? s->v.day_stop : SESSION_STOP_PAIN;
        s->v.advice = pain > PAIN_LIMIT    ? ADVICE_PAIN_AFTER
                      : all                ? ADVICE_ALL_DONE
                      : s->v.total_done > 0 ? ADVICE_SOME_DONE
                                           : ADVICE_NONE_DONE;
    }
}

void session_leave(session *s, const char *status)
{
    session_end_set(s, SET_STATUS_ENDED);
    session_end(s, status);
    s->v.block = -1;
    s->v.pain_before = s->v.pain_after = -1;
    session_go(s, session_lobby_after(s));
}

void session_go_home(session *s)
{
    session_leave(s, SESSION_STATUS_ENDED);
}

static void pause_choose(session *s)
{
    switch ((pause_item)s->v.menu_cursor) {
    case PAUSE_RESUME:
        session_go(s, s->v.paused_from);
        break;
    case PAUSE_PAIN:
        s->v.pain = s->v.pain_before >= 0 ? s->v.pain_before : 0;
        session_go(s, SCREEN_PAIN_DURING);
        break;
    case PAUSE_RED_FLAG: /* the signs first; OK there confirms */
        session_go(s, SCREEN_RED_FLAG_CHECK);
        break;
    case PAUSE_SKIP:
        session_end_set(s, SET_STATUS_SKIPPED);
        session_next_block(s);
        break;
    case PAUSE_END:
        session_end_set(s, SET_STATUS_ENDED);
        session_finish_exercises(s);
        break;
    case PAUSE_SOUND: /* the menu stays open: its row says what it is now */
        s->v.muted = s->v.sound_available ? !s->v.muted : s->v.muted;
        break;
    case PAUSE_VOLUME:
        s->v.menu_editing = s->v.sound_available && !s->v.menu_editing;
        break;
    case PAUSE_UNDO: /* only over an open set with a rep in it; else like resume */
        if (s->v.paused_from == SCREEN_SET || s->v.paused_from == SCREEN_CAMERA_LOST)
            session_reps_undo(s);
        session_go(s, s->v.paused_from);
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

static void confirm_red_flag(session *s)
{
    stop_session(s, SET_STATUS_ENDED, SESSION_STATUS_RED_FLAG, SCREEN_RED_FLAG, ADVICE_RED_FLAG);
    s->v.day_stop = SESSION_STOP_RED_FLAG;
}

/* OK at home on a stopped day: the advice again, no session. */
static void show_day_stop(session *s)
{
    bool red = s->v.day_stop == SESSION_STOP_RED_FLAG;
    session_go(s, red ? SCREEN_RED_FLAG : SCREEN_PAIN_STOP);
    s->v.advice = red ? ADVICE_RED_FLAG : ADVICE_PAIN_BEFORE;
}

/* The check-in before a session. It starts where the person was last time
 * (most days that is where they are today; the screen says so), unless that
 * answer stopped a session: then at 0, as before anything is known. */
static void open_pain_check(session *s)
{
    int last = s->v.stats.last_pain_before;
    s->v.pain = last >= 0 && last <= PAIN_LIMIT ? last : 0;
    s->v.total_target = programme_total_reps(&s->prog);
    session_go(s, SCREEN_PAIN_BEFORE);
}

void session_press_ok(session *s)
{
    switch (s->v.screen) {
    case SCREEN_HOME:
        if (s->v.day_stop != SESSION_STOP_NONE)
            show_day_stop(s);
        else
            open_pain_check(s);
        break;
    case SCREEN_PAIN_BEFORE:
    case SCREEN_PAIN_DURING:
    case SCREEN_PAIN_AFTER:
        pain_answer(s);
        break;
    case SCREEN_INTRO:
        session_enter_position(s);
        break;
    case SCREEN_POSITION: /* start now, even if the camera has not settled */
        session_begin_set(s);
        session_go(s, SCREEN_SET);
        break;
    case SCREEN_SET:
        session_reps_ok(s);
        break;
    case SCREEN_REST:
        s->v.set++;
        session_enter_position(s);
        break;
    case SCREEN_PAUSE:
        pause_choose(s);
        break;
    case SCREEN_RED_FLAG_CHECK:
        confirm_red_flag(s);
        break;
    case SCREEN_LANGUAGE:
        s->v.language = s->v.menu_cursor;
        session_go(s, SCREEN_HOME);
        break;
    case SCREEN_PAIN_STOP: /* every stop ends the session */
    case SCREEN_RED_FLAG:
    case SCREEN_SUMMARY:
        session_go_home(s);
        break;
    default:
        break;
    }
}

void session_press_updown(session *s, int delta)
{
    session_view *v = &s->v;
    /* Up or Down at home: the check-in, already moved one step (a press
     * saved; OK there still confirms before anything starts). The station
     * keeps Down at home for the history (panels.h), so there it is Up. */
    if (v->screen == SCREEN_HOME && v->day_stop == SESSION_STOP_NONE)
        open_pain_check(s);
    if (v->screen == SCREEN_PAIN_BEFORE || v->screen == SCREEN_PAIN_DURING ||
        v->screen == SCREEN_PAIN_AFTER) {
        v->pain += delta;
        v->pain = v->pain < 0 ? 0 : v->pain > 10 ? 10 : v->pain;
    } else if (v->screen == SCREEN_PAUSE && v->menu_editing) { /* louder, softer */
        v->volume += delta * 10;
        v->volume = v->volume < 0 ? 0 : v->volume > 100 ? 100 : v->volume;
    } else if (v->screen == SCREEN_PAUSE) { /* Down walks down the list */
        v->menu_cursor = (v->menu_cursor - delta + PAUSE_ITEM_COUNT) % PAUSE_ITEM_COUNT;
    } else if (v->screen == SCREEN_RED_FLAG_CHECK) { /* not confirmed: back to the menu */
        session_go(s, SCREEN_PAUSE);
    } else if (v->screen == SCREEN_LANGUAGE) {
        v->menu_cursor = (v->menu_cursor - delta + languages_count) % languages_count;
    }
}

void session_press_long(session *s)
{
    if (s->v.screen == SCREEN_CAMERA_LOST) { /* the menu, over the screen the camera left */
        s->v.paused_from = s->lost_from;
        s->v.menu_cursor = PAUSE_RESUME;
        session_go(s, SCREEN_PAUSE);
    } else if (pausable(s->v.screen)) {
        if (s->v.screen == SCREEN_SET)
            session_reps_settle(s); /* may complete the set: the menu is then over REST */
        s->v.paused_from = s->v.screen;
        s->v.menu_cursor = PAUSE_RESUME;
        session_go(s, SCREEN_PAUSE);
    } else if (s->v.screen == SCREEN_PAUSE) {
        session_go(s, s->v.paused_from);
    } else if (s->v.screen == SCREEN_RED_FLAG_CHECK) {
        session_go(s, SCREEN_PAUSE);
    } else if (s->v.screen == SCREEN_HOME) { /* the language chooser */
        s->v.menu_cursor = s->v.language;
        session_go(s, SCREEN_LANGUAGE);
    } else if (s->v.screen == SCREEN_LANGUAGE) { /* left as it was */
        session_go(s, SCREEN_HOME);
    }
}

