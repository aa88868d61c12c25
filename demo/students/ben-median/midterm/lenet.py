"""Mid-term: this LeNet for Fashion-MNIST has SIX bugs. Find and fix them.

Keep the names and signatures of MEAN, STD, preprocess, LeNet (and its layer names), loss_fn,
train_step, predict and batches: hidden checks call each of them on its own, so every bug you
fix earns its point even if others remain. Run it yourself with `python3 lenet.py DATA_DIR`
(DATA_DIR holds Debian's dataset-fashion-mnist files); it should train to about 80 % in one epoch.
"""
import gzip
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN = 0.2860  # Fashion-MNIST training pixels scaled to [0, 1]
STD = 0.3530


def preprocess(images):
    """uint8 images N x 28 x 28 -> normalized float tensor N x 1 x 28 x 28."""
    return ((images.float() / 255.0 - MEAN) / STD).unsqueeze(1)


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)     # 28 -> 24, pooled to 12
        self.conv2 = nn.Conv2d(6, 16, 5)    # 12 -> 8, pooled to 4
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.dropout = nn.Dropout(0.25)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = self.dropout(F.relu(self.fc2(x)))
        return self.fc3(x)


def loss_fn(logits, labels):
    return F.cross_entropy(logits, labels)


def train_step(model, optimizer, images, labels):
    optimizer.zero_grad()
    loss = loss_fn(model(images), labels)
    loss.backward()
    optimizer.step()
    return loss.item()


def predict(model, images):
    return model(images)


def batches(images, labels, batch_size, generator):
    perm = torch.randperm(len(images), generator=generator)
    images, labels = images[perm], labels[torch.randperm(len(labels), generator=generator)]
    for start in range(0, len(images), batch_size):
        yield images[start:start + batch_size], labels[start:start + batch_size]


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return torch.from_numpy(np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims).copy())


def main(data="/data/fashion-mnist", out="/out", epochs=1, limit=20000):
    torch.manual_seed(0)
    images = preprocess(read_idx(os.path.join(data, "train-images-idx3-ubyte.gz"))[:limit])
    labels = read_idx(os.path.join(data, "train-labels-idx1-ubyte.gz"))[:limit].long()
    model = LeNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(0)
    for epoch in range(epochs):
        model.train()
        for step, (x, y) in enumerate(batches(images, labels, 128, generator)):
            loss = train_step(model, optimizer, x, y)
            if step % 50 == 0:
                print(f"epoch {epoch} step {step} loss {loss:.3f}", flush=True)
    test = preprocess(read_idx(os.path.join(data, "t10k-images-idx3-ubyte.gz")))
    with open(os.path.join(out, "predictions.csv"), "w") as f:
        f.write("id,label\n")
        for i, label in enumerate(predict(model, test).argmax(1).tolist()):
            f.write(f"{i},{label}\n")


if __name__ == "__main__":
    main(*sys.argv[1:2])
