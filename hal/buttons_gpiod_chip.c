/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_gpiod_chip: finding GPIO chips and lines through libgpiod, v1 (1.6,
 * Debian 12 / Raspberry Pi OS Bookworm) or v2 (2.x, Debian 13 / Trixie), for
 * the backend (buttons_gpiod.c) and for `rehab-mirror doctor` (the survey in
 * buttons_gpiod.h).
 *
 * Neither API's chip iterator is used: v2 has none, so both scan /dev for
 * gpiochipN themselves and open each by path (gpiod_chip_open has the same
 * signature in both). The Raspberry Pi 40-pin header's chip is recognised by
 * its driver label: pinctrl-bcm2835 (Pi 1-3, Zero), pinctrl-bcm2711 (Pi 4,
 * 400, CM4) or pinctrl-rp1 (Pi 5, gpiochip4 on older kernels, gpiochip0 on
 * newer). A board with another driver still matches when one of its lines is
 * named "GPIO17", as the Pi's device tree names them. Labels win over names,
 * so the Pi 5's second chip with named lines is not taken for the header.
 *
 * Built without libgpiod, the survey reports no chips and the probe says why.
 * Main thread (or any one thread at a time): libgpiod objects are not shared.
 */
#include "log.h"
#include "buttons_gpiod.h"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if HAVE_GPIOD

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "buttons_gpiod_priv.h"

enum { MAX_CHIPS = 64 };

static const char *const HEADER_LABELS[] = {"pinctrl-bcm2711", "pinctrl-bcm2835",
                                            "pinctrl-rp1"};
static const char HEADER_LINE[] = "GPIO17";

const char *gpiodc_short_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* --- the two APIs, side by side ----------------------------------------- */

/* Label and line count; false when the chip's info cannot be read. */
static bool chip_facts(struct gpiod_chip *chip, char label[BUTTONS_GPIOD_CHIP_MAX],
                       unsigned *lines)
{
#if RM_GPIOD_V2
    struct gpiod_chip_info *info = gpiod_chip_get_info(chip);
    if (!info)
        return false;
    snprintf(label, BUTTONS_GPIOD_CHIP_MAX, "%s", gpiod_chip_info_get_label(info));
    *lines = (unsigned)gpiod_chip_info_get_num_lines(info);
    gpiod_chip_info_free(info);
#else
    const char *l = gpiod_chip_label(chip);
    snprintf(label, BUTTONS_GPIOD_CHIP_MAX, "%s", l ? l : "");
    *lines = gpiod_chip_num_lines(chip);
#endif
    return true;
}

static int offset_by_name(struct gpiod_chip *chip, const char *name)
{
#if RM_GPIOD_V2
    return gpiod_chip_get_line_offset_from_name(chip, name);
#else
    struct gpiod_line *line = gpiod_chip_find_line(chip, name);
    return line ? (int)gpiod_line_offset(line) : -1;
#endif
}

bool gpiodc_line_used(struct gpiod_chip *chip, unsigned offset,
                      char consumer[BUTTONS_GPIOD_PIN_MAX], bool *used)
{
    consumer[0] = '\0';
#if RM_GPIOD_V2
    struct gpiod_line_info *info = gpiod_chip_get_line_info(chip, offset);
    if (!info)
        return false;
    *used = gpiod_line_info_is_used(info);
    const char *c = gpiod_line_info_get_consumer(info);
    snprintf(consumer, BUTTONS_GPIOD_PIN_MAX, "%s", c ? c : "");
    gpiod_line_info_free(info);
#else
    struct gpiod_line *line = gpiod_chip_get_line(chip, offset);
    if (!line || gpiod_line_update(line) < 0)
        return false;
    *used = gpiod_line_is_used(line);
    const char *c = gpiod_line_consumer(line);
    snprintf(consumer, BUTTONS_GPIOD_PIN_MAX, "%s", c ? c : "");
#endif
    return true;
}

