/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_gpiod_spec: the parser for "gpiod[:CHIP[:UP,OK,DOWN]]" (see
 * buttons_gpiod.h). Pure and always built, whether or not libgpiod is, so the
 * config a technician writes can be checked anywhere.
 *
 * It checks only the shape: whether a chip or a line name exists is the
 * chip's business (buttons_gpiod_chip.c). A pin made of digits is a line
 * offset; anything else is a line name, matched exactly. Two pins that are
 * the same string are refused; a number and a name for the same line (17 and
 * GPIO17) cannot be caught here and are refused when the lines are requested.
 */
#include "log.h"
#include "buttons_gpiod.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool buttons_gpiod_all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* A chip or line name: printable, no spaces, no ':' or ','. */
static bool good_name(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c >= 127 || c == ':' || c == ',')
            return false;
    }
    return true;
}

static bool parse_pin(const char *s, size_t len, buttons_gpiod_spec *out, int i, char *errbuf)
{
    const char *which = button_name((button_id)i);
    if (len == 0) {
        errbuf_set(errbuf, "gpiod: the %s pin is empty (want UP,OK,DOWN, e.g. 17,27,22)", which);
        return false;
    }
    if (len >= BUTTONS_GPIOD_PIN_MAX || !good_name(s, len)) {
        errbuf_set(errbuf, "gpiod: the %s pin '%.*s' is not a line number or name", which,
                  (int)(len > 40 ? 40 : len), s);
        return false;
    }
    memcpy(out->pin[i], s, len);
    out->pin[i][len] = '\0';
    if (buttons_gpiod_all_digits(out->pin[i]) && (len > 5 || atol(out->pin[i]) > 65535)) {
        errbuf_set(errbuf, "gpiod: the %s pin %s is past any GPIO line number", which,
                  out->pin[i]);
        return false;
    }
    return true;
}

static bool parse_pins(const char *s, buttons_gpiod_spec *out, char *errbuf)
{
    int n = 0;
    for (const char *p = s;; n++) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (n >= BUTTON_COUNT) {
            errbuf_set(errbuf, "gpiod: want three pins UP,OK,DOWN, got more in '%.60s'", s);
            return false;
        }
        if (!parse_pin(p, len, out, n, errbuf))
            return false;
        if (!end)
            break;
        p = end + 1;
    }
    if (n + 1 != BUTTON_COUNT) {
        errbuf_set(errbuf, "gpiod: want three pins UP,OK,DOWN, got %d in '%.60s'", n + 1, s);
        return false;
    }
    for (int i = 0; i < BUTTON_COUNT; i++)
        for (int j = i + 1; j < BUTTON_COUNT; j++)
            if (!strcmp(out->pin[i], out->pin[j])) {
                errbuf_set(errbuf, "gpiod: pin %s is given for both %s and %s", out->pin[i],
                          button_name((button_id)i), button_name((button_id)j));
                return false;
            }
    return true;
}

bool buttons_gpiod_parse_spec(const char *spec, buttons_gpiod_spec *out, char *errbuf)
{
    static const char *const defaults[BUTTON_COUNT] = {
        BUTTONS_GPIOD_DEFAULT_UP, BUTTONS_GPIOD_DEFAULT_OK, BUTTONS_GPIOD_DEFAULT_DOWN};
    memset(out, 0, sizeof *out);
    for (int i = 0; i < BUTTON_COUNT; i++)
        strcpy(out->pin[i], defaults[i]);
    if (!spec || strncmp(spec, "gpiod", 5) != 0 || (spec[5] != '\0' && spec[5] != ':')) {
        errbuf_set(errbuf, "not a gpiod spec: '%.60s' (want gpiod[:CHIP:UP,OK,DOWN])",
                  spec ? spec : "");
        return false;
    }
    if (spec[5] == '\0')
        return true;
    const char *chip = spec + 6;
    const char *colon = strchr(chip, ':');
    size_t len = colon ? (size_t)(colon - chip) : strlen(chip);
    if (len >= BUTTONS_GPIOD_CHIP_MAX || !good_name(chip, len)) {
        errbuf_set(errbuf, "gpiod: '%.*s' is not a GPIO chip name, path or label",
                  (int)(len > 60 ? 60 : len), chip);
        return false;
    }
    memcpy(out->chip, chip, len);
    out->chip[len] = '\0';
    if (!colon)
        return true;
    if (!colon[1]) {
        errbuf_set(errbuf, "gpiod: no pins after '%s:' (want UP,OK,DOWN, e.g. 17,27,22)",
                  out->chip);
        return false;
    }
    return parse_pins(colon + 1, out, errbuf);
}
