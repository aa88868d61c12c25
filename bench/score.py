"""bench/run score, pandas side: read_csv of both files, align by id, accuracy (median of RUNS after a warm-up; RUNS 0: score once and exit)."""
import sys
import time

import pandas as pd


def once(solution, predictions):
    start = time.perf_counter()
    truth = pd.read_csv(solution)
    predicted = pd.read_csv(predictions)
    merged = truth.merge(predicted, on="id", suffixes=("_true", "_pred"), validate="one_to_one")
    accuracy = float((merged["label_true"] == merged["label_pred"]).mean())
    return time.perf_counter() - start, accuracy


solution, predictions, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
first, accuracy = once(solution, predictions)
if runs == 0:
    # One scoring in a fresh process: what a script calling pandas once pays (import included).
    print(f"accuracy {accuracy:.6f}")
    sys.exit(0)
times = sorted(once(solution, predictions)[0] for _ in range(runs))
print(f"pandas read_csv+merge+accuracy: first run {first:.3f} s, median {times[len(times) // 2]:.3f} s, accuracy {accuracy:.6f}")
print(f"median {times[len(times) // 2]:.6f}")
