"""The spec's losses in PyTorch and the metrics a model file stores, with the studio's definitions.

Losses are means over outputs, then rows. Softmax + categorical cross-entropy and sigmoid + binary
cross-entropy start from the logits (their gradient is p - y, as in the engine); otherwise probabilities are
clipped to [1e-7, 1 - 1e-7] with the gradient of the clipped value, as the engine's losses do.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F

EPS = 1e-7
CLASSIFICATION = ("binaryCrossentropy", "categoricalCrossentropy")
FUSES_WITH = {"categoricalCrossentropy": "softmax", "binaryCrossentropy": "sigmoid"}


def clipped(p):
    """p clipped to [1e-7, 1 - 1e-7], with the gradient of 1 everywhere (the engine's -1/clip(p) rule)."""
    return p + (p.clamp(EPS, 1 - EPS) - p).detach()


def batch_loss(name, net, x, y, delta=1.0, weights=None):
    """(loss to differentiate, reported mean loss, outputs) of a batch in training mode; y is [rows] class indices
    or values. With `weights` (one per class) each row's loss, hence its dLoss/dOutput, is scaled by its class's
    weight, still divided by the batch's rows (engine/train/class-weights.ts); the reported loss is unweighted."""
    rows, z = _row_losses(name, net, x, y, delta)
    loss = rows.mean()
    weighted = loss if weights is None else (rows * weights[y.long()]).mean()
    return weighted, loss.detach(), z


def _row_losses(name, net, x, y, delta):
    """(each row's loss, the batch's outputs: probabilities or values)."""
    fused = FUSES_WITH.get(name) == net.output_activation
    z = net(x, logits=fused)
    if name == "categoricalCrossentropy":
        labels = y.long()
        if fused:
            return F.cross_entropy(z, labels, reduction="none"), torch.softmax(z.detach(), dim=1)
        return -torch.log(clipped(z.gather(1, labels[:, None])))[:, 0], z.detach()
    target = y[:, None].expand_as(z)
    if name == "binaryCrossentropy":
        if fused:
            return F.binary_cross_entropy_with_logits(z, target, reduction="none").mean(1), torch.sigmoid(z.detach())
        p = clipped(z)
        return -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).mean(1), z.detach()
    if name == "meanSquaredError":
        return ((z - target) ** 2).mean(1), z.detach()
    if name == "meanAbsoluteError":
        return (z - target).abs().mean(1), z.detach()
    if name == "huber":
        return F.huber_loss(z, target, delta=delta, reduction="none").mean(1), z.detach()
    raise ValueError(f"Unknown loss '{name}'. Use one of meanSquaredError, meanAbsoluteError, huber, "
                     "binaryCrossentropy, categoricalCrossentropy.")


def row_losses(name, out, y, delta=1.0):
    """Per-row loss values (numpy, float64) of outputs out [rows, k] against y [rows], clipped as the engine."""
    out, y = out.astype(np.float64), y.astype(np.float64)
    if name == "categoricalCrossentropy":
        return -np.log(np.clip(out[np.arange(len(y)), y.astype(np.int64)], EPS, 1 - EPS))
    t = y[:, None]
    if name == "binaryCrossentropy":
        p = np.clip(out, EPS, 1 - EPS)
        return (-(t * np.log(p) + (1 - t) * np.log(1 - p))).mean(axis=1)
    e = out - t
    if name == "meanSquaredError":
        return (e ** 2).mean(axis=1)
    if name == "meanAbsoluteError":
        return np.abs(e).mean(axis=1)
    a = np.abs(e)
    return np.where(a <= delta, 0.5 * e ** 2, delta * (a - 0.5 * delta)).mean(axis=1)


def predicted_class(out):
    """Class per row: p >= 0.5 is class 1 for one sigmoid output, else the first highest output."""
    return (out[:, 0] >= 0.5).astype(np.int64) if out.shape[1] == 1 else out.argmax(axis=1)


