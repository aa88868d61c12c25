#!/usr/bin/env bash
# The GPU benchmark, run from its bundle (bench/gpu/build-bundle.sh) on a machine with an NVIDIA GPU, a
# PyTorch CUDA install as python3 (PYTHON overrides) and no .NET: one epoch of the reference's LeNet with
# TorchSharp (the bundle's reference, on the machine's own LibTorch: LD_LIBRARY_PATH is PyTorch's torch/lib)
# against the same network in PyTorch, same data, batch and seed, A B A B in the same run, each side a fresh
# process. Data: Fashion-MNIST from /usr/share/datasets/fashion-mnist when present, else 60,000 synthetic
# 28x28 images. Last line: "gpu: ratio R (TorchSharp vs PyTorch, one LeNet epoch)", R = TorchSharp / PyTorch
# seconds, summed over the rounds. Usage: run.sh [--device cuda|cpu] [--batch-size 256] [--rounds 2]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
device=cuda batch=256 rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --device) device="${2:-}"; shift 2 ;;
    --batch-size) batch="${2:-}"; shift 2 ;;
    --rounds) rounds="${2:-}"; shift 2 ;;
    *) echo "usage: bench/run gpu [--device cuda|cpu] [--batch-size 256] [--rounds 2]" >&2; exit 2 ;;
  esac
done
case "$device" in cuda|cpu) ;; *) echo "gpu: --device: '$device' is not cuda or cpu" >&2; exit 2 ;; esac
[[ "$batch" =~ ^[1-9][0-9]*$ ]] || { echo "gpu: --batch-size: '$batch' is not a positive integer" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "gpu: --rounds: '$rounds' is not a positive integer" >&2; exit 2; }
for part in dotnet-runtime.tar.xz reference/reference.dll lenet_epoch.py; do
  [ -e "$here/$part" ] || { echo "gpu: $here/$part is missing: build the bundle with bench/gpu/build-bundle.sh" >&2; exit 1; }
done

python="${PYTHON:-python3}"
if [ "$device" = cuda ] && ! ls /dev/nvidia[0-9]* >/dev/null 2>&1 && ! { command -v nvidia-smi >/dev/null && nvidia-smi -L 2>/dev/null | grep -q '^GPU'; }; then
  echo "gpu: no CUDA device: this machine shows no NVIDIA GPU (no /dev/nvidia0, nvidia-smi lists none); --device cpu runs the comparison on the CPU" >&2
  exit 1
fi
torch_lib="$("$python" -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null)" \
  || { echo "gpu: $python cannot import torch: install PyTorch (a CUDA build for --device cuda)" >&2; exit 1; }
if [ "$device" = cuda ] && ! "$python" -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)'; then
  echo "gpu: no CUDA device: torch.cuda.is_available() is false (a CPU-only PyTorch, or no driver); --device cpu runs the comparison on the CPU" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dotnet" "$work/out"
tar -xJf "$here/dotnet-runtime.tar.xz" -C "$work/dotnet"
export DOTNET_ROOT="$work/dotnet"

data=/usr/share/datasets/fashion-mnist
if [ ! -f "$data/train-images-idx3-ubyte.gz" ]; then
  data="$work/data"
  "$python" - "$data" <<'PY'
# 60,000 training and 1,000 test images in Fashion-MNIST's IDX layout, standard library only (a PyTorch install
# need not have NumPy): noise below 60, and each class lights its own 7x7 block.
import gzip, os, random, sys
folder, side = sys.argv[1], 28
os.makedirs(folder)
random.seed(2026)
noise = bytes(b * 60 // 256 for b in range(256))
light = bytes(min(b + 150, 255) for b in range(256))
def write(name, dims, data):
    with gzip.open(os.path.join(folder, name), "wb", compresslevel=1) as f:
        f.write(bytes([0, 0, 8, len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims) + data)
for prefix, count in (("train", 60000), ("t10k", 1000)):
    labels = bytes(random.randrange(10) for _ in range(count))
    images = bytearray(random.randbytes(count * side * side).translate(noise))
    for i, label in enumerate(labels):
        top, left = 7 * (label // 4) + 3, 7 * (label % 4)
        for row in range(top, top + 7):
            start = i * side * side + row * side + left
            images[start:start + 7] = images[start:start + 7].translate(light)
    write(f"{prefix}-images-idx3-ubyte.gz", [count, side, side], bytes(images))
    write(f"{prefix}-labels-idx1-ubyte.gz", [count], labels)
PYfi
echo "data: $data; device: $device; batch: $batch; torch: $("$python" -c 'import torch; print(torch.__version__)'); LibTorch: $torch_lib" >&2

torchsharp() {
  LD_LIBRARY_PATH="$torch_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$DOTNET_ROOT/dotnet" "$here/reference/reference.dll" \
    --model lenet --epochs 1 --validation 0 --test-limit 1000 --threads 1 --batch-size "$batch" --device "$device" \
    --data "$data" --out "$work/out" > "$work/ts.log" 2>&1 || { cat "$work/ts.log" >&2; echo "gpu: the TorchSharp run failed" >&2; exit 1; }
  grep -q "^device: $device " "$work/ts.log" || { cat "$work/ts.log" >&2; echo "gpu: TorchSharp did not train on $device" >&2; exit 1; }
  sed -n 's/^epoch 1\/1: .*, \([0-9.]*\) s$/\1/p' "$work/ts.log"
}
pytorch() {
  "$python" "$here/lenet_epoch.py" --device "$device" --data "$data" --batch-size "$batch" > "$work/py.log" 2>&1 \
    || { cat "$work/py.log" >&2; echo "gpu: the PyTorch run failed" >&2; exit 1; }
  sed -n 's/^epoch_seconds: \([0-9.]*\).*/\1/p' "$work/py.log"
}

ts_total=0 py_total=0
for round in $(seq 1 "$rounds"); do
  ts="$(torchsharp)"; py="$(pytorch)"
  [ -n "$ts" ] && [ -n "$py" ] || { echo "gpu: could not read the epoch times" >&2; exit 1; }
  echo "round $round: TorchSharp epoch ${ts} s, PyTorch epoch ${py} s"
  ts_total="$(python3 -c "print($ts_total + $ts)")"; py_total="$(python3 -c "print($py_total + $py)")"
done
where=""; [ "$device" = cpu ] && where=", on the CPU"
echo "gpu: ratio $(python3 -c "print(f'{$ts_total / $py_total:.2f}')") (TorchSharp vs PyTorch, one LeNet epoch$where)"
