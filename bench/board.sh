# bench/run board [TEAMS] [SECONDS] [READERS] [UPLOADERS]: board reads over HTTP on `grader serve`
# (GET /api/leaderboard, default 4 readers for 10 s) on a quiet server, then while UPLOADERS (default 2)
# post 10,000-row predictions files without pause; same server, same run. Prints reads per second and
# latencies of both, and the ratio busy/quiet. No Docker engine needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build "$here/../grader/Course.Grader.csproj" -c Release -v q -nologo >/dev/null
dotnet run --project "$here/Board/Course.Bench.Board.csproj" -c Release -- \
  "$here/../grader/bin/Release/net10.0/grader.dll" "${1:-50}" "${2:-10}" "${3:-4}" "${4:-2}"
