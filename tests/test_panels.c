/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_panels: the panels over home (panels.h) on a plain directory as the
 * stick: Down at home opens the history and any button closes it; Down in a
 * session is the session's; a stick that arrives during a session waits for
 * home; its changes are applied only by OK (the programme and the stored
 * copy change) and Down keeps the current one; a stick that goes away closes
 * its panel.
 * - A stick with profiles.ini: the people it adds, renames and removes and
 *   the new person's programme are listed; OK writes the people to the
 *   station's profiles.ini and keeps the programme; a bad profiles.ini is
 *   refused with its line and nothing changes; where the station's people
 *   are not the data directory's, a stick's profiles.ini is not read.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "panels.h"
#include "programme_store.h"

#define T0 1767268800000LL

typedef struct world {
    panels *p;
    adlog *log;
    programme prog;
    session_view view;
    int64_t now;
} world;

static panels_env env(world *w)
{
    return (panels_env){ .log = w->log, .prog = &w->prog, .view = &w->view,
                         .prev_screen = w->view.screen, .now_ms = w->now,
                         .wall_ms = T0 + w->now };
}

/* A second of time at the given screen; true when the programme changed. */
static bool tick(world *w, session_screen screen)
{
    w->now += 1000;
    w->view.screen = screen;
    panels_env e = env(w);
    panels_update(w->p, &e);
    return e.prog_changed;
}

