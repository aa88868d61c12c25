#!/usr/bin/env bash
# Runs the whole test suite: prerequisites (Docker engine, data set, SMTP, PostgreSQL, Chromium), the
# images the tests use, the demo's TorchSharp reference (its calibration is a test) and the course's
# NuGet package folder (C# submissions build against it), then every test project. Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh
dotnet build Course.sln -c Release -nologo -v quiet
bash scripts/images.sh test
bash scripts/build-reference.sh
bash scripts/packages.sh

results=$(mktemp -d)
status=0
dotnet test Course.sln -c Release --no-build --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=minimal" || status=$?

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(trx).getroot().find(".//{*}Counters")
    passed += int(counters.get("passed", 0)); failed += int(counters.get("failed", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
