/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * camera_libcamera: the libcamera backend (camera_libcamera.h), the program's
 * only C++. It opens one camera, configures one Viewfinder stream (640x480,
 * YUV420 or NV12 from an ISP, else packed YUYV as USB webcams give; a fixed
 * frame rate through FrameDurationLimits), allocates its buffers with a
 * FrameBufferAllocator, maps plane 0 (the Y plane, or the packed picture) of
 * each buffer once, and keeps every request queued.
 *
 * Threads. libcamera completes requests on its camera manager thread. There,
 * on_complete copies the luma into `spare` (camera_luma.h), swaps it with
 * `ready` under the mutex (newest frame wins: an unread older frame is simply
 * overwritten),
 * requeues the request and, when the slot was empty, pushes one SDL user event
 * so a main loop waiting in SDL_WaitEvent* wakes up. Everything else (create,
 * poll, destroy) runs on the main thread; poll swaps `ready` with `front`
 * under the same mutex, and `front` is what the caller reads until the next
 * poll. The copy costs width * height bytes per frame (300 KB at 15 fps) and
 * buys a requeue that never waits for the main loop.
 *
 * Stall detection uses real monotonic time (std::chrono::steady_clock), not
 * the station clock: the camera is real hardware, while the station clock may
 * be virtual and jump. Frame timestamps use the station clock at hand-off.
 *
 * Versions. Written against libcamera 0.0.3 (Debian 12), 0.4 (Debian 13)
 * and 0.7 (trixie-backports; Raspberry Pi OS ships 0.7 in 2026). The calls
 * used here (generateConfiguration with an initializer list of roles,
 * ControlList::set with a Span, Request::reuse, FrameBufferAllocator,
 * Signal::connect to a member function) have the same spelling across them;
 * 0.1 changed generateConfiguration's parameter from StreamRoles to
 * Span<const StreamRole> but added an initializer_list overload (so no
 * StreamRoles variable appears here), and 0.2 replaced
 * CameraConfiguration::transform (a Transform) with orientation (an
 * Orientation): set_upright() picks the member by LIBCAMERA_VERSION_* from
 * <libcamera/version.h>, where any future difference is to be guarded too.
 * 0.6 made string controls std::string_view (camera_libcamera_list copes
 * with both). scripts/trixie-check compiles this file against libcamera 0.4
 * and 0.7.
 *
 * The CameraManager is shared and reference-counted (libcamera aborts on a
 * second live manager), created on first use and stopped on last release.
 */
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdarg>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <SDL.h>

#include <libcamera/libcamera.h>
#include <libcamera/version.h>

#include "camera_libcamera.h"
#include "camera_luma.h"

extern "C" {
#include "log.h"
}

#ifndef LIBCAMERA_VERSION_MAJOR
#error "libcamera/version.h did not define LIBCAMERA_VERSION_MAJOR"
#endif

using namespace libcamera;

