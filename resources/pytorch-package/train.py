#!/usr/bin/env python3
"""Train the model further (or from scratch) with PyTorch and write a Backprop Studio model file.

    python3 train.py TRAIN.csv --epochs N --out MODEL.json [--model model.json] [--from-scratch]
                     [--refit-preprocessing] [--device cpu|cuda] [--seed S]
    torchrun --nproc_per_node K train.py TRAIN.csv --epochs N --out MODEL.json     # data-parallel (DDP)

From Python: train_model(model_file, "train.csv", epochs=5) returns the new model file as a dict.
"""
import argparse
import copy
import math
import os
import signal
import sys
import time
from datetime import datetime, timezone

import numpy as np
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data.distributed import DistributedSampler

import data as datamod
import losses
import optim
import preprocess
from model import Dense, Network

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN_METRIC_SAMPLE = 4096


def evaluate(net, x, device, chunk=65536):
    """The network's outputs (numpy float32) in eval mode, in chunks."""
    was_training = net.training
    net.eval()
    with torch.no_grad():
        out = [net(torch.from_numpy(x[i:i + chunk]).to(device)).cpu().numpy() for i in range(0, len(x), chunk)]
    net.train(was_training)
    return np.concatenate(out) if out else np.zeros((0, net.outputs), dtype=np.float32)


