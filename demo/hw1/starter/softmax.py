"""hw1: softmax, cross-entropy and its gradient, with numpy only.

The grader runs this file in a sandbox on hidden inputs:
  /data/inputs/logits.json  N x C nested list of numbers (some rows are huge: be numerically stable)
  /data/inputs/labels.json  N integer class labels
and compares what you write with the staff's reference (absolute tolerance 1e-5, 1e-4 for the gradient):
  /out/softmax.json         N x C nested list, each row sums to 1
  /out/cross_entropy.json   one number: the MEAN cross-entropy over the N rows
  /out/gradient.json        N x C nested list: d(mean cross-entropy) / d(logits)
Write plain JSON numbers only (no NaN: the check fails on it).
"""
import json

import numpy as np


def softmax(logits):
    # TODO: return exp(logits) / sum(exp(logits)) per row, without overflowing on large logits.
    raise NotImplementedError


def cross_entropy(logits, labels):
    # TODO: the mean over rows of -log softmax(logits)[label].
    raise NotImplementedError


def gradient(logits, labels):
    # TODO: the gradient of the mean cross-entropy with respect to the logits.
    raise NotImplementedError


def main():
    logits = np.array(json.load(open("/data/inputs/logits.json")), dtype=np.float64)
    labels = np.array(json.load(open("/data/inputs/labels.json")), dtype=np.int64)
    json.dump(softmax(logits).tolist(), open("/out/softmax.json", "w"))
    json.dump(float(cross_entropy(logits, labels)), open("/out/cross_entropy.json", "w"))
    json.dump(gradient(logits, labels).tolist(), open("/out/gradient.json", "w"))


if __name__ == "__main__":
    main()
