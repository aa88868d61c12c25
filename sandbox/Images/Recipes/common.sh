# Shared by every recipe (prepended to it; part of its hash). Arguments: IMAGE HASH.
# Runs on the host as root: only our own recipe runs here, never anything a student wrote.
set -euo pipefail
IMAGE="$1"
HASH="$2"
WORK="$(mktemp -d)"
ROOT="$WORK/rootfs"
mkdir -p "$ROOT"

cleanup() {
  for m in proc sys dev; do mountpoint -q "$ROOT/$m" 2>/dev/null && umount -l "$ROOT/$m" || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Progress lines the builder shows: "STEP n/m what".
step() { echo "STEP $*"; }

# The Debian mirror of this machine's apt sources (deb822 or one-line), unless COURSE_DEBIAN_MIRROR says.
debian_mirror() {
  if [ -n "${COURSE_DEBIAN_MIRROR:-}" ]; then echo "$COURSE_DEBIAN_MIRROR"; return; fi
  local found
  found="$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }';
              cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }';
            } | grep -v -- '-security' | head -n 1 || true)"
  echo "${found:-http://deb.debian.org/debian}"
}

# debootstrap SUITE, then apt-get install PACKAGES... inside it (with the host's DNS for apt).
debian_rootfs() {
  local suite="$1"; shift
  local mirror; mirror="$(debian_mirror)"
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: run scripts/prerequisites.sh" >&2; exit 1; }
  debootstrap --variant=minbase "$suite" "$ROOT" "$mirror"
  if [ "$#" -gt 0 ]; then
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
    mount -t proc proc "$ROOT/proc"
    chroot "$ROOT" apt-get update -qq
    chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
    chroot "$ROOT" apt-get clean
    umount "$ROOT/proc"
    : > "$ROOT/etc/resolv.conf"
  fi
  rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/log/* "$ROOT"/tmp/*
}

# The folders docs/ARCHITECTURE.md promises inside a container; /out belongs to the sandbox user (65534).
sandbox_layout() {
  mkdir -p "$ROOT"/{out,submission,data,tmp,proc,sys,dev,etc} "$@"
  chown 65534:65534 "$ROOT/out"
  chmod 1777 "$ROOT/tmp"
}

# For images that train with LibTorch (TorchSharp or PyTorch): a fixed glibc malloc mmap threshold keeps
# per-step buffers (up to 64 MiB) on the heap. With glibc's adaptive threshold they can stay mmap'd, and
# every training step maps, faults in and unmaps them again: a LeNet epoch then takes 5 to 18 s from one
# process to the next instead of a steady 5 s (bench/run torch saw it on both sides).
TORCH_MALLOC="ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=134217728"

# Imports the root file system as IMAGE:HASH (label course.recipe=HASH) and tags it latest.
# Arguments are extra Dockerfile instructions for the image (e.g. "ENV NAME=value").
import_rootfs() {
  local changes=(--change "LABEL course.recipe=$HASH" --change 'USER 65534:65534' --change 'WORKDIR /tmp'
                 --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  local extra
  for extra in "$@"; do changes+=(--change "$extra"); done
  tar --numeric-owner -C "$ROOT" -c . | docker import "${changes[@]}" - "$IMAGE:$HASH" >/dev/null
  docker tag "$IMAGE:$HASH" "$IMAGE:latest"
}