def metrics(name, target, out, y, delta=1.0):
    """The full metrics of a split (engine/train/metrics.ts): classification or regression in target units."""
    loss = float(row_losses(name, out, y, delta).mean()) if len(y) else math.nan
    if target["kind"] == "classification":
        classes = target["classes"]
        c = len(classes)
        confusion = np.zeros((c, c), dtype=np.int64)
        np.add.at(confusion, (y.astype(np.int64), predicted_class(out)), 1)
        scores = []
        for i, label in enumerate(classes):
            tp, predicted, support = confusion[i, i], confusion[:, i].sum(), confusion[i, :].sum()
            precision = tp / predicted if predicted else 0.0
            recall = tp / support if support else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            scores.append({"label": label, "precision": float(precision), "recall": float(recall), "f1": float(f1),
                           "support": int(support)})
        accuracy = float(np.trace(confusion) / len(y)) if len(y) else math.nan
        return {"kind": "classification", "loss": loss, "accuracy": accuracy, "classes": scores,
                "macroF1": sum(s["f1"] for s in scores) / max(1, c), "confusion": confusion.tolist()}
    mean, std = target.get("mean", 0), target.get("std", 1)
    t = y.astype(np.float64) * std + mean
    e = out[:, 0].astype(np.float64) * std + mean - t
    total = ((t - t.mean()) ** 2).sum()
    r2 = float(1 - (e ** 2).sum() / total) if total > 0 else math.nan
    mae, rmse = float(np.abs(e).mean()), float(math.sqrt((e ** 2).mean()))
    return {"kind": "regression", "loss": loss, "mae": mae, "rmse": rmse, "r2": r2}


def headline(m):
    """The numbers an epoch summary shows: accuracy, or mae, rmse and r2."""
    if m["kind"] == "classification":
        return {"accuracy": m["accuracy"]}
    return {"mae": m["mae"], "rmse": m["rmse"], "r2": m["r2"]}


STRONG_IMBALANCE_RATIO = 10


def _precision3(x):
    """x with 3 significant digits, trailing zeros kept, as JavaScript's toPrecision(3) writes a weight >= 0.1."""
    r = float(f"{x:.3g}")
    return f"{r:.{max(0, 2 - math.floor(math.log10(r)))}f}"


def class_weights(setting, target, y):
    """(per-class weights or None, the setting that ran or None, a note or None) from training.classWeight and the
    training rows' class indices y, as engine/train/class-weights.ts: balanced is w_c = n / (K n_c) over the K
    classes with rows; 'auto' is balanced when the commonest class has at least 10 times the rows of the rarest."""
    path = "training.classWeight"
    if setting == "none":
        return None, None, None
    if target["kind"] == "regression":
        if setting == "auto":
            return None, None, None
        raise ValueError(f"{path} weighs classes, but the target is a number (regression). "
                         f"Remove {path} or set it to 'none'.")
    classes = target["classes"]
    counts = np.bincount(np.asarray(y, dtype=np.int64), minlength=len(classes))
    if isinstance(setting, dict):
        unknown = [label for label in setting if label not in classes]
        if unknown:
            names = ", ".join(f"'{c}'" for c in classes)
            raise ValueError(f"{path}.{unknown[0]} names the class '{unknown[0]}', which the target does not have. "
                             f"Its classes are {names}.")
        return [float(setting.get(c, 1)) for c in classes], setting, None
    present = counts[counts > 0]
    balanced = [len(y) / (len(present) * c) if c > 0 else 1.0 for c in counts]
    if setting != "auto":
        return balanced, "balanced", None
    if len(present) < 2 or present.min() * STRONG_IMBALANCE_RATIO > present.max():
        return None, None, None
    rare = int(np.argmax(counts == present.min()))
    note = (f"The classes are strongly imbalanced ('{classes[rare]}' has {present.min()} training rows, the most "
            f"common class {present.max()}), so each class is weighted in the loss to count the same "
            f"(training.classWeight 'balanced': '{classes[rare]}' weighs {_precision3(balanced[rare])}). "
            "Set training.classWeight to 'none' to turn it off.")
    return balanced, "balanced", note
