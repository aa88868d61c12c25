# bench/run rush [JOBS] [CONCURRENCY] [INTAKE]: a deadline rush. JOBS students (default 300, a multiple of 12) push
# to local repositories while a `grader worker --concurrency C` process (default: the machine's cores) grades them in
# the busybox sandbox. INTAKE is how the pushes are queued: `every` (default) runs one `grader fetch --grade --every 1s`
# all along, as docs/DEPLOYMENT.md has a course run it; `timer` starts a new `grader fetch --grade` process for each
# batch, as a timer would. The pipeline and bare sandbox runs of the same job at the same concurrency take turns in
# four rounds (bare, pipeline, pipeline, bare, bare, pipeline, pipeline, bare), so that the machine's drift in speed
# meets both alike; in each pipeline round a quarter of the students push in three batches a second apart, and while
# the bare side runs, the worker and the intake are paused (SIGSTOP). Checks that no submission is lost or graded
# twice, then compares the pipeline's throughput (first claim to last result, summed over its rounds) with the bare
# side's. Both sides are warm, as a course's long-running worker and intake are when a rush comes: before anything is
# timed, the bare side runs 60 jobs, and 60 other students' pushes arrive in three batches and are graded. A profile
# line says where the difference goes (machine busy share, the bare side's, the intake's and the worker's CPU per
# job, the worker's cost over its start and first jobs, throughput while intake ran and after). Runs the published
# grader (dotnet publish, as the README deploys it). Needs the engine (scripts/prerequisites.sh). Every process it
# starts is stopped when it ends, fails or is interrupted: the benchmark runs in a process group of its own, which
# the trap ends.
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
  # A pipeline paused for a bare round (SIGSTOP) handles its SIGTERM once continued.
  kill -CONT -- "-$bench" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$bench" 2>/dev/null || return 0; sleep 1; done
  kill -KILL -- "-$bench" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
status=0
wait "$bench" || status=$?
exit "$status"
