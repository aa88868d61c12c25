# bench/run scale [STUDENTS] [MINUTES] [DATABASE]: a deadline rush of STUDENTS submissions (default 1000) in the
# last MINUTES (default 60) before a deadline, replayed over the job durations a demo run recorded (DATABASE,
# default the course.db that scripts/demo.sh leaves at the repository root) against 1 to 32 workers in a
# discrete-event model. Prints throughput and 95th-percentile wait per worker count, marks where more workers stop
# helping, and draws bench/scale.png.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet run --project "$here/Scale/Course.Bench.Scale.csproj" -c Release -- \
  "${3:-$here/../course.db}" "${1:-1000}" "${2:-60}" "$here/scale.png"
