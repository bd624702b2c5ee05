/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * programme_text: a programme written back as the INI text programme_parse
 * reads (to keep a changed dose in the data directory), and the difference
 * between two programmes in words (what a programme from a USB stick would
 * change, shown before it is applied). Pure.
 */
#ifndef RM_PROGRAMME_TEXT_H
#define RM_PROGRAMME_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "programme.h"

/* The programme as INI text into buf (NUL-terminated). False when it did not
 * fit in cap bytes (8 KiB always does: 16 blocks of a few hundred bytes).
 * programme_parse of the text gives the same programme back. */
bool programme_format(const programme *p, char *buf, size_t cap);

#define PROGRAMME_DIFF_LINES 24
#define PROGRAMME_DIFF_TEXT 128

/* What changes from `old` to `new`, one short line each, in programme
 * order: exercises added and removed, doses changed (only what changed:
 * "Glute bridge: 3 x 10 -> 3 x 15", "Glute bridge: hold 2 s -> 5 s"), rest,
 * sessions a week, progression, name, in the current language (intl.h).
 * Returns the number of lines (at most PROGRAMME_DIFF_LINES; the last says
 * "and more" when they did not fit); 0 when nothing a person would notice
 * changes. Blocks are matched by their section key. */
int programme_diff(const programme *old, const programme *new,
                   char lines[][PROGRAMME_DIFF_TEXT]);

#endif
