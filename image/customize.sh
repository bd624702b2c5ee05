#!/bin/sh
# mmdebstrap customize hook for the rehab-mirror SD-card image. $1 = the root
# file system; REHAB_DEB = the package to install, a path inside it (copied in
# by build-image); IMAGE_DIR = this directory.
# Runs after the packages of image/packages are installed: adds the station's
# package the way a user would (apt install ./FILE.deb), the kiosk settings from
# image/rootfs/, and regenerates config.txt and cmdline.txt from them.
set -eu
root=$1
here=${IMAGE_DIR:?}
deb=${REHAB_DEB:?}

# The station, with its dependencies, from the archive.
chroot "$root" apt-get install -y --no-install-recommends "$deb"
rm -f "$root/$deb"

# Kiosk settings: fstab, journal in RAM, firmware and kernel command line.
cp -r "$here/rootfs/." "$root/"
echo rehab-mirror > "$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\trehab-mirror\n' > "$root/etc/hosts"

# Maintenance ssh, off unless /boot/firmware/ssh holds public keys
# (maintenance-ssh.service, README): the server is not started by itself,
# and the image carries no host keys (each station makes its own at boot).
chroot "$root" systemctl disable ssh.service
rm -f "$root"/etc/ssh/ssh_host_*
chroot "$root" systemctl enable maintenance-ssh.service

# No login prompt on the screen (the station's tty); boot messages on tty3.
ln -sf /dev/null "$root/etc/systemd/system/getty@tty1.service"
sed -i -e 's|^#\?ROOTPART=.*|ROOTPART="LABEL=rmroot"|' \
       -e 's|^#\?CONSOLES=.*|CONSOLES="tty3"|' "$root/etc/default/raspi-firmware"

# config.txt and cmdline.txt from the settings above (the firmware's own hook).
chroot "$root" env DEB_MAINT_PARAMS=configure /etc/kernel/postinst.d/z50-raspi-firmware

# The overlay must be in the initramfs, or the root would be mounted writable.
if ! chroot "$root" sh -c 'lsinitramfs /boot/initrd.img-*' | grep -q 'overlayroot'; then
    echo "customize: overlayroot is missing from the initramfs" >&2
    exit 1
fi

# No package lists or downloaded packages in the image.
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/*
