/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * session_lobby: the session's screens outside a session (session.h, "the
 * lobby"): who is exercising, what an idle station does (attract, sleep,
 * wake), and the warning before an abandoned session ends itself.
 *
 * Idle is measured from the later of the last press and the moment the screen
 * opened, so the attract loop never starts a moment after a screen appeared.
 * A session is never put to sleep: only HOME and WHO lead to ATTRACT. The
 * abandoned session's clock is the last press or rep the camera saw
 * (session.c keeps last_input_ms); its warning always runs its full
 * SESSION_WARN_MS, so a clock that jumped (a virtual clock, a machine that
 * was suspended) still gives the person the time WCAG 2.2.1 asks for.
 */
#include "session_priv.h"

/* A session under way, or about to begin: worth a warning before it ends. */
static bool warnable(const session *s)
{
    return s->in_session || s->v.screen == SCREEN_PAIN_BEFORE;
}

static int64_t idle_since(const session *s)
{
    return s->last_input_ms > s->v.screen_since_ms ? s->last_input_ms : s->v.screen_since_ms;
}

/* STILL_THERE: when the session ends by itself. */
static int64_t abandon_at(const session *s)
{
    int64_t a = s->last_input_ms + SESSION_ABANDON_MS, b = s->warned_at + SESSION_WARN_MS;
    return a > b ? a : b;
}

session_screen session_lobby_after(const session *s)
{
    return s->idle.kiosk ? SCREEN_ATTRACT : SCREEN_HOME;
}

/* Off ATTRACT or SLEEP by a press: a new guest in a kiosk (nothing of the
 * last one stays), the choice of people, or home. */
static void wake_up(session *s)
{
    session_view *v = &s->v;
    if (s->idle.kiosk) {
        v->day_stop = SESSION_STOP_NONE;
        v->pain = 0;
        session_go(s, SCREEN_HOME);
    } else if (v->people_count > 1) {
        v->who_cursor = v->person;
        session_go(s, SCREEN_WHO);
    } else {
        session_go(s, SCREEN_HOME);
    }
}

static void who_press(session *s, const button_event *ev)
{
    session_view *v = &s->v;
    if (ev->long_press && ev->button == BUTTON_OK) { /* the language list (HOME's long
                                                       * OK is "someone else" here) */
        v->menu_cursor = v->language;
        session_go(s, SCREEN_LANGUAGE);
        return;
    }
    if (ev->long_press || v->people_count < 1)
        return;
    if (ev->button == BUTTON_OK) {
        v->person = v->who_cursor;
        session_go(s, SCREEN_HOME);
    } else { /* Down walks down the list, as in the pause menu */
        int d = ev->button == BUTTON_DOWN ? 1 : -1;
        v->who_cursor = (v->who_cursor + d + v->people_count) % v->people_count;
    }
}

bool session_lobby_press(session *s, const button_event *ev)
{
    session_view *v = &s->v;
    switch (v->screen) {
    case SCREEN_WHO:
        who_press(s, ev);
        return true;
    case SCREEN_ATTRACT:
    case SCREEN_SLEEP:
        wake_up(s);
        return true;
    case SCREEN_STILL_THERE: /* any button: carry on where it was */
        session_go(s, v->warned_from);
        return true;
    case SCREEN_HOME:
        if (!ev->long_press || v->people_count < 2 || s->idle.kiosk)
            return false;
        v->who_cursor = v->person;
        session_go(s, SCREEN_WHO);
        return true;
    default:
        return false;
    }
}

static void warn(session *s)
{
    s->v.warned_from = s->v.screen;
    s->warned_at = s->now;
    session_go(s, SCREEN_STILL_THERE);
}

/* Seconds left, as shown: whole seconds rounded up, in ms (so the view
 * changes once a second, not every tick). */
static int64_t shown_left(int64_t left_ms)
{
    return left_ms <= 0 ? 0 : (left_ms + 999) / 1000 * 1000;
}

