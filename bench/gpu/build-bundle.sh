#!/usr/bin/env bash
# Builds what `bench/run gpu` takes to a GPU machine that has no .NET (and no network), into bench/gpu/bundle/
# (ignored by git, under 64 MiB):
#   dotnet-runtime.tar.xz  the .NET runtime from this SDK: dotnet, host/fxr, shared/Microsoft.NETCore.App
#   reference/             the TorchSharp reference, framework-dependent, linux-x64 only, WITHOUT LibTorch
#                          (TorchBackend=external): it runs on the machine's own, PyTorch's torch/lib
#   run.sh, lenet_epoch.py the benchmark itself (see run.sh)
# Skipped when the sources are unchanged. Usage: bench/gpu/build-bundle.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$here/bundle"
limit=$((64 * 1024 * 1024))
stamp="$bundle/.source-hash"
hash="$(cd "$root" && cat Directory.Packages.props Directory.Build.props assignments/Reference/Reference.csproj bench/gpu/build-bundle.sh \
  bench/gpu/run.sh bench/torch/lenet_epoch.py \
  $(find assignments/Reference assignments/Datasets -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | sort) | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  echo "build-bundle: up to date ($bundle, $(du -sh "$bundle" | cut -f1))"
  exit 0
fi

sdk="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls -d "$sdk"/shared/Microsoft.NETCore.App/10.* 2>/dev/null | sort -V | tail -n 1)"
[ -n "$runtime" ] || { echo "build-bundle: no .NET 10 runtime under $sdk/shared/Microsoft.NETCore.App" >&2; exit 1; }

rm -rf "$bundle"
mkdir -p "$bundle"
dotnet publish "$root/assignments/Reference/Reference.csproj" -c Release -r linux-x64 --self-contained false \
  -p:TorchBackend=external -o "$bundle/reference" -nologo -v quiet
# The machine's LibTorch must be the one that loads: nothing of LibTorch may travel.
if ls "$bundle/reference" | grep -E '^lib(torch|c10)' >/dev/null; then
  echo "build-bundle: the publish contains LibTorch libraries: $(ls "$bundle/reference" | grep -E '^lib(torch|c10)' | tr '\n' ' ')" >&2
  exit 1
fi
[ -f "$bundle/reference/libLibTorchSharp.so" ] || { echo "build-bundle: libLibTorchSharp.so is missing from the publish" >&2; exit 1; }

tar -C "$sdk" -cf - dotnet host/fxr "shared/Microsoft.NETCore.App/$(basename "$runtime")" | xz -T0 -6 > "$bundle/dotnet-runtime.tar.xz"
cp "$here/run.sh" "$bundle/run.sh"
cp "$root/bench/torch/lenet_epoch.py" "$bundle/lenet_epoch.py"

size=$(du -sb "$bundle" | cut -f1)
if [ "$size" -ge "$limit" ]; then
  echo "build-bundle: $bundle is $((size / 1024 / 1024)) MiB, over 64 MiB" >&2
  exit 1
fi
echo "$hash" > "$stamp"
echo "build-bundle: $bundle ($((size / 1024 / 1024)) MiB: .NET $(basename "$runtime") runtime, reference without LibTorch)"
