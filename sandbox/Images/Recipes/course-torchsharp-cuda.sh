# course-torchsharp-cuda: course-torchsharp (Debian 13 minbase) plus a CUDA LibTorch, for TorchSharp apps that
# ship none (scripts/build-reference.sh external). The LibTorch is the folder the course gives as
# Sandbox:LibTorchCuda (COURSE_LIBTORCH_CUDA here): the lib folder of a PyTorch CUDA install
# (site-packages/torch/lib; TorchSharp 0.107 runs on PyTorch 2.11's), copied with the CUDA libraries beside it
# (site-packages/nvidia) that its libraries find by relative paths, or the lib folder of a LibTorch CUDA
# archive, which carries them inside. The NVIDIA Container Toolkit adds the driver's own libraries when a run
# gets a GPU. A few GB.
given_folder COURSE_LIBTORCH_CUDA Sandbox:LibTorchCuda libtorch_cuda.so
LIBTORCH=/opt/torch/torch/lib
step 1/4 "debootstrap trixie"
debian_rootfs trixie
step 2/4 "CUDA LibTorch from $COURSE_LIBTORCH_CUDA"
mkdir -p "$ROOT$LIBTORCH"
cp -a "$COURSE_LIBTORCH_CUDA/." "$ROOT$LIBTORCH/"
if [ -d "$COURSE_LIBTORCH_CUDA/../../nvidia" ]; then
  cp -a "$COURSE_LIBTORCH_CUDA/../../nvidia" "$ROOT/opt/torch/nvidia"
fi
step 3/4 "sandbox layout"
sandbox_layout "$ROOT/app" "$ROOT/dotnet" "$ROOT/nuget"
step 4/4 "docker import"
import_rootfs "ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1" "ENV DOTNET_CLI_HOME=/tmp" "ENV NUGET_PACKAGES=/nuget" "$TORCH_MALLOC" \
  "ENV LD_LIBRARY_PATH=$LIBTORCH"
