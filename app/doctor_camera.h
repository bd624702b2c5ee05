/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * doctor_camera: the camera part of `rehab-mirror doctor` (cmd_doctor.c):
 * the camera the station would use and, where it is a real one or a clip, a
 * look at its picture (camera_look.h): whether frames come, at what size and
 * rate, and whether the counter could see anything in it.
 */
#ifndef RM_DOCTOR_CAMERA_H
#define RM_DOCTOR_CAMERA_H

#include "settings.h"

/* Prints the "Camera" section for the station's settings. */
void doctor_report_camera(const settings *cfg);

#endif
