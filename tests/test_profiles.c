/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Tests for profiles: profiles.ini's people in order, names defaulting to the
 * key, keyless sections, where each person's programme is read from, and bad
 * files refused whole with their line.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "profiles.h"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void test_parse(void)
{
    profiles ps;
    char err[256] = "";
    const char *text = "; who uses this station\n"
                       "[alice]\nname = Alice M\xc3\xbcller\nlanguage = de\n"
                       "[bob]\n"
                       "[kid-2]\nprogramme = /srv/kid.ini\n";
    CHECK(profiles_parse(&ps, text, "/data", "p.ini", err), "parses: %s", err);
    CHECK_EQ_INT(ps.n, 3, "three people, the keyless [bob] too");
    CHECK(!strcmp(ps.p[0].key, "alice") && !strcmp(ps.names[0], "Alice M\xc3\xbcller") &&
              !strcmp(ps.p[0].language, "de"),
          "alice: %s / %s / %s", ps.p[0].key, ps.names[0], ps.p[0].language);
    CHECK(!strcmp(ps.names[1], "bob") && ps.p[1].language[0] == '\0',
          "bob's name is his key, his language the station's");
    CHECK_EQ_INT(profiles_find(&ps, "kid-2"), 2, "found by key");
    CHECK_EQ_INT(profiles_find(&ps, "Bob"), -1, "keys are exact");
    char path[600];
    profiles_programme(&ps, 2, path, sizeof path);
    CHECK(!strcmp(path, "/srv/kid.ini"), "an absolute programme: %s", path);
    profiles_programme(&ps, 1, path, sizeof path);
    CHECK(path[0] == '\0', "no programmes/bob.ini: the station's (got '%s')", path);
    profiles_programme(&ps, 7, path, sizeof path);
    CHECK(path[0] == '\0', "out of range: nothing");

    char text2[4096];
    profiles back;
    CHECK(profiles_format(&ps, text2, sizeof text2), "formats");
    CHECK(profiles_parse(&back, text2, "/data", "back.ini", err) && back.n == 3, "reads back: %s",
          err);
    for (int i = 0; i < 3 && back.n == 3; i++)
        CHECK(!strcmp(back.p[i].key, ps.p[i].key) && !strcmp(back.p[i].name, ps.p[i].name) &&
                  !strcmp(back.p[i].language, ps.p[i].language) && !back.p[i].programme[0],
              "person %d the same, without a programme path", i);
    CHECK(!profiles_format(&ps, text2, 40), "a small buffer is refused");

    CHECK(profiles_parse(&ps, "; nobody yet\n", ".", "empty.ini", err) && ps.n == 0,
          "a file with no people is valid: nobody");
}

static void test_errors(void)
{
    static const struct {
        const char *text, *want;
    } bad[] = {
        { "[alice]\n[al ice]\n", "empty.ini:2: [al ice]: a person's key" },
        { "[alice]\nname = A\n[alice]\n", "empty.ini:3: [alice] is there twice" },
        { "[.hidden]\n", "empty.ini:1: [.hidden]" },
        { "[alice]\nage = 40\n", "empty.ini:2: unknown key 'age'" },
        { "name = nobody\n[alice]\n", "empty.ini:1: 'name' is not in a [person] section" },
        { "[alice]\nlanguage = d e\n", "empty.ini:2: language must be" },
        { "[alice]\nname =\n", "empty.ini:2: name must be" },
        { "[a]\n[b]\n[c]\n[d]\n[e]\n[f]\n[g]\n[h]\n[i]\n", "empty.ini:9: more than 8 people" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        profiles ps;
        char err[256] = "";
        CHECK(!profiles_parse(&ps, bad[i].text, ".", "empty.ini", err), "refused: %s",
              bad[i].text);
        CHECK(strstr(err, bad[i].want) != NULL, "'%s' says '%s'", err, bad[i].want);
        CHECK_EQ_INT(ps.n, 0, "a refused file has nobody");
    }
    CHECK(profiles_valid_key("Zoe_1.b") && !profiles_valid_key("") &&
              !profiles_valid_key("-x") && !profiles_valid_key("a/b") &&
              !profiles_valid_key("0123456789012345678901234567890123"),
          "key rules");
}

static void test_files(void)
{
    const char *dir = check_tmpdir("profiles");
    char path[1100], prog[1200], got[1200], err[256] = "x";
    snprintf(path, sizeof path, "%s/profiles.ini", dir);
    profiles ps;
    remove(path);
    CHECK(!profiles_load(&ps, path, err) && err[0] == '\0' && ps.n == 0,
          "no file: nobody, and no error ('%s')", err);
    write_file(path, "[alice]\n[bob]\nprogramme = bob-knee.ini\n");
    snprintf(prog, sizeof prog, "%s/programmes", dir);
    mkdir(prog, 0700);
    snprintf(prog, sizeof prog, "%s/programmes/alice.ini", dir);
    write_file(prog, "[programme]\n");
    CHECK(profiles_load(&ps, path, err) && ps.n == 2, "loads: %s", err);
    profiles_programme(&ps, 0, got, sizeof got);
    CHECK(!strcmp(got, prog), "alice's from programmes/alice.ini: %s", got);
    profiles_programme(&ps, 1, got, sizeof got);
    snprintf(prog, sizeof prog, "%s/bob-knee.ini", dir);
    CHECK(!strcmp(got, prog), "bob's beside the file: %s", got);

    write_file(path, "[alice]\nname = A\n\nnonsense line\n");
    CHECK(!profiles_load(&ps, path, err) && strstr(err, "profiles.ini:4:"),
          "a bad line is refused with its line: %s", err);
    CHECK(!profiles_load(&ps, dir, err) && strstr(err, "not a regular file"),
          "a directory is refused: %s", err);
}

int main(void)
{
    test_parse();
    test_errors();
    test_files();
    return check_done();
}
