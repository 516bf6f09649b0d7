"""The studio's optimizers, learning-rate schedules and early stopping (docs/model-file.md, section 5).

Written out rather than taken from torch.optim because the conventions differ: epsilon is added after the
square root, Adagrad's accumulator starts at 0.1, RMSprop's momentum accumulates g/(sqrt(s) + eps), and
AdamW decays every weight by (1 - lr*lambda) before the Adam step. Updates run in float32, as the engine's.
"""
import math

import torch

from model import Dense


class Optimizer:
    """One update rule over a list of parameters; g is the (penalized, clipped) gradient."""

    def __init__(self, config, params):
        self.c, self.params, self.t = config, list(params), 0
        start = config.get("initialAccumulator", 0.1) if config["type"] == "adagrad" else 0.0
        self.a = [torch.full_like(p, start) for p in self.params]
        self.b = [torch.zeros_like(p) for p in self.params]

    @torch.no_grad()
    def step(self, lr):
        """w <- update(w, g) for every parameter with a gradient, at learning rate lr."""
        c, kind = self.c, self.c["type"]
        self.t += 1
        for w, a, b in zip(self.params, self.a, self.b):
            g = w.grad
            if g is None:
                continue
            if kind == "sgd":
                mu = c.get("momentum", 0)
                if mu == 0:
                    w.sub_(lr * g)
                    continue
                a.mul_(mu).add_(g)  # v <- mu v + g
                w.sub_(lr * (g + mu * a if c.get("nesterov") else a))
            elif kind == "rmsprop":
                a.mul_(c["rho"]).add_((1 - c["rho"]) * g * g)  # s <- rho s + (1 - rho) g^2
                u = g / (torch.sqrt(a) + c["epsilon"])
                if c.get("momentum", 0) > 0:
                    b.mul_(c["momentum"]).add_(u)
                    w.sub_(lr * b)
                else:
                    w.sub_(lr * u)
            elif kind == "adagrad":
                a.add_(g * g)  # a <- a + g^2
                w.sub_(lr * g / (torch.sqrt(a) + c["epsilon"]))
            else:
                beta1, beta2 = c["beta1"], c["beta2"]
                c1, c2 = 1 / (1 - beta1 ** self.t), 1 / (1 - beta2 ** self.t)
                decay = 1 - lr * c.get("weightDecay", 0) if kind == "adamw" else 1.0
                a.mul_(beta1).add_((1 - beta1) * g)  # m <- beta1 m + (1 - beta1) g
                b.mul_(beta2).add_((1 - beta2) * g * g)  # v <- beta2 v + (1 - beta2) g^2
                w.copy_(w * decay - lr * a * c1 / (torch.sqrt(b * c2) + c["epsilon"]))


def penalize_and_clip(dense_layers, params, clip_norm):
    """g += l1 sign(w) + 2 l2 w on dense kernels; then all gradients scaled to clip_norm when their norm exceeds it."""
    with torch.no_grad():
        for layer in dense_layers:
            if (layer.l1 or layer.l2) and layer.kernel.grad is not None:
                w = layer.kernel
                w.grad.add_(layer.l1 * torch.sign(w) + 2 * layer.l2 * w)
        if clip_norm is None:
            return
        norm = math.sqrt(sum(float((p.grad.double() ** 2).sum()) for p in params if p.grad is not None))
        if norm > clip_norm:
            for p in params:
                if p.grad is not None:
                    p.grad.mul_(clip_norm / norm)


def is_maximized(monitor):
    """Whether a larger value of the monitored metric is better."""
    return "accuracy" in monitor.lower() or "r2" in monitor.lower()


class Schedule:
    """The learning rate before each epoch (epoch from 0); observe() feeds reduce-on-plateau."""

    def __init__(self, spec, lr0, epochs, fallback_monitor):
        self.s, self.lr0, self.epochs = spec or {"type": "constant"}, lr0, epochs
        self.lr, self.wait = lr0, 0
        self.monitor = self.s.get("monitor") or fallback_monitor
        self.best = -math.inf if is_maximized(self.monitor) else math.inf

    def rate(self, epoch):
        s, kind = self.s, self.s["type"]
        if kind == "step":
            return self.lr0 * s["gamma"] ** math.floor(epoch / s["stepSize"])
        if kind == "exponential":
            return self.lr0 * s["gamma"] ** epoch
        if kind == "cosine":
            low = s.get("minLearningRate", 0)
            return low + (self.lr0 - low) * (1 + math.cos(math.pi * epoch / max(1, self.epochs))) / 2
        return self.lr

    def observe(self, values):
        if self.s["type"] != "reduceOnPlateau":
            return
        v = values.get(self.monitor)
        if v is None or not math.isfinite(v):
            return
        delta = self.s.get("minDelta", 1e-4)
        if (v > self.best + delta) if is_maximized(self.monitor) else (v < self.best - delta):
            self.best, self.wait = v, 0
        else:
            self.wait += 1
            if self.wait > self.s.get("patience", 5):
                self.lr, self.wait = max(self.s.get("minLearningRate", 0), self.lr * self.s.get("factor", 0.1)), 0


def monitor_values(summary):
    """loss and the train metrics, valLoss and val<Metric>, of an epoch summary."""
    values = {"loss": summary["loss"], **summary["metrics"]}
    if summary["valLoss"] is not None:
        values["valLoss"] = summary["valLoss"]
    for k, v in (summary["valMetrics"] or {}).items():
        values["val" + k[0].upper() + k[1:]] = v
    return values


class EarlyStopping:
    """Stop when the monitored value has not improved by minDelta for `patience` epochs (none without a config)."""

    def __init__(self, config, default_monitor, has_validation):
        self.c = None if config is None else {"patience": 10, "minDelta": 0, "restoreBestWeights": True, **config}
        named = (config or {}).get("monitor")
        if named and not has_validation and named.startswith("val"):
            named = named[3].lower() + named[4:]
        self.monitor = named or default_monitor
        self.best = -math.inf if is_maximized(self.monitor) else math.inf
        self.wait, self.best_epoch = 0, 0

    def improves(self, summary):
        v = monitor_values(summary).get(self.monitor)
        if self.c is None or v is None:
            return False
        delta = self.c["minDelta"]
        return v > self.best + delta if is_maximized(self.monitor) else v < self.best - delta

    def should_stop(self, summary, improved):
        if self.c is None:
            return False
        if improved:
            self.best, self.best_epoch, self.wait = monitor_values(summary)[self.monitor], summary["epoch"], 0
            return False
        self.wait += 1
        return self.wait > self.c["patience"]


def penalty(net):
    """l1 sum|w| + l2 sum w^2 over the dense kernels."""
    with torch.no_grad():
        return float(sum(l.l1 * l.kernel.abs().sum() + l.l2 * (l.kernel ** 2).sum()
                         for l in net.layers if isinstance(l, Dense)))


def layer_norms(net, grad_sums, steps):
    """Per trained layer: RMS over the epoch's steps of the gradient norm, and the weight norm at its end."""
    out = []
    for i, layer in enumerate(l for l in net.layers if list(l.parameters())):
        w = math.sqrt(sum(float((p.detach().double() ** 2).sum()) for p in layer.parameters()))
        out.append({"id": layer.id, "gradNorm": math.sqrt(float(grad_sums[i]) / max(1, steps)), "weightNorm": w})
    return out
