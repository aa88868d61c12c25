# course-python-cuda: Debian 13 (trixie) with Python 3.13, NumPy and OpenBLAS from Debian, and PyTorch for CUDA
# installed offline from the folder of wheels the course gives as Sandbox:PyTorchCuda (COURSE_PYTORCH_CUDA here):
# torch for cp313 and everything it depends on (the nvidia-* CUDA libraries among them), as
# `pip download torch --python-version 3.13 --only-binary=:all: --platform manylinux_2_28_x86_64 -d DIR`
# writes them from PyTorch's CUDA package index. The NVIDIA Container Toolkit adds the driver's own libraries
# when a run gets a GPU. A few GB.
given_folder COURSE_PYTORCH_CUDA Sandbox:PyTorchCuda 'torch-*-cp313-*.whl'
step 1/4 "debootstrap trixie + python3 python3-numpy python3-pip libopenblas0-pthread"
debian_rootfs trixie python3 python3-numpy python3-pip libopenblas0-pthread
step 2/4 "PyTorch from the wheels in $COURSE_PYTORCH_CUDA"
mkdir -p "$ROOT/tmp/wheels"
cp "$COURSE_PYTORCH_CUDA"/*.whl "$ROOT/tmp/wheels/"
mount -t proc proc "$ROOT/proc"
chroot "$ROOT" python3 -m pip install --no-index --find-links /tmp/wheels --no-cache-dir --break-system-packages \
  --root-user-action=ignore --no-warn-script-location torch
chroot "$ROOT" python3 -c 'import torch; print("torch", torch.__version__, "for CUDA", torch.version.cuda)'
umount "$ROOT/proc"
rm -rf "$ROOT/tmp/wheels"
step 3/4 "sandbox layout"
sandbox_layout
step 4/4 "docker import"
import_rootfs "$TORCH_MALLOC"
