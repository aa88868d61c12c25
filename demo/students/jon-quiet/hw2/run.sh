#!/bin/sh
# What the grader runs once it has built this project: hw2 builds every submission with a C# project at
# its root inside the sandbox (image course-dotnet, offline, against the course's packages) into
# /tmp/build, and a build error is reported with its file and line. /tmp cannot hold programs, so the
# built program runs through `dotnet`. Locally: `dotnet run -c Release` with DATA and OUT set
# (EPOCHS sets the number of epochs, 3 by default).
exec dotnet /tmp/build/starter.dll "$@"
