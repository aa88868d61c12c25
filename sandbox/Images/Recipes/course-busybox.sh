# course-busybox: busybox-static and its applets, a few MB, built in seconds. The tests' workhorse.
step 1/2 "busybox rootfs"
BUSYBOX=/bin/busybox
# A dynamic busybox names its loader (PT_INTERP, near the start); the image has no libc, so only busybox-static works.
if [ ! -x "$BUSYBOX" ] || head -c 4096 "$BUSYBOX" | grep -aq 'ld-linux'; then
  echo "busybox-static is missing: run scripts/prerequisites.sh" >&2; exit 1
fi
mkdir -p "$ROOT/bin"
cp "$BUSYBOX" "$ROOT/bin/busybox"
for applet in $("$ROOT/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$ROOT/bin/$applet"
done
sandbox_layout
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
step 2/2 "docker import"
import_rootfs
