/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_press: the pure press logic with the default timings (debounce 20 ms,
 * long 800 ms, stuck 10 s): chatter is ignored, a press just under the long
 * threshold is short and one at it is long, a long press fires once while held
 * and no short follows on release, a stuck button is reported, ignored and
 * recovers after release, two buttons held together are independent, and a
 * bouncing release gives one short press.
 */
#include "press.h"

#include <string.h>

#include "check.h"

enum { MAX_EVENTS = 64 };

/* Everything the logic emitted, from edges and ticks alike. */
typedef struct recorder {
    press_state s;
    button_event ev[MAX_EVENTS];
    int n;
} recorder;

static void rec_init(recorder *r)
{
    memset(r, 0, sizeof *r);
    press_config cfg = press_default_config();
    press_init(&r->s, &cfg);
}

static void edge(recorder *r, button_id b, bool down, int64_t t)
{
    button_event ev;
    if (press_edge(&r->s, b, down, t, &ev) && r->n < MAX_EVENTS)
        r->ev[r->n++] = ev;
}

/* Ticks every step ms over [from, to], as a main loop would. */
static void ticks(recorder *r, int64_t from, int64_t to, int64_t step)
{
    for (int64_t t = from; t <= to; t += step) {
        button_event evs[BUTTON_COUNT];
        int k = press_tick(&r->s, t, evs);
        for (int i = 0; i < k && r->n < MAX_EVENTS; i++)
            r->ev[r->n++] = evs[i];
    }
}

static void check_event(const recorder *r, int i, button_id b, bool long_press, int64_t t,
                        const char *what)
{
    if (i >= r->n) {
        CHECK(i < r->n, "%s: event %d missing (only %d)", what, i, r->n);
        return;
    }
    CHECK(r->ev[i].button == b, "%s: button %s, want %s", what, button_name(r->ev[i].button),
          button_name(b));
    CHECK(r->ev[i].long_press == long_press, "%s: %s press, want %s", what,
          r->ev[i].long_press ? "long" : "short", long_press ? "long" : "short");
    CHECK_EQ_INT(r->ev[i].t_ms, t, what);
}

static void test_defaults(void)
{
    press_config cfg = press_default_config();
    CHECK_EQ_INT(cfg.debounce_ms, 20, "default debounce");
    CHECK_EQ_INT(cfg.long_ms, 800, "default long press");
    CHECK_EQ_INT(cfg.stuck_ms, 10000, "default stuck time");
}

static void test_chatter_ignored(void)
{
    recorder r;
    rec_init(&r);
    edge(&r, BUTTON_OK, true, 100);
    ticks(&r, 100, 104, 1);
    edge(&r, BUTTON_OK, false, 105);
    edge(&r, BUTTON_OK, true, 110);
    edge(&r, BUTTON_OK, false, 113);
    ticks(&r, 113, 2000, 5);
    CHECK_EQ_INT(r.n, 0, "5 ms chatter produces no press");
}

static void test_short_press(void)
{
    recorder r;
    rec_init(&r);
    /* Bouncing on the way down, then a clean 300 ms press. */
    edge(&r, BUTTON_UP, true, 0);
    edge(&r, BUTTON_UP, false, 2);
    edge(&r, BUTTON_UP, true, 4);
    ticks(&r, 4, 300, 10);
    edge(&r, BUTTON_UP, false, 304);
    ticks(&r, 304, 400, 10);
    CHECK_EQ_INT(r.n, 1, "one short press");
    check_event(&r, 0, BUTTON_UP, false, 304, "short press stamped at release");
}

static void test_threshold(void)
{
    recorder r;
    rec_init(&r);
    edge(&r, BUTTON_OK, true, 1000);
    ticks(&r, 1000, 1798, 1);
    edge(&r, BUTTON_OK, false, 1799);
    ticks(&r, 1799, 2000, 1);
    CHECK_EQ_INT(r.n, 1, "799 ms press gives one event");
    check_event(&r, 0, BUTTON_OK, false, 1799, "799 ms press is short");

    edge(&r, BUTTON_OK, true, 3000);
    ticks(&r, 3000, 3799, 1);
    CHECK_EQ_INT(r.n, 1, "nothing fires before the long threshold");
    ticks(&r, 3800, 3800, 1);
    CHECK_EQ_INT(r.n, 2, "long press fires at the threshold while held");
    check_event(&r, 1, BUTTON_OK, true, 3800, "800 ms press is long");
    ticks(&r, 3801, 4500, 7);
    edge(&r, BUTTON_OK, false, 4500);
    ticks(&r, 4500, 5000, 10);
    CHECK_EQ_INT(r.n, 2, "long fires once and no short follows on release");
}

