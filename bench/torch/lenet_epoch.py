"""PyTorch side of `bench/run torch` and `bench/run gpu`: one epoch of the reference's LeNet (same layers,
Adam 1e-3, batch 256, 60,000 Fashion-MNIST images, one thread, the loss read and correct answers counted
every step as the reference does). Prints `epoch_seconds: X` (the training loop only, as the TorchSharp side
reports it). Options: --device cpu|cuda (cpu), --data FOLDER (/data/fashion-mnist), --batch-size N (256)."""
import argparse
import gzip
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

arguments = argparse.ArgumentParser()
arguments.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
arguments.add_argument("--data", default="/data/fashion-mnist")
arguments.add_argument("--batch-size", type=int, default=256)
options = arguments.parse_args()
device = torch.device(options.device)
torch.set_num_threads(1)
torch.manual_seed(2026)


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    # torch only: a PyTorch install need not have NumPy.
    return torch.frombuffer(bytearray(data), dtype=torch.uint8, offset=4 + 4 * rank).reshape(dims)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


images = read_idx(os.path.join(options.data, "train-images-idx3-ubyte.gz")).float().div_(255).sub_(0.2860).div_(0.3530).unsqueeze(1).to(device)
labels = read_idx(os.path.join(options.data, "train-labels-idx1-ubyte.gz")).long().to(device)
model = LeNet().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
start = time.perf_counter()
order = torch.randperm(len(images))
loss_sum, correct = 0.0, 0
for i in range(0, len(images), options.batch_size):
    index = order[i:i + options.batch_size].to(device)
    logits = model(images[index])
    loss = F.cross_entropy(logits, labels[index])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    # The reference's loop reads the loss and counts correct answers every step (for its metrics log): so does this one.
    loss_sum += loss.item() * len(index)
    correct += (logits.argmax(1) == labels[index]).sum().item()
print(f"epoch_seconds: {time.perf_counter() - start:.3f}  (training loss {loss_sum / len(images):.3f}, accuracy {correct / len(images):.3f}, torch {torch.__version__})")
