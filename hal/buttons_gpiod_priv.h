/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * buttons_gpiod_priv: what buttons_gpiod.c (the backend) and
 * buttons_gpiod_chip.c (finding chips and lines) share. Only with HAVE_GPIOD;
 * both libgpiod APIs name the chip `struct gpiod_chip`, so these work on
 * either. Not for the rest of the program: use buttons_gpiod.h.
 */
#ifndef RM_BUTTONS_GPIOD_PRIV_H
#define RM_BUTTONS_GPIOD_PRIV_H

#include <gpiod.h>

#include "buttons_gpiod.h"

/* Opens the chip a spec names ("" = the Raspberry Pi 40-pin header's chip; see
 * buttons_gpiod.h for the forms). path gets its device path. NULL with a
 * one-line reason in errbuf (256 bytes). Caller closes with gpiod_chip_close. */
struct gpiod_chip *gpiodc_open(const char *name, char path[BUTTONS_GPIOD_CHIP_MAX],
                               char *errbuf);

/* The offset of a pin on the chip: digits are an offset (checked against the
 * chip's line count), anything else a line name. -1 when there is no such line. */
int gpiodc_line_offset(struct gpiod_chip *chip, const char *pin);

/* Whether a line is requested by anyone, and by whom (consumer gets "" when
 * unknown; BUTTONS_GPIOD_PIN_MAX bytes). False when the line cannot be read. */
bool gpiodc_line_used(struct gpiod_chip *chip, unsigned offset,
                      char consumer[BUTTONS_GPIOD_PIN_MAX], bool *used);

/* "gpiochip0" for "/dev/gpiochip0": the short name errors use. */
const char *gpiodc_short_name(const char *path);

#endif
