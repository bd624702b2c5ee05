/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_stick: the USB stick's reading and writing on plain directories
 * (stick.h): a stick without rehab-mirror/ is not ours; a profile's own
 * programme outranks programme.ini; a bad one is refused with its line; the
 * reports (CSV with the profile column and only that profile's sessions, PNG,
 * PDF) are written whole, with no temporary file left. Also adlog_records and
 * the progression decisions they are drawn from, and programme_store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "adlog.h"
#include "check.h"
#include "programme_store.h"
#include "stick.h"

#define HOUR_MS (60LL * 60 * 1000)
#define DAY_MS (24 * HOUR_MS)
#define T0 1767268800000LL /* 2026-01-01T12:00:00Z */

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0, "write %s", path);
    if (f)
        fclose(f);
}

static bool exists(const char *dir, const char *name)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct stat sb;
    return stat(path, &sb) == 0 && sb.st_size > 0;
}

/* A session of the first block, every set in full, reps with a range. */
static void full_session(adlog *log, int64_t t, int pain_after, float amp)
{
    programme p;
    programme_default(&p);
    p.n_blocks = 1;
    int64_t s = adlog_begin_session(log, t, &p, 1);
    for (int set = 1; set <= 3; set++) {
        int64_t id = adlog_begin_set(log, s, t, &p.blocks[0], 0, set);
        for (int r = 1; r <= 10; r++) {
            session_rep rep = { .seq = (set - 1) * 10 + r, .number = r, .hold_met = true,
                                .hold_ms = 1500, .amplitude = amp + (float)r };
            adlog_rep(log, id, t + r * 1000, &rep);
        }
        adlog_end_set(log, id, t + 20000, 10, 10, SET_STATUS_COMPLETED);
    }
    adlog_end_session(log, s, t + 30000, pain_after, SESSION_STATUS_COMPLETED);
}

static void test_programmes(const char *top)
{
    char stick[1100], dir[1200];
    snprintf(stick, sizeof stick, "%s/stick", top);
    mkdir(stick, 0755);
    stick_programme sp;
    CHECK(!stick_is_ours(stick), "a stick without rehab-mirror/ is not ours");
    snprintf(dir, sizeof dir, "%s/rehab-mirror", stick);
    mkdir(dir, 0755);
    CHECK(stick_is_ours(stick), "with the folder it is");
    stick_read_programme(stick, "alice", &sp);
    CHECK(!sp.found, "no programme on it");
    snprintf(dir, sizeof dir, "%s/rehab-mirror/programme.ini", stick);
    put(dir, "[exercise bridge]\nsets = 2\nreps = 12\n");
    stick_read_programme(stick, "alice", &sp);
    CHECK(sp.found && sp.valid && sp.prog.blocks[0].reps == 12, "programme.ini: %s", sp.error);
    snprintf(dir, sizeof dir, "%s/rehab-mirror/programmes", stick);
    mkdir(dir, 0755);
    snprintf(dir, sizeof dir, "%s/rehab-mirror/programmes/alice.ini", stick);
    put(dir, "[exercise bridge]\nsets = 2\nreps = 99\n");
    stick_read_programme(stick, "alice", &sp);
    CHECK(sp.found && !sp.valid, "alice's own file wins, and is bad");
    CHECK(strstr(sp.error, "alice.ini:3: reps must be") != NULL, "error: %s", sp.error);
    stick_read_programme(stick, "bob", &sp);
    CHECK(sp.valid && sp.prog.blocks[0].reps == 12, "bob gets programme.ini");

    char err[256] = "", path[1300];
    programme p, back;
    programme_default(&p);
    p.blocks[2].reps = 15;
    CHECK(!programme_store_load(top, "alice", &back, err) && !err[0], "nothing stored yet");
    CHECK(programme_store_save(top, "al/ice", &p, err), "stored: %s", err);
    programme_store_path(top, "al/ice", path, sizeof path);
    CHECK(strstr(path, "/programmes/al_ice.ini") != NULL, "file name: %s", path);
    CHECK(programme_store_load(top, "al/ice", &back, err) && back.blocks[2].reps == 15,
          "read back: %s", err);
}

