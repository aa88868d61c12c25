#!/usr/bin/env bash
# Builds the sandbox images a purpose needs, through `grader images build` (cached by recipe hash).
#   test: what the test suite needs     demo: what the demo course needs
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-demo}
case "$purpose" in
  test) images=(course-busybox course-python course-torchsharp course-dotnet) ;;
  demo) images=(course-busybox course-python course-torchsharp course-dotnet) ;;
  *) echo "images.sh: unknown purpose '$purpose' (test or demo)" >&2; exit 2 ;;
esac
grader=grader/bin/Release/net10.0/grader
[ -x "$grader" ] || dotnet build grader -c Release -nologo -v quiet
for image in "${images[@]}"; do
  "$grader" images build "$image"
done
