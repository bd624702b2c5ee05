/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_buttons: the spec dispatch (keys, script:FILE, gpiod, nonsense), the
 * script backend (good files deliver their presses at their times on a virtual
 * clock and then finish; bad files are refused with FILE:LINE and the problem)
 * and the keys backend fed synthetic SDL key events on a virtual clock (short
 * press, long press by holding, Esc as an immediate long OK, repeats and other
 * keys ignored).
 */
#include "buttons.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config.h"

static bool contains(const char *s, const char *part)
{
    return strstr(s, part) != NULL;
}

/* Polls once and checks the press it gives. */
static void expect_press(buttons *b, button_id id, bool long_press, int64_t t, const char *what)
{
    button_event ev;
    if (!buttons_poll(b, &ev)) {
        CHECK(false, "%s: no press", what);
        return;
    }
    CHECK(ev.button == id, "%s: button %s, want %s", what, button_name(ev.button),
          button_name(id));
    CHECK(ev.long_press == long_press, "%s: long_press %d, want %d", what, ev.long_press,
          long_press);
    CHECK_EQ_INT(ev.t_ms, t, what);
}

static void expect_none(buttons *b, const char *what)
{
    button_event ev;
    CHECK(!buttons_poll(b, &ev), "%s: unexpected %s press", what, button_name(ev.button));
}

static void test_script_timing(void)
{
    static const char text[] = "# warm-up presses\n"
                               "\n"
                               "0 up\n"
                               "2.5 ok\n"
                               "2.5\tdown   # same time, file order\n"
                               "10 OK long\r\n";
    rm_clock *clock = clock_create_virtual(0);
    char err[256];
    buttons *b = buttons_script_create_from_text(text, "t.txt", clock, err);
    CHECK(b != NULL, "good script parses: %s", err);
    if (!b) {
        clock_destroy(clock);
        return;
    }
    CHECK(!strcmp(buttons_name(b), "script"), "backend name is script");
    CHECK(!buttons_finished(b), "not finished before any press");
    expect_press(b, BUTTON_UP, false, 0, "up at 0 s");
    expect_none(b, "nothing else at 0 s");
    CHECK_EQ_INT(buttons_next_due_ms(b), 2500, "next press due at 2.5 s");
    clock_advance_to(clock, 2499);
    expect_none(b, "nothing at 2.499 s");
    clock_advance_to(clock, 2500);
    expect_press(b, BUTTON_OK, false, 2500, "ok at 2.5 s");
    expect_press(b, BUTTON_DOWN, false, 2500, "down at 2.5 s after ok");
    CHECK_EQ_INT(buttons_next_due_ms(b), 10000, "long ok due at 10 s");
    clock_advance_to(clock, 60000);
    CHECK(!buttons_finished(b), "not finished before the last press is polled");
    expect_press(b, BUTTON_OK, true, 10000, "long ok stamped with its script time");
    expect_none(b, "nothing after the last press");
    CHECK(buttons_finished(b), "finished after the last press");
    CHECK(buttons_next_due_ms(b) == INT64_MAX, "no next press when finished");
    buttons_destroy(b);
    clock_destroy(clock);
}

static void expect_script_error(const char *text, const char *want, const char *what)
{
    rm_clock *clock = clock_create_virtual(0);
    char err[256] = "";
    buttons *b = buttons_script_create_from_text(text, "buttons.txt", clock, err);
    CHECK(b == NULL, "%s: bad script refused", what);
    CHECK(!strcmp(err, want), "%s: message '%s', want '%s'", what, err, want);
    buttons_destroy(b);
    clock_destroy(clock);
}

static void test_script_errors(void)
{
    expect_script_error("1 ok\n2 up\n3 okk\n",
                        "buttons.txt:3: unknown button 'okk' (use up, ok, down)", "unknown button");
    expect_script_error("# c\n1 ok\n0.5 up\n",
                        "buttons.txt:3: time 0.5 is before the previous press at 1 "
                        "(times must not decrease)",
                        "decreasing time");
    expect_script_error("-1 ok\n",
                        "buttons.txt:1: time -1 is negative (times are seconds from the start, >= 0)",
                        "negative time");
    expect_script_error("soon ok\n", "buttons.txt:1: bad time 'soon' (want seconds, e.g. 2.5)",
                        "word for a time");
    expect_script_error("2.5s ok\n", "buttons.txt:1: bad time '2.5s' (want seconds, e.g. 2.5)",
                        "unit on the time");
    expect_script_error("nan ok\n", "buttons.txt:1: bad time 'nan' (want seconds, e.g. 2.5)",
                        "nan time");
    expect_script_error("\n\n7\n", "buttons.txt:3: missing button after the time (use up, ok, down)",
                        "missing button");
    expect_script_error("1 ok short\n",
                        "buttons.txt:1: unexpected 'short' after the button (only long, down or up may follow)",
                        "unknown modifier");
    expect_script_error("1 ok long now\n", "buttons.txt:1: unexpected 'now' after 'long'",
                        "trailing word");
}

