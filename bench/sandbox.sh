# bench/run sandbox [RUNS]: per-job overhead of the sandbox runner (Docker.DotNet, full hardening,
# log tail and /out collection) versus `docker run --rm --network none course-busybox true`, and
# the parallel throughput of both on this machine's cores. Needs the engine (scripts/prerequisites.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet run --project "$here/Sandbox/Course.Bench.Sandbox.csproj" -c Release -- "${1:-20}"
