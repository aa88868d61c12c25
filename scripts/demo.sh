#!/usr/bin/env bash
# The whole story on the demo course, from a fresh clone: installs what is missing, builds the
# grader, the course's images, the TorchSharp reference and the NuGet package folder C# submissions
# build against, then runs `grader demo`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh
dotnet publish grader -c Release -nologo -v quiet
bash scripts/images.sh demo
bash scripts/build-reference.sh
bash scripts/packages.sh
exec grader/bin/Release/publish/grader demo --course course.json "$@"
