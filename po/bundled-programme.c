/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Not compiled: xgettext reads it. The texts of the bundled programme
 * (assets/programmes/runners-knee.ini), so that its name, titles and cues are
 * shown in the station's language. A programme's text is translated only
 * when it is exactly one of these: what a physiotherapist wrote in their own
 * programme file stays as written. tests/check_po.sh checks that every text
 * of the bundled file is here.
 */
static const char *const bundled[] = {
    N_("Runner's knee"),
    N_("Clamshell"),
    N_("Glute bridge"),
    N_("Quad set"),
    N_("Lie on your side, knees bent"),
    N_("Keep your feet together"),
    N_("Lift the top knee, hips still"),
    N_("Lie on your other side"),
    N_("On your back, feet flat"),
    N_("Squeeze and lift your hips"),
    N_("Shoulders, hips, knees in line"),
    N_("Leg straight, towel under knee"),
    N_("Press the knee down, tighten"),
    N_("Keep breathing while you hold"),
};
