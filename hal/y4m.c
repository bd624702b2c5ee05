/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * y4m: see y4m.h. The reader treats its input as hostile: the header line and
 * every FRAME line are read with a length bound, every number is range checked
 * before use, and frame sizes are computed in size_t from dimensions already
 * limited to Y4M_MAX_DIM, so no input can overflow a buffer or an integer. The
 * reader keeps only luma; chroma is read into a scratch buffer and dropped
 * (fread rather than fseek, so a truncated chroma plane is still noticed).
 *
 * Header grammar (YUV4MPEG2 spec): "YUV4MPEG2" then space-separated tags, each
 * a letter and a value: W width, H height, F num:den, I interlacing, A aspect,
 * C colour space, X anything. Unknown tags are ignored, as the spec asks.
 */
#include "y4m.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "regfile.h"
#include "xmalloc.h"

#define ERRLEN 256
#define MAX_HEADER 1024 /* longest header or FRAME line we accept */

struct y4m_reader {
    FILE *f;
    char *path;
    y4m_info info;
    long data_start;     /* offset of the first FRAME */
    uint8_t *luma;       /* width * height */
    uint8_t *chroma;     /* scratch for skipped chroma; NULL when mono */
    size_t chroma_size;
    uint64_t frames_read;
};

struct y4m_writer {
    FILE *f;
    int width, height;
    bool failed;
};

static void set_err(char *errbuf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_err(char *errbuf, const char *fmt, ...)
{
    if (!errbuf)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errbuf, ERRLEN, fmt, ap);
    va_end(ap);
}

/* Reads one line (without its '\n') into buf of size cap. Returns its length,
 * -1 on end of file before any byte, -2 when the line is longer than cap - 1 or
 * the file ends before the '\n'. */
static int read_line(FILE *f, char *buf, int cap)
{
    int n = 0;
    for (;;) {
        int c = getc(f);
        if (c == EOF)
            return n == 0 ? -1 : -2;
        if (c == '\n')
            break;
        if (n >= cap - 1)
            return -2;
        buf[n++] = (char)c;
    }
    buf[n] = '\0';
    return n;
}

/* Parses a decimal integer in [lo, hi] spanning all of s. */
static bool parse_int(const char *s, long lo, long hi, long *out)
{
    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

/* "num:den", both positive. */
static bool parse_ratio(const char *s, int *num, int *den)
{
    char tmp[64];
    if (strlen(s) >= sizeof tmp)
        return false;
    strcpy(tmp, s);
    char *colon = strchr(tmp, ':');
    if (!colon)
        return false;
    *colon = '\0';
    long n, d;
    if (!parse_int(tmp, 1, INT_MAX, &n) || !parse_int(colon + 1, 1, INT_MAX, &d))
        return false;
    *num = (int)n;
    *den = (int)d;
    return true;
}

/* Colour space tag value to its chroma layout in info; false for anything
 * else (deeper samples, an alpha plane, unknown names). */
static bool parse_colour(const char *c, y4m_info *info)
{
    static const struct {
        const char *name;
        int x, y;
    } spaces[] = {
        { "mono", 0, 0 },     { "420", 2, 2 }, { "420jpeg", 2, 2 }, { "420paldv", 2, 2 },
        { "420mpeg2", 2, 2 }, { "422", 2, 1 }, { "444", 1, 1 },     { "411", 4, 1 },
    };
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++) {
        if (!strcmp(c, spaces[i].name)) {
            info->mono = spaces[i].x == 0;
            info->chroma_x = spaces[i].x;
            info->chroma_y = spaces[i].y;
            return true;
        }
    }
    return false;
}

/* Applies one header tag to info. False with a reason on a bad value. */
static bool parse_tag(char *tok, y4m_info *info, char *errbuf)
{
    const char *v = tok + 1;
    long n;
    switch (tok[0]) {
    case 'W':
    case 'H':
        if (!parse_int(v, 1, Y4M_MAX_DIM, &n)) {
            set_err(errbuf, "bad %s '%.40s' (want 1..%d)", tok[0] == 'W' ? "width" : "height",
                    v, Y4M_MAX_DIM);
            return false;
        }
        *(tok[0] == 'W' ? &info->width : &info->height) = (int)n;
        return true;
    case 'F':
        if (!parse_ratio(v, &info->fps_num, &info->fps_den)) {
            set_err(errbuf, "bad frame rate '%.40s' (want N:D, both positive)", v);
            return false;
        }
        return true;
    case 'C':
        if (!parse_colour(v, info)) {
            set_err(errbuf,
                    "unsupported colour space 'C%.40s' (8-bit Cmono, 4:2:0, 4:2:2, 4:4:4 or "
                    "4:1:1; ffmpeg -pix_fmt gray makes one)",
                    v);
            return false;
        }
        return true;
    default: /* I, A, X and unknown tags carry nothing we use */
        return true;
    }
}

