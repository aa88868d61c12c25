#!/usr/bin/env bash
# Publishes the TorchSharp reference (assignments/Reference) self-contained for linux-x64 into
# demo/hw2/reference/bin, the folder course.json names as hw2's reference: the sandbox mounts it
# read-only at /submission and runs its run.sh, exactly like a student's submission.
# ~560 MB, a few seconds once the NuGet packages are cached (the first restore downloads ~720 MB).
# Usage: scripts/build-reference.sh [cpu|cuda|external]
#   cpu       LibTorch's CPU build inside the app (the course-torchsharp image)
#   cuda      TorchSharp-cuda-linux inside the app, from a registry that serves it (the course's offline one does not)
#   external  no LibTorch inside the app: the image's or machine's own, through LD_LIBRARY_PATH
#             (course-torchsharp-cuda copies the CUDA LibTorch the course gives it; about 70 MB)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
backend="${1:-cpu}"
case "$backend" in
  cpu|cuda|external) ;;
  *) echo "build-reference: unknown backend '$backend' (cpu, cuda or external)" >&2; exit 2 ;;
esac
out="$root/demo/hw2/reference/bin"
stamp="$out/.source-hash"
hash="$(cd "$root" && cat Directory.Packages.props Directory.Build.props assignments/Reference/Reference.csproj \
  $(find assignments/Reference assignments/Datasets -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sort) | sha256sum | cut -c1-16)-$backend"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && [ -x "$out/reference" ]; then
  echo "build-reference: up to date ($out)"
  exit 0
fi
rm -rf "$out"
dotnet publish "$root/assignments/Reference/Reference.csproj" -c Release -r linux-x64 --self-contained \
  -p:TorchBackend="$backend" -o "$out" -nologo -v quiet
echo "$hash" > "$stamp"
echo "build-reference: published to $out ($(du -sh "$out" | cut -f1))"