static void test_long_without_ticks(void)
{
    /* A coarse caller that only feeds edges still gets a long press, not a short. */
    recorder r;
    rec_init(&r);
    edge(&r, BUTTON_DOWN, true, 0);
    edge(&r, BUTTON_DOWN, false, 1000);
    edge(&r, BUTTON_DOWN, true, 5000);
    CHECK_EQ_INT(r.n, 1, "one event from edges alone");
    check_event(&r, 0, BUTTON_DOWN, true, 800, "1 s press fed without ticks is long");
}

static void test_stuck(void)
{
    recorder r;
    rec_init(&r);
    edge(&r, BUTTON_OK, true, 0);
    ticks(&r, 0, 9990, 10);
    CHECK(!press_is_stuck(&r.s, BUTTON_OK), "not stuck before 10 s");
    ticks(&r, 10000, 10000, 1);
    CHECK(press_is_stuck(&r.s, BUTTON_OK), "reported stuck at 10 s");
    CHECK_EQ_INT(r.n, 1, "only the long press fired while stuck");
    /* Chatter while stuck, but no clean release. */
    edge(&r, BUTTON_OK, false, 12000);
    edge(&r, BUTTON_OK, true, 12005);
    ticks(&r, 12005, 15000, 10);
    CHECK(press_is_stuck(&r.s, BUTTON_OK), "still stuck after chatter");
    CHECK_EQ_INT(r.n, 1, "a stuck button is ignored");
    CHECK(!press_is_stuck(&r.s, BUTTON_UP), "other buttons are not stuck");

    edge(&r, BUTTON_OK, false, 20000);
    ticks(&r, 20000, 20100, 10);
    CHECK(!press_is_stuck(&r.s, BUTTON_OK), "release clears stuck");
    CHECK_EQ_INT(r.n, 1, "the stuck press's release emits nothing");

    edge(&r, BUTTON_OK, true, 21000);
    edge(&r, BUTTON_OK, false, 21200);
    ticks(&r, 21200, 21300, 10);
    CHECK_EQ_INT(r.n, 2, "a press after recovery counts");
    check_event(&r, 1, BUTTON_OK, false, 21200, "recovered button gives a short press");
}

static void test_two_buttons(void)
{
    recorder r;
    rec_init(&r);
    edge(&r, BUTTON_UP, true, 0);
    edge(&r, BUTTON_DOWN, true, 0);
    edge(&r, BUTTON_OK, true, 100);
    ticks(&r, 0, 400, 10);
    edge(&r, BUTTON_OK, false, 400);
    ticks(&r, 400, 700, 10);
    CHECK_EQ_INT(r.n, 1, "OK released while the others are held");
    check_event(&r, 0, BUTTON_OK, false, 400, "OK short while Up and Down held");

    button_event evs[BUTTON_COUNT];
    int k = press_tick(&r.s, 900, evs);
    CHECK_EQ_INT(k, 2, "Up and Down both go long in one tick");
    if (k == 2) {
        CHECK(evs[0].button == BUTTON_UP && evs[0].long_press, "first is Up long");
        CHECK(evs[1].button == BUTTON_DOWN && evs[1].long_press, "second is Down long");
        CHECK_EQ_INT(evs[0].t_ms, 800, "Up long at its own threshold");
    }
}

static void test_release_bounce(void)
{
    recorder r;
    rec_init(&r);
    edge(&r, BUTTON_DOWN, true, 0);
    ticks(&r, 0, 290, 10);
    edge(&r, BUTTON_DOWN, false, 300);
    edge(&r, BUTTON_DOWN, true, 303);
    edge(&r, BUTTON_DOWN, false, 306);
    ticks(&r, 306, 308, 1);
    edge(&r, BUTTON_DOWN, true, 309);
    edge(&r, BUTTON_DOWN, false, 312);
    ticks(&r, 312, 600, 1);
    CHECK_EQ_INT(r.n, 1, "bouncing release gives one press");
    check_event(&r, 0, BUTTON_DOWN, false, 312, "short press stamped at the last bounce");
}

static void test_names(void)
{
    for (int i = 0; i < BUTTON_COUNT; i++) {
        button_id b = BUTTON_COUNT;
        CHECK(button_parse(button_name((button_id)i), &b) && b == (button_id)i,
              "name of button %d parses back", i);
    }
    CHECK(!strcmp(button_name(BUTTON_OK), "ok"), "OK is named ok");
    button_id b;
    CHECK(button_parse("Down", &b) && b == BUTTON_DOWN, "names are case-insensitive");
    CHECK(!button_parse("okk", &b), "okk is not a button");
    CHECK(!button_parse("", &b), "empty is not a button");
    CHECK(!button_parse("o", &b), "a prefix is not a button");
}

int main(void)
{
    test_defaults();
    test_chatter_ignored();
    test_short_press();
    test_threshold();
    test_long_without_ticks();
    test_stuck();
    test_two_buttons();
    test_release_bounce();
    test_names();
    return check_done();
}
