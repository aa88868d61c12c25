#!/usr/bin/env bash
# Fills the course's NuGet package folder, which C# submissions build against offline (course.json:
# an assignment's build.packages; the sandbox mounts it read-only at /nuget): every package the C#
# starter (demo/hw2/starter/csharp) restores for linux-x64, i.e. TorchSharp 0.107.0,
# libtorch-cpu-linux-x64 2.10.0 and their dependencies, about 720 MB.
# Packages this machine's NuGet cache already holds are hard-linked from it (copied across file
# systems); the rest are downloaded into that cache first. Then the folder must restore the starter
# on its own, offline, as the sandbox will. Idempotent: nothing to do when the starter's project is
# unchanged since the last fill.
# Usage: scripts/packages.sh [FOLDER]   (default: packages/ beside course.json, ignored by git)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
folder="$(realpath -m "${1:-$root/packages}")"
starter="$root/demo/hw2/starter/csharp"
stamp="$folder/.course-packages"
hash="$(cat "$starter"/*.csproj "$starter"/Directory.*.props 2>/dev/null | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  echo "packages: up to date ($folder)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The project files are all a restore needs; a folder of its own keeps obj/ out of the repository.
cp "$starter"/*.csproj "$work/"
cp "$starter"/Directory.*.props "$work/" 2>/dev/null || true
cache="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
cache="${cache%/}"
[ -n "$cache" ] || { echo "packages: dotnet did not name its global packages folder" >&2; exit 1; }

echo "packages: restoring the starter into this machine's cache ($cache)"
dotnet restore "$work" -nologo -v quiet
mkdir -p "$folder"
python3 - "$work/obj/project.assets.json" <<'PY' > "$work/closure"
import json, sys
for library in json.load(open(sys.argv[1]))["libraries"].values():
    if library.get("type") == "package":
        print(library["path"])
PY
while read -r package; do
  [ -d "$folder/$package" ] && continue
  mkdir -p "$folder/$(dirname "$package")"
  cp -al "$cache/$package" "$folder/$package" 2>/dev/null || cp -a "$cache/$package" "$folder/$package"
  echo "packages: + $package"
done < "$work/closure"

echo "packages: checking that the folder alone restores the starter, offline"
rm -rf "$work/obj"
cat > "$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="course" value="$folder" />
  </packageSources>
</configuration>
EOF
NUGET_PACKAGES="$folder" dotnet restore "$work" -nologo -v quiet --configfile "$work/nuget.config" --source "$folder" \
  -p:NuGetAudit=false
# The sandbox reads it as user 65534 (hard links share their modes with the cache: only read bits are added).
chmod -R a+rX "$folder" 2>/dev/null || true
echo "$hash" > "$stamp"
echo "packages: ready in $folder ($(du -sh "$folder" | cut -f1))"
