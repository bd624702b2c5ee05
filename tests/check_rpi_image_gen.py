#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline checks of the rpi-image-gen source directory (image/rpi-image-gen).

rpi-image-gen itself needs Raspberry Pi OS's archive and cannot run here, so
this checks what can be checked without it:
- every YAML file parses; config files are mappings whose includes exist;
- every layer's metadata block (# METABEGIN .. # METAEND, deb822 fields) has
  what rpi-image-gen's `metadata --lint` requires: only X-Env-* fields, a
  name, a version X.Y.Z, X-Env-VarPrefix when variables are declared, no
  attribute without its variable, Required/Set/Valid values it knows; a
  `dir` default with ${DIRECTORY} names an existing directory;
- layer names are unique and the config selects this directory's layers;
- each layer's mmdebstrap packages are names and its hooks pass `sh -n`;
  every kiosk file a hook installs exists under the kiosk directory;
- the image layout's pre-image.sh is executable and fills every <FIELD> of
  its genimage.cfg.in, the partition labels are those of image/rootfs/etc/fstab;
- the rehab-mirror layer's hooks that need no chroot, run on a scratch root with
  a Pi OS style cmdline.txt and config.txt, install the kiosk files, mask
  getty@tty1 and leave the root label, tty3 and overlayroot in cmdline.txt and
  the camera, KMS and splash lines in config.txt.
Prints each problem; exits 1 if there is any, 2 if PyYAML is missing.
Usage: check_rpi_image_gen.py [RPI_IMAGE_GEN_DIR]  (default: ../image/rpi-image-gen)
"""
import os
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("check_rpi_image_gen: PyYAML missing (scripts/deps test installs python3-yaml)",
          file=sys.stderr)
    sys.exit(2)

problems = []


def problem(msg):
    problems.append(msg)
    print("check_rpi_image_gen: " + msg, file=sys.stderr)


def metadata(path):
    """The deb822 fields of a layer file's metadata block, or None if it has none."""
    lines = open(path, encoding="utf-8").read().splitlines()
    if "# METABEGIN" not in [l.strip() for l in lines]:
        return None
    fields, key, inside = {}, None, False
    for line in lines:
        s = line.strip()
        if s == "# METABEGIN":
            inside = True
            continue
        if s == "# METAEND":
            break
        if not inside:
            continue
        if not line.startswith("#"):
            problem(f"{path}: metadata line without '#': {line!r}")
            continue
        body = line[2:] if line.startswith("# ") else line[1:]
        if not body.strip():
            continue
        if body[0] in " \t":
            if key is None:
                problem(f"{path}: continuation line before any field: {line!r}")
            else:
                fields[key] += " " + body.strip()
            continue
        m = re.match(r"^([A-Za-z0-9_-]+):\s*(.*)$", body)
        if not m:
            problem(f"{path}: not a 'Field: value' line: {line!r}")
            continue
        key = m.group(1)
        if key in fields:
            problem(f"{path}: field {key} twice")
        fields[key] = m.group(2).strip()
    return fields


LAYER_FIELDS = {"Name", "Version", "Category", "Desc", "Requires", "Provides",
                "RequiresProvider", "Conflicts", "Type"}
VAR_ATTRS = ("Desc", "Required", "Valid", "Set", "Anchor", "Conflicts", "Triggers")
SET_POLICIES = {"y", "n", "yes", "no", "true", "false", "1", "0", "force",
                "immediate", "lazy", "skip"}
VALID_KINDS = re.compile(r"^(bool|int|int:\d+-\d+|string|string-or-empty|size|capacity|file|"
                         r"file-nzero|dir|keywords:[\w,-]+|list:[\w,-]+|regex:.+|[\w.-]+(,[\w.-]*)+)$")


