/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rehab-mirror: the knee rehabilitation exercise station. See README.md. */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