def distributed(device):
    """(rank, world size) under torchrun (the process group started: NCCL for cuda, else gloo), else (0, 1)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world > 1 and not dist.is_initialized():
        dist.init_process_group("nccl" if device == "cuda" else "gloo")
    return (dist.get_rank(), dist.get_world_size()) if world > 1 else (0, 1)


class Run:
    """One training run: the network, its optimizer and the training rows on the device."""

    def __init__(self, spec, net, x_train, y_train, dev, rank, world, seed, weights=None):
        self.spec, self.cfg, self.net, self.dev = spec, spec["training"], net, dev
        self.weights = None if weights is None else torch.tensor(weights, dtype=torch.float32, device=dev)
        self.caller = _Wrapped(DistributedDataParallel(net), net) if world > 1 else net
        self.params = list(net.parameters())
        self.optimizer = optim.Optimizer(self.cfg["optimizer"], self.params)
        self.dense = [l for l in net.layers if isinstance(l, Dense)]
        self.trained = [list(l.parameters()) for l in net.layers if list(l.parameters())]
        self.loss_name, self.delta = spec["loss"], float(spec.get("huberDelta", 1))
        rows = len(y_train)
        # the spec's batch is the batch of all processes together; each takes its share
        self.batch = max(1, math.ceil(min(int(self.cfg["batchSize"]), rows) / world))
        shuffle = bool(self.cfg["shuffle"])
        self.sampler = DistributedSampler(range(rows), num_replicas=world, rank=rank, shuffle=shuffle, seed=seed)
        self.x, self.y = torch.from_numpy(x_train).to(dev), torch.from_numpy(y_train).to(dev)
        self.world = world

    def epoch(self, e, lr, is_class):
        """One epoch of mini-batch steps; (loss sum, correct, rows) over every process, squared grad norms, steps."""
        self.sampler.set_epoch(e)
        order = torch.tensor(list(self.sampler), dtype=torch.long, device=self.dev)
        sums = torch.zeros(3, dtype=torch.float64, device=self.dev)
        grad_sums = torch.zeros(len(self.trained), dtype=torch.float64, device=self.dev)
        steps = 0
        for start in range(0, len(order), self.batch):
            idx = order[start:start + self.batch]
            xb, yb = self.x[idx], self.y[idx]
            for p in self.params:
                p.grad = None
            loss, reported, out = losses.batch_loss(self.loss_name, self.caller, xb, yb, self.delta, self.weights)
            loss.backward()
            optim.penalize_and_clip(self.dense, self.params, self.cfg["optimizer"].get("clipNorm"))
            with torch.no_grad():
                for i, params in enumerate(self.trained):
                    grad_sums[i] += sum((p.grad.double() ** 2).sum() for p in params if p.grad is not None)
                self.optimizer.step(lr)
                sums[0] += reported.double() * len(idx)
                sums[2] += len(idx)
                if is_class:
                    predicted = (out[:, 0] >= 0.5).long() if out.shape[1] == 1 else out.argmax(dim=1)
                    sums[1] += (predicted == yb.long()).sum()
            steps += 1
        if self.world > 1:
            dist.all_reduce(sums)
        return sums, grad_sums, steps


def train_model(model_file, train_csv, *, epochs, from_scratch=False, refit_preprocessing=False, device="cpu",
                seed=None, on_epoch=None, log=None):
    """Train `model_file` (a dict) on a raw CSV for `epochs` more epochs; returns the new model file (a dict).

    on_epoch(epoch, {"loss", "val_loss", "accuracy" or "r2"}) is called after each epoch (validation numbers
    when there is a validation split); returning True stops training. Under torchrun it is called on the
    first process only, whose result is complete; every process returns its own.
    """
    if epochs < 1:
        raise datamod.DataError(f"--epochs must be at least 1, got {epochs}.")
    if device == "cuda" and not torch.cuda.is_available():
        raise datamod.DataError("--device cuda: PyTorch sees no CUDA GPU here. "
                                "Use --device cpu, or a machine with one.")
    rank, world = distributed(device)
    model = copy.deepcopy(model_file)
    df = datamod.read_csv(train_csv)
    training = {**datamod.TRAINING_DEFAULTS, **(model["spec"].get("training") or {})}
    seed = int(training["seed"] if seed is None else seed)
    model, x_train, y_train, x_val, y_val = datamod.training_data(
        model, df, float(training["validationSplit"]), seed, refit_preprocessing)
    target = model["preprocessing"]["target"]
    spec = datamod.resolve_spec(model["spec"], target, int(model["inputs"]))
    cfg = spec["training"]
    cfg["seed"] = seed
    weights, ran, note = losses.class_weights(cfg.get("classWeight", "auto"), target, y_train)
    if target["kind"] == "classification":
        cfg["classWeight"] = ran or "none"  # the model file records what ran, as the studio's does
    if note and rank == 0:
        print(f"note: {note}", file=sys.stderr, flush=True)
    dev = torch.device(f"cuda:{int(os.environ.get('LOCAL_RANK', 0))}" if device == "cuda" else device)
    torch.manual_seed(seed + rank)  # dropout masks differ between processes
    net = Network(spec, int(model["inputs"]))
    if from_scratch:
        net.initialize(torch.Generator().manual_seed(seed))
    else:
        net.load_weights(model["weights"])
    net.to(dev).train()
    run = Run(spec, net, x_train, y_train, dev, rank, world, seed, weights)
    loss_name, delta = run.loss_name, run.delta
    history = [] if from_scratch else list(model.get("history") or [])
    done, total = len(history), len(history) + epochs
    cfg["epochs"] = total  # as in the studio: a continued run's epochs count the ones before it
    has_val = len(y_val) > 0
    monitor = "valLoss" if has_val else "loss"
    schedule = optim.Schedule(cfg.get("schedule"), cfg["optimizer"]["learningRate"], total, monitor)
    for h in history:
        schedule.observe(optim.monitor_values(h))
    stopping = optim.EarlyStopping(cfg.get("earlyStopping"), monitor, has_val)
    is_class = target["kind"] == "classification"
    stop_reason, best = "completed", None
    for e in range(done, total):
        started = time.time()
        lr = schedule.rate(e)
        sums, grad_sums, steps = run.epoch(e, lr, is_class)
        if not math.isfinite(float(sums[0])):
            raise datamod.DataError(f"The loss became NaN or infinite in epoch {e + 1} (optimizer "
                                    f"{cfg['optimizer']['type']}, learning rate {lr:g}). Lower the learning rate.")
        summary = {"epoch": e + 1, "epochs": total, "loss": float(sums[0] / sums[2]), "metrics": {}, "valLoss": None,
                   "valMetrics": None, "learningRate": lr}
        if is_class:
            summary["metrics"]["accuracy"] = float(sums[1] / sums[2])
        else:
            n = min(len(y_train), TRAIN_METRIC_SAMPLE)
            out = evaluate(net, x_train[:n], dev)
            summary["metrics"] = losses.headline(losses.metrics(loss_name, target, out, y_train[:n], delta))
        if has_val:
            mv = losses.metrics(loss_name, target, evaluate(net, x_val, dev), y_val, delta)
            summary["valLoss"], summary["valMetrics"] = mv["loss"], losses.headline(mv)
        summary["penalty"] = optim.penalty(net)
        summary["totalLoss"] = summary["loss"] + summary["penalty"]
        summary["elapsedMs"] = (time.time() - started) * 1000
        summary["layers"] = optim.layer_norms(net, grad_sums, steps)
        history.append(summary)
        improved = stopping.improves(summary)
        if improved and stopping.c and stopping.c["restoreBestWeights"]:
            best = copy.deepcopy(net.state_dict())
        schedule.observe(optim.monitor_values(summary))
        stop = stopping.should_stop(summary, improved)
        if stop:
            stop_reason = "earlyStopping"
        if rank == 0:
            (log or _log)(summary)
            if on_epoch is not None and on_epoch(e + 1, _reported(summary, is_class)):
                stop, stop_reason = True, "stopped"
        if world > 1:
            # the first process decides (its batch-norm statistics are the ones written)
            flag = torch.tensor([1 if stop else 0], device=dev)
            dist.broadcast(flag, 0)
            stop = bool(flag.item())
        if stop:
            break
    best_epoch = len(history)
    if stop_reason == "earlyStopping" and best is not None:
        net.load_state_dict(best)
        best_epoch = stopping.best_epoch
    metrics = {"train": losses.metrics(loss_name, target, evaluate(net, x_train, dev), y_train, delta)}
    if has_val:
        metrics["validation"] = losses.metrics(loss_name, target, evaluate(net, x_val, dev), y_val, delta)
    model.update({
        "createdAt": datetime.now(timezone.utc).isoformat().replace("+00:00", "Z"), "spec": spec,
        "outputs": net.outputs, "weights": net.weights(), "metrics": metrics, "history": history, "seed": seed,
        "training": {"backend": f"pytorch-{dev.type}" + (f" x{world}" if world > 1 else ""), "stopReason": stop_reason,
                     "bestEpoch": best_epoch, "epochsRun": len(history) - done},
    })
    refit = from_scratch and cfg.get("refit", True) and cfg.get("earlyStopping") and has_val
    if refit and stop_reason != "stopped" and best_epoch >= 1:
        return _refit(model, train_csv, best_epoch, len(y_train), len(y_val), device, on_epoch, rank)
    return model


def _refit(first, train_csv, epochs, train_rows, val_rows, device, on_epoch, rank):
    """Early stopping chose `epochs` on a run from scratch: the final model trains afresh on the training and
    validation rows together for that many epochs, as the studio's refit (engine/run/refit.ts). It keeps the
    first run's history and scores every row as train; a refit stopped with Ctrl+C keeps the first model."""
    if rank == 0:
        s = "" if epochs == 1 else "s"
        print(f"Early stopping chose {epochs} epoch{s}; training the final model afresh on the training and validation "
              f"rows together ({train_rows + val_rows} rows) for {epochs} epoch{s}. Set training.refit to false to "
              "keep the early-stopped model.", flush=True)
    training = {**first["spec"]["training"], "epochs": epochs, "earlyStopping": None, "validationSplit": 0}
    again = train_model({**first, "spec": {**first["spec"], "training": training}}, train_csv, epochs=epochs,
                        from_scratch=True, device=device, seed=first["seed"], on_epoch=on_epoch, log=lambda s: None)
    if again["training"]["stopReason"] == "stopped":
        return first
    first.update({"weights": again["weights"], "metrics": again["metrics"]})
    first["training"]["refit"] = {"epochs": len(again["history"]), "rows": train_rows + val_rows}
    return first


