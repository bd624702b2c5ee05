/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests for the session's lobby (session_lobby.c): who is exercising, the
 * idle timers (attract, sleep) and waking, the kiosk's guests, and the
 * abandoned session's warning and end (WCAG 2.2.1), with a sink that notes
 * how sessions ended.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "session.h"

#define SEC 1000LL

typedef struct record {
    int sessions;
    char status[32];
} record;

static int64_t rec_begin(void *ctx, const programme *p, int pain)
{
    (void)p;
    (void)pain;
    return 100 + ((record *)ctx)->sessions++;
}

static bool rec_end(void *ctx, int64_t id, int pain_after, const char *status)
{
    (void)id;
    (void)pain_after;
    snprintf(((record *)ctx)->status, sizeof ((record *)ctx)->status, "%s", status);
    return true;
}

static int64_t now;

static void press(session *s, button_id b, bool is_long)
{
    now += SEC;
    button_event ev = { .button = b, .long_press = is_long, .t_ms = now };
    session_press(s, &ev);
}

static void tick(session *s, int64_t t)
{
    now = t;
    session_tick(s, t);
}

static session_screen screen(const session *s)
{
    return session_get_view(s)->screen;
}

static session *make(record *r, const session_idle *idle)
{
    programme p;
    programme_default(&p);
    memset(r, 0, sizeof *r);
    session_sink sink = { .ctx = r, .begin_session = rec_begin, .end_session = rec_end };
    session *s = session_create(&p, &sink);
    now = 0;
    if (idle)
        session_set_idle(s, idle);
    return s;
}

static const char *const NAMES[] = { "Alice", "Bob", "Chidi" };

static void test_who(void)
{
    record r;
    session *s = make(&r, NULL);
    session_set_people(s, NAMES, 3, 7);
    CHECK_EQ_INT(screen(s), SCREEN_WHO, "three people: who's exercising first");
    CHECK_EQ_INT(session_get_view(s)->who_cursor, 0, "out of range: at the first");
    press(s, BUTTON_DOWN, false);
    press(s, BUTTON_DOWN, false);
    CHECK_EQ_INT(session_get_view(s)->who_cursor, 2, "down twice: the third");
    press(s, BUTTON_DOWN, false);
    CHECK_EQ_INT(session_get_view(s)->who_cursor, 0, "down again wraps to the first");
    press(s, BUTTON_UP, false);
    CHECK_EQ_INT(session_get_view(s)->who_cursor, 2, "up wraps to the last");
    press(s, BUTTON_UP, false);
    unsigned g = session_get_view(s)->generation;
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "OK: home");
    CHECK_EQ_INT(session_get_view(s)->person, 1, "Bob chosen");
    CHECK(session_get_view(s)->generation != g, "the view changed");
    CHECK(!session_active(s), "home is not a session");
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_WHO, "a long OK at home asks again");
    CHECK_EQ_INT(session_get_view(s)->who_cursor, 1, "at the one chosen");
    press(s, BUTTON_OK, false);
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_PAIN_BEFORE, "then OK starts as before");
    CHECK(session_active(s), "a session is under way");
    programme p;
    programme_default(&p);
    CHECK(!session_set_programme(s, &p), "no change of programme in a session");
    session_destroy(s);

    s = make(&r, NULL);
    session_set_people(s, NAMES, 1, 0);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "one person: no question");
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_LANGUAGE, "one person: a long OK at home is the language list");
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "and a long OK there goes back");
    CHECK(session_set_programme(s, &p), "a programme is set at home");
    session_destroy(s);

    s = make(&r, NULL);
    session_set_people(s, NAMES, 3, 2);
    CHECK(session_get_view(s)->who_cursor == 2 && session_get_view(s)->person == 2,
          "asked with the one chosen so far (--profile) under the cursor");
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_LANGUAGE, "with people, a long OK on WHO is the language list");
    session_destroy(s);
}

static void test_idle(void)
{
    record r;
    session_idle idle = { .attract_after_ms = 60 * SEC, .sleep_after_ms = 120 * SEC };
    session *s = make(&r, &idle);
    CHECK_EQ_INT(session_next_timer_ms(s), 60 * SEC, "attract is due at 60 s");
    tick(s, 60 * SEC - 1);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "home until then");
    tick(s, 60 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_ATTRACT, "then the attract loop");
    CHECK_EQ_INT(session_next_timer_ms(s), 180 * SEC, "dark 120 s later");
    tick(s, 180 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_SLEEP, "dark");
    CHECK_EQ_INT(session_next_timer_ms(s), INT64_MAX, "asleep, nothing is due");
    session_wake(s, 200 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_ATTRACT, "movement: the attract loop again");
    tick(s, 319 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_ATTRACT, "for another 120 s");
    tick(s, 320 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_SLEEP, "and dark again");
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "a press wakes it to home, and starts nothing");
    session_wake(s, now);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "movement at home changes nothing");
    tick(s, now + 59 * SEC);
    press(s, BUTTON_OK, true); /* a long OK: the language list (one person)... */
    press(s, BUTTON_OK, true); /* ...and back home */
    tick(s, now + 59 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "a press at home restarts the idle time");

    /* Never during a session, however long it waits. */
    press(s, BUTTON_OK, false);
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_INTRO, "a session: the first exercise");
    tick(s, now + 9 * 60 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_INTRO, "no attract loop or sleep in a session");
    session_destroy(s);

    /* 0: never. */
    session_idle never = { 0 };
    s = make(&r, &never);
    tick(s, 48 * 3600 * SEC);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "attract_after 0: home for good");
    session_destroy(s);
}

