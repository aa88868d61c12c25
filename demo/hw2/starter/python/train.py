"""hw2 starter (PyTorch): train a classifier on Fashion-MNIST and predict the test images.

The grader runs `sh /submission/run.sh` in a sandbox: no network, 1 CPU, 1.5 GB of memory, 10 minutes.
  /data/fashion-mnist/   train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz
  /out/predictions.csv   REQUIRED: header "id,label", one row per test image (id = its index, 0-based)
  /out/metrics.jsonl     one JSON object of numbers per logged step, e.g.
                         {"step": 20, "epoch": 0, "loss": 0.93, "accuracy": 0.68, "device": "cpu"}
                         (optional "val_loss", "val_accuracy"; "device" is the one string: "cpu" or
                         "cuda"); the grader turns it into feedback: initial loss near ln(10) = 2.30,
                         loss going down, no NaN, above 10 %, and which device trained.
Your score is the accuracy of predictions.csv on the hidden test labels.

Usage: train.py [EPOCHS] [--device auto|cpu|cuda]   (auto: CUDA when torch finds a GPU, else the CPU)
"""
import argparse
import gzip
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = os.environ.get("DATA", "/data/fashion-mnist")
OUT = os.environ.get("OUT", "/out")
MEAN, STD = 0.2860, 0.3530


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def images(name):
    pixels = torch.from_numpy(read_idx(os.path.join(DATA, name)).copy()).float()
    return ((pixels / 255.0 - MEAN) / STD).unsqueeze(1)


class Model(nn.Module):
    # TODO: replace this softmax regression (about 84 %) by a LeNet: two 5x5 convolutions with
    # max-pooling, then 120 and 84 units, ReLU everywhere (about 89 % after 6 epochs).
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(28 * 28, 10)

    def forward(self, x):
        return self.linear(x.flatten(1))


def training_device(requested, parser):
    """auto: CUDA when torch finds a CUDA device, else the CPU; cuda without one is an error, not a silent CPU run."""
    if requested == "cuda" and not torch.cuda.is_available():
        parser.error("--device cuda: no CUDA device (torch.cuda.is_available() is false); use --device auto or cpu")
    if requested == "auto":
        requested = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(requested)


def main(epochs=3, batch_size=256, seed=0, device=torch.device("cpu")):
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    x, y = images("train-images-idx3-ubyte.gz"), torch.from_numpy(read_idx(os.path.join(DATA, "train-labels-idx1-ubyte.gz")).astype(np.int64))
    # Weights are drawn on the CPU, then moved: the same seed starts from the same weights on every device.
    x, y = x.to(device), y.to(device)
    print(f"device: {device.type}", flush=True)
    model = Model().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    step = 0
    with open(os.path.join(OUT, "metrics.jsonl"), "w") as log:
        for epoch in range(epochs):
            model.train()
            order = torch.randperm(len(x)).to(device)
            for start in range(0, len(x), batch_size):
                index = order[start:start + batch_size]
                logits = model(x[index])
                loss = F.cross_entropy(logits, y[index])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                step += 1
                if step == 1 or step % 20 == 0:
                    accuracy = (logits.argmax(1) == y[index]).float().mean().item()
                    log.write(json.dumps({"step": step, "epoch": epoch, "loss": loss.item(), "accuracy": accuracy, "device": device.type}) + "\n")
                    log.flush()
            print(f"epoch {epoch}: loss {loss.item():.3f}", flush=True)

    model.eval()
    test = images("t10k-images-idx3-ubyte.gz").to(device)
    with torch.no_grad(), open(os.path.join(OUT, "predictions.csv"), "w") as f:
        f.write("id,label\n")
        for start in range(0, len(test), 1000):  # in batches: 10,000 images at once need a lot of memory
            for i, label in enumerate(model(test[start:start + 1000]).argmax(1).tolist()):
                f.write(f"{start + i},{label}\n")


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description="hw2 starter: train on Fashion-MNIST, predict the test images")
    arguments.add_argument("epochs", nargs="?", type=int, default=3)
    arguments.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    options = arguments.parse_args()
    main(options.epochs, device=training_device(options.device, arguments))
