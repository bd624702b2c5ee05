/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stick: reading a programme from and writing reports to a mounted USB stick
 * (stick.h). */
#include "stick.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "history.h"
#include "log.h"
#include "programme_store.h"
#include "report.h"

#define DAY_MS (24LL * 60 * 60 * 1000)
#define PNG_SCALE 2.0 /* 144 dpi: readable on a screen, small on the stick */

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

bool stick_is_ours(const char *mount_dir)
{
    char path[STICK_PATH];
    snprintf(path, sizeof path, "%s/%s", mount_dir, STICK_FOLDER);
    return is_dir(path);
}

void stick_read_programme(const char *mount_dir, const char *who, stick_programme *out)
{
    memset(out, 0, sizeof *out);
    char name[128];
    programme_store_name(who, name, sizeof name);
    snprintf(out->path, sizeof out->path, "%s/%s/programmes/%s.ini", mount_dir, STICK_FOLDER,
             name);
    struct stat sb;
    if (stat(out->path, &sb) != 0) {
        snprintf(out->path, sizeof out->path, "%s/%s/programme.ini", mount_dir, STICK_FOLDER);
        if (stat(out->path, &sb) != 0)
            return;
    }
    out->found = true;
    out->valid = programme_load(&out->prog, out->path, out->error);
}

void stick_read_people(const char *mount_dir, stick_people *out)
{
    memset(out, 0, sizeof *out);
    char path[STICK_PATH];
    snprintf(path, sizeof path, "%s/%s/" PROFILES_FILE, mount_dir, STICK_FOLDER);
    struct stat sb;
    if (stat(path, &sb) != 0)
        return;
    out->found = true;
    if (!profiles_load(&out->people, path, out->error)) {
        if (!out->error[0])
            snprintf(out->error, sizeof out->error, "%.200s: cannot be read", path);
        return;
    }
    for (int i = 0; i < out->people.n; i++) {
        profiles_programme(&out->people, i, path, sizeof path);
        if (!path[0])
            continue;
        if (!programme_load(&out->progs[i], path, out->error))
            return;
        out->has_prog[i] = true;
    }
    out->valid = true;
}

/* --- reports ------------------------------------------------------------- */

typedef struct report_job {
    adlog *log;
    const char *profile;
    report_input in;
} report_job;

static bool write_csv(FILE *f, void *ctx)
{
    report_job *job = ctx;
    return adlog_export_profile_csv(job->log, f, job->profile);
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
                                                      : CAIRO_STATUS_WRITE_ERROR;
}

static bool write_png(FILE *f, void *ctx)
{
    report_job *job = ctx;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
                                                    (int)(REPORT_WIDTH_PT * PNG_SCALE),
                                                    (int)(REPORT_HEIGHT_PT * PNG_SCALE));
    cairo_t *cr = cairo_create(s);
    cairo_scale(cr, PNG_SCALE, PNG_SCALE);
    report_draw(cr, &job->in);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS &&
              cairo_surface_write_to_png_stream(s, to_file, f) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return ok;
}

static bool write_pdf(FILE *f, void *ctx)
{
    report_job *job = ctx;
    cairo_surface_t *s =
        cairo_pdf_surface_create_for_stream(to_file, f, REPORT_WIDTH_PT, REPORT_HEIGHT_PT);
    cairo_t *cr = cairo_create(s);
    report_draw(cr, &job->in);
    cairo_show_page(cr);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_finish(s);
    ok = ok && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    return ok;
}

static void one_file(const char *dir, const char *name, bool (*write)(FILE *, void *),
                     report_job *job, stick_written *out)
{
    char path[STICK_PATH + 160], err[256] = "";
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (atomic_file_write(path, 0644, write, job, err)) {
        snprintf(out->names[out->files++], sizeof out->names[0], "%s", name);
        log_info("stick: wrote %s", path);
    } else {
        log_warn("stick: %s", err);
        if (!out->error[0])
            snprintf(out->error, sizeof out->error, "%s", err);
    }
}

bool stick_write_reports(const char *mount_dir, adlog *log, const char *who,
                         const programme *prog, int64_t now_ms, int streak_days,
                         stick_written *out)
{
    memset(out, 0, sizeof *out);
    char dir[STICK_PATH], name[128], file[200];
    snprintf(dir, sizeof dir, "%s/%s/reports", mount_dir, STICK_FOLDER);
    if (!atomic_file_mkdirs(dir, 0755, out->error))
        return false;
    programme_store_name(who, name, sizeof name);
    report_job job = { .log = log, .profile = who && *who ? who : "default" };
    int64_t since = now_ms - (7LL * HISTORY_WEEKS + 1) * DAY_MS;
    record_session *sessions = NULL;
    adlog_decision *decisions = NULL;
    int n = 0, nd = 0;
    if (!adlog_records(log, who, since, &sessions, &n) ||
        !adlog_decisions(log, who, &decisions, &nd)) {
        snprintf(out->error, sizeof out->error, "the record could not be read");
        free(sessions);
        free(decisions);
        return false;
    }
    job.in = (report_input){ .profile = job.profile, .prog = prog, .sessions = sessions,
                             .n_sessions = n, .decisions = decisions, .n_decisions = nd,
                             .today = adlog_local_day(now_ms), .now_ms = now_ms,
                             .streak_days = streak_days };
    snprintf(file, sizeof file, "%s.csv", name);
    one_file(dir, file, write_csv, &job, out);
    snprintf(file, sizeof file, "%s-report.png", name);
    one_file(dir, file, write_png, &job, out);
    snprintf(file, sizeof file, "%s-report.pdf", name);
    one_file(dir, file, write_pdf, &job, out);
    free(sessions);
    free(decisions);
    return out->files == 3;
}