static void test_abandoned(void)
{
    record r;
    session *s = make(&r, NULL);
    press(s, BUTTON_OK, false);
    press(s, BUTTON_OK, false); /* pain 0: the session begins, INTRO */
    int64_t last = now, warn_at = last + SESSION_ABANDON_MS - SESSION_WARN_MS;
    CHECK_EQ_INT(session_next_timer_ms(s), warn_at, "the warning is due 9.5 min on");
    tick(s, warn_at - 1);
    CHECK_EQ_INT(screen(s), SCREEN_INTRO, "no warning before");
    tick(s, warn_at);
    const session_view *v = session_get_view(s);
    CHECK_EQ_INT(v->screen, SCREEN_STILL_THERE, "are you still there?");
    CHECK_EQ_INT(v->warned_from, SCREEN_INTRO, "over the intro");
    CHECK_EQ_INT(v->abandon_in_ms, SESSION_WARN_MS, "30 s to go");
    CHECK(SESSION_WARN_MS >= 20 * SEC, "at least the 20 s WCAG 2.2.1 asks for");
    CHECK_EQ_INT(session_next_timer_ms(s), warn_at + SEC, "the count changes each second");
    tick(s, warn_at + 10 * SEC + 300);
    CHECK_EQ_INT(session_get_view(s)->abandon_in_ms, 20 * SEC, "20 s shown (19.7 left)");
    press(s, BUTTON_DOWN, false);
    CHECK_EQ_INT(screen(s), SCREEN_INTRO, "any button carries on");
    CHECK(r.status[0] == '\0', "the session is still open");
    warn_at = now + SESSION_ABANDON_MS - SESSION_WARN_MS;
    tick(s, warn_at);
    CHECK_EQ_INT(screen(s), SCREEN_STILL_THERE, "the wait began again at that press");
    tick(s, warn_at + SESSION_WARN_MS - 1);
    CHECK_EQ_INT(screen(s), SCREEN_STILL_THERE, "until the end");
    tick(s, warn_at + SESSION_WARN_MS);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "then home");
    CHECK(!strcmp(r.status, SESSION_STATUS_ABANDONED), "logged as abandoned: '%s'", r.status);
    CHECK(!session_active(s), "no session");

    /* A pause menu left open is a session too; an advice screen after a stop
     * is not, and goes home without a warning. */
    press(s, BUTTON_OK, false);
    press(s, BUTTON_OK, false);
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_PAUSE, "the pause menu");
    tick(s, now + SESSION_ABANDON_MS);
    CHECK_EQ_INT(screen(s), SCREEN_STILL_THERE, "warned over the menu");
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_PAUSE, "back to the menu");
    session_destroy(s);

    s = make(&r, NULL);
    press(s, BUTTON_OK, false);
    for (int i = 0; i < 7; i++)
        press(s, BUTTON_UP, false);
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_PAIN_STOP, "pain 7: the advice");
    tick(s, now + SESSION_ABANDON_MS);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "left on the advice: home, no warning");
    session_destroy(s);
}

static void test_kiosk(void)
{
    record r;
    session_idle idle = { .attract_after_ms = 60 * SEC, .kiosk = true };
    session *s = make(&r, &idle);
    session_set_people(s, NAMES, 3, 0);
    CHECK_EQ_INT(screen(s), SCREEN_ATTRACT, "a kiosk opens on the attract loop");
    CHECK(session_get_view(s)->kiosk, "the view says kiosk");
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "OK: a guest's home (no names to choose)");
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_LANGUAGE, "no choice of people in a kiosk: the languages");
    press(s, BUTTON_OK, true);
    CHECK_EQ_INT(screen(s), SCREEN_HOME, "and back");
    press(s, BUTTON_OK, false);
    for (int i = 0; i < 7; i++)
        press(s, BUTTON_UP, false);
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_PAIN_STOP, "guest 1: pain 7 stops");
    CHECK_EQ_INT(session_get_view(s)->day_stop, SESSION_STOP_PAIN, "guest 1's day is over");
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(screen(s), SCREEN_ATTRACT, "after the session: the attract loop");
    press(s, BUTTON_OK, false);
    const session_view *v = session_get_view(s);
    CHECK(v->screen == SCREEN_HOME && v->day_stop == SESSION_STOP_NONE,
          "guest 2: home, nothing of guest 1's stop (screen %d, stop %d)", v->screen,
          v->day_stop);
    press(s, BUTTON_OK, false);
    CHECK_EQ_INT(session_get_view(s)->pain, 0, "guest 2's pain check starts at 0");
    press(s, BUTTON_OK, false);
    tick(s, now + SESSION_ABANDON_MS + SESSION_WARN_MS);
    CHECK_EQ_INT(screen(s), SCREEN_STILL_THERE, "guest 2 walked away: warned");
    tick(s, now + SESSION_WARN_MS);
    CHECK_EQ_INT(screen(s), SCREEN_ATTRACT, "then the attract loop");
    CHECK(!strcmp(r.status, SESSION_STATUS_ABANDONED), "abandoned: '%s'", r.status);
    session_destroy(s);
}

int main(void)
{
    test_who();
    test_idle();
    test_abandoned();
    test_kiosk();
    return check_done();
}
