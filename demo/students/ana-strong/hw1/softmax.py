"""hw1 (Ana): numerically stable softmax, mean cross-entropy and its gradient.

Reads /data/inputs/logits.json (N x C nested list) and /data/inputs/labels.json (N ints),
writes /out/softmax.json, /out/cross_entropy.json and /out/gradient.json (see ../README.md).
"""
import json
import os

import numpy as np

INPUTS = os.environ.get("HW1_INPUTS", "/data/inputs")
OUT = os.environ.get("HW1_OUT", "/out")


def softmax(logits):
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def cross_entropy(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(labels)), labels].mean())


def gradient(logits, labels):
    grad = softmax(logits)
    grad[np.arange(len(labels)), labels] -= 1.0
    return grad / len(labels)


def main():
    with open(os.path.join(INPUTS, "logits.json")) as f:
        logits = np.array(json.load(f), dtype=np.float64)
    with open(os.path.join(INPUTS, "labels.json")) as f:
        labels = np.array(json.load(f), dtype=np.int64)
    outputs = {
        "softmax.json": softmax(logits).tolist(),
        "cross_entropy.json": cross_entropy(logits, labels),
        "gradient.json": gradient(logits, labels).tolist(),
    }
    for name, value in outputs.items():
        with open(os.path.join(OUT, name), "w") as f:
            json.dump(value, f)


if __name__ == "__main__":
    main()