namespace {

constexpr size_t ERRLEN = 256;
constexpr int WANT_WIDTH = 640, WANT_HEIGHT = 480;
constexpr int DEFAULT_FPS = 15;

/* Real monotonic milliseconds, for stall detection. Any thread. */
int64_t steady_ms()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

/* --- the shared camera manager (main thread only) ---------------------- */

std::unique_ptr<CameraManager> g_manager;
int g_manager_users;

/* Quiets libcamera's own log (it prints INFO lines on every start) unless the
 * user asked for our debug log or set libcamera's levels themselves. Must run
 * before the first CameraManager: libcamera reads the variable once. */
void quiet_libcamera_log()
{
    const char *ours = getenv("REHAB_MIRROR_LOG");
    if (ours && !strcmp(ours, "debug"))
        return;
    setenv("LIBCAMERA_LOG_LEVELS", "*:ERROR", 0);
}

/* The running manager, or NULL with a reason in errbuf. Pair with
 * manager_release. Main thread only. */
CameraManager *manager_acquire(char *errbuf)
{
    if (g_manager_users > 0) {
        g_manager_users++;
        return g_manager.get();
    }
    quiet_libcamera_log();
    auto cm = std::make_unique<CameraManager>();
    int ret = cm->start();
    if (ret < 0) {
        snprintf(errbuf, ERRLEN, "libcamera could not start (%s)", strerror(-ret));
        return nullptr;
    }
    g_manager = std::move(cm);
    g_manager_users = 1;
    return g_manager.get();
}

/* Stops and frees the manager with its last user. Every Camera obtained from
 * it must have been released and dropped first. Main thread only. */
void manager_release()
{
    if (g_manager_users <= 0 || --g_manager_users > 0)
        return;
    g_manager->stop();
    g_manager.reset();
}

/* --- the wake-up event --------------------------------------------------- */

Uint32 g_wake_event = (Uint32)-1;

/* Registers our SDL user event once. SDL_RegisterEvents needs no SDL_Init.
 * Main thread only. */
Uint32 wake_event()
{
    if (g_wake_event == (Uint32)-1)
        g_wake_event = SDL_RegisterEvents(1);
    return g_wake_event;
}

/* --- one open camera ----------------------------------------------------- */

/* One mmap of plane 0 of one buffer. base/len are what to munmap; y is where
 * the Y plane starts inside it. */
struct Mapping {
    void *base = MAP_FAILED;
    size_t len = 0;
    const uint8_t *y = nullptr;
};

struct Live {
    std::shared_ptr<Camera> cam;
    std::unique_ptr<CameraConfiguration> config;
    Stream *stream = nullptr;
    std::unique_ptr<FrameBufferAllocator> allocator;
    std::vector<std::unique_ptr<Request>> requests;
    std::vector<Mapping> maps;     /* indexed by request cookie */
    int width = 0, height = 0, stride = 0;
    camera_luma_layout layout = CAMERA_LUMA_PLANAR; /* where luma is in plane 0 */
    bool have_manager = false, acquired = false, connected = false, started = false;
    Uint32 wake = (Uint32)-1;

    /* Hand-off between the libcamera thread and the main thread. spare is
     * the completion thread's, front the main thread's; ready and fresh are
     * shared under mu. */
    std::mutex mu;
    std::vector<uint8_t> spare, ready, front;
    bool fresh = false;
    std::atomic<bool> running{ false };
    std::atomic<bool> unplugged{ false };
    std::atomic<int64_t> last_arrival_ms{ 0 };