static void test_script_file(void)
{
    /* Not check_tmpdir(): its snprintf trips -Wformat-truncation under -Werror. */
    char dir[] = "/tmp/test_buttons.XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "can make a scratch directory");
    char path[128], spec[160], err[256];
    snprintf(path, sizeof path, "%s/buttons.txt", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "can write %s", path);
    if (!f)
        return;
    fputs("0.25 down\n1 up long\n", f);
    fclose(f);

    rm_clock *clock = clock_create_virtual(0);
    snprintf(spec, sizeof spec, "script:%s", path);
    buttons *b = buttons_create(spec, clock, err);
    CHECK(b != NULL, "script file loads: %s", err);
    if (b) {
        CHECK_EQ_INT(buttons_next_due_ms(b), 250, "first press from the file");
        clock_advance_to(clock, 1000);
        expect_press(b, BUTTON_DOWN, false, 250, "file press 1");
        expect_press(b, BUTTON_UP, true, 1000, "file press 2");
        CHECK(buttons_finished(b), "file script finished");
        buttons_destroy(b);
    }

    f = fopen(path, "w");
    if (f) {
        fputs("1 ok\n2 ok lng\n", f);
        fclose(f);
    }
    b = buttons_create(spec, clock, err);
    CHECK(b == NULL, "bad file refused");
    char want[200];
    snprintf(want, sizeof want, "%s:2: unexpected 'lng'", path);
    CHECK(!strncmp(err, want, strlen(want)), "bad file message names file and line: %s", err);
    buttons_destroy(b);

    snprintf(spec, sizeof spec, "script:%s/missing.txt", dir);
    b = buttons_create(spec, clock, err);
    CHECK(b == NULL && contains(err, "missing.txt: cannot open"), "missing file: %s", err);
    buttons_destroy(b);
    clock_destroy(clock);
    remove(path);
    remove(dir);
}

static void test_dispatch(void)
{
    rm_clock *clock = clock_create_virtual(0);
    char err[256];
    buttons *b = buttons_create("keys", clock, err);
    CHECK(b && !strcmp(buttons_name(b), "keys"), "keys spec gives the keys backend");
    buttons_destroy(b);

    b = buttons_create("joystick", clock, err);
    CHECK(b == NULL && contains(err, "unknown buttons 'joystick'"), "unknown spec: %s", err);
    b = buttons_create("script:", clock, err);
    CHECK(b == NULL && contains(err, "needs a file"), "script without file: %s", err);
#if !HAVE_GPIOD
    b = buttons_create("gpiod", clock, err);
    CHECK(b == NULL && !strcmp(err, "GPIO buttons not built (no libgpiod)"), "gpiod: %s", err);
    b = buttons_create("gpiod:gpiochip0:5,6,13", clock, err);
    CHECK(b == NULL && !strcmp(err, "GPIO buttons not built (no libgpiod)"), "gpiod:...: %s",
          err);
#endif
    buttons_destroy(NULL);
    clock_destroy(clock);
}

static void key(buttons *b, bool down, SDL_Keycode sym, bool repeat)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.key.repeat = repeat;
    e.key.keysym.sym = sym;
    buttons_feed_sdl(b, &e);
}

