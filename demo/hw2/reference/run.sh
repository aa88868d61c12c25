#!/bin/sh
# The staff's reference for hw2, run by the sandbox exactly like a student's submission:
# /submission is this folder (read-only), the data set is at /data/fashion-mnist, outputs go to /out.
# bin/ is built by scripts/build-reference.sh (the TorchSharp program in assignments/Reference).
exec /submission/bin/reference --model lenet --epochs 6 --data /data/fashion-mnist --out /out "$@"
