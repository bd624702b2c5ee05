# SPDX-License-Identifier: GPL-3.0-or-later
# CMake toolchain file: cross-compile rehab-mirror for 64-bit ARM (Raspberry Pi
# 3/4/5, Zero 2 W on a 64-bit OS) on a Debian amd64 machine.
#
# Needs Debian's cross compilers (gcc-aarch64-linux-gnu, g++-aarch64-linux-gnu)
# and the arm64 -dev packages installed through multiarch
# (dpkg --add-architecture arm64; apt-get install libsdl2-dev:arm64 ...), which
# put arm64 headers and libraries under /usr/include/aarch64-linux-gnu and
# /usr/lib/aarch64-linux-gnu next to the native ones. pkg-config is Debian's
# aarch64-linux-gnu-pkg-config, which searches only the arm64 .pc files.
# `scripts/deps cross` installs all of it; `scripts/cross-test` uses this file.
#
# Tests run under qemu-aarch64 (CMAKE_CROSSCOMPILING_EMULATOR): ctest prefixes
# every test executable with it, so no binfmt registration is needed. Each run
# is bounded by `timeout -s KILL` (RM_EMULATOR_TIMEOUT seconds): a program
# stuck under qemu may not answer a polite signal.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(RM_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${RM_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${RM_CROSS_TRIPLE}-g++)
set(PKG_CONFIG_EXECUTABLE ${RM_CROSS_TRIPLE}-pkg-config CACHE FILEPATH
    "pkg-config for the arm64 multiarch .pc files")

# Libraries and headers come from the multiarch directories (the compiler
# searches them by itself); programs (pkg-config, bash) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${RM_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# No -L /usr/aarch64-linux-gnu: that prefix holds libc6-arm64-cross, a
# different build of glibc than the multiarch libc6:arm64 the -dev packages
# pull in, and a program that loads one's ld.so with the other's libc.so
# hangs in its first pthread_create or fork. Without -L, qemu runs the
# program's own interpreter, /lib/ld-linux-aarch64.so.1 from libc6:arm64, and
# every library resolves through the multiarch paths.
# 900 s: test_session takes about 190 s under qemu on an idle core, and over
# 300 s on a loaded 2-core machine (tests/CMakeLists.txt allows the same).
set(RM_EMULATOR_TIMEOUT 900 CACHE STRING "seconds before one emulated run is killed")
find_program(RM_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
if(RM_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR timeout -s KILL ${RM_EMULATOR_TIMEOUT}
      ${RM_QEMU_AARCH64})
endif()
