/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for programme: the bundled file, the default, and malformed files. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "programme.h"

static void test_bundled_matches_default(void)
{
    programme file, def;
    char err[256] = "";
    const char *assets = getenv("REHAB_MIRROR_ASSETS");
    char path[512];
    snprintf(path, sizeof path, "%s/programmes/runners-knee.ini", assets ? assets : "assets");
    CHECK(programme_load(&file, path, err), "bundled programme did not load: %s", err);
    programme_default(&def);
    CHECK_EQ_INT(file.n_blocks, 4, "blocks in the bundled programme");
    CHECK(memcmp(&file, &def, sizeof file) == 0,
          "bundled programme differs from the built-in default");
    CHECK_EQ_INT(programme_total_reps(&def), 120, "prescribed reps (4 blocks x 3 x 10)");
    CHECK_EQ_INT(def.blocks[3].exercise, EXERCISE_QUAD_SET, "fourth block is the quad set");
    CHECK_EQ_INT(def.blocks[1].side, SIDE_RIGHT, "second clamshell is the right side");
}

static void test_custom(void)
{
    programme p;
    char err[256] = "";
    const char *text = "[programme]\nname = Short\nrest_seconds = 10\n"
                       "[exercise slr]\nexercise = generic\ntitle = Straight leg raise\n"
                       "sets = 2\nreps = 5\nhold_seconds = 3\ncues = Lift | Hold\n";
    CHECK(programme_parse(&p, text, "t.ini", err), "custom programme: %s", err);
    CHECK(!strcmp(p.name, "Short"), "name: %s", p.name);
    CHECK_EQ_INT(p.rest_s, 10, "rest");
    CHECK_EQ_INT(p.n_blocks, 1, "blocks");
    CHECK_EQ_INT(p.blocks[0].exercise, EXERCISE_GENERIC, "exercise");
    CHECK_EQ_INT(p.blocks[0].sets * p.blocks[0].reps, 10, "dose");
    CHECK_EQ_INT(p.blocks[0].n_cues, 2, "cues");
    CHECK(!strcmp(p.blocks[0].cues[1], "Hold"), "second cue: '%s'", p.blocks[0].cues[1]);
}

/* Each bad file must fail, name the line, and leave the default programme. */
static void expect_error(const char *text, const char *want)
{
    programme p;
    char err[256] = "";
    bool ok = programme_parse(&p, text, "bad.ini", err);
    CHECK(!ok, "malformed programme accepted: %s", text);
    CHECK(strstr(err, want) != NULL, "message '%s' lacks '%s'", err, want);
    CHECK_EQ_INT(p.n_blocks, 4, "falls back to the default programme");
}

static void test_errors(void)
{
    expect_error("[exercise a]\nreps = 0\n", "bad.ini:2: reps must be");
    expect_error("[exercise a]\nreps = ten\n", "bad.ini:2:");
    expect_error("[exercise a]\nexercise = squat\n", "unknown exercise 'squat'");
    expect_error("[programme]\nname = x\n", "no [exercise NAME] sections");
    expect_error("[exercise a]\nsets = 3\ncolour = red\n", "bad.ini:3: unknown key 'colour'");
    expect_error("[warmup]\nx = 1\n", "unknown section");
    expect_error("[exercise a]\nside = up\n", "side must be");
    expect_error("this is not ini\n", "bad.ini:1:");
    expect_error("[exercise a]\ncues = a|b|c|d\n", "at most 3 cues");
    /* Found by fuzzing: keys before any section, or in a refused section, once
     * wrote into blocks[-1]. */
    expect_error("reps = 3\n[exercise a]\n", "bad.ini:1:");
    expect_error("[exercisex]\nreps = 3\n", "unknown section");
    /* Two sections of one name used to merge silently (issue 15): refused,
     * naming the second one's line and the first's. */
    expect_error("[exercise bridge]\nsets = 3\n\n[exercise bridge]\nreps = 5\n",
                 "bad.ini:4: section [exercise bridge] again (first at line 1)");
    expect_error("[exercise a]\nsets = 3\n[exercise b]\nsets = 2\n[exercise a]\n",
                 "bad.ini:5: section [exercise a] again (first at line 1)");
    expect_error("[programme]\nname = x\n[exercise a]\n[programme]\nrest_seconds = 20\n",
                 "bad.ini:4: section [programme] again (first at line 1)");
    programme p;
    char err[256] = "";
    CHECK(!programme_load(&p, "/nonexistent/p.ini", err), "missing file accepted");
    CHECK(strstr(err, "/nonexistent/p.ini") != NULL, "missing-file message: %s", err);

    /* The same from a file: the name and line of the second section. */
    const char *path = "/tmp/rm-test-programme-dup.ini";
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("[exercise bridge]\nsets = 3\n[exercise bridge]\nsets = 2\n", f);
        fclose(f);
    }
    CHECK(!programme_load(&p, path, err), "a file with a section twice is refused");
    CHECK(strstr(err, "rm-test-programme-dup.ini:3: section [exercise bridge] again") != NULL,
          "file message: %s", err);
    remove(path);
}

int main(void)
{
    test_bundled_matches_default();
    test_custom();
    test_errors();
    return check_done();
}
