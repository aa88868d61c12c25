"""PyTorch side of `bench/run torch`: one epoch of the reference's LeNet (same layers, Adam 1e-3,
batch 256, 60,000 Fashion-MNIST images, one thread, the loss read and correct answers counted every
step as the reference does). Prints `epoch_seconds: X` (the training loop only, as the TorchSharp side
reports it)."""
import gzip
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(2026)


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


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


images = torch.from_numpy(read_idx("/data/fashion-mnist/train-images-idx3-ubyte.gz").copy()).float().div_(255).sub_(0.2860).div_(0.3530).unsqueeze(1)
labels = torch.from_numpy(read_idx("/data/fashion-mnist/train-labels-idx1-ubyte.gz").astype(np.int64))
model = LeNet()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
start = time.perf_counter()
order = torch.randperm(len(images))
loss_sum, correct = 0.0, 0
for i in range(0, len(images), 256):
    index = order[i:i + 256]
    logits = model(images[index])
    loss = F.cross_entropy(logits, labels[index])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    # The reference's loop reads the loss and counts correct answers every step (for its metrics log): so does this one.
    loss_sum += loss.item() * len(index)
    correct += (logits.argmax(1) == labels[index]).sum().item()
print(f"epoch_seconds: {time.perf_counter() - start:.3f}  (training loss {loss_sum / len(images):.3f}, accuracy {correct / len(images):.3f}, torch {torch.__version__})")