/* Parses the header line into info. */
static bool parse_header(char *line, y4m_info *info, char *errbuf)
{
    static const char magic[] = "YUV4MPEG2";
    if (strncmp(line, magic, sizeof magic - 1) != 0 ||
        (line[sizeof magic - 1] != ' ' && line[sizeof magic - 1] != '\0')) {
        set_err(errbuf, "not a YUV4MPEG2 file (bad signature)");
        return false;
    }
    *info = (y4m_info){ .fps_num = 30, .fps_den = 1, .chroma_x = 2, .chroma_y = 2 }; /* 4:2:0 */
    char *save = NULL;
    for (char *tok = strtok_r(line + sizeof magic - 1, " ", &save); tok;
         tok = strtok_r(NULL, " ", &save)) {
        if (!parse_tag(tok, info, errbuf))
            return false;
    }
    if (info->width == 0 || info->height == 0) {
        set_err(errbuf, "header lacks %s", info->width == 0 ? "a width (W)" : "a height (H)");
        return false;
    }
    return true;
}

y4m_reader *y4m_open(const char *path, char *errbuf)
{
    FILE *f = regfile_open(path, errbuf); /* a FIFO or a device would hang */
    if (!f)
        return NULL;
    char line[MAX_HEADER];
    char why[ERRLEN];
    y4m_info info;
    int n = read_line(f, line, sizeof line);
    if (n < 0) {
        set_err(errbuf, "%.150s: %s", path,
                n == -1 ? "empty file" : "header line too long or unterminated");
        goto fail;
    }
    if (memchr(line, '\0', (size_t)n)) {
        set_err(errbuf, "%s: header contains a NUL byte", path);
        goto fail;
    }
    if (!parse_header(line, &info, why)) {
        set_err(errbuf, "%.150s: %s", path, why);
        goto fail;
    }
    y4m_reader *r = xcalloc(1, sizeof *r);
    r->f = f;
    r->path = xstrdup(path);
    r->info = info;
    r->data_start = ftell(f);
    r->luma = xmalloc((size_t)info.width * (size_t)info.height);
    if (!info.mono) { /* two planes, each the luma's size divided up */
        size_t cw = (size_t)((info.width + info.chroma_x - 1) / info.chroma_x);
        size_t ch = (size_t)((info.height + info.chroma_y - 1) / info.chroma_y);
        r->chroma_size = 2 * cw * ch;
        r->chroma = xmalloc(r->chroma_size);
    }
    return r;
fail:
    fclose(f);
    return NULL;
}

void y4m_close(y4m_reader *r)
{
    if (!r)
        return;
    fclose(r->f);
    free(r->chroma);
    free(r->luma);
    free(r->path);
    free(r);
}

const y4m_info *y4m_reader_info(const y4m_reader *r)
{
    return &r->info;
}

int y4m_read_frame(y4m_reader *r, const uint8_t **luma, char *errbuf)
{
    char line[MAX_HEADER];
    unsigned long long idx = (unsigned long long)r->frames_read;
    int n = read_line(r->f, line, sizeof line);
    if (n == -1)
        return 0;
    if (n == -2 || strncmp(line, "FRAME", 5) != 0 || (line[5] != '\0' && line[5] != ' ')) {
        set_err(errbuf, "%.150s: frame %llu: %s", r->path, idx,
                n == -2 ? "truncated or overlong FRAME line" : "missing FRAME marker");
        return -1;
    }
    size_t luma_size = (size_t)r->info.width * (size_t)r->info.height;
    if (fread(r->luma, 1, luma_size, r->f) != luma_size) {
        set_err(errbuf, "%.150s: frame %llu: truncated luma plane", r->path, idx);
        return -1;
    }
    if (r->chroma && fread(r->chroma, 1, r->chroma_size, r->f) != r->chroma_size) {
        set_err(errbuf, "%.150s: frame %llu: truncated chroma planes", r->path, idx);
        return -1;
    }
    r->frames_read++;
    *luma = r->luma;
    return 1;
}

bool y4m_rewind(y4m_reader *r)
{
    clearerr(r->f);
    if (fseek(r->f, r->data_start, SEEK_SET) != 0)
        return false;
    r->frames_read = 0;
    return true;
}

y4m_writer *y4m_create(const char *path, int width, int height, int fps_num, int fps_den)
{
    if (width < 1 || height < 1 || width > Y4M_MAX_DIM || height > Y4M_MAX_DIM ||
        fps_num < 1 || fps_den < 1)
        return NULL;
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    y4m_writer *w = xcalloc(1, sizeof *w);
    w->f = f;
    w->width = width;
    w->height = height;
    if (fprintf(f, "YUV4MPEG2 W%d H%d F%d:%d Ip A1:1 Cmono\n", width, height, fps_num,
                fps_den) < 0)
        w->failed = true;
    return w;
}

bool y4m_write_frame(y4m_writer *w, const uint8_t *luma, int stride)
{
    if (fputs("FRAME\n", w->f) == EOF)
        w->failed = true;
    for (int y = 0; y < w->height && !w->failed; y++) {
        if (fwrite(luma + (size_t)y * (size_t)stride, 1, (size_t)w->width, w->f) !=
            (size_t)w->width)
            w->failed = true;
    }
    return !w->failed;
}

bool y4m_finish(y4m_writer *w)
{
    if (!w)
        return true;
    bool ok = !w->failed;
    if (fclose(w->f) != 0)
        ok = false;
    free(w);
    return ok;
}
