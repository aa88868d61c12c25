# course-python: Debian 12 with PyTorch from Debian (python3-torch 1.13), NumPy and OpenBLAS
# (the reference BLAS is 2.5x slower). About 1.3 GB, a few minutes.
step 1/3 "debootstrap bookworm + python3-torch python3-numpy libopenblas0-pthread"
debian_rootfs bookworm python3-torch python3-numpy libopenblas0-pthread
step 2/3 "sandbox layout"
sandbox_layout
step 3/3 "docker import"
import_rootfs "$TORCH_MALLOC"
