/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz_settings: libFuzzer target for the station's config file loader
 * (app/settings.c). The input is the file's text; settings_parse must accept it
 * or refuse it with a "NAME:LINE: reason" message, and every path it keeps must
 * fit its array and every size stay in settings_parse_size's range.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_text.h"
#include "settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    if (!text)
        return 0;
    settings c;
    settings_defaults(&c);
    char err[256] = "";
    if (!settings_parse(&c, text, "fuzz.conf", err))
        fuzz_refusal_names(err, "fuzz.conf");
    fuzz_check_nul(c.camera, sizeof c.camera);
    fuzz_check_nul(c.buttons, sizeof c.buttons);
    fuzz_check_nul(c.data_dir, sizeof c.data_dir);
    fuzz_check_nul(c.programme, sizeof c.programme);
    if (c.width < 64 || c.width > 8192 || c.height < 64 || c.height > 8192)
        abort();
    free(text);
    return 0;
}
