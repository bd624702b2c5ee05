/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test_y4m: the Y4M reader and writer. Round trip of a Cmono clip, hand-built
 * C420jpeg, C422, C444 and C411 clips whose chroma must be skipped, odd sizes, header tags in any
 * order, malformed headers refused with a reason, truncated frames reported as
 * errors, rewinding, and a run over mutated headers that must not crash.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "y4m.h"

static const char *dir;

static const char *path_of(const char *name)
{
    static char p[1200];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static void write_bytes(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    fwrite(data, 1, n, f);
    fclose(f);
}

static uint8_t pattern(int frame, int x, int y)
{
    return (uint8_t)(frame * 37 + x * 3 + y * 11);
}

static void test_round_trip(void)
{
    const int w = 7, h = 5;
    uint8_t img[5 * 9];
    y4m_writer *wr = y4m_create(path_of("rt.y4m"), w, h, 25, 2);
    CHECK(wr != NULL, "y4m_create failed");
    for (int f = 0; f < 3; f++) {
        for (int y = 0; y < h; y++)
            for (int x = 0; x < 9; x++)
                img[y * 9 + x] = x < w ? pattern(f, x, y) : 0xEE;
        CHECK(y4m_write_frame(wr, img, 9), "write frame %d", f);
    }
    CHECK(y4m_finish(wr), "y4m_finish");

    char err[256] = "";
    y4m_reader *r = y4m_open(path_of("rt.y4m"), err);
    CHECK(r != NULL, "open round trip: %s", err);
    if (!r)
        return;
    const y4m_info *info = y4m_reader_info(r);
    CHECK_EQ_INT(info->width, w, "width");
    CHECK_EQ_INT(info->height, h, "height");
    CHECK_EQ_INT(info->fps_num, 25, "fps_num");
    CHECK_EQ_INT(info->fps_den, 2, "fps_den");
    CHECK(info->mono, "written clip should be Cmono");
    for (int pass = 0; pass < 2; pass++) {
        for (int f = 0; f < 3; f++) {
            const uint8_t *luma = NULL;
            CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 1, "read frame");
            int bad = 0;
            for (int y = 0; y < h && luma; y++)
                for (int x = 0; x < w; x++)
                    bad += luma[y * w + x] != pattern(f, x, y);
            CHECK(luma && bad == 0, "pass %d frame %d: %d pixels differ", pass, f, bad);
        }
        const uint8_t *luma = NULL;
        CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 0, "clean end of file");
        CHECK(y4m_rewind(r), "rewind");
    }
    y4m_close(r);
}

/* A C420jpeg clip with odd size 5x3: luma 15 bytes, chroma 2 * 3 * 2 bytes. The
 * chroma bytes are 0xC0 so reading them as luma would show. */
static void test_420_odd(void)
{
    const char hdr[] = "YUV4MPEG2 C420jpeg H3 Ip W5 A1:1 F30000:1001 XYSCSS=420JPEG\n";
    unsigned char buf[512];
    size_t n = 0;
    memcpy(buf, hdr, sizeof hdr - 1);
    n += sizeof hdr - 1;
    for (int f = 0; f < 2; f++) {
        const char *fh = f == 0 ? "FRAME\n" : "FRAME Ixyz\n";
        memcpy(buf + n, fh, strlen(fh));
        n += strlen(fh);
        for (int i = 0; i < 15; i++)
            buf[n++] = (unsigned char)(f * 100 + i);
        for (int i = 0; i < 12; i++)
            buf[n++] = 0xC0;
    }
    write_bytes("c420.y4m", buf, n);

    char err[256] = "";
    y4m_reader *r = y4m_open(path_of("c420.y4m"), err);
    CHECK(r != NULL, "open C420jpeg: %s", err);
    if (!r)
        return;
    const y4m_info *info = y4m_reader_info(r);
    CHECK_EQ_INT(info->width, 5, "odd width");
    CHECK_EQ_INT(info->height, 3, "odd height");
    CHECK_EQ_INT(info->fps_num, 30000, "fps_num");
    CHECK_EQ_INT(info->fps_den, 1001, "fps_den");
    CHECK(!info->mono, "C420jpeg is not mono");
    for (int f = 0; f < 2; f++) {
        const uint8_t *luma = NULL;
        CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 1, "read 4:2:0 frame");
        int bad = 0;
        for (int i = 0; i < 15 && luma; i++)
            bad += luma[i] != f * 100 + i;
        CHECK(luma && bad == 0, "4:2:0 frame %d: %d luma bytes wrong", f, bad);
    }
    const uint8_t *luma = NULL;
    CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 0, "end after two 4:2:0 frames");
    y4m_close(r);
}

