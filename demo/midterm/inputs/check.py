"""Hidden checks of the mid-term debug assignment (mounted read-only at /data/inputs).

Imports the submission's /submission/lenet.py and exercises each function on its own with
fixed inputs, writing what it returns to /out/<check>.json as plain JSON numbers. It computes
no score and decides nothing: the grader compares these files, on the host, with the same files
produced by the staff reference (demo/midterm/reference) under the same checks. A check that
raises writes no file (and so fails); the others still run.
"""
import importlib.util
import json
import os
import sys
import traceback

import torch
import torch.nn as nn
import torch.nn.functional as F

SUBMISSION = os.environ.get("MIDTERM_SUBMISSION", "/submission/lenet.py")
OUT = os.environ.get("MIDTERM_OUT", "/out")
MEAN, STD = 0.2860, 0.3530


def load_submission():
    spec = importlib.util.spec_from_file_location("lenet", SUBMISSION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fixed_images(n, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, 256, (n, 28, 28), generator=g, dtype=torch.uint8)


def normalized(n, seed):
    # The checks after the first use the correct normalization, so bug 1 cannot spill into them.
    return ((fixed_images(n, seed).float() / 255.0 - MEAN) / STD).unsqueeze(1)


def numbers(tensor):
    return [round(float(v), 7) for v in tensor.detach().flatten().tolist()]


def check_normalization(lenet):
    out = lenet.preprocess(fixed_images(4, 1))
    return [float(out.mean()), float(out.std()), float(out.min()), float(out.max())] + list(out.shape)


def check_zero_grad(lenet):
    torch.manual_seed(2)
    model = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    images, labels = normalized(16, 2), torch.arange(16) % 10
    lenet.loss_fn = F.cross_entropy  # isolate this check from the loss bug
    for _ in range(3):
        lenet.train_step(model, optimizer, images, labels)
    weight, bias = model[1].weight, model[1].bias
    return [float(weight.sum()), float(weight.abs().sum())] + numbers(bias)


def check_loss(lenet):
    g = torch.Generator().manual_seed(3)
    logits = torch.randn(8, 10, generator=g) * 3
    labels = torch.randint(0, 10, (8,), generator=g)
    return [float(lenet.loss_fn(logits, labels))]


def check_flatten(lenet):
    model = lenet.LeNet()
    g = torch.Generator().manual_seed(4)
    with torch.no_grad():
        for _, parameter in sorted(model.named_parameters()):
            parameter.copy_(torch.randn(parameter.shape, generator=g) * 0.1)
    model.eval()
    with torch.no_grad():
        return numbers(model(normalized(4, 4)))


def check_eval(lenet):
    torch.manual_seed(5)
    model = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 64), nn.ReLU(), nn.Dropout(0.5), nn.Linear(64, 10))
    model.train()
    torch.manual_seed(6)  # same dropout masks for every submission that (wrongly) keeps dropout on
    out = lenet.predict(model, normalized(4, 5))
    return numbers(out) + [float(out.requires_grad)]


def check_shuffle(lenet):
    n = 50
    images = torch.arange(n, dtype=torch.float32).view(n, 1, 1, 1).expand(n, 1, 28, 28).clone()
    labels = torch.arange(n) % 10
    g = torch.Generator().manual_seed(7)
    matched = seen = 0
    for x, y in lenet.batches(images, labels, 16, g):
        ids = x[:, 0, 0, 0].long()
        matched += int((ids % 10 == y).sum())
        seen += len(y)
    return [matched / max(seen, 1), seen]


CHECKS = [
    ("normalization", check_normalization),
    ("zero-grad", check_zero_grad),
    ("loss", check_loss),
    ("flatten", check_flatten),
    ("eval-mode", check_eval),
    ("shuffle", check_shuffle),
]


def main():
    torch.set_num_threads(1)
    failed = 0
    for name, check in CHECKS:
        try:
            # A fresh import per check: one check's monkey-patching or state cannot leak into the next.
            result = check(load_submission())
            with open(os.path.join(OUT, name + ".json"), "w") as f:
                json.dump(result, f, allow_nan=False)
            print(f"{name}: ran")
        except Exception:
            failed += 1
            print(f"{name}: raised", file=sys.stderr)
            traceback.print_exc()
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks ran")


if __name__ == "__main__":
    main()
