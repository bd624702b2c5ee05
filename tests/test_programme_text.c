/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for programme_text: the INI text round trip and the diff in words. */
#include <string.h>

#include "check.h"
#include "programme_text.h"

static bool has_line(char lines[][PROGRAMME_DIFF_TEXT], int n, const char *want)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(lines[i], want))
            return true;
    return false;
}

int main(void)
{
    programme p, back;
    programme_default(&p);
    p.progression = false;
    p.progression_sessions = 4;
    p.blocks[2].reps = 15;
    char text[8192], err[256] = "";
    CHECK(programme_format(&p, text, sizeof text), "formats");
    CHECK(programme_parse(&back, text, "round.ini", err), "parses back: %s", err);
    CHECK(memcmp(&p, &back, sizeof p) == 0, "the same programme back");
    CHECK(!programme_format(&p, text, 100), "a small buffer is refused");

    programme old, new;
    programme_default(&old);
    programme_default(&new);
    char lines[PROGRAMME_DIFF_LINES][PROGRAMME_DIFF_TEXT];
    CHECK_EQ_INT(programme_diff(&old, &new, lines), 0, "no change");
    new.blocks[2].reps = 15;
    new.rest_s = 60;
    new.progression = false;
    new.n_blocks = 3; /* the quad set removed */
    snprintf(new.blocks[0].key, PROGRAMME_TEXT, "slr");
    snprintf(new.blocks[0].title, PROGRAMME_TEXT, "Leg raise");
    new.blocks[0].side = SIDE_NONE;
    int n = programme_diff(&old, &new, lines);
    CHECK(has_line(lines, n, "Glute bridge: 3 \xc3\x97 10 \xe2\x86\x92 3 \xc3\x97 15"),
          "dose change: only what changed (%d lines, first '%s')", n, n ? lines[0] : "");
    CHECK(has_line(lines, n, "New: Leg raise, 3 \xc3\x97 10, hold 1 s"), "added");
    CHECK(has_line(lines, n, "Removed: Clamshell, left side"), "removed (renamed key)");
    CHECK(has_line(lines, n, "Removed: Quad set"), "removed");
    CHECK(has_line(lines, n, "Rest between sets: 45 s \xe2\x86\x92 60 s"), "rest");
    CHECK(has_line(lines, n, "Progression: off"), "progression");
    CHECK_EQ_INT(n, 6, "lines");
    new.blocks[2].reps = 10;
    new.blocks[2].hold_s = 5;
    n = programme_diff(&old, &new, lines);
    CHECK(has_line(lines, n, "Glute bridge: hold 2 s \xe2\x86\x92 5 s"), "a hold alone");
    new.blocks[2].sets = 2;
    n = programme_diff(&old, &new, lines);
    CHECK(has_line(lines, n,
                   "Glute bridge: 3 \xc3\x97 10, hold 2 s \xe2\x86\x92 2 \xc3\x97 10, hold 5 s"),
          "both");
    programme many;
    programme_default(&many);
    many.n_blocks = PROGRAMME_MAX_BLOCKS;
    for (int i = 0; i < many.n_blocks; i++) {
        many.blocks[i] = old.blocks[0];
        snprintf(many.blocks[i].key, PROGRAMME_TEXT, "b%d", i);
    }
    many.rest_s = 90;
    many.sessions_per_week = 3;
    many.progression = false;
    many.short_holds_count = false;
    programme_default(&old);
    old.name[0] = 'X';
    n = programme_diff(&old, &many, lines);
    CHECK_EQ_INT(n, PROGRAMME_DIFF_LINES, "lines are capped");
    CHECK(!strcmp(lines[n - 1], "... and more"), "the last says there is more: %s", lines[n - 1]);
    return check_done();
}
