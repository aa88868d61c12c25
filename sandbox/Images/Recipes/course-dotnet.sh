# course-dotnet: Debian 13 (trixie) minbase (LibTorch 2.10 needs its GLIBCXX_3.4.32) with the host's
# .NET SDK folder copied in, and the grader's build wrapper, course-dotnet-run. A C# submission runs as
# `course-dotnet-run COMMAND...`: the wrapper builds the project at /submission's root offline, against
# the course's package folder mounted read-only at /nuget, then runs COMMAND. The image is read-only in
# the sandbox, so a student cannot change the wrapper or its nuget.config. About 850 MB.
# HOST_DOTNET (the SDK folder, with its SDK and runtime versions in a comment) is set in a line the
# grader puts before this recipe, so a new SDK on the host changes the recipe hash and rebuilds the image.
: "${HOST_DOTNET:?the grader found no .NET SDK folder on this machine}"
[ -x "$HOST_DOTNET/dotnet" ] && [ -d "$HOST_DOTNET/sdk" ] || { echo "no .NET SDK in '$HOST_DOTNET'" >&2; exit 1; }
step 1/4 "debootstrap trixie"
debian_rootfs trixie
step 2/4 ".NET SDK from $HOST_DOTNET"
mkdir -p "$ROOT/usr/share/dotnet"
cp -a "$HOST_DOTNET/." "$ROOT/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$ROOT/usr/bin/dotnet"
step 3/4 "build wrapper"
sandbox_layout "$ROOT/nuget" "$ROOT/etc/course-dotnet"
# Only the course's package folder: <clear/> drops every other source, user-wide ones included.
cat > "$ROOT/etc/course-dotnet/nuget.config" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="course" value="/nuget" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="/nuget" />
  </config>
</configuration>
EOF
cat > "$ROOT/usr/local/bin/course-dotnet-run" <<'EOF'
#!/bin/sh
# course-dotnet-run COMMAND...: the grader's wrapper for a C# submission. Copies /submission (read-only)
# to /tmp/src, builds it offline into /tmp/build, then runs COMMAND. What the grader reads lies in
# /out/.build: status ("start MS", "end MS", "exit CODE", milliseconds since the epoch), errors.log
# (errors only, MSBuild's format) and build.log (the whole output). A failed build exits with 97.
# /tmp is noexec: the package natives are linked from /nuget (executable mounts) instead of copied, and
# the program runs as `dotnet /tmp/build/NAME.dll`.
set -u
report=/out/.build
mkdir -p "$report"
echo "start $(date +%s%3N)" > "$report/status"
# The copy's errors (a /tmp too small for the repository) land in the log the feedback shows, like the build's.
{
  mkdir /tmp/src && cp -R /submission/. /tmp/src/ && cd /tmp/src &&
  dotnet build -c Release -o /tmp/build -nologo -nodeReuse:false \
    --source /nuget --configfile /etc/course-dotnet/nuget.config \
    -p:RestorePackagesPath=/nuget -p:RestoreAdditionalProjectSources= -p:RestoreAdditionalProjectFallbackFolders= \
    -p:NuGetAudit=false -p:UseSharedCompilation=false -p:CreateSymbolicLinksForCopyLocalIfPossible=true \
    "-flp1:logfile=$report/errors.log;errorsonly;encoding=utf-8"
} > "$report/build.log" 2>&1
code=$?
{ echo "end $(date +%s%3N)"; echo "exit $code"; } >> "$report/status"
if [ "$code" -ne 0 ]; then
  echo "course-dotnet-run: the build failed (exit code $code); its errors are in the feedback" >&2
  exit 97
fi
exec "$@"
EOF
chmod 755 "$ROOT/usr/local/bin/course-dotnet-run"
chmod 644 "$ROOT/etc/course-dotnet/nuget.config"
step 4/4 "docker import"
# No ICU (invariant globalization), a home for the CLI's first-run files, the package folder, and no
# telemetry or banners. The malloc setting keeps LibTorch epochs steady (see common.sh).
import_rootfs "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1" "ENV DOTNET_CLI_HOME=/tmp" "ENV NUGET_PACKAGES=/nuget" \
  "ENV DOTNET_ROOT=/usr/share/dotnet" "ENV DOTNET_CLI_TELEMETRY_OPTOUT=1" "ENV DOTNET_NOLOGO=1" \
  "ENV DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1" "ENV DOTNET_SKIP_WORKLOAD_INTEGRITY_CHECK=1" "ENV MSBUILDDISABLENODEREUSE=1" \
  "$TORCH_MALLOC"
