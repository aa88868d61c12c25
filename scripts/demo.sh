#!/usr/bin/env bash
# The whole story on the demo course, from a fresh clone: installs what is missing, builds the
# grader and the course's images, then runs `grader demo`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh
dotnet build grader -c Release -nologo -v quiet
bash scripts/images.sh demo
bash scripts/build-reference.sh
exec grader/bin/Release/net10.0/grader demo --course course.json "$@"
