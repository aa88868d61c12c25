# bench/run rush [JOBS] [CONCURRENCY] [INTAKE]: a deadline rush. JOBS students (default 300) push to local
# repositories in batches of 60 while a `grader worker --concurrency C` process (default: the machine's cores) grades
# them in the busybox sandbox. INTAKE is how the pushes are queued: `every` (default) runs one
# `grader fetch --grade --every 1s` all along, as docs/DEPLOYMENT.md has a course run it, and the batches arrive 2 s
# apart; `timer` starts a new `grader fetch --grade` process for each batch, as a timer would. Checks that no
# submission is lost or graded twice, then compares the pipeline's throughput (first claim to last result) with bare
# sandbox runs of the same job at the same concurrency, measured in the same run, before and after the pipeline
# (their mean). Both sides are warm, as a course's long-running worker is when a rush comes: before anything is
# timed, the bare side runs 60 jobs and the worker grades 60 other students' pushes. A profile line says where the
# difference goes (machine busy share, intake and worker CPU per job, the worker's cost over its start and first
# jobs, throughput while intake ran and after). Runs the published grader (dotnet publish, as the README deploys
# it). Needs the engine (scripts/prerequisites.sh). Every process it starts is stopped when it ends, fails or is
# interrupted: the benchmark runs in a process group of its own, which the trap ends.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The grader as the README deploys it: published, precompiled (ReadyToRun); each intake round is a fresh process.
dotnet publish "$here/../grader/Course.Grader.csproj" -c Release -v q -nologo -clp:NoSummary
dotnet build "$here/Rush/Course.Bench.Rush.csproj" -c Release -v q -nologo -clp:NoSummary
setsid dotnet "$here/Rush/bin/Release/net10.0/Course.Bench.Rush.dll" \
  "$here/../grader/bin/Release/publish/grader.dll" "${1:-300}" "${2:-$(nproc)}" "${3:-every}" &
bench=$!
stop() {
  # The group's leader may be gone while its worker still runs: signal the whole group, then make sure.
  kill -TERM -- "-$bench" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 -- "-$bench" 2>/dev/null || return 0; sleep 1; done
  kill -KILL -- "-$bench" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
status=0
wait "$bench" || status=$?
exit "$status"
