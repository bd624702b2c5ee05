/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_buttons_gpiod: the gpiod spec parser (defaults, chip by name, path and
 * label, pins by number and by line name, and bad specs refused with a message
 * that names the problem), and, on a machine without GPIO chips (a build
 * server, a laptop), that asking for GPIO buttons fails at once with the clear
 * line the station logs before it falls back to the keyboard. On a machine
 * with chips that check is skipped: it would depend on the wiring.
 */
#include "buttons_gpiod.h"

#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "config.h"

static bool contains(const char *s, const char *part)
{
    return strstr(s, part) != NULL;
}

static void expect_spec(const char *spec, const char *chip, const char *up, const char *ok,
                        const char *down)
{
    buttons_gpiod_spec s;
    char err[256] = "";
    bool parsed = buttons_gpiod_parse_spec(spec, &s, err);
    CHECK(parsed, "'%s' parses: %s", spec, err);
    if (!parsed)
        return;
    CHECK(!strcmp(s.chip, chip), "'%s': chip '%s', want '%s'", spec, s.chip, chip);
    CHECK(!strcmp(s.pin[BUTTON_UP], up), "'%s': up '%s', want '%s'", spec, s.pin[BUTTON_UP], up);
    CHECK(!strcmp(s.pin[BUTTON_OK], ok), "'%s': ok '%s', want '%s'", spec, s.pin[BUTTON_OK], ok);
    CHECK(!strcmp(s.pin[BUTTON_DOWN], down), "'%s': down '%s', want '%s'", spec,
          s.pin[BUTTON_DOWN], down);
}

static void expect_bad(const char *spec, const char *message_part)
{
    buttons_gpiod_spec s;
    char err[256] = "";
    bool parsed = buttons_gpiod_parse_spec(spec, &s, err);
    CHECK(!parsed, "'%s' should be refused", spec);
    CHECK(contains(err, message_part), "'%s': message '%s' should say '%s'", spec, err,
          message_part);
}

static void test_good_specs(void)
{
    expect_spec("gpiod", "", "17", "27", "22");
    expect_spec("gpiod:", "", "17", "27", "22");
    expect_spec("gpiod:gpiochip0", "gpiochip0", "17", "27", "22");
    expect_spec("gpiod:gpiochip0:5,6,13", "gpiochip0", "5", "6", "13");
    expect_spec("gpiod:/dev/gpiochip4:5,6,13", "/dev/gpiochip4", "5", "6", "13");
    expect_spec("gpiod:pinctrl-rp1:GPIO5,GPIO6,GPIO13", "pinctrl-rp1", "GPIO5", "GPIO6",
                "GPIO13");
    expect_spec("gpiod::17,GPIO27,22", "", "17", "GPIO27", "22");
    expect_spec("gpiod:4:0,1,65535", "4", "0", "1", "65535");
}

static void test_bad_specs(void)
{
    expect_bad("gpio", "not a gpiod spec");
    expect_bad("gpiodx", "not a gpiod spec");
    expect_bad("gpiod:gpiochip0:", "no pins");
    expect_bad("gpiod:gpiochip0:17,27", "want three pins UP,OK,DOWN, got 2");
    expect_bad("gpiod:gpiochip0:17,27,22,23", "got more");
    expect_bad("gpiod:gpiochip0:17,,22", "the ok pin is empty");
    expect_bad("gpiod:gpiochip0:17,27,", "the down pin is empty");
    expect_bad("gpiod:gpiochip0:17,17,22", "pin 17 is given for both up and ok");
    expect_bad("gpiod:gpiochip0:17,27,99999", "past any GPIO line number");
    expect_bad("gpiod:gpiochip0:17,27,22:5", "not a line number or name");
    expect_bad("gpiod:gpio chip:17,27,22", "not a GPIO chip name");
    expect_bad("gpiod:gpiochip0:17,GPIO 27,22", "the ok pin 'GPIO 27'");
    expect_bad("gpiod:gpiochip0:17,27,GPIO_WITH_A_NAME_FAR_TOO_LONG_TO_BE_REAL",
               "not a line number or name");
}

static bool have_gpio_chips(void)
{
    glob_t g;
    bool any = glob("/dev/gpiochip*", 0, NULL, &g) == 0 && g.gl_pathc > 0;
    globfree(&g);
    return any;
}

static void test_no_chip(void)
{
    if (have_gpio_chips()) {
        printf("skipped: this machine has GPIO chips\n");
        return;
    }
    rm_clock *clock = clock_create_virtual(0);
    char err[256] = "";
    buttons *b = buttons_create("gpiod", clock, err);
    CHECK(b == NULL, "gpiod buttons without a GPIO chip should fail");
    buttons_destroy(b);
#if HAVE_GPIOD
    CHECK(!strcmp(err, "no GPIO chip found (/dev/gpiochip* missing)"), "gpiod: '%s'", err);
    b = buttons_create("gpiod:gpiochip0:17,27,22", clock, err);
    CHECK(b == NULL && !strcmp(err, "no GPIO chip found (/dev/gpiochip* missing)"),
          "gpiod:gpiochip0: '%s'", err);
    buttons_destroy(b);
    b = buttons_create("gpiod:pinctrl-rp1", clock, err);
    CHECK(b == NULL && !strcmp(err, "no GPIO chip found (/dev/gpiochip* missing)"),
          "gpiod:pinctrl-rp1: '%s'", err);
    buttons_destroy(b);
    /* A bad spec is reported before any chip is looked for. */
    b = buttons_create("gpiod:gpiochip0:17,27", clock, err);
    CHECK(b == NULL && contains(err, "want three pins"), "short spec: '%s'", err);
    buttons_destroy(b);
    buttons_gpiod_chip_info chips[4];
    CHECK_EQ_INT(buttons_gpiod_list_chips(chips, 4), 0, "chips listed");
#else
    CHECK(!strcmp(err, "GPIO buttons not built (no libgpiod)"), "gpiod: '%s'", err);
#endif
    clock_destroy(clock);
}

int main(void)
{
    test_good_specs();
    test_bad_specs();
    test_no_chip();
    return check_done();
}
