"""The network of a Backprop Studio model file as a PyTorch nn.Module (docs/model-file.md, section 4).

    from model import load_network
    net = load_network(model_file)          # model_file: the parsed model JSON (a dict)
    net.eval(); outputs = net(torch.tensor(x))

A dense layer keeps our kernel layout [inputs, units] (y = x @ kernel + bias), so weights go to and from
the model file without transposing. Batch norm keeps its running statistics as buffers and follows our
convention: running <- momentum * running + (1 - momentum) * batch, with the unbiased batch variance.
"""
import math

import torch
from torch import nn
import torch.nn.functional as F

ACTIVATIONS = {
    "linear": lambda z: z,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leakyRelu": lambda z: F.leaky_relu(z, 0.01),
    "elu": lambda z: F.elu(z, 1.0),
    "gelu": lambda z: F.gelu(z),  # exact: z * (1 + erf(z / sqrt 2)) / 2
    "softplus": lambda z: torch.where(z > 0, z, torch.zeros_like(z)) + torch.log1p(torch.exp(-z.abs())),
    "softmax": lambda z: torch.softmax(z, dim=1),
}


def initialize(tensor, name, fan_in, fan_out, generator):
    """Fills a tensor with one of the spec's initializers (truncated normals redraw beyond 2 sigma, as Keras)."""
    with torch.no_grad():
        if name == "zeros":
            return tensor.zero_()
        if name in ("glorotUniform", "heUniform"):
            limit = math.sqrt(6 / (fan_in + fan_out)) if name == "glorotUniform" else math.sqrt(6 / fan_in)
            return tensor.copy_((torch.rand(tensor.shape, generator=generator) * 2 - 1) * limit)
        sigma = {"glorotNormal": math.sqrt(2 / (fan_in + fan_out)), "heNormal": math.sqrt(2 / fan_in),
                 "lecunNormal": math.sqrt(1 / fan_in)}.get(name)
        if sigma is None:
            raise ValueError(f"Unknown initializer '{name}'. Use one of glorotUniform, glorotNormal, heUniform, "
                             "heNormal, lecunNormal, zeros.")
        values = torch.randn(tensor.shape, generator=generator)
        while True:
            far = values.abs() > 2
            if not bool(far.any()):
                break
            values[far] = torch.randn(int(far.sum()), generator=generator)
        return tensor.copy_(values * sigma)


class Dense(nn.Module):
    """y = activation(x @ kernel + bias), kernel [inputs, units]."""

    def __init__(self, layer, inputs):
        super().__init__()
        self.id, self.activation = layer["id"], layer["activation"]
        self.kernel = nn.Parameter(torch.zeros(inputs, layer["units"]))
        self.bias = nn.Parameter(torch.zeros(layer["units"]))
        self.l1, self.l2 = float(layer.get("l1", 0) or 0), float(layer.get("l2", 0) or 0)
        self.initializers = (layer.get("kernelInitializer"), layer.get("biasInitializer") or "zeros")

    def forward(self, x, activate=True):
        z = x @ self.kernel + self.bias
        return ACTIVATIONS[self.activation](z) if activate else z


class BatchNorm(nn.Module):
    """Batch mean and biased variance while training; running statistics (our momentum convention) otherwise."""

    def __init__(self, layer, units):
        super().__init__()
        self.id = layer["id"]
        self.momentum, self.epsilon = float(layer.get("momentum", 0.99)), float(layer.get("epsilon", 1e-3))
        self.gamma = nn.Parameter(torch.ones(units))
        self.beta = nn.Parameter(torch.zeros(units))
        self.register_buffer("movingMean", torch.zeros(units))
        self.register_buffer("movingVariance", torch.ones(units))

    def forward(self, x, activate=True):
        if self.training:
            mean = x.mean(dim=0)
            variance = ((x - mean) ** 2).mean(dim=0)
            n = x.shape[0]
            with torch.no_grad():
                unbiased = variance * n / (n - 1) if n > 1 else variance
                self.movingMean.mul_(self.momentum).add_((1 - self.momentum) * mean.detach())
                self.movingVariance.mul_(self.momentum).add_((1 - self.momentum) * unbiased.detach())
        else:
            mean, variance = self.movingMean, self.movingVariance
        return self.gamma * (x - mean) / torch.sqrt(variance + self.epsilon) + self.beta