static void test_keys(void)
{
    rm_clock *clock = clock_create_virtual(0);
    char err[256];
    buttons *b = buttons_keys_create(clock, err);
    CHECK(!buttons_finished(b) && buttons_next_due_ms(b) == INT64_MAX,
          "keys never finish and have no schedule");

    clock_advance_to(clock, 100);
    key(b, true, SDLK_RETURN, false);
    clock_advance_to(clock, 200);
    key(b, true, SDLK_RETURN, true);
    expect_none(b, "nothing while Enter is down briefly");
    clock_advance_to(clock, 250);
    key(b, false, SDLK_RETURN, false);
    expect_press(b, BUTTON_OK, false, 250, "Enter tap is a short OK");
    expect_none(b, "one press per tap");

    clock_advance_to(clock, 1000);
    key(b, true, SDLK_UP, false);
    clock_advance_to(clock, 1500);
    key(b, true, SDLK_UP, true);
    expect_none(b, "Up held 500 ms is not long yet");
    clock_advance_to(clock, 1800);
    expect_press(b, BUTTON_UP, true, 1800, "Up held 800 ms is a long press");
    clock_advance_to(clock, 2500);
    key(b, false, SDLK_UP, false);
    expect_none(b, "releasing after a long press adds nothing");

    clock_advance_to(clock, 3000);
    key(b, true, SDLK_ESCAPE, false);
    expect_press(b, BUTTON_OK, true, 3000, "Esc is an immediate long OK");
    key(b, true, SDLK_ESCAPE, true);
    key(b, false, SDLK_ESCAPE, false);
    expect_none(b, "Esc repeat and release add nothing");

    key(b, true, SDLK_SPACE, false);
    key(b, false, SDLK_SPACE, false);
    key(b, true, SDLK_KP_ENTER, false);
    clock_advance_to(clock, 3100);
    key(b, false, SDLK_KP_ENTER, false);
    key(b, true, SDLK_DOWN, false);
    key(b, false, SDLK_DOWN, false);
    key(b, true, SDLK_a, false);
    key(b, false, SDLK_a, false);
    SDL_Event motion;
    memset(&motion, 0, sizeof motion);
    motion.type = SDL_MOUSEMOTION;
    buttons_feed_sdl(b, &motion);
    expect_press(b, BUTTON_OK, false, 3000, "Space is OK, even tapped within one frame");
    expect_press(b, BUTTON_OK, false, 3100, "keypad Enter is OK");
    expect_press(b, BUTTON_DOWN, false, 3100, "Down arrow is Down");
    expect_none(b, "other keys and events are ignored");
    buttons_destroy(b);
    clock_destroy(clock);
}

/* Raw edges in a script go through debounce: 5 ms contact bounce on press
 * and release gives one press; bounce alone gives none; a contact that stays
 * closed fires its long press and is then ignored as stuck, while the other
 * buttons still work. */
static void test_script_faults(void)
{
    rm_clock *clock = clock_create_virtual(0);
    char err[256] = "";
    const char *text = "1.000 ok down\n1.005 ok up\n1.010 ok down\n1.015 ok up\n"
                       "1.020 ok down\n1.300 ok up\n1.305 ok down\n1.310 ok up\n"
                       "3.000 up down\n3.005 up up\n3.010 up down\n3.015 up up\n"
                       "5.000 down down\n"
                       "20 ok\n";
    buttons *b = buttons_script_create_from_text(text, "faults.txt", clock, err);
    CHECK(b != NULL, "script with edges: %s", err);
    if (!b) {
        clock_destroy(clock);
        return;
    }
    int64_t t = 0, presses = 0, longs = 0;
    button_event ev, seen[16];
    for (; t <= 21000; t += 5) {
        clock_advance_to(clock, t);
        while (buttons_poll(b, &ev))
            if (presses < 16)
                seen[presses++] = ev, longs += ev.long_press;
    }
    CHECK_EQ_INT(presses, 3, "one OK press, Down's long press, the last OK");
    if (presses == 3) {
        CHECK(seen[0].button == BUTTON_OK && !seen[0].long_press && seen[0].t_ms == 1310,
              "chattering OK: one short press at the last bounce (%s %lld)",
              button_name(seen[0].button), (long long)seen[0].t_ms);
        CHECK(seen[1].button == BUTTON_DOWN && seen[1].long_press && seen[1].t_ms == 5800,
              "stuck Down fires its long press once (%lld)", (long long)seen[1].t_ms);
        CHECK(seen[2].button == BUTTON_OK && seen[2].t_ms == 20000,
              "OK works while Down is stuck");
    }
    CHECK_EQ_INT(longs, 1, "long presses");
    buttons_destroy(b);
    clock_destroy(clock);
}

int main(void)
{
    test_script_faults();
    test_script_timing();
    test_script_errors();
    test_script_file();
    test_dispatch();
    test_keys();
    return check_done();
}
