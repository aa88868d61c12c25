#!/usr/bin/env bash
# bench/run gpu [--device cuda|cpu] [--batch-size 256] [--rounds 2]: TorchSharp versus PyTorch, one LeNet epoch
# each, A B A B, on a machine with an NVIDIA GPU and a PyTorch CUDA install but no Docker and no .NET. It runs
# from the bundle that bench/gpu/build-bundle.sh builds here (bench/gpu/bundle, under 64 MiB: take that folder
# along, or this checkout with it) and refuses with "no CUDA device" where there is none. See bench/gpu/run.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -x "$here/gpu/bundle/run.sh" ] || { echo "gpu: no bundle at $here/gpu/bundle: build it with bench/gpu/build-bundle.sh (needs the .NET SDK)" >&2; exit 1; }
exec bash "$here/gpu/bundle/run.sh" "$@"
