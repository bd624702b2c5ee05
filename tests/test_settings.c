/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for settings and the station's option precedence: built-in defaults,
 * then the config file, then the command line; the documented default config
 * file (assets/rehab-mirror.conf) names every key and parses; bad values are
 * refused with the file and line. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cli.h"
#include "settings.h"

static const char *assets(void)
{
    const char *a = getenv("REHAB_MIRROR_ASSETS");
    return a ? a : "assets";
}

static void test_values(void)
{
    settings c;
    char err[256] = "";
    settings_defaults(&c);
    CHECK_EQ_INT(c.rotation, 0, "default rotation");
    CHECK(c.video_driver[0] == '\0', "default video driver is auto, got '%s'", c.video_driver);
    CHECK(!c.fullscreen && c.width == 1280 && c.height == 720, "default window %dx%d",
          c.width, c.height);

    CHECK(settings_parse(&c, "[station]\nrotation = 270\nvideo_driver = KMSDRM\n", "a.conf", err),
          "good rotation and driver refused: %s", err);
    CHECK_EQ_INT(c.rotation, 270, "rotation from the file");
    CHECK(!strcmp(c.video_driver, "KMSDRM"), "driver from the file: '%s'", c.video_driver);

    CHECK(!settings_parse(&c, "[station]\nrotation = 45\n", "b.conf", err), "rotation 45 accepted");
    CHECK(strstr(err, "b.conf:2:") && strstr(err, "0, 90, 180 or 270"), "rotation error: %s",
          err);
    CHECK(!settings_parse(&c, "[station]\nvideo_driver = x11;rm -rf\n", "c.conf", err),
          "driver with odd characters accepted");
    CHECK(strstr(err, "c.conf:2: video_driver"), "driver error: %s", err);
    CHECK_EQ_INT(c.rotation, 270, "a refused value leaves the earlier one");
    CHECK(c.volume == 80 && !strcmp(c.language, "en"), "default volume %d, language '%s'",
          c.volume, c.language);
    CHECK(settings_parse(&c, "[station]\nvolume = 0\nlanguage = de\n", "v.conf", err),
          "volume 0, language de refused: %s", err);
    CHECK(c.volume == 0 && !strcmp(c.language, "de"), "volume %d, language '%s'", c.volume,
          c.language);
    const char *bad_volume[] = { "101", "-1", "50%", "loud", "" };
    for (size_t i = 0; i < sizeof bad_volume / sizeof *bad_volume; i++) {
        char text[64];
        snprintf(text, sizeof text, "[station]\nvolume = %s\n", bad_volume[i]);
        CHECK(!settings_parse(&c, text, "w.conf", err), "volume '%s' accepted", bad_volume[i]);
        CHECK(strstr(err, "w.conf:2: volume"), "volume error: %s", err);
    }
    CHECK(!settings_parse(&c, "[station]\nlanguage = en us\n", "l.conf", err) &&
              !settings_parse(&c, "[station]\nlanguage =\n", "l.conf", err),
          "a language with a space, or none, accepted");
    CHECK(c.volume == 0 && !strcmp(c.language, "de"), "refused values leave the earlier ones");
    int deg = -1;
    CHECK(!settings_parse_rotation("", &deg) && !settings_parse_rotation("900", &deg) &&
              !settings_parse_rotation("90x", &deg),
          "bad rotations accepted");
    CHECK(settings_parse_rotation("180", &deg) && deg == 180, "180: %d", deg);
}

/* Where the camera is: decimal metres and degrees, defaults where the README
 * places it, and nonsense refused with the line and a reason. */
static void test_camera_place(void)
{
    settings c;
    char err[256] = "";
    settings_defaults(&c);
    CHECK(c.camera_distance_m == 2.5 && c.camera_view_deg == 66.0, "defaults %.2f m, %.1f deg",
          c.camera_distance_m, c.camera_view_deg);
    CHECK(settings_parse(&c, "[station]\ncamera_distance = 3.25\ncamera_view = 102\n", "p.conf",
                         err),
          "3.25 m, 102 degrees refused: %s", err);
    CHECK(c.camera_distance_m == 3.25 && c.camera_view_deg == 102.0, "read %.2f m, %.1f deg",
          c.camera_distance_m, c.camera_view_deg);
    const char *bad[] = { "0", "0.2", "11", "2,5", "2.5 m", "far", "", "nan", "inf" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char text[64];
        snprintf(text, sizeof text, "[station]\ncamera_distance = %s\n", bad[i]);
        CHECK(!settings_parse(&c, text, "d.conf", err), "distance '%s' accepted", bad[i]);
        CHECK(strstr(err, "d.conf:2: camera_distance must be metres"), "distance error: %s", err);
        snprintf(text, sizeof text, "[station]\ncamera_view = %s\n", bad[i]);
        CHECK(!settings_parse(&c, text, "v.conf", err), "view '%s' accepted", bad[i]);
        CHECK(strstr(err, "v.conf:2: camera_view must be degrees"), "view error: %s", err);
    }
    CHECK(c.camera_distance_m == 3.25 && c.camera_view_deg == 102.0,
          "refused values leave the earlier ones");
}

