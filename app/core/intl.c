/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "intl.h"

static const catalog *current;

void intl_use(const catalog *c)
{
    current = c;
}

const char *intl_text(const char *msgid)
{
    const char *text = msgid && *msgid ? catalog_text(current, msgid) : NULL;
    return text ? text : msgid;
}

const char *intl_plural(const char *one, const char *many, unsigned long n)
{
    const char *text = catalog_plural(current, one, n);
    return text ? text : n == 1 ? one : many;
}