/* The other 8-bit layouts, at the odd size 5x3 (luma 15 bytes): 4:2:2's
 * chroma planes are 3x3 each, 4:4:4's 5x3 (what ffmpeg writes for a GIF
 * unless told -pix_fmt), 4:1:1's 2x3. Chroma bytes are 0xC0, so reading any
 * as luma would show in the second frame. */
static void test_other_layouts(void)
{
    static const struct {
        const char *tag;
        int chroma; /* bytes of both chroma planes */
    } layouts[] = { { "C422", 2 * 3 * 3 }, { "C444", 2 * 5 * 3 }, { "C411", 2 * 2 * 3 } };
    for (size_t k = 0; k < sizeof layouts / sizeof layouts[0]; k++) {
        unsigned char buf[512];
        size_t n = (size_t)snprintf((char *)buf, sizeof buf, "YUV4MPEG2 W5 H3 F25:1 %s\n",
                                    layouts[k].tag);
        for (int f = 0; f < 2; f++) {
            memcpy(buf + n, "FRAME\n", 6);
            n += 6;
            for (int i = 0; i < 15; i++)
                buf[n++] = (unsigned char)(f * 100 + i);
            for (int i = 0; i < layouts[k].chroma; i++)
                buf[n++] = 0xC0;
        }
        char name[32], err[256] = "";
        snprintf(name, sizeof name, "%s.y4m", layouts[k].tag);
        write_bytes(name, buf, n);
        y4m_reader *r = y4m_open(path_of(name), err);
        CHECK(r != NULL, "open %s: %s", layouts[k].tag, err);
        if (!r)
            continue;
        CHECK(!y4m_reader_info(r)->mono, "%s is not mono", layouts[k].tag);
        for (int f = 0; f < 2; f++) {
            const uint8_t *luma = NULL;
            CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 1, layouts[k].tag);
            int bad = 0;
            for (int i = 0; i < 15 && luma; i++)
                bad += luma[i] != f * 100 + i;
            CHECK(luma && bad == 0, "%s frame %d: %d luma bytes wrong", layouts[k].tag, f, bad);
        }
        const uint8_t *luma = NULL;
        CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 0, "a clean end after two frames");
        y4m_close(r);
    }
}

/* A header with no C tag means 4:2:0; no F tag means 30:1. */
static void test_defaults(void)
{
    const char data[] = "YUV4MPEG2 W2 H2\nFRAME\n\x01\x02\x03\x04\x80\x80";
    write_bytes("def.y4m", data, sizeof data - 1);
    char err[256] = "";
    y4m_reader *r = y4m_open(path_of("def.y4m"), err);
    CHECK(r != NULL, "open default header: %s", err);
    if (!r)
        return;
    CHECK(!y4m_reader_info(r)->mono, "no C tag means 4:2:0");
    CHECK_EQ_INT(y4m_reader_info(r)->fps_num, 30, "default fps_num");
    CHECK_EQ_INT(y4m_reader_info(r)->fps_den, 1, "default fps_den");
    const uint8_t *luma = NULL;
    CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 1, "frame");
    CHECK(luma && luma[3] == 4, "luma[3] = %d", luma ? luma[3] : -1);
    CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 0, "end");
    y4m_close(r);
}

static void expect_refused(const char *name, const char *data, size_t n, const char *needle)
{
    char err[256] = "";
    write_bytes(name, data, n);
    y4m_reader *r = y4m_open(path_of(name), err);
    CHECK(r == NULL, "%s should be refused", name);
    CHECK(strstr(err, needle) != NULL, "%s: reason '%s' lacks '%s'", name, err, needle);
    CHECK(strstr(err, name) != NULL, "%s: reason '%s' does not name the file", name, err);
    y4m_close(r);
}

