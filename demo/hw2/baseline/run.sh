#!/bin/sh
# hw2 trivial baseline for calibration: ignores the images and predicts one class for every test
# image (Fashion-MNIST is balanced, so any single class is a majority class: 10 % accuracy).
# The number of test images is read from the IDX header (bytes 4-7, big-endian).
set -eu
count=$(gzip -dc /data/fashion-mnist/t10k-images-idx3-ubyte.gz | head -c 8 | od -An -tu1 -j4 | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
{ echo "id,label"; seq 0 $((count - 1)) | sed 's/$/,0/'; } > /out/predictions.csv
