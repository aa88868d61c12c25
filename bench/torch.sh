#!/usr/bin/env bash
# bench/run torch: one epoch of the same LeNet (Adam 1e-3, batch 256, 60,000 Fashion-MNIST images,
# one thread, 1 CPU) with TorchSharp in course-torchsharp versus PyTorch (Debian python3-torch,
# OpenBLAS) in course-python, both through `grader sandbox run`, in the same run. Only the training
# loop is timed on both sides. Last line: "torch: ratio R (...)", R = TorchSharp / PyTorch seconds.
# Needs: the grader built, scripts/build-reference.sh done, the Docker engine and the data set.
# BENCH_TORCHSHARP_IMAGE / BENCH_PYTHON_IMAGE override the image tags (else `grader images build`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
grader="${GRADER:-$root/grader/bin/Release/net10.0/grader}"
[ -x "$grader" ] || { dotnet build "$root/grader" -c Release -nologo -v quiet; }
data=/usr/share/datasets/fashion-mnist
bash "$root/scripts/build-reference.sh" >&2

image() { # newest local tag of a recipe, built if needed
  "$grader" images build "$1" >&2
  docker images --format '{{.Repository}}:{{.Tag}}' "$1" | head -1
}
torchsharp_image="${BENCH_TORCHSHARP_IMAGE:-$(image course-torchsharp)}"
python_image="${BENCH_PYTHON_IMAGE:-$(image course-python)}"

run() { # image mount-source command... -> prints the run's stdout tail
  local image="$1" source="$2"; shift 2
  local out; out="$(mktemp -d)"
  "$grader" sandbox run --image "$image" --cpus 1 --memory 1536m --timeout 10m --tmp 256m \
    --mount "$source:/submission" --mount "$data:/data/fashion-mnist" --out "$out/o" -- "$@" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["stdoutTail"]); sys.exit(0 if r["exitCode"]==0 else 1)'
  rm -rf "$out"
}

echo "TorchSharp ($torchsharp_image)..." >&2
ts_log="$(run "$torchsharp_image" "$root/demo/hw2/reference" /submission/bin/reference --model lenet --epochs 1 --validation 0 --test-limit 1000 --threads 1 --out /out)"
echo "$ts_log" >&2
echo "PyTorch ($python_image)..." >&2
py_log="$(run "$python_image" "$root/bench/torch" python3 /submission/lenet_epoch.py)"
echo "$py_log" >&2

ts=$(echo "$ts_log" | sed -n 's/^epoch 1\/1: .*, \([0-9.]*\) s$/\1/p')
py=$(echo "$py_log" | sed -n 's/^epoch_seconds: \([0-9.]*\).*/\1/p')
[ -n "$ts" ] && [ -n "$py" ] || { echo "torch: could not read the epoch times" >&2; exit 1; }
echo "TorchSharp epoch: ${ts} s, PyTorch epoch: ${py} s"
echo "torch: ratio $(python3 -c "print(f'{$ts / $py:.2f}')") (TorchSharp vs PyTorch, one LeNet epoch)"
