# bench/run rush [JOBS] [CONCURRENCY]: a deadline rush. JOBS students (default 300) push to local
# repositories; intake (grader fetch --grade, as a timer would run it) queues them in batches within
# the first minute while a `grader worker --concurrency C` process (default: the machine's cores) grades them
# in the busybox sandbox. Checks that no submission is lost or graded twice, then compares the
# pipeline's throughput (first claim to last result) with bare sandbox runs of the same job at the
# same concurrency, measured in the same run, before and after the pipeline (their mean). Needs the
# engine (scripts/prerequisites.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/../grader/Course.Grader.csproj" -c Release -v q -nologo >/dev/null
dotnet run --project "$here/Rush/Course.Bench.Rush.csproj" -c Release -- \
  "$here/../grader/bin/Release/net10.0/grader.dll" "${1:-300}" "${2:-$(nproc)}"
