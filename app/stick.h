/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * stick: what the station reads from and writes to a physiotherapist's USB
 * stick, given the directory it is mounted at. Mounting is not done here
 * (image/rehab-mirror-stick does it, as root, outside the station), so every
 * part works on a plain directory and is tested on one.
 *
 * Only a stick with a folder named rehab-mirror/ at its top is the station's;
 * anything else is left alone (not read, not written). In that folder:
 *   programmes/PROFILE.ini  the profile's programme (PROFILE as
 *                           programme_store_name makes it), else
 *   programme.ini           one programme for whoever uses the station;
 *   profiles.ini            the people (profiles.h), each with a programme
 *                           found by profiles.h's lookup in the folder
 * read with programme_load and profiles_load: a file with an error is refused
 * with its file, line and reason, and nothing changes. Written, for each
 * profile:
 *   reports/PROFILE.csv, reports/PROFILE-report.png, reports/PROFILE-report.pdf
 * each whole or not at all (atomic_file.h), so a stick pulled mid-write never
 * holds a half file under a finished file's name.
 */
#ifndef RM_STICK_H
#define RM_STICK_H

#include <stdbool.h>
#include <stdint.h>

#include "adlog.h"
#include "profiles.h"
#include "programme.h"

#define STICK_FOLDER "rehab-mirror"
#define STICK_PATH 1200

/* Whether mount_dir holds the station's folder. */
bool stick_is_ours(const char *mount_dir);

typedef struct stick_programme {
    bool found;              /* a programme file for this profile is there */
    bool valid;              /* and it parsed */
    char path[STICK_PATH];   /* the file read */
    char error[256];         /* not valid: "FILE:LINE: reason" */
    programme prog;          /* valid: what it prescribes */
} stick_programme;

/* Reads the profile's programme from the stick (see above). */
void stick_read_programme(const char *mount_dir, const char *who, stick_programme *out);

/* A stick's people: its profiles.ini and the programmes it holds for them. */
typedef struct stick_people {
    bool found;              /* rehab-mirror/profiles.ini is there */
    bool valid;              /* it and every programme it leads to parsed */
    char error[256];         /* not valid: "FILE:LINE: reason" */
    profiles people;         /* valid: as the stick lists them */
    bool has_prog[PROFILES_MAX]; /* people.p[i] has a programme on the stick */
    programme progs[PROFILES_MAX];
} stick_people;

/* Reads rehab-mirror/profiles.ini and, for each person in it, the programme
 * profiles_programme finds in the folder (programmes/KEY.ini, or the file
 * the person's `programme` names). Refused whole when any of them is bad. */
void stick_read_people(const char *mount_dir, stick_people *out);

typedef struct stick_written {
    int files;                         /* files written whole */
    char names[3][128];                /* their names under reports/ */
    char error[256];                   /* the first failure, "" none */
} stick_written;

/* Writes the profile's CSV, PNG and PDF report under reports/ (creating it).
 * `prog` is the programme in use, `now_ms` the wall clock. True when all
 * three were written. */
bool stick_write_reports(const char *mount_dir, adlog *log, const char *who,
                         const programme *prog, int64_t now_ms, int streak_days,
                         stick_written *out);

#endif