/* Every key settings.c accepts appears, set, in the documented default file;
 * the file loads; and what it sets is what the kiosk expects. */
static void test_documented_file(void)
{
    char path[600], line[512];
    snprintf(path, sizeof path, "%s/rehab-mirror.conf", assets());
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "cannot open %s", path);
    if (!f)
        return;
    bool seen[32] = { false };
    while (fgets(line, sizeof line, f)) {
        for (int i = 0; settings_keys[i]; i++) {
            size_t n = strlen(settings_keys[i]);
            if (!strncmp(line, settings_keys[i], n) && (line[n] == ' ' || line[n] == '='))
                seen[i] = true;
        }
    }
    fclose(f);
    for (int i = 0; settings_keys[i]; i++)
        CHECK(seen[i], "%s does not set key '%s'", path, settings_keys[i]);

    settings c;
    char err[256] = "";
    settings_defaults(&c);
    CHECK(settings_load(&c, path, err), "documented config does not load: %s", err);
    CHECK(c.fullscreen, "documented config is full-screen");
    CHECK(!strcmp(c.data_dir, "/var/lib/rehab-mirror"), "data_dir '%s'", c.data_dir);
    CHECK(c.camera[0] == '\0' && c.buttons[0] == '\0' && c.video_driver[0] == '\0',
          "camera, buttons and video driver are auto");
    CHECK(c.rotation == 0 && c.sound, "rotation %d, sound %d", c.rotation, c.sound);
}

static int run_cli(settings *c, const char *const *args)
{
    char *argv[32];
    int argc = 0;
    argv[argc++] = (char *)"rehab-mirror";
    for (; args[argc - 1]; argc++)
        argv[argc] = (char *)args[argc - 1];
    argv[argc] = NULL;
    static const cli_command station = { "rehab-mirror", "usage: rehab-mirror\n",
                                         cli_station_options };
    int rc = cli_station_settings(c, &station, argc, argv);
    return rc < 0 ? 0 : rc; /* -1: go on, as an exit status 0 */
}

static void test_precedence(void)
{
    const char *dir = check_tmpdir("settings");
    char conf[1200];
    snprintf(conf, sizeof conf, "%s/station.conf", dir);
    FILE *f = fopen(conf, "w");
    CHECK(f != NULL, "cannot write %s", conf);
    if (!f)
        return;
    fputs("[station]\ncamera = synthetic:bridge\nbuttons = keys\nrotation = 90\n"
          "video_driver = x11\ndisplay = 800x600\ndata_dir = /from/file\nsound = off\n"
          "profile = kiosk\n",
          f);
    fclose(f);

    settings c;
    /* The command line wins wherever it says something, whatever the order. */
    const char *a1[] = { "--rotation", "180", "--config", conf, "--video-driver", "wayland",
                         "--camera", "synthetic:quad-set", NULL };
    CHECK_EQ_INT(run_cli(&c, a1), 0, "exit status");
    CHECK_EQ_INT(c.rotation, 180, "--rotation before --config still wins");
    CHECK(!strcmp(c.video_driver, "wayland"), "video driver '%s'", c.video_driver);
    CHECK(!strcmp(c.camera, "synthetic:quad-set"), "camera '%s'", c.camera);
    /* ... and the file wins over the defaults everywhere else. */
    CHECK(!strcmp(c.buttons, "keys"), "buttons from the file: '%s'", c.buttons);
    CHECK(!strcmp(c.data_dir, "/from/file"), "data_dir from the file: '%s'", c.data_dir);
    CHECK(c.width == 800 && c.height == 600 && !c.fullscreen, "display from the file");
    CHECK(!c.sound, "sound from the file");
    CHECK(!strcmp(c.profile, "kiosk"), "profile from the file: '%s'", c.profile);

    const char *a2[] = { "--config", conf, "--fullscreen", "--data-dir", "/from/cli",
                         "--profile", "alice", NULL };
    CHECK_EQ_INT(run_cli(&c, a2), 0, "exit status");
    CHECK(c.fullscreen, "--fullscreen over the file's window");
    CHECK(!strcmp(c.data_dir, "/from/cli"), "data_dir '%s'", c.data_dir);
    CHECK_EQ_INT(c.rotation, 90, "rotation from the file");
    CHECK(!strcmp(c.profile, "alice"), "--profile over the file's: '%s'", c.profile);

    const char *bad1[] = { "--rotation", "45", NULL };
    CHECK_EQ_INT(run_cli(&c, bad1), 2, "--rotation 45");
    const char *bad2[] = { "--video-driver", "", NULL };
    CHECK_EQ_INT(run_cli(&c, bad2), 2, "--video-driver ''");
    const char *bad3[] = { "--config", "/nonexistent/x.conf", NULL };
    CHECK(run_cli(&c, bad3) != 0, "a missing --config file is an error");
}

int main(void)
{
    test_values();
    test_camera_place();
    test_documented_file();
    test_precedence();
    return check_done();
}
