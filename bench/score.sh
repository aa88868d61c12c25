# bench/run score [RUNS]: the host scorer (CsvHelper streaming reader + accuracy) versus pandas
# read_csv + merge on id + accuracy, on the same 1,000,000-row solution and predictions files, in
# the same run. Both sides: median of RUNS (default 5) after one warm-up, inside their own process
# (process start-up, JIT warm-up and `import pandas` are excluded on both sides).
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
echo "score: ratio $ratio (grader score vs pandas read_csv+metric, 1M rows)"