class _Wrapped:
    """The DDP module called like the network (forward(x, logits)), with the network's output activation."""

    def __init__(self, module, net):
        self.module, self.output_activation = module, net.output_activation

    def __call__(self, x, logits=False):
        return self.module(x, logits=logits)


def _reported(summary, is_class):
    """What on_epoch gets: loss, val_loss and the main metric (validation when there is one)."""
    main = "accuracy" if is_class else "r2"
    source = summary["valMetrics"] or summary["metrics"]
    return {"loss": summary["loss"], "val_loss": summary["valLoss"], main: source.get(main)}


def _log(summary):
    val = f" val_loss {summary['valLoss']:.6g}" if summary["valLoss"] is not None else ""
    shown = " ".join(f"{k} {v:.4g}" for k, v in (summary["valMetrics"] or summary["metrics"]).items())
    print(f"epoch {summary['epoch']}/{summary['epochs']} loss {summary['loss']:.6g}{val} {shown}", flush=True)


def main(argv):
    p = argparse.ArgumentParser(prog="train.py", description="Train a Backprop Studio model with PyTorch.")
    p.add_argument("train_csv", metavar="TRAIN.csv")
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--out", required=True, metavar="MODEL.json")
    p.add_argument("--model", default=os.path.join(HERE, "model.json"),
                   help="model file to start from (default: the package's)")
    p.add_argument("--from-scratch", action="store_true",
                   help="fresh weights from the spec's initializers and the seed")
    p.add_argument("--refit-preprocessing", action="store_true", help="fit the preprocessing on TRAIN.csv again")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args(argv)
    datamod.check_output(args.out, "--out", [("the training CSV", args.train_csv), ("the model file", args.model)],
                         "trained.model.json")
    model = preprocess.load_model(args.model)
    interrupted = []

    def on_interrupt(signum, frame):  # the first Ctrl+C ends the run after this epoch, as the studio's train does
        interrupted.append(True)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        print("Ctrl+C: stopping after this epoch and writing the model (press it again to quit without writing).",
              file=sys.stderr, flush=True)

    signal.signal(signal.SIGINT, on_interrupt)
    result = train_model(model, args.train_csv, epochs=args.epochs, from_scratch=args.from_scratch,
                         refit_preprocessing=args.refit_preprocessing, device=args.device, seed=args.seed,
                         on_epoch=lambda epoch, numbers: bool(interrupted))
    rank = dist.get_rank() if dist.is_initialized() else 0
    if rank == 0:
        datamod.write_model(result, args.out)
        print(f"Wrote {args.out}", flush=True)
    if dist.is_initialized():
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (preprocess.ModelFileError, datamod.DataError, KeyError, OSError, ValueError) as e:
        sys.stderr.write(f"error: {e if isinstance(e, OSError) or not e.args else e.args[0]}\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("Stopped with Ctrl+C; no model file was written.\n")
        sys.exit(130)