    void on_complete(Request *req);
    void on_disconnected() { unplugged = true; }
};

/* libcamera's thread: hand the Y plane over, then requeue. A cancelled
 * request (during stop) is left alone. */
void Live::on_complete(Request *req)
{
    if (req->status() == Request::RequestCancelled || !running)
        return;
    auto it = req->buffers().find(stream);
    const Mapping &m = maps[req->cookie()];
    if (it != req->buffers().end() &&
        it->second->metadata().status == FrameMetadata::FrameSuccess) {
        camera_luma_copy(spare.data(), m.y, width, height, stride, layout);
        bool was_fresh;
        {
            std::lock_guard<std::mutex> lock(mu);
            spare.swap(ready);
            was_fresh = fresh;
            fresh = true;
        }
        last_arrival_ms = steady_ms();
        if (!was_fresh && wake != (Uint32)-1) {
            SDL_Event ev;
            SDL_zero(ev);
            ev.type = wake;
            SDL_PushEvent(&ev); /* fails harmlessly when SDL events are not running */
        }
    }
    req->reuse(Request::ReuseBuffers);
    cam->queueRequest(req);
}

/* The C-visible camera. Standard layout, so camera* and lc_camera* convert. */
struct lc_camera {
    camera base;
    Live *live;
    int64_t last_t_ms;   /* timestamp of the last frame handed over, -1 before */
    uint64_t seq;
};

/* Stops and frees whatever open_camera got to, in reverse order: stop,
 * requests, mappings, buffers, camera release, camera, manager. Main thread. */
void close_live(Live *l)
{
    l->running = false;
    if (l->started)
        l->cam->stop();
    if (l->connected) {
        l->cam->requestCompleted.disconnect(l);
        l->cam->disconnected.disconnect(l);
    }
    l->requests.clear();
    for (Mapping &m : l->maps)
        if (m.base != MAP_FAILED)
            munmap(m.base, m.len);
    l->maps.clear();
    if (l->allocator && l->stream)
        l->allocator->free(l->stream);
    l->allocator.reset();
    if (l->acquired)
        l->cam->release();
    l->cam.reset();
    l->config.reset();
    if (l->have_manager)
        manager_release();
    delete l;
}

/* The camera named id, or the first; NULL with a reason naming what was
 * looked for. */
std::shared_ptr<Camera> find_camera(CameraManager *cm, const char *id, char *errbuf)
{
    std::vector<std::shared_ptr<Camera>> all = cm->cameras();
    if (id && *id) {
        std::shared_ptr<Camera> cam = cm->get(std::string(id));
        if (!cam)
            snprintf(errbuf, ERRLEN, "libcamera has no camera '%.100s' (%zu camera%s found)",
                     id, all.size(), all.size() == 1 ? "" : "s");
        return cam;
    }
    if (all.empty()) {
        snprintf(errbuf, ERRLEN, "no camera found by libcamera (0 cameras)");
        return nullptr;
    }
    return all.front();
}

/* Asks for the picture the right way up: the pipeline compensates the
 * sensor's mounting rotation where it can (validate() may adjust what it
 * cannot). Motion counting does not care about a mirror image, only about a
 * picture that does not change its orientation between runs. */
void set_upright(CameraConfiguration *config)
{
#if LIBCAMERA_VERSION_MAJOR > 0 || LIBCAMERA_VERSION_MINOR >= 2
    config->orientation = Orientation::Rotate0;
#else
    config->transform = Transform::Identity;
#endif
}

/* Configures one Viewfinder stream: WANT size, YUV420 else NV12 (an ISP's),
 * else packed 4:2:2 (a USB webcam's YUYV and its byte orders). */
bool configure_stream(Live *l, char *errbuf)
{
    const char *id = l->cam->id().c_str();
    l->config = l->cam->generateConfiguration({ StreamRole::Viewfinder });
    if (!l->config || l->config->empty()) {
        snprintf(errbuf, ERRLEN, "camera '%.100s': no viewfinder stream", id);
        return false;
    }
    set_upright(l->config.get());
    StreamConfiguration &sc = l->config->at(0);
    const PixelFormat wanted[] = { formats::YUV420, formats::NV12, formats::YUYV,
                                   formats::UYVY,   formats::YVYU, formats::VYUY };
    CameraConfiguration::Status st = CameraConfiguration::Invalid;
    bool usable = false;
    for (const PixelFormat &f : wanted) {
        sc.size = Size(WANT_WIDTH, WANT_HEIGHT);
        sc.pixelFormat = f;
        st = l->config->validate();
        usable = st != CameraConfiguration::Invalid &&
                 camera_luma_layout_of(sc.pixelFormat.toString().c_str(), &l->layout);
        if (usable)
            break;
    }
    if (!usable) {
        snprintf(errbuf, ERRLEN, "camera '%.100s' offers %.40s, not YUV420, NV12 or YUYV", id,
                 sc.pixelFormat.toString().c_str());
        return false;
    }
    if (sc.size.width < 16 || sc.size.height < 16 || sc.size.width > 4096 ||
        sc.size.height > 4096 ||
        (int)sc.stride < camera_luma_row_bytes(l->layout, (int)sc.size.width)) {
        snprintf(errbuf, ERRLEN, "camera '%.100s': unusable stream %.60s", id,
                 sc.toString().c_str());
        return false;
    }
    int ret = l->cam->configure(l->config.get());
    if (ret < 0) {
        snprintf(errbuf, ERRLEN, "camera '%.100s': configure failed (%s)", id, strerror(-ret));
        return false;
    }
    l->stream = sc.stream();
    l->width = (int)sc.size.width;
    l->height = (int)sc.size.height;
    l->stride = (int)sc.stride;
    log_debug("libcamera: camera '%s' streams %s", id, sc.toString().c_str());
    return true;
}

/* Maps plane 0 of buf (mmap offsets must be page-aligned, plane offsets need
 * not be). */
bool map_plane0(Live *l, const FrameBuffer &buf, Mapping *m, char *errbuf)
{
    const FrameBuffer::Plane &p = buf.planes()[0];
    size_t need = (size_t)l->stride * (size_t)l->height;
    if (p.length < need) {
        snprintf(errbuf, ERRLEN, "camera: plane 0 holds %u bytes, the Y plane needs %zu",
                 p.length, need);
        return false;
    }
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t start = p.offset - p.offset % page;
    m->len = p.offset - start + p.length;
    m->base = mmap(nullptr, m->len, PROT_READ, MAP_SHARED, p.fd.get(), (off_t)start);
    if (m->base == MAP_FAILED) {
        snprintf(errbuf, ERRLEN, "camera: cannot map a frame buffer (%s)", strerror(errno));
        return false;
    }
    m->y = (const uint8_t *)m->base + (p.offset - start);
    return true;
}

/* Allocates the stream's buffers, maps them and makes one request each. */
bool make_requests(Live *l, char *errbuf)
{
    l->allocator = std::make_unique<FrameBufferAllocator>(l->cam);
    int ret = l->allocator->allocate(l->stream);
    if (ret <= 0) {
        snprintf(errbuf, ERRLEN, "camera: cannot allocate frame buffers (%s)",
                 ret < 0 ? strerror(-ret) : "none");
        return false;
    }
    const auto &bufs = l->allocator->buffers(l->stream);
    l->maps.resize(bufs.size());
    for (size_t i = 0; i < bufs.size(); i++) {
        if (!map_plane0(l, *bufs[i], &l->maps[i], errbuf))
            return false;
        std::unique_ptr<Request> req = l->cam->createRequest(i);
        if (!req || req->addBuffer(l->stream, bufs[i].get()) < 0) {
            snprintf(errbuf, ERRLEN, "camera: cannot make a capture request");
            return false;
        }
        l->requests.push_back(std::move(req));
    }
    return true;
}

/* Starts streaming at fps frames per second and queues every request. */
bool start_streaming(Live *l, int fps, char *errbuf)
{
    size_t n = (size_t)l->width * (size_t)l->height;
    l->spare.assign(n, 0);
    l->ready.assign(n, 0);
    l->front.assign(n, 0);
    l->cam->requestCompleted.connect(l, &Live::on_complete);
    l->cam->disconnected.connect(l, &Live::on_disconnected);
    l->connected = true;

    ControlList ctl(controls::controls);
    if (l->cam->controls().count(controls::FrameDurationLimits.id())) {
        const int64_t us = 1000000 / fps;
        const int64_t limits[2] = { us, us };
        ctl.set(controls::FrameDurationLimits, Span<const int64_t, 2>(limits));
    }
    int ret = l->cam->start(&ctl);
    if (ret < 0) {
        snprintf(errbuf, ERRLEN, "camera '%.100s': cannot start (%s)", l->cam->id().c_str(),
                 strerror(-ret));
        return false;
    }
    l->started = true;
    l->last_arrival_ms = steady_ms();
    l->running = true;
    for (std::unique_ptr<Request> &req : l->requests) {
        ret = l->cam->queueRequest(req.get());
        if (ret < 0) {
            snprintf(errbuf, ERRLEN, "camera: cannot queue a request (%s)", strerror(-ret));
            return false;
        }
    }
    return true;
}

/* Builds a running Live, or NULL with the reason in errbuf. */
Live *open_camera(const char *id, int fps, char *errbuf)
{
    Live *l = new Live;
    l->wake = wake_event();
    CameraManager *cm = manager_acquire(errbuf);
    if (!cm)
        goto fail;
    l->have_manager = true;
    l->cam = find_camera(cm, id, errbuf);
    if (!l->cam)
        goto fail;
    if (l->cam->acquire() < 0) {
        snprintf(errbuf, ERRLEN, "camera '%.100s' is in use by another program",
                 l->cam->id().c_str());
        goto fail;
    }
    l->acquired = true;
    if (!configure_stream(l, errbuf) || !make_requests(l, errbuf) ||
        !start_streaming(l, fps, errbuf))
        goto fail;
    return l;
fail:
    close_live(l);
    return nullptr;
}

/* --- the ops table (main thread) ---------------------------------------- */

camera_status lc_poll(camera *cam, camera_frame *out)
{
    lc_camera *c = reinterpret_cast<lc_camera *>(cam);
    Live *l = c->live;
    if (l->unplugged) {
        snprintf(cam->error, ERRLEN, "camera disconnected");
        return CAMERA_ERROR;
    }
    /* Hand over only when the clock has moved on, so timestamps rise. */
    int64_t now = clock_now_ms(cam->clock);
    bool got = false;
    if (now > c->last_t_ms) {
        std::lock_guard<std::mutex> lock(l->mu);
        if (l->fresh) {
            l->front.swap(l->ready);
            l->fresh = false;
            got = true;
        }
    }
    if (got) {
        c->last_t_ms = now;
        *out = camera_frame{ l->front.data(), l->width, l->height, l->width, now, c->seq++ };
        return CAMERA_FRAME;
    }
    if (steady_ms() - l->last_arrival_ms > CAMERA_LIBCAMERA_STALL_MS) {
        snprintf(cam->error, ERRLEN, "camera stopped sending frames");
        return CAMERA_ERROR;
    }
    return CAMERA_NONE;
}

int64_t lc_next_due(const camera *cam)
{
    (void)cam;
    return INT64_MAX; /* live: frames come when they come */
}

void lc_destroy(camera *cam)
{
    lc_camera *c = reinterpret_cast<lc_camera *>(cam);
    close_live(c->live);
    delete c;
}

const camera_ops lc_ops = { "libcamera", lc_poll, lc_next_due, lc_destroy };

/* Appends to out (cap bytes) at *used, truncating safely. */
void append(char *out, size_t cap, size_t *used, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void append(char *out, size_t cap, size_t *used, const char *fmt, ...)
{
    if (*used >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out + *used, cap - *used, fmt, ap);
    va_end(ap);
    if (n > 0)
        *used = std::min(cap - 1, *used + (size_t)n);
}

} /* namespace */

extern "C" camera *camera_libcamera_create(const char *id, const camera_options *opt,
                                           const rm_clock *clock, char *errbuf)
{
    int fps = opt && opt->fps ? opt->fps : DEFAULT_FPS;
    if (fps < 1 || fps > 120) {
        snprintf(errbuf, ERRLEN, "libcamera: bad frame rate %d (want 1..120)", fps);
        return nullptr;
    }
    Live *l = open_camera(id, fps, errbuf);
    if (!l)
        return nullptr;
    lc_camera *c = new lc_camera{};
    c->base.ops = &lc_ops;
    c->base.clock = clock;
    c->live = l;
    c->last_t_ms = -1;
    log_info("libcamera %s: camera '%s', %dx%d at %d fps", camera_libcamera_version(),
             l->cam->id().c_str(), l->width, l->height, fps);
    return &c->base;
}

extern "C" int camera_libcamera_list(char *out, size_t cap)
{
    if (!out || cap == 0)
        return -1;
    out[0] = '\0';
    size_t used = 0;
    char err[ERRLEN] = "";
    append(out, cap, &used, "libcamera %s\n", camera_libcamera_version());
    CameraManager *cm = manager_acquire(err);
    if (!cm) {
        append(out, cap, &used, "%s\n", err);
        return -1;
    }
    std::vector<std::shared_ptr<Camera>> all = cm->cameras();
    append(out, cap, &used, "%zu camera%s\n", all.size(), all.size() == 1 ? "" : "s");
    for (const std::shared_ptr<Camera> &cam : all) {
        /* a std::string up to libcamera 0.5, a std::string_view since 0.6 */
        const auto model = cam->properties().get(properties::Model);
        std::string name = model ? std::string(*model) : std::string("unknown model");
        append(out, cap, &used, "  %s (%s)\n", cam->id().c_str(), name.c_str());
    }
    int n = (int)all.size();
    all.clear();
    manager_release();
    return n;
}

extern "C" const char *camera_libcamera_version(void)
{
    return CameraManager::version().c_str();
}