static void test_bad_headers(void)
{
#define REFUSE(name, text, needle) expect_refused(name, text, sizeof text - 1, needle)
    REFUSE("empty.y4m", "", "empty");
    REFUSE("magic.y4m", "YUV4MPEG W4 H4\n", "signature");
    REFUSE("magic2.y4m", "YUV4MPEG2X W4 H4\n", "signature");
    REFUSE("c10.y4m", "YUV4MPEG2 W4 H4 C420p10\n", "C420p10");
    REFUSE("c16.y4m", "YUV4MPEG2 W4 H4 Cmono16\n", "colour space");
    REFUSE("calpha.y4m", "YUV4MPEG2 W4 H4 C444alpha\n", "-pix_fmt gray");
    REFUSE("w0.y4m", "YUV4MPEG2 W0 H4\n", "width");
    REFUSE("hbig.y4m", "YUV4MPEG2 W4 H4097\n", "height");
    REFUSE("huge.y4m", "YUV4MPEG2 W100000 H100000 Cmono\nFRAME\n", "width");
    REFUSE("wneg.y4m", "YUV4MPEG2 W-4 H4\n", "width");
    REFUSE("whuge.y4m", "YUV4MPEG2 W99999999999999999999 H4\n", "width");
    REFUSE("wtext.y4m", "YUV4MPEG2 W4x H4\n", "width");
    REFUSE("noh.y4m", "YUV4MPEG2 W4\n", "height");
    REFUSE("fps0.y4m", "YUV4MPEG2 W4 H4 F0:1\n", "frame rate");
    REFUSE("fpsden.y4m", "YUV4MPEG2 W4 H4 F30\n", "frame rate");
    REFUSE("nonl.y4m", "YUV4MPEG2 W4 H4", "unterminated");
#undef REFUSE
    char big[3000];
    memset(big, 'X', sizeof big);
    memcpy(big, "YUV4MPEG2 W4 H4 X", 17);
    big[sizeof big - 1] = '\n';
    expect_refused("long.y4m", big, sizeof big, "too long");
    char err[256] = "";
    CHECK(y4m_open(path_of("does-not-exist.y4m"), err) == NULL, "missing file opened");
    CHECK(strstr(err, "does-not-exist.y4m") != NULL, "missing file reason '%s'", err);
}

static void expect_frame_error(const char *name, const char *data, size_t n, int good,
                               const char *needle)
{
    char err[256] = "";
    write_bytes(name, data, n);
    y4m_reader *r = y4m_open(path_of(name), err);
    CHECK(r != NULL, "%s: header should open: %s", name, err);
    if (!r)
        return;
    const uint8_t *luma;
    for (int i = 0; i < good; i++)
        CHECK_EQ_INT(y4m_read_frame(r, &luma, err), 1, name);
    err[0] = '\0';
    CHECK_EQ_INT(y4m_read_frame(r, &luma, err), -1, name);
    CHECK(strstr(err, needle) != NULL, "%s: reason '%s' lacks '%s'", name, err, needle);
    CHECK(strstr(err, name) != NULL, "%s: reason '%s' does not name the file", name, err);
    y4m_close(r);
}

static void test_truncated(void)
{
#define FRAMES(name, text, good, needle) \
    expect_frame_error(name, text, sizeof text - 1, good, needle)
    FRAMES("tluma.y4m", "YUV4MPEG2 W2 H2 Cmono\nFRAME\nabcdFRAME\nab", 1, "luma");
    FRAMES("tchroma.y4m", "YUV4MPEG2 W2 H2 C420\nFRAME\nabcdu", 0, "chroma");
    FRAMES("tmark.y4m", "YUV4MPEG2 W2 H2 Cmono\nFRAME\nabcdFRAM", 1, "FRAME");
    FRAMES("tjunk.y4m", "YUV4MPEG2 W2 H2 Cmono\nFRAME\nabcdGARBAGE\nabcd", 1, "FRAME");
    FRAMES("tglued.y4m", "YUV4MPEG2 W2 H2 Cmono\nFRAMEX\nabcd", 0, "FRAME");
#undef FRAMES
}

/* Mutates a valid clip byte by byte (each byte set to a few values, and the file
 * cut at each length); every variant must open or fail cleanly and read to an
 * end or an error without crashing (the sanitizer build checks memory). */
static void test_mutations(void)
{
    const char base[] = "YUV4MPEG2 W3 H2 F5:1 C420jpeg\nFRAME\nabcdefghijFRAME x\nABCDEFGHIJ";
    const size_t n = sizeof base - 1;
    const unsigned char values[] = { 0, '\n', ' ', '9', 'W', 0xFF };
    int opened = 0;
    for (size_t i = 0; i <= n; i++) {
        for (size_t v = 0; v <= sizeof values; v++) {
            char buf[sizeof base];
            memcpy(buf, base, n);
            size_t len = n;
            if (v == sizeof values)
                len = i;
            else if (i < n)
                buf[i] = (char)values[v];
            write_bytes("mut.y4m", buf, len);
            char err[256];
            y4m_reader *r = y4m_open(path_of("mut.y4m"), err);
            if (!r)
                continue;
            opened++;
            const uint8_t *luma;
            for (int k = 0; k < 10 && y4m_read_frame(r, &luma, err) == 1; k++)
                ;
            y4m_close(r);
        }
    }
    CHECK(opened > 0, "no mutated clip opened at all");
}

int main(void)
{
    dir = check_tmpdir("test_y4m");
    test_round_trip();
    test_420_odd();
    test_other_layouts();
    test_defaults();
    test_bad_headers();
    test_truncated();
    test_mutations();
    return check_done();
}
