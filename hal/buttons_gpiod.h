/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_gpiod: the three buttons on GPIO lines, through libgpiod (v1 or v2,
 * chosen at build time; see buttons_gpiod.c). This header holds what the rest of
 * the program needs beyond buttons_create("gpiod..."): the spec parser (pure,
 * always built, so tests run it with or without libgpiod) and the chip survey
 * `rehab-mirror doctor` prints.
 *
 * Spec: "gpiod[:CHIP[:UP,OK,DOWN]]".
 *   CHIP  a chip name ("gpiochip0"), path ("/dev/gpiochip4"), number ("4") or
 *         label ("pinctrl-rp1"). Empty or absent: the Raspberry Pi 40-pin
 *         header's chip, found by its label (pinctrl-bcm2711, pinctrl-bcm2835,
 *         pinctrl-rp1) or, failing that, as the chip with a line named "GPIO17".
 *   UP,OK,DOWN  three pins, each a line offset on that chip (on a Pi the BCM
 *         GPIO number, e.g. 17) or a line name (e.g. GPIO17). Absent: the
 *         defaults below, BCM 17, 27 and 22 (header pins 11, 13 and 15).
 * Examples: "gpiod", "gpiod:gpiochip0", "gpiod::5,6,13",
 * "gpiod:pinctrl-rp1:GPIO5,GPIO6,GPIO13".
 */
#ifndef RM_BUTTONS_GPIOD_H
#define RM_BUTTONS_GPIOD_H

#include <stdbool.h>

#include "buttons.h"

#define BUTTONS_GPIOD_DEFAULT_UP "17"   /* header pin 11 */
#define BUTTONS_GPIOD_DEFAULT_OK "27"   /* header pin 13 */
#define BUTTONS_GPIOD_DEFAULT_DOWN "22" /* header pin 15 */

enum { BUTTONS_GPIOD_CHIP_MAX = 64, BUTTONS_GPIOD_PIN_MAX = 32 };

typedef struct buttons_gpiod_spec {
    char chip[BUTTONS_GPIOD_CHIP_MAX];               /* "" = the 40-pin header's chip */
    char pin[BUTTON_COUNT][BUTTONS_GPIOD_PIN_MAX];    /* offset digits or a line name */
} buttons_gpiod_spec;

/* Parses a whole spec ("gpiod..."), filling defaults. False with a one-line
 * reason in errbuf (256 bytes): not a gpiod spec, a chip or pin name too long
 * or with spaces or colons, other than three pins, an empty pin, a pin number
 * past 65535, the same pin for two buttons. Pure; any thread. */
bool buttons_gpiod_parse_spec(const char *spec, buttons_gpiod_spec *out, char *errbuf);
/* True for a non-empty string of decimal digits: a chip number or a line
 * offset in a spec (anything else names a chip or a line). */
bool buttons_gpiod_all_digits(const char *s);

/* One GPIO chip as the survey sees it. */
typedef struct buttons_gpiod_chip_info {
    char path[BUTTONS_GPIOD_CHIP_MAX];   /* /dev/gpiochipN */
    char label[BUTTONS_GPIOD_CHIP_MAX];  /* e.g. pinctrl-bcm2711; "" if unreadable */
    unsigned lines;                      /* number of lines */
    bool header;                         /* looks like the Pi's 40-pin header chip */
    bool opened;                         /* false: exists but cannot be opened */
} buttons_gpiod_chip_info;

/* Lists /dev/gpiochip* in number order, up to max. Returns how many (0 when
 * none, or when built without libgpiod). Opens and closes each chip. */
int buttons_gpiod_list_chips(buttons_gpiod_chip_info *out, int max);

/* What a spec's pins resolve to, without requesting them. */
typedef struct buttons_gpiod_pin_status {
    int offset;                          /* -1: no such line on the chip */
    bool used;                           /* requested by someone (kernel or process) */
    char consumer[BUTTONS_GPIOD_PIN_MAX]; /* who, when known */
} buttons_gpiod_pin_status;

/* Finds the spec's chip and its three pins and whether each is free. False with
 * the same reasons buttons_gpiod_create gives (no chip, bad spec, built without
 * libgpiod). chip_path gets the chip's device path. */
bool buttons_gpiod_probe(const char *spec, char chip_path[BUTTONS_GPIOD_CHIP_MAX],
                         buttons_gpiod_pin_status st[BUTTON_COUNT], char *errbuf);

/* "libgpiod 1.6.3 (v1 API)", "libgpiod 2.1.3 (v2 API)" or "not built". */
const char *buttons_gpiod_library(void);

/* The backend (HAVE_GPIOD only): requests the three lines as inputs with
 * pull-ups, active low, both edges, and starts a reader thread that wakes the
 * main loop with an SDL user event. NULL with a one-line reason in errbuf:
 * "no GPIO chip found (/dev/gpiochip* missing)", "GPIO line 27 busy or not
 * found on gpiochip0", and so on. Create, poll and destroy on the main thread;
 * the clock must outlive the buttons. */
buttons *buttons_gpiod_create(const char *spec, const rm_clock *clock, char *errbuf);

#endif
