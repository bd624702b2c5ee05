/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_panels: the panels over home (panels.h) on a plain directory as the
 * stick: Down at home opens the history and any button closes it; Down in a
 * session is the session's; a stick that arrives during a session waits for
 * home; its changes are applied only by OK (the programme and the stored
 * copy change) and Down keeps the current one; a stick that goes away closes
 * its panel.
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
    return check_done();
}
