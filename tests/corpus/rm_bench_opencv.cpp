// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * rm-bench-opencv: the counting core beside OpenCV's classic motion loop, on
 * the same clip in memory, in one run (issue 12's cost target: the core at
 * most half of OpenCV's absdiff + blur + threshold per frame).
 *
 *   rm-bench-opencv [--exercise EX] [--repeat N] CLIP.y4m
 *
 * OpenCV's loop is what a motion detector built on it does with each frame:
 * absdiff with the previous frame, a 5x5 Gaussian blur, a threshold at 25
 * levels and a count of the pixels over it, single-threaded
 * (cv::setNumThreads(0)) with its SIMD paths on, as on one core of a Pi. Ours
 * is reps_feed, as `rehab-mirror count` calls it. Each runs in its own
 * function (opencv_pass, core_pass) so `valgrind --tool=callgrind` can give
 * the instructions of each (scripts/bench does); this program prints the wall
 * time per frame of each, each frame's best of N passes (default 3).
 * A bench tool only: built with -DRM_BENCH_OPENCV=ON; the product never links
 * OpenCV.
 */
#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

extern "C" {
#include "reps.h"
#include "y4m.h"
}

namespace {

struct Clip {
    int w = 0, h = 0;
    std::vector<std::vector<uint8_t>> frames;
    std::vector<int64_t> t_ms;
};

bool load(const char *path, Clip &c)
{
    char err[256];
    y4m_reader *r = y4m_open(path, err);
    if (!r) {
        std::fprintf(stderr, "rm-bench-opencv: %s\n", err);
        return false;
    }
    const y4m_info *in = y4m_reader_info(r);
    c.w = in->width;
    c.h = in->height;
    const uint8_t *luma;
    int got;
    while ((got = y4m_read_frame(r, &luma, err)) == 1) {
        c.frames.emplace_back(luma, luma + (size_t)c.w * (size_t)c.h);
        c.t_ms.push_back((int64_t)(c.frames.size() - 1) * 1000 * in->fps_den / in->fps_num);
    }
    if (got < 0)
        std::fprintf(stderr, "rm-bench-opencv: %s\n", err);
    y4m_close(r);
    return got == 0 && !c.frames.empty();
}

double now_s()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One pass of OpenCV's loop over the clip; best[k] keeps frame k's best time.
 * Returns the frames with any motion (so nothing is optimised away). */
__attribute__((noinline)) int opencv_pass(const Clip &c, std::vector<double> &best)
{
    cv::Mat prev, diff, blurred, mask;
    int moving = 0;
    for (size_t k = 0; k < c.frames.size(); k++) {
        double t0 = now_s();
        cv::Mat cur(c.h, c.w, CV_8UC1, const_cast<uint8_t *>(c.frames[k].data()));
        if (!prev.empty()) {
            cv::absdiff(prev, cur, diff);
            cv::GaussianBlur(diff, blurred, cv::Size(5, 5), 0);
            cv::threshold(blurred, mask, 25, 255, cv::THRESH_BINARY);
            moving += cv::countNonZero(mask) > 0;
        }
        prev = cur;
        double f = now_s() - t0;
        best[k] = f < best[k] ? f : best[k];
    }
    return moving;
}

/* One pass of the counting core over the clip, a fresh counter. */
__attribute__((noinline)) int core_pass(const Clip &c, exercise_kind ex, std::vector<double> &best)
{
    reps_config cfg = reps_default_config(ex);
    reps_counter *rc = reps_create(&cfg);
    reps_event ev[8];
    for (size_t k = 0; k < c.frames.size(); k++) {
        double t0 = now_s();
        reps_feed(rc, c.frames[k].data(), c.w, c.h, c.w, c.t_ms[k], ev, 8);
        double f = now_s() - t0;
        best[k] = f < best[k] ? f : best[k];
    }
    int n = reps_get_status(rc).count;
    reps_destroy(rc);
    return n;
}

double mean_us(const std::vector<double> &v)
{
    double s = 0.0;
    for (double x : v)
        s += x;
    return s / (double)v.size() * 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    exercise_kind ex = EXERCISE_BRIDGE;
    int repeat = 3;
    const char *path = nullptr;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--exercise") && i + 1 < argc) {
            if (!exercise_parse(argv[++i], &ex))
                return std::fprintf(stderr, "rm-bench-opencv: unknown exercise %s\n", argv[i]), 2;
        } else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
            repeat = repeat < 1 ? 1 : repeat;
        } else if (argv[i][0] != '-' && !path) {
            path = argv[i];
        } else {
            std::fprintf(stderr, "usage: rm-bench-opencv [--exercise EX] [--repeat N] CLIP.y4m\n");
            return 2;
        }
    }
    Clip c;
    if (!path)
        return std::fprintf(stderr, "rm-bench-opencv: no clip given\n"), 2;
    if (!load(path, c))
        return 1;
    cv::setNumThreads(0);
    std::vector<double> cv_best(c.frames.size(), 1e30), core_best(c.frames.size(), 1e30);
    int moving = 0, reps = 0;
    for (int pass = 0; pass < repeat; pass++) {
        moving = opencv_pass(c, cv_best);
        reps = core_pass(c, ex, core_best);
    }
    double cv_us = mean_us(cv_best), core_us = mean_us(core_best);
    std::printf("clip %s: %dx%d, %zu frames (OpenCV %s, %d thread)\n", path, c.w, c.h,
                c.frames.size(), CV_VERSION, cv::getNumThreads() < 1 ? 1 : cv::getNumThreads());
    std::printf("opencv absdiff+blur+threshold: mean %.1f us/frame (%d frames with motion)\n",
                cv_us, moving);
    std::printf("counting core (reps_feed):     mean %.1f us/frame (%d reps)\n", core_us, reps);
    std::printf("core / opencv: %.2f (target: at most 0.50)\n", core_us / cv_us);
    return 0;
}