class Dropout(nn.Module):
    """Inverted dropout of a fraction `rate` while training; the identity otherwise."""

    def __init__(self, layer):
        super().__init__()
        self.id, self.rate = layer["id"], float(layer["rate"])

    def forward(self, x, activate=True):
        return F.dropout(x, self.rate, self.training)


class Activation(nn.Module):
    """An activation on its own."""

    def __init__(self, layer):
        super().__init__()
        self.id, self.activation = layer["id"], layer["activation"]

    def forward(self, x, activate=True):
        return ACTIVATIONS[self.activation](x) if activate else x


class Network(nn.Module):
    """The spec's sequential stack. forward(x, logits=True) leaves out the last activation (for fused losses)."""

    def __init__(self, spec, inputs):
        super().__init__()
        layers, width = [], inputs
        for layer in spec["layers"]:
            kind = layer["type"]
            if kind == "dense":
                layers.append(Dense(layer, width))
                width = layer["units"]
            elif kind == "batchNorm":
                layers.append(BatchNorm(layer, width))
            elif kind == "dropout":
                layers.append(Dropout(layer))
            elif kind == "activation":
                layers.append(Activation(layer))
            else:
                raise ValueError(f"Layer '{layer.get('id')}' has type '{kind}', which this package does not know. "
                                 "Use dense, batchNorm, dropout or activation.")
        self.layers = nn.ModuleList(layers)
        self.outputs = width
        activated = [i for i, l in enumerate(layers) if isinstance(l, (Dense, Activation))]
        self.last_activated = activated[-1] if activated else -1
        self.output_activation = layers[self.last_activated].activation if activated else "linear"

    def forward(self, x, logits=False):
        for i, layer in enumerate(self.layers):
            x = layer(x, activate=not (logits and i == self.last_activated))
        return x

    def initialize(self, generator):
        """Fresh weights per the spec's initializers; batch norm gamma 1, beta 0, running mean 0, variance 1."""
        for layer in self.layers:
            if isinstance(layer, Dense):
                fan_in, fan_out = layer.kernel.shape
                initialize(layer.kernel, layer.initializers[0], fan_in, fan_out, generator)
                initialize(layer.bias, layer.initializers[1], fan_in, fan_out, generator)
            elif isinstance(layer, BatchNorm):
                with torch.no_grad():
                    layer.gamma.fill_(1), layer.beta.fill_(0), layer.movingMean.fill_(0), layer.movingVariance.fill_(1)

    def tensors(self):
        """(layer id, name, tensor) of every weight the model file stores, in layer order."""
        out = []
        for layer in self.layers:
            if isinstance(layer, Dense):
                out += [(layer.id, "kernel", layer.kernel), (layer.id, "bias", layer.bias)]
            elif isinstance(layer, BatchNorm):
                out += [(layer.id, n, getattr(layer, n)) for n in ("gamma", "beta", "movingMean", "movingVariance")]
        return out

    def load_weights(self, weights):
        """Copies the model file's `weights` list in; every tensor must be there with its shape."""
        stored = {(w["layer"], w["name"]): w for w in weights}
        with torch.no_grad():
            for lid, name, tensor in self.tensors():
                w = stored.get((lid, name))
                if w is None:
                    raise ValueError(f"The model file has no weights '{name}' for layer '{lid}'. Train from scratch "
                                     "(--from-scratch) or export the model again.")
                if list(w["shape"]) != list(tensor.shape):
                    raise ValueError(f"Weights '{name}' of layer '{lid}' have shape {w['shape']}, the spec needs "
                                     f"{list(tensor.shape)}. Train from scratch (--from-scratch).")
                tensor.copy_(torch.tensor(w["data"], dtype=torch.float32).reshape(tensor.shape))

    def weights(self):
        """The weights as the model file stores them: flat, row-major lists of float32 values."""
        return [{"layer": lid, "name": name, "shape": list(t.shape),
                 "data": [float(v) for v in t.detach().cpu().float().reshape(-1).tolist()]}
                for lid, name, t in self.tensors()]


def load_network(model_file):
    """The network of a model file (a dict), with its weights, in eval mode."""
    net = Network(model_file["spec"], int(model_file["inputs"]))
    net.load_weights(model_file["weights"])
    return net.eval()
