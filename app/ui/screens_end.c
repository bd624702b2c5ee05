/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens_end: the summary at the end of a session. Adherence is what was
 * done against what was prescribed (PROTOCOL.md), so each block gets a row
 * "done / target" with a bar, then the total, the pain before and after, and
 * one encouraging line (the session's advice when it has one). After pain
 * above the limit it neither cheers nor encourages: a plain title, and the
 * advice in the warning colour. The rows shrink to fit however many blocks
 * the programme has.
 */
#include <stdio.h>

#include "screens_parts.h"

static void pain_line(const session_view *v, char *buf, size_t cap)
{
    if (v->pain_before >= 0 && v->pain_after >= 0)
        snprintf(buf, cap, _("Knee pain  %d \xe2\x86\x92 %d"), v->pain_before, v->pain_after);
    else if (v->pain_before >= 0)
        snprintf(buf, cap, _("Knee pain before  %d"), v->pain_before);
    else
        buf[0] = '\0';
}

/* Row height for n blocks in room pixels: at most 0.1 of the unit. */
static int row_height(ui *u, int n, int room)
{
    int row = n > 0 ? room / n : 0, max_row = ui_px(u, 0.1f);
    int min_row = ui_px(u, ui_min_text(u) * 1.45f); /* legible name and a bar */
    row = row < max_row ? row : max_row;
    return row > min_row ? row : min_row;
}

/* One row per block: the name left, "done / target" right, a bar under. */
static void block_rows(ui *u, const session_view *v, int x, int y, int w, int row)
{
    const programme *p = v->prog;
    float size = (float)row / (float)ui_unit(u) * 0.62f;
    size = size < SZ_BODY ? size : SZ_BODY;
    size = size > ui_min_text(u) ? size : ui_min_text(u);
    for (int i = 0; p && i < p->n_blocks; i++, y += row) {
        const programme_block *b = &p->blocks[i];
        int target = b->sets * b->reps, done = v->block_done[i];
        char name[160], nums[32];
        screen_block_name(b, name, sizeof name);
        snprintf(nums, sizeof nums, "%d / %d", done, target);
        bool full = done >= target;
        ui_text(u, name, x, y, size, UI_WHITE, UI_LEFT, false);
        ui_text(u, nums, x + w, y, size, full ? UI_OK : UI_WHITE, UI_RIGHT, true);
        int th = ui_px(u, size * 1.15f);
        ui_bar(u, x, y + th, w, row / 10 > 2 ? row / 10 : 2,
               target > 0 ? (float)done / (float)target : 0, full ? UI_OK : UI_ACCENT);
    }
}

/* Pain above the limit after the session (PROTOCOL.md: above that, an easier
 * dose next time): the summary does not cheer, and its advice is a warning. */
static bool pain_high(const session_view *v)
{
    return v->pain_after > SESSION_PAIN_LIMIT;
}

static const char *summary_title(const session_view *v)
{
    if (pain_high(v))
        return _("Session done");
    if (v->total_target > 0 && v->total_done >= v->total_target)
        return _("Well done!");
    if (v->total_target > 0 && v->total_done * 2 >= v->total_target)
        return _("Good work!");
    return _("Session done");
}

void screens_summary(ui *u, const session_view *v, int64_t now_ms)
{
    int w = ui_width(u), m = screen_margin(u), cx = w / 2;
    bool all = v->total_target > 0 && v->total_done >= v->total_target;
    int y = screen_title(u, summary_title(v), pain_high(v) ? UI_WHITE : UI_OK) + m / 2;
    int tw = ui_unit(u) * 13 / 10;
    tw = tw < w - 4 * m ? tw : w - 4 * m;
    const char *line = v->advice && v->advice[0]
                           ? screen_tr(v->advice)
                           : all ? _("Every rep done. See you next time!")
                                 : _("Every rep counts. See you next time!");
    int line_h = ui_px(u, SZ_BODY * 1.17f);
    int core = 2 * line_h, line_th = ui_text_wrapped_height(u, line, w - 4 * m, SZ_BODY);
    /* The record's notice (disk full, not saved) is drawn above the hints:
     * everything else stays above it. */
    int room = screen_hints_top(u) - m - y -
               screen_notice_height(u, v->notice ? screen_tr(v->notice) : NULL);
    int n = v->prog ? v->prog->n_blocks : 0;
    /* When not everything fits (a small screen, a notice): the totals come
     * first, then pain advice, then the rows (dropped when even their least
     * height is too much), then a closing "well done". */
    bool advice_first = pain_high(v);
    int first = core + (advice_first ? line_th : 0);
    int row = row_height(u, n, room - first - m);
    if (row * n + m + first > room)
        n = 0;
    bool show_line = row * n + m + core + line_th <= room;
    if (!show_line && advice_first)
        ui_report_unfit(u, line);
    /* The rows, totals and the closing line as one group, centred. */
    int group = row * n + m + core + (show_line ? line_th : 0);
    y += group < room ? (room - group) / 2 : 0;
    if (n > 0)
        block_rows(u, v, cx - tw / 2, y, tw, row);
    y += row * n + m;

    char buf[96];
    snprintf(buf, sizeof buf, _("Total  %d of %d reps"), v->total_done, v->total_target);
    y += ui_text(u, buf, cx, y, SZ_BODY, UI_WHITE, UI_CENTER, true);
    pain_line(v, buf, sizeof buf);
    if (buf[0])
        y += ui_text(u, buf, cx, y, SZ_BODY, UI_WHITE, UI_CENTER, false);
    if (show_line)
        ui_text_wrapped(u, line, cx, y, w - 4 * m, SZ_BODY,
                        advice_first ? UI_WARN : all ? UI_OK : UI_ACCENT, UI_CENTER);
    screen_hints(u, (screen_hint[]){ { KEY_OK, _("finish") } }, 1);
}
