"""hw1 trivial baseline for calibration: ignores the logits and answers "uniform".

A well-calibrated homework gives this (almost) no points.
"""
import json

with open("/data/inputs/logits.json") as f:
    logits = json.load(f)
classes = len(logits[0])
uniform = [[1.0 / classes] * classes for _ in logits]
json.dump(uniform, open("/out/softmax.json", "w"))
json.dump(2.302585092994046, open("/out/cross_entropy.json", "w"))
json.dump([[0.0] * classes for _ in logits], open("/out/gradient.json", "w"))
