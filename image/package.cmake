# The Debian package (CPack DEB): the binary and assets (installed by the
# top-level CMakeLists), plus the kiosk's system files from image/: the systemd
# unit, the default config (assets/rehab-mirror.conf, a conffile), sysusers.d (the `rehab` user and its
# groups) and the maintainer scripts. Build it with scripts/package, which
# configures with CMAKE_INSTALL_PREFIX=/usr so the binary's built-in asset path
# (settings_find_assets) is where the package puts the assets.
set(RM_IMAGE_DIR ${CMAKE_CURRENT_LIST_DIR})

# Absolute destinations: these paths are fixed by Debian and systemd, whatever
# the prefix. Debian 12 keeps units and sysusers.d under /lib (not merged /usr).
install(FILES ${RM_IMAGE_DIR}/rehab-mirror.service DESTINATION /lib/systemd/system)
install(FILES ${RM_IMAGE_DIR}/rehab-mirror.sysusers DESTINATION /usr/lib/sysusers.d
        RENAME rehab-mirror.conf)
install(FILES ${CMAKE_SOURCE_DIR}/assets/rehab-mirror.conf DESTINATION /etc/rehab-mirror)
# The backlight's bl_power writable by the video group (the sleeping screen).
install(FILES ${RM_IMAGE_DIR}/90-rehab-mirror-backlight.rules DESTINATION /lib/udev/rules.d)
# The USB stick (image/stick): a udev rule starts a oneshot unit per stick,
# which runs the mount helper as root; tmpfiles.d makes the mount point.
install(PROGRAMS ${RM_IMAGE_DIR}/stick/rehab-mirror-stick DESTINATION /usr/lib/rehab-mirror)
install(FILES ${RM_IMAGE_DIR}/stick/rehab-mirror-stick@.service DESTINATION /lib/systemd/system)
install(FILES ${RM_IMAGE_DIR}/stick/90-rehab-mirror-stick.rules DESTINATION /lib/udev/rules.d)
install(FILES ${RM_IMAGE_DIR}/stick/rehab-mirror-stick.tmpfiles DESTINATION /usr/lib/tmpfiles.d
        RENAME rehab-mirror-stick.conf)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/PRIVACY.md
              ${RM_IMAGE_DIR}/debian/copyright
        DESTINATION share/doc/rehab-mirror)
# A native package's changelog, compressed (gzip -n: reproducible).
add_custom_command(OUTPUT changelog.gz
  COMMAND gzip -9n -c ${RM_IMAGE_DIR}/debian/changelog > changelog.gz
  DEPENDS ${RM_IMAGE_DIR}/debian/changelog VERBATIM)
add_custom_target(changelog ALL DEPENDS changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/changelog.gz DESTINATION share/doc/rehab-mirror)
# The fonts are Debian's (fonts-dejavu-core), not copies: the package's fonts/
# is a link to them, so settings_find_assets finds them where it always did.
install(CODE "
  set(fonts \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/share/rehab-mirror/fonts\")
  file(REMOVE_RECURSE \"\${fonts}\")
  file(CREATE_LINK ../fonts/truetype/dejavu \"\${fonts}\" SYMBOLIC)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rehab-mirror)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "rehab-mirror maintainers <rehab-mirror@localhost>")
# Stripped, with the symbols in rehab-mirror-dbgsym_VERSION_ARCH.ddeb (the
# build is RelWithDebInfo). CPackDeb strips only what is not yet stripped, after
# copying its debug sections out (objcopy --only-keep-debug, by build id): so
# CPACK_STRIP_FILES must stay off, or the symbols are gone before it looks.
set(CPACK_STRIP_FILES OFF)
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "knee rehabilitation exercise station (camera-counted reps)")
set(CPACK_PACKAGE_DESCRIPTION "A full-screen kiosk that guides clamshells, glute bridges and\n\
quad sets, counts repetitions and holds from camera motion and logs adherence\n\
to a local SQLite database. Runs as the systemd service rehab-mirror.service.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beyond the libraries: systemd runs the service and creates the user
# (systemd-sysusers); the fonts are Debian's.
# The libraries (libcairo2 for the report among them) come from shlibdeps;
# udev starts the USB stick's unit; mount (not Essential, though always there)
# mounts it; blkid and mountpoint are util-linux's, which is Essential in
# Debian and so not named (lintian refuses that).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, udev, mount, fonts-dejavu-core")
if(CMAKE_CROSSCOMPILING AND CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${RM_IMAGE_DIR}/debian/conffiles ${RM_IMAGE_DIR}/debian/postinst
    ${RM_IMAGE_DIR}/debian/prerm ${RM_IMAGE_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
