#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# rpi-image-gen pre-image hook of the rehab-mirror-sd layout: writes
# genimage.cfg (from genimage.cfg.in beside this script, the current directory
# when rpi-image-gen runs it) into the image output directory.
# Arguments: $1 the root file system, $2 the directory genimage reads its
# config from. Sizes and names come from the IGconf_image_* variables.
set -eu
genimg_in=$2
sed -e "s|<IMAGE_NAME>|$IGconf_image_name|g" \
    -e "s|<IMAGE_SUFFIX>|$IGconf_image_suffix|g" \
    -e "s|<BOOT_SIZE>|$IGconf_image_boot_part_size|g" \
    -e "s|<ROOT_SIZE>|$IGconf_image_root_part_size|g" \
    -e "s|<DATA_SIZE>|$IGconf_image_data_part_size|g" \
    genimage.cfg.in > "$genimg_in/genimage.cfg"
if grep -q '<[A-Z_]*>' "$genimg_in/genimage.cfg"; then
  echo "pre-image: unfilled field in $genimg_in/genimage.cfg" >&2
  exit 1
fi