static void test_reports(const char *top)
{
    char err[256] = "", stick[1100];
    adlog *log = adlog_open(top, T0, err);
    CHECK(log != NULL, "log: %s", err);
    adlog_set_profile(log, "alice");
    for (int d = 0; d < 6; d++)
        full_session(log, T0 + d * DAY_MS, d % 3, 20.0f - (float)d);
    adlog_set_profile(log, "bob");
    full_session(log, T0 + 2 * HOUR_MS, 5, 10.0f);

    record_session *rs = NULL;
    int n = 0;
    CHECK(adlog_records(log, "alice", T0 - DAY_MS, &rs, &n), "records");
    CHECK_EQ_INT(n, 6, "alice's sessions");
    if (n == 6) {
        CHECK(rs[0].completed && rs[0].pain_before == 1 && rs[0].pain_after == 0, "session 1");
        CHECK_EQ_INT(rs[0].n_blocks, 1, "blocks");
        CHECK_EQ_INT(rs[0].blocks[0].sets_full, 3, "sets in full");
        CHECK_EQ_INT(rs[0].reps_done, 30, "reps");
        CHECK_EQ_INT(rs[0].holds_target, 30, "holds prescribed (hold 1 s)");
        CHECK(rs[0].blocks[0].best_amplitude > 29.9f && rs[0].blocks[0].best_amplitude < 30.1f,
              "best range %.2f", rs[0].blocks[0].best_amplitude);
        CHECK(rs[5].started_ms > rs[0].started_ms, "oldest first");
    }
    free(rs);
    progression_step st = { .from_sets = 3, .from_reps = 10, .to_sets = 3, .to_reps = 12 };
    snprintf(st.group, sizeof st.group, "clamshell");
    snprintf(st.title, sizeof st.title, "Clamshell");
    CHECK(adlog_progression(log, "alice", T0 + 6 * DAY_MS, &st, true, "alice (OK)"), "logged");
    adlog_decision *d = NULL;
    CHECK(adlog_decisions(log, "alice", &d, &n) && n == 1 && d[0].d.accepted &&
              d[0].to_reps == 12 && !strcmp(d[0].by, "alice (OK)"),
          "decision read back (%d)", n);
    free(d);
    CHECK(adlog_decisions(log, "bob", &d, &n) && n == 0, "bob has none");
    free(d);

    snprintf(stick, sizeof stick, "%s/stick", top);
    programme p;
    programme_default(&p);
    stick_written w;
    CHECK(stick_write_reports(stick, log, "alice", &p, T0 + 6 * DAY_MS, 6, &w),
          "reports written: %s", w.error);
    char reports[1200];
    snprintf(reports, sizeof reports, "%s/rehab-mirror/reports", stick);
    CHECK(exists(reports, "alice.csv") && exists(reports, "alice-report.png") &&
              exists(reports, "alice-report.pdf"),
          "three files");
    CHECK(!exists(reports, ".alice.csv.tmp") && !exists(reports, ".alice-report.pdf.tmp"),
          "no temporary file left");
    char path[1400], line[512];
    snprintf(path, sizeof path, "%s/alice.csv", reports);
    FILE *f = fopen(path, "r");
    int rows = 0, bob = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (rows++ == 0)
            CHECK(!strncmp(line, "profile,session_id,", 19), "header: %s", line);
        else
            bob += strncmp(line, "alice,", 6) != 0;
    }
    if (f)
        fclose(f);
    CHECK_EQ_INT(rows, 1 + 6 * 3, "a header and alice's 18 sets");
    CHECK_EQ_INT(bob, 0, "no other profile's rows");
    adlog_close(log);
}

int main(void)
{
    const char *top = check_tmpdir("stick");
    test_programmes(top);
    test_reports(top);
    return check_done();
}