static bool press(world *w, button_id b, bool *changed)
{
    button_event ev = { .button = b, .t_ms = w->now };
    panels_env e = env(w);
    bool taken = panels_press(w->p, &e, &ev);
    if (changed)
        *changed = e.prog_changed;
    return taken;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static bool has_change(const panels_view *v, const char *line)
{
    for (int i = 0; i < v->n_changes; i++)
        if (!strcmp(v->changes[i], line))
            return true;
    return false;
}

/* The stick at `stick` comes in (after being away) with profiles.ini. */
static void stick_in(world *w, const char *stick, const char *profiles_text)
{
    char folder[1200], path[1300], away[1200];
    snprintf(folder, sizeof folder, "%s/rehab-mirror", stick);
    snprintf(away, sizeof away, "%s/photos", stick);
    rename(folder, away);
    tick(w, SCREEN_HOME);
    rename(away, folder);
    snprintf(path, sizeof path, "%s/profiles.ini", folder);
    put(path, profiles_text);
    tick(w, SCREEN_HOME);
}

static void test_people(const char *top, const char *stick)
{
    char path[1300], err[256] = "", data[1100];
    snprintf(data, sizeof data, "%s/people-data", top);
    mkdir(data, 0755);
    snprintf(path, sizeof path, "%s/profiles.ini", data);
    put(path, "[alice]\nname = Alice\n[bob]\nname = Bob\n");
    profiles people;
    CHECK(profiles_load(&people, path, err), "the station's people: %s", err);
    world w = { .p = panels_create(stick, data, "alice"), .log = adlog_open(data, T0, err) };
    programme_default(&w.prog);
    panels_set_people(w.p, &people, path);
    snprintf(path, sizeof path, "%s/rehab-mirror/programmes", stick);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/rehab-mirror/programmes/carol.ini", stick);
    put(path, "[exercise bridge]\nsets = 1\nreps = 5\n");
    snprintf(path, sizeof path, "%s/rehab-mirror/programme.ini", stick);
    remove(path);

    stick_in(&w, stick, "[alice]\nname = Ali\n[carol]\nname = Carol\nlanguage = fr\n");
    const panels_view *v = panels_get_view(w.p);
    CHECK_EQ_INT(v->kind, PANEL_STICK_CHANGES, "people: their changes");
    CHECK(v->people, "the panel says people");
    CHECK(has_change(v, "Renamed: Alice \xe2\x86\x92 Ali") && has_change(v, "New person: Carol") &&
              has_change(v, "Removed: Bob (the record stays)") &&
              has_change(v, "Carol: a new programme"),
          "the lines (%d, first '%s')", v->n_changes, v->changes[0]);
    CHECK_EQ_INT(v->written.files, 6, "reports for both of the station's people");
    button_event ok = { .button = BUTTON_OK, .t_ms = w.now };
    panels_env e = env(&w);
    panels_press(w.p, &e, &ok);
    CHECK(e.people_changed && !e.prog_changed, "OK: the people changed, alice's programme not");
    snprintf(path, sizeof path, "%s/profiles.ini", data);
    profiles after;
    CHECK(profiles_load(&after, path, err) && after.n == 2 && !strcmp(after.p[0].name, "Ali") &&
              !strcmp(after.p[1].language, "fr"),
          "profiles.ini written: %s", err);
    programme carol;
    CHECK(programme_store_load(data, "carol", &carol, err) && carol.blocks[0].reps == 5,
          "Carol's programme kept: %s", err);
    press(&w, BUTTON_OK, NULL);

    snprintf(path, sizeof path, "%s/profiles.ini", data);
    char before[4096] = "";
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(before, 1, sizeof before - 1, f) : 0;
    before[n] = '\0';
    if (f)
        fclose(f);
    stick_in(&w, stick, "[alice]\nname = Ali\nshoe = 42\n");
    CHECK_EQ_INT(v->kind, PANEL_STICK_BAD, "a bad profiles.ini is refused");
    CHECK(strstr(v->error, "profiles.ini:3:") != NULL, "with its line: %s", v->error);
    press(&w, BUTTON_OK, NULL);
    press(&w, BUTTON_OK, NULL);
    profiles_load(&after, path, err);
    CHECK(after.n == 2 && !strcmp(after.p[0].name, "Ali"), "nothing changed");

    panels_set_people(w.p, &people, ""); /* the config names the people's file */
    stick_in(&w, stick, "[zed]\n");
    CHECK(!v->people && !has_change(v, "New person: zed"), "a stick's people are not read");
    panels_destroy(w.p);
    adlog_close(w.log);
}

int main(void)
{
    const char *top = check_tmpdir("panels");
    char stick[1100], folder[1200], ini[1300], away[1200], err[256] = "";
    snprintf(stick, sizeof stick, "%s/stick", top);
    snprintf(folder, sizeof folder, "%s/rehab-mirror", stick);
    snprintf(ini, sizeof ini, "%s/programme.ini", folder);
    snprintf(away, sizeof away, "%s/photos", stick);
    mkdir(stick, 0755);
    world w = { .p = panels_create(stick, top, "alice"), .log = adlog_open(top, T0, err) };
    programme_default(&w.prog);
    CHECK(w.log != NULL, "log: %s", err);

    CHECK(!tick(&w, SCREEN_HOME) && !panels_active(w.p), "nothing over home at first");
    CHECK(press(&w, BUTTON_DOWN, NULL), "Down at home is taken");
    CHECK_EQ_INT(panels_get_view(w.p)->kind, PANEL_HISTORY, "history open");
    CHECK(press(&w, BUTTON_OK, NULL) && !panels_active(w.p), "OK closes it");
    tick(&w, SCREEN_SET);
    CHECK(!press(&w, BUTTON_DOWN, NULL), "Down in a session is the session's");

    mkdir(folder, 0755);
    put(ini, "[exercise bridge]\nsets = 2\nreps = 12\n");
    tick(&w, SCREEN_SET);
    CHECK(!panels_active(w.p), "a stick waits while a session is under way");
    tick(&w, SCREEN_HOME);
    CHECK_EQ_INT(panels_get_view(w.p)->kind, PANEL_STICK_CHANGES, "at home: its changes");
    CHECK(panels_get_view(w.p)->written.files == 3, "reports written: %s",
          panels_get_view(w.p)->written.error);
    bool changed = false;
    press(&w, BUTTON_DOWN, &changed);
    CHECK(!changed && w.prog.n_blocks == 4, "Down keeps the programme");
    CHECK_EQ_INT(panels_get_view(w.p)->kind, PANEL_STICK_DONE, "then done");
    press(&w, BUTTON_OK, NULL);

    /* Out and in again: OK applies it. */
    CHECK(rename(folder, away) == 0, "folder away"); /* no rehab-mirror/: not ours */
    tick(&w, SCREEN_HOME);
    CHECK(rename(away, folder) == 0, "folder back");
    tick(&w, SCREEN_HOME);
    CHECK_EQ_INT(panels_get_view(w.p)->kind, PANEL_STICK_CHANGES, "back in: changes again");
    press(&w, BUTTON_OK, &changed);
    CHECK(changed && w.prog.n_blocks == 1 && w.prog.blocks[0].reps == 12, "OK applies it");
    programme stored;
    CHECK(programme_store_load(top, "alice", &stored, err) && stored.blocks[0].reps == 12,
          "and stores it for alice: %s", err);
    CHECK(panels_get_view(w.p)->applied, "done says applied");

    CHECK(rename(folder, away) == 0, "folder away again");
    tick(&w, SCREEN_HOME);
    CHECK(!panels_active(w.p), "the stick gone: its panel closes");
    panels_destroy(w.p);
    adlog_close(w.log);
    CHECK(rename(away, folder) == 0, "folder back for the people");
    test_people(top, stick);
    return check_done();
}