def check_layer(path, f):
    """Checks one layer's metadata; returns its name."""
    for k in f:
        if not k.startswith("X-Env-"):
            problem(f"{path}: field {k} does not start with X-Env-")
        m = re.match(r"^X-Env-Layer-(.+)$", k)
        if m and m.group(1) not in LAYER_FIELDS:
            problem(f"{path}: unknown layer field {k}")
    name = f.get("X-Env-Layer-Name", "")
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", name):
        problem(f"{path}: X-Env-Layer-Name missing or not a-z0-9-: {name!r}")
    if not re.match(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$", f.get("X-Env-Layer-Version", "")):
        problem(f"{path}: X-Env-Layer-Version missing or not X.Y.Z")
    if not f.get("X-Env-Layer-Desc"):
        problem(f"{path}: X-Env-Layer-Desc missing")
    variables = {k[len("X-Env-Var-"):] for k in f
                 if k.startswith("X-Env-Var-") and not k.endswith(tuple("-" + a for a in VAR_ATTRS))}
    if variables and not re.match(r"^[a-z][a-z0-9_]*$", f.get("X-Env-VarPrefix", "")):
        problem(f"{path}: variables declared without a valid X-Env-VarPrefix")
    for k in f:
        for a in VAR_ATTRS:
            if k.startswith("X-Env-Var-") and k.endswith("-" + a):
                var = k[len("X-Env-Var-"):-len(a) - 1]
                if var not in variables:
                    problem(f"{path}: {k} without X-Env-Var-{var}")
    for v in sorted(variables):
        attr = lambda a: f.get(f"X-Env-Var-{v}-{a}")
        if not attr("Desc"):
            problem(f"{path}: variable {v} has no -Desc")
        if attr("Required") not in (None, "y", "n", "true", "false", "yes", "no"):
            problem(f"{path}: variable {v}: -Required {attr('Required')!r}")
        if attr("Set") is not None and attr("Set").lower() not in SET_POLICIES:
            problem(f"{path}: variable {v}: -Set {attr('Set')!r}")
        rule = attr("Valid")
        if rule is None or not VALID_KINDS.match(rule):
            problem(f"{path}: variable {v}: -Valid missing or unknown: {rule!r}")
        default = f.get(f"X-Env-Var-{v}", "")
        if rule == "dir" and default.startswith("${DIRECTORY}"):
            d = os.path.normpath(default.replace("${DIRECTORY}", os.path.dirname(os.path.abspath(path))))
            if not os.path.isdir(d):
                problem(f"{path}: variable {v}: default {default} is no directory ({d})")
    return name, {v: f.get(f"X-Env-Var-{v}", "") for v in variables}


def check_mmdebstrap(path, doc, kioskdir):
    """Packages are names, hooks parse as sh, installed kiosk files exist."""
    if not isinstance(doc, dict):
        return
    unknown = set(doc) - {"mmdebstrap", "env"}
    if unknown:
        problem(f"{path}: unknown top-level keys {sorted(unknown)}")
    mm = doc.get("mmdebstrap") or {}
    for p in mm.get("packages", []):
        if not isinstance(p, str) or not re.match(r"^[a-z0-9][a-z0-9+.-]+$", p):
            problem(f"{path}: package {p!r} is not a Debian package name")
    for phase in ("setup-hooks", "essential-hooks", "customize-hooks", "cleanup-hooks"):
        for i, hook in enumerate(mm.get(phase, [])):
            r = subprocess.run(["sh", "-n"], input=hook, text=True, capture_output=True)
            if r.returncode != 0:
                problem(f"{path}: {phase}[{i}] is not valid sh: {r.stderr.strip()}")
            for ref in re.findall(r'"\$(?:k|IGconf_rehab_kioskdir)/([^"]+)"', hook):
                if kioskdir and not os.path.isfile(os.path.join(kioskdir, ref)):
                    problem(f"{path}: {phase}[{i}] installs {ref}, absent from {kioskdir}")


def run_plain_hooks(path, doc, kioskdir, root_label):
    """Runs the layer's customize hooks that need no chroot on a scratch root
    holding a Pi OS style cmdline.txt and a config.txt lacking the camera and
    KMS lines, and checks what they leave there."""
    import tempfile
    hooks = [h for h in (doc.get("mmdebstrap") or {}).get("customize-hooks", [])
             if "chroot" not in h]
    with tempfile.TemporaryDirectory() as root:
        fw = os.path.join(root, "boot", "firmware")
        os.makedirs(fw)
        for d in ("etc/systemd/system", "etc/systemd/network", "usr/local/sbin"):
            os.makedirs(os.path.join(root, d))
        with open(os.path.join(fw, "cmdline.txt"), "w") as f:
            f.write("console=serial0,115200 console=tty1 root=PARTUUID=01234567-02 "
                    "rootfstype=ext4 fsck.repair=yes rootwait\n")
        with open(os.path.join(fw, "config.txt"), "w") as f:
            f.write("dtparam=audio=on\n[pi5]\nBOOT_UART=1\n")
        env = dict(os.environ, IGconf_rehab_kioskdir=kioskdir)
        for i, hook in enumerate(hooks):
            r = subprocess.run(["sh", "-c", hook, "hook", root], env=env,
                               capture_output=True, text=True)
            if r.returncode != 0:
                problem(f"{path}: plain customize hook {i} failed: {r.stderr.strip()}")
        cmdline = open(os.path.join(fw, "cmdline.txt")).read().split()
        for want in (f"root=LABEL={root_label}", "console=tty3", "overlayroot=tmpfs:recurse=0"):
            if want not in cmdline:
                problem(f"{path}: cmdline.txt after the hooks lacks {want}: {cmdline}")
        config = open(os.path.join(fw, "config.txt")).read().splitlines()
        tail = config[config.index("[all]"):] if "[all]" in config else []
        for want in ("camera_auto_detect=1", "dtoverlay=vc4-kms-v3d", "disable_splash=1"):
            if want not in tail:
                problem(f"{path}: config.txt after the hooks lacks {want} under [all]: {config}")
        for f, mode in (("etc/fstab", 0o644), ("usr/local/sbin/maintenance-ssh", 0o755),
                        ("etc/systemd/system/maintenance-ssh.service", 0o644)):
            p = os.path.join(root, f)
            if not os.path.isfile(p) or os.stat(p).st_mode & 0o777 != mode:
                problem(f"{path}: the hooks do not install {f} with mode {mode:o}")
        if os.path.realpath(os.path.join(root, "etc/systemd/system/getty@tty1.service")) != "/dev/null":
            problem(f"{path}: the hooks do not mask getty@tty1")


def check_layout(layout_dir, fstab):
    pre = os.path.join(layout_dir, "pre-image.sh")
    tmpl = os.path.join(layout_dir, "genimage.cfg.in")
    if not os.access(pre, os.X_OK):
        problem(f"{pre}: missing or not executable (rpi-image-gen skips such hooks)")
        return
    if not os.path.isfile(tmpl):
        problem(f"{tmpl}: missing")
        return
    script, cfg = open(pre).read(), open(tmpl).read()
    for field in sorted(set(re.findall(r"<([A-Z_]+)>", cfg))):
        if f"s|<{field}>|" not in script:
            problem(f"{pre}: does not fill <{field}> of genimage.cfg.in")
    labels = dict(re.findall(r'label = "([^"]+)"\s*\n\s*(?:use-mke2fs = true\s*\n\s*)?}\s*\n\s*size = [^\n]+\n'
                             r'\s*mountpoint = "([^"]+)"', cfg))
    for label, mnt in (fstab or {}).items():
        if labels.get(label) != mnt:
            problem(f"{tmpl}: no partition labelled {label} at {mnt} (fstab has it; "
                    f"layout has {labels})")
    return labels


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "image", "rpi-image-gen")
    top = os.path.abspath(top)
    if not os.path.isdir(os.path.join(top, "config")):
        print(f"check_rpi_image_gen: {top} has no config/", file=sys.stderr)
        return 1
    layers, configs, kiosk = {}, {}, None
    yamls = sorted(os.path.join(d, n) for d, _, ns in os.walk(top) for n in ns
                   if n.endswith((".yaml", ".yml")))
    for path in yamls:
        try:
            doc = yaml.safe_load(open(path, encoding="utf-8"))
        except yaml.YAMLError as e:
            problem(f"{path}: YAML does not parse: {e}")
            continue
        meta = metadata(path)
        if meta is not None:
            name, defaults = check_layer(path, meta)
            if name in layers:
                problem(f"{path}: layer name {name} also in {layers[name]}")
            layers[name] = path
            kdir = defaults.get("kioskdir", "")
            if kdir.startswith("${DIRECTORY}"):
                kiosk = os.path.normpath(kdir.replace("${DIRECTORY}", os.path.dirname(path)))
            check_mmdebstrap(path, doc, kiosk if "kioskdir" in defaults else None)
        elif os.path.relpath(path, top).startswith("config" + os.sep):
            if not isinstance(doc, dict):
                problem(f"{path}: a config file must be a mapping")
                continue
            configs[path] = doc
        else:
            problem(f"{path}: neither a layer (no # METABEGIN) nor under config/")
    if not layers or not configs:
        problem(f"{top}: no layers ({len(layers)}) or no configs ({len(configs)})")
    chosen = set()
    for path, doc in configs.items():
        inc = doc.get("include", {})
        for f in ([inc.get("file")] if isinstance(inc, dict) else list(inc)):
            if f and not os.path.isfile(os.path.join(os.path.dirname(path), f)):
                problem(f"{path}: includes {f}, which is not beside it")
        for sec in ("device", "image"):
            if isinstance(doc.get(sec), dict) and "layer" in doc[sec]:
                chosen.add(doc[sec]["layer"])
        lay = doc.get("layer", {})
        chosen.update(lay.values() if isinstance(lay, dict) else lay)
    for name in layers:
        if name not in chosen:
            problem(f"layer {name} ({layers[name]}) is selected by no config")
    # The kiosk files, the layout's labels and the kernel command line agree.
    fstab = {}
    if kiosk:
        fpath = os.path.join(kiosk, "etc", "fstab")
        for line in open(fpath):
            m = re.match(r"^LABEL=(\S+)\s+(\S+)\s", line)
            if m:
                fstab[m.group(1)] = m.group(2)
        if set(fstab.values()) != {"/", "/boot/firmware", "/var/lib/rehab-mirror"}:
            problem(f"{fpath}: expected the root, boot and data partitions by label, got {fstab}")
    else:
        problem("no layer declares a kioskdir default with ${DIRECTORY}")
    layouts = [os.path.dirname(p) for n, p in layers.items()
               if "X-Env-Layer-Provides" in (metadata(p) or {})
               and "image" in metadata(p)["X-Env-Layer-Provides"].split(",")]
    if len(layouts) != 1:
        problem(f"expected one image layout layer, found {layouts}")
    for d in layouts:
        check_layout(d, fstab)
    root_label = next((l for l, m in fstab.items() if m == "/"), None)
    app = layers.get("rehab-mirror")
    if app is None or root_label is None or kiosk is None:
        problem("no rehab-mirror layer, root label or kiosk directory to run the hooks with")
    else:
        run_plain_hooks(app, yaml.safe_load(open(app)), kiosk, root_label)
    if problems:
        print(f"check_rpi_image_gen: {len(problems)} problem(s) in {top}", file=sys.stderr)
        return 1
    print(f"check_rpi_image_gen: {len(yamls)} YAML files, layers {sorted(layers)}, "
          f"configs {sorted(os.path.basename(c) for c in configs)}: all consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