const char *buttons_gpiod_library(void)
{
    static char text[64];
#if RM_GPIOD_V2
    snprintf(text, sizeof text, "libgpiod %s (v2 API)", gpiod_api_version());
#else
    snprintf(text, sizeof text, "libgpiod %s (v1 API)", gpiod_version_string());
#endif
    return text;
}

/* --- finding chips ------------------------------------------------------ */

static int by_number(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The numbers N of /dev/gpiochipN, sorted; how many. */
static int chip_numbers(int *out, int max)
{
    DIR *dir = opendir("/dev");
    if (!dir)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < max) {
        if (!strncmp(e->d_name, "gpiochip", 8) && buttons_gpiod_all_digits(e->d_name + 8) &&
            strlen(e->d_name) < 16)
            out[n++] = atoi(e->d_name + 8);
    }
    closedir(dir);
    qsort(out, (size_t)n, sizeof *out, by_number);
    return n;
}

static bool is_header_label(const char *label)
{
    for (size_t i = 0; i < sizeof HEADER_LABELS / sizeof HEADER_LABELS[0]; i++)
        if (!strcmp(label, HEADER_LABELS[i]))
            return true;
    return false;
}

int buttons_gpiod_list_chips(buttons_gpiod_chip_info *out, int max)
{
    int nums[MAX_CHIPS];
    int n = chip_numbers(nums, max < MAX_CHIPS ? max : MAX_CHIPS);
    for (int i = 0; i < n; i++) {
        buttons_gpiod_chip_info *c = &out[i];
        memset(c, 0, sizeof *c);
        snprintf(c->path, sizeof c->path, "/dev/gpiochip%d", nums[i]);
        struct gpiod_chip *chip = gpiod_chip_open(c->path);
        if (!chip)
            continue;
        c->opened = chip_facts(chip, c->label, &c->lines);
        c->header = is_header_label(c->label) || offset_by_name(chip, HEADER_LINE) >= 0;
        gpiod_chip_close(chip);
    }
    return n;
}

/* Opens a path, or explains why not. */
static struct gpiod_chip *open_path(const char *path, char *errbuf)
{
    struct gpiod_chip *chip = gpiod_chip_open(path);
    if (!chip) {
        int err = errno;
        errbuf_set(errbuf, "cannot open %s: %s%s", path, strerror(err),
                  err == EACCES ? " (add the user to the gpio group)" : "");
    }
    return chip;
}

/* The header's chip: labels first, then the chip with a line named GPIO17. */
static struct gpiod_chip *open_header_chip(char path[BUTTONS_GPIOD_CHIP_MAX], char *errbuf)
{
    buttons_gpiod_chip_info chips[MAX_CHIPS];
    int n = buttons_gpiod_list_chips(chips, MAX_CHIPS);
    if (n == 0) {
        errbuf_set(errbuf, "no GPIO chip found (/dev/gpiochip* missing)");
        return NULL;
    }
    int pick = -1;
    for (int i = 0; i < n && pick < 0; i++)
        if (is_header_label(chips[i].label))
            pick = i;
    for (int i = 0; i < n && pick < 0; i++)
        if (chips[i].header)
            pick = i;
    if (pick < 0) {
        for (int i = 0; i < n; i++)
            if (!chips[i].opened)
                return open_path(chips[i].path, errbuf); /* says why it cannot */
        errbuf_set(errbuf, "no Raspberry Pi GPIO header among %d GPIO chip%s (%s is '%s'); "
                  "name one: gpiod:CHIP:UP,OK,DOWN", n, n == 1 ? "" : "s",
                  gpiodc_short_name(chips[0].path), chips[0].label);
        return NULL;
    }
    snprintf(path, BUTTONS_GPIOD_CHIP_MAX, "%s", chips[pick].path);
    return open_path(path, errbuf);
}

