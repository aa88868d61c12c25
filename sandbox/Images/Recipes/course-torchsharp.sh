# course-torchsharp: Debian 13 (trixie) minbase, whose libstdc++ has the GLIBCXX_3.4.32 that
# LibTorch 2.10 needs (Debian 12's has not). Runs a self-contained TorchSharp app mounted
# read-only, or builds a student's C# project offline with the SDK at /dotnet and NuGet
# packages at /nuget, both mounted read-only (see sandbox/README.md). About 214 MB.
step 1/3 "debootstrap trixie"
debian_rootfs trixie
step 2/3 "sandbox layout"
sandbox_layout "$ROOT/app" "$ROOT/dotnet" "$ROOT/nuget"
step 3/3 "docker import"
# .NET needs no ICU and no home this way (invariant globalization, a CLI home in /tmp); NUGET_PACKAGES matters only when /nuget is mounted.
import_rootfs "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1" "ENV DOTNET_CLI_HOME=/tmp" "ENV NUGET_PACKAGES=/nuget" "$TORCH_MALLOC"
