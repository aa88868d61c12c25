#!/bin/sh
# What the grader runs (image course-torchsharp): builds this project offline inside the sandbox,
# then runs it. The sandbox must provide the .NET SDK (DOTNET_ROOT), the NuGet package cache read-only
# at /nuget with NUGET_PACKAGES=/nuget, DOTNET_CLI_HOME=/tmp, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1,
# and an executable /tmp (see ../README.md). Locally: `dotnet run -c Release` with DATA and OUT set.
set -eu
cp -r /submission /tmp/src
cd /tmp/src
dotnet build -c Release -o /tmp/build -p:SANDBOX=1 -p:CreateSymbolicLinksForCopyLocalIfPossible=true --source /nuget -nologo -v q
exec /tmp/build/starter "$@"