/* A chip named by path, number, device name or label. */
static struct gpiod_chip *open_named_chip(const char *name, char path[BUTTONS_GPIOD_CHIP_MAX],
                                          char *errbuf)
{
    if (name[0] == '/')
        snprintf(path, BUTTONS_GPIOD_CHIP_MAX, "%s", name);
    else if (buttons_gpiod_all_digits(name))
        snprintf(path, BUTTONS_GPIOD_CHIP_MAX, "/dev/gpiochip%s", name);
    else
        snprintf(path, BUTTONS_GPIOD_CHIP_MAX, "/dev/%.58s", name);
    if (name[0] == '/' || buttons_gpiod_all_digits(name) || access(path, F_OK) == 0)
        return open_path(path, errbuf);
    buttons_gpiod_chip_info chips[MAX_CHIPS];
    int n = buttons_gpiod_list_chips(chips, MAX_CHIPS);
    for (int i = 0; i < n; i++)
        if (!strcmp(chips[i].label, name)) {
            snprintf(path, BUTTONS_GPIOD_CHIP_MAX, "%s", chips[i].path);
            return open_path(path, errbuf);
        }
    if (n == 0)
        errbuf_set(errbuf, "no GPIO chip found (/dev/gpiochip* missing)");
    else
        errbuf_set(errbuf, "GPIO chip '%s' not found (no /dev/%s and no chip labelled so)",
                  name, name);
    return NULL;
}

struct gpiod_chip *gpiodc_open(const char *name, char path[BUTTONS_GPIOD_CHIP_MAX],
                               char *errbuf)
{
    path[0] = '\0';
    if (!name[0])
        return open_header_chip(path, errbuf);
    /* A missing numbered chip is as likely "no GPIO at all" as a typo. */
    if (name[0] == '/' || buttons_gpiod_all_digits(name) || !strncmp(name, "gpiochip", 8)) {
        int nums[1];
        if (chip_numbers(nums, 1) == 0) {
            errbuf_set(errbuf, "no GPIO chip found (/dev/gpiochip* missing)");
            return NULL;
        }
    }
    return open_named_chip(name, path, errbuf);
}

int gpiodc_line_offset(struct gpiod_chip *chip, const char *pin)
{
    if (buttons_gpiod_all_digits(pin)) {
        char label[BUTTONS_GPIOD_CHIP_MAX];
        unsigned lines = 0;
        long off = atol(pin);
        if (!chip_facts(chip, label, &lines) || off >= (long)lines)
            return -1;
        return (int)off;
    }
    return offset_by_name(chip, pin);
}

bool buttons_gpiod_probe(const char *spec, char chip_path[BUTTONS_GPIOD_CHIP_MAX],
                         buttons_gpiod_pin_status st[BUTTON_COUNT], char *errbuf)
{
    buttons_gpiod_spec s;
    chip_path[0] = '\0';
    if (!buttons_gpiod_parse_spec(spec, &s, errbuf))
        return false;
    struct gpiod_chip *chip = gpiodc_open(s.chip, chip_path, errbuf);
    if (!chip)
        return false;
    for (int i = 0; i < BUTTON_COUNT; i++) {
        memset(&st[i], 0, sizeof st[i]);
        st[i].offset = gpiodc_line_offset(chip, s.pin[i]);
        if (st[i].offset >= 0)
            gpiodc_line_used(chip, (unsigned)st[i].offset, st[i].consumer, &st[i].used);
    }
    gpiod_chip_close(chip);
    return true;
}

#else /* !HAVE_GPIOD */

int buttons_gpiod_list_chips(buttons_gpiod_chip_info *out, int max)
{
    (void)out;
    (void)max;
    return 0;
}

bool buttons_gpiod_probe(const char *spec, char chip_path[BUTTONS_GPIOD_CHIP_MAX],
                         buttons_gpiod_pin_status st[BUTTON_COUNT], char *errbuf)
{
    (void)spec;
    (void)st;
    chip_path[0] = '\0';
    if (errbuf)
        snprintf(errbuf, 256, "GPIO buttons not built (no libgpiod)");
    return false;
}

const char *buttons_gpiod_library(void)
{
    return "not built";
}

#endif
