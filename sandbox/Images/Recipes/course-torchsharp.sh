# course-torchsharp: Debian 13 (trixie) minbase, whose libstdc++ has the GLIBCXX_3.4.32 that
# LibTorch 2.10 needs (Debian 12's has not). Runs a self-contained TorchSharp app mounted
# read-only (the hw2 reference); C# submissions are built in course-dotnet instead. About 214 MB.
step 1/3 "debootstrap trixie"
debian_rootfs trixie
step 2/3 "sandbox layout"
sandbox_layout
step 3/3 "docker import"
# .NET needs no ICU this way (a self-contained app would otherwise look for it).
import_rootfs "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1" "$TORCH_MALLOC"
