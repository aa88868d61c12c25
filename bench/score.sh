# bench/run score [RUNS]: the host scorer (CsvHelper streaming reader + accuracy) versus pandas
# read_csv + merge on id + accuracy, on the same 1,000,000-row solution and predictions files, in
# the same run, measured two ways, each the median of RUNS (default 5):
# - in-process, after one warm-up (process start-up, JIT warm-up and `import pandas` excluded);
# - whole processes, as an instructor or a script runs them: `grader score` against a Python process
#   that imports pandas and scores once (start-up included on both sides). Printed last.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:-5}"
# Debian's pandas (the pyenv python3 on PATH may not have it).
py=/usr/bin/python3
if ! "$py" -c "import pandas" 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y python3-pandas >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" - "$work" <<'PY'
import random, sys
random.seed(2026)
folder = sys.argv[1]
with open(f"{folder}/solution.csv", "w") as s, open(f"{folder}/predictions.csv", "w") as p:
    s.write("id,label\n"); p.write("id,label\n")
    for i in range(1_000_000):
        label = random.randrange(10)
        s.write(f"{i},{label}\n")
        p.write(f"{i},{label if random.random() < 0.8 else (label + 1) % 10}\n")
PY
dotnet build "$here/Score/Course.Bench.Score.csproj" -c Release -v quiet -nologo >"$work/build.log" || { cat "$work/build.log"; exit 1; }
ours_out="$(dotnet "$here/Score/bin/Release/net10.0/Course.Bench.Score.dll" "$work/solution.csv" "$work/predictions.csv" "$runs")"
theirs_out="$("$py" "$here/score.py" "$work/solution.csv" "$work/predictions.csv" "$runs")"
echo "$ours_out" | head -1
echo "$theirs_out" | head -1
ours="$(echo "$ours_out" | awk '/^median/ {print $2}')"
theirs="$(echo "$theirs_out" | awk '/^median/ {print $2}')"
ratio="$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')"
echo "in-process: ratio $ratio (host scorer vs pandas read_csv+metric, 1M rows, after warm-up)"

# The grader as the README documents it: published, ReadyToRun (incremental: quick when up to date).
grader="$here/../grader/bin/Release/publish/grader"
dotnet publish "$here/../grader" -c Release -v quiet -nologo >"$work/build.log" || { cat "$work/build.log"; exit 1; }
# Median wall time in seconds of RUNS runs of a command, its output discarded.
whole() {
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N); echo $(( end - start ))
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.6f", t[int((NR + 1) / 2)] / 1e9 }'
}
ours_whole="$(whole "$grader" score --metric accuracy --solution "$work/solution.csv" --predictions "$work/predictions.csv")"
theirs_whole="$(whole "$py" "$here/score.py" "$work/solution.csv" "$work/predictions.csv" 0)"
echo "whole process: grader score $ours_whole s, python3 + pandas $theirs_whole s (median of $runs)"
ratio="$(awk -v a="$ours_whole" -v b="$theirs_whole" 'BEGIN { printf "%.2f", a / b }')"
echo "score: ratio $ratio (grader score vs python3 + pandas, whole processes, 1M rows)"