void session_lobby_timers(session *s)
{
    session_view *v = &s->v;
    const session_idle *idle = &s->idle;
    switch (v->screen) {
    case SCREEN_HOME:
    case SCREEN_WHO:
        if (idle->attract_after_ms > 0 && s->now >= idle_since(s) + idle->attract_after_ms)
            session_go(s, SCREEN_ATTRACT);
        break;
    case SCREEN_ATTRACT:
        if (idle->sleep_after_ms > 0 && s->now >= v->screen_since_ms + idle->sleep_after_ms)
            session_go(s, SCREEN_SLEEP);
        break;
    case SCREEN_SLEEP:
        break;
    case SCREEN_STILL_THERE:
        v->abandon_in_ms = shown_left(abandon_at(s) - s->now);
        if (s->now >= abandon_at(s))
            session_leave(s, SESSION_STATUS_ABANDONED);
        break;
    default:
        if (warnable(s) && s->now >= s->last_input_ms + SESSION_ABANDON_MS - SESSION_WARN_MS) {
            warn(s);
            v->abandon_in_ms = shown_left(abandon_at(s) - s->now);
        } else if (!warnable(s) && s->now >= s->last_input_ms + SESSION_ABANDON_MS) {
            session_leave(s, SESSION_STATUS_ENDED); /* an advice screen nobody left */
        }
        break;
    }
}

int64_t session_lobby_next_ms(const session *s)
{
    const session_view *v = &s->v;
    const session_idle *idle = &s->idle;
    switch (v->screen) {
    case SCREEN_HOME:
    case SCREEN_WHO:
        return idle->attract_after_ms > 0 ? idle_since(s) + idle->attract_after_ms : INT64_MAX;
    case SCREEN_ATTRACT:
        return idle->sleep_after_ms > 0 ? v->screen_since_ms + idle->sleep_after_ms
                                        : INT64_MAX;
    case SCREEN_SLEEP:
        return INT64_MAX;
    case SCREEN_STILL_THERE: { /* the next second shown, or the end */
        int64_t left = abandon_at(s) - s->now, part = left % 1000;
        return left <= 1000 ? abandon_at(s) : s->now + (part ? part : 1000);
    }
    default:
        return s->last_input_ms + SESSION_ABANDON_MS - (warnable(s) ? SESSION_WARN_MS : 0);
    }
}

/* --- public ------------------------------------------------------------- */

/* Settings that change the lobby apply at once when nothing is under way. */
static void settle(session *s)
{
    session_screen sc = s->v.screen;
    if (sc != SCREEN_HOME && sc != SCREEN_WHO)
        return;
    if (s->idle.kiosk)
        session_go(s, SCREEN_ATTRACT);
    else if (sc == SCREEN_HOME && s->v.people_count > 1)
        session_go(s, SCREEN_WHO);
    else if (sc == SCREEN_WHO && s->v.people_count < 2)
        session_go(s, SCREEN_HOME);
}

void session_set_people(session *s, const char *const *names, int n, int chosen)
{
    s->v.people = n > 0 ? names : NULL;
    s->v.people_count = n > 0 ? n : 0;
    s->v.person = chosen >= 0 && chosen < s->v.people_count ? chosen : 0;
    s->v.who_cursor = s->v.person;
    settle(s);
    s->v.generation++;
}

void session_set_idle(session *s, const session_idle *idle)
{
    s->idle = *idle;
    s->v.kiosk = idle->kiosk;
    settle(s);
    s->v.generation++;
}

bool session_set_programme(session *s, const programme *p)
{
    if (session_active(s))
        return false;
    s->prog = *p;
    s->v.total_target = programme_total_reps(p);
    s->v.generation++;
    return true;
}

void session_wake(session *s, int64_t t_ms)
{
    if (s->v.screen != SCREEN_SLEEP)
        return;
    if (t_ms > s->now)
        s->now = t_ms;
    s->last_input_ms = s->now;
    session_go(s, SCREEN_ATTRACT);
    s->v.generation++;
}
