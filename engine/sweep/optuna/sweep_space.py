"""Search-space values for an Optuna trial and their place in the network spec.

The same rules as Backprop Studio's engine/sweep/apply.ts (see engine/sweep/README.md, "Parameter paths"):
plain fields first (when the optimizer type is searched, fields the drawn type lacks are dropped), then
fields of layers named by id, then `hiddenLayers` (copies of the last hidden block), then `batchNorm` (a
batch-norm layer after every hidden dense layer, or none in the hidden stack), then fields of every layer of a type (`*dense` is the hidden dense layers), so those reach the copies too.
"""
import copy
import re

# Fields each optimizer accepts besides type, learningRate and clipNorm (mirrors engine/sweep/apply.ts).
OPTIMIZER_FIELDS = {
    "sgd": ["momentum", "nesterov"],
    "rmsprop": ["rho", "epsilon", "momentum"],
    "adagrad": ["epsilon", "initialAccumulator"],
    "adam": ["beta1", "beta2", "epsilon"],
    "adamw": ["beta1", "beta2", "epsilon", "weightDecay"],
}
COMMON_OPTIMIZER_FIELDS = ["type", "learningRate", "clipNorm"]
LAYER_PATH = re.compile(r"^layers\[(\*?)([^\]\s][^\]]*)\]\.([A-Za-z][A-Za-z0-9]*)$")


def parse_path(path):
    """('hiddenLayers',), ('batchNorm',), ('layer', id, field), ('layerType', type, field) or ('field', [keys])."""
    if path in ("hiddenLayers", "batchNorm"):
        return (path,)
    m = LAYER_PATH.match(path)
    if m:
        star, name, field = m.groups()
        return ("layerType", name, field) if star else ("layer", name, field)
    return ("field", path.split("."))


def suggest(trial, parameters):
    """Draw each parameter's value through Optuna, in the space's order: {path: value}."""
    values = {}
    for p in parameters:
        d, path = p["distribution"], p["path"]
        if d["type"] == "float":
            values[path] = trial.suggest_float(path, d["low"], d["high"], log=d["log"])
        elif d["type"] == "int":
            values[path] = trial.suggest_int(path, d["low"], d["high"], log=d["log"])
        else:
            values[path] = trial.suggest_categorical(path, list(d["choices"]))
    return values


def output_index(layers):
    """Index of the output layer (the last dense layer), or -1."""
    dense = [i for i, layer in enumerate(layers) if layer["type"] == "dense"]
    return dense[-1] if dense else -1


def hidden_dense(layers):
    """Indices of the hidden dense layers (every dense layer before the output layer)."""
    out = output_index(layers)
    return [i for i, layer in enumerate(layers) if layer["type"] == "dense" and i < out]


def fresh_id(layer_id, used):
    """A copy's id: dense-2 -> dense-3 (the next free number); other ids get -2, -3, ..."""
    m = re.match(r"^(.*?)(\d+)$", layer_id)
    stem, n = (m.group(1), int(m.group(2)) + 1) if m else (layer_id + "-", 2)
    while f"{stem}{n}" in used:
        n += 1
    used.add(f"{stem}{n}")
    return f"{stem}{n}"


def resize_hidden(layers, n):
    """Keep n hidden blocks (a hidden dense layer and the layers after it), copying the last one to add more."""
    hidden, out = hidden_dense(layers), output_index(layers)
    if len(hidden) == n or out < 0:
        return list(layers)
    prefix = layers[: hidden[0] if hidden else out]
    blocks = [layers[s: (hidden[k + 1] if k + 1 < len(hidden) else out)] for k, s in enumerate(hidden)]
    kept = blocks[:n]
    used = {layer["id"] for layer in layers}
    while len(kept) < n and blocks:
        kept.append([dict(copy.deepcopy(layer), id=fresh_id(layer["id"], used)) for layer in blocks[-1]])
    return prefix + [layer for block in kept for layer in block] + layers[out:]


def set_batch_norm(layers, on):
    """on: a batch-norm layer right after each hidden dense layer lacking one (dense-2 -> batchnorm-2); off: none before the output."""
    out = output_index(layers)
    if not on:
        return [layer for i, layer in enumerate(layers) if layer["type"] != "batchNorm" or i > out]
    used = {layer["id"] for layer in layers}
    result = []
    for i, layer in enumerate(layers):
        result.append(layer)
        if layer["type"] != "dense" or i >= out or (i + 1 < len(layers) and layers[i + 1]["type"] == "batchNorm"):
            continue
        m = re.search(r"(\d+)$", layer["id"])
        layer_id = f"batchnorm-{m.group(1)}" if m and f"batchnorm-{m.group(1)}" not in used else fresh_id("batchnorm-1", used)
        used.add(layer_id)
        result.append({"id": layer_id, "type": "batchNorm"})
    return result


def apply_params(base, params):
    """The base spec (a dict) with the trial's values applied, in the engine's order."""
    spec = copy.deepcopy(base)
    targets = [(parse_path(path), value) for path, value in params.items()]
    for target, value in targets:
        if target[0] == "field":
            at = spec
            for key in target[1][:-1]:
                if not isinstance(at.get(key), dict):
                    at[key] = {}
                at = at[key]
            at[target[1][-1]] = value
    for target, value in targets:
        if target == ("field", ["training", "optimizer", "type"]):
            prev = spec["training"].get("optimizer") or {}
            keep = COMMON_OPTIMIZER_FIELDS + OPTIMIZER_FIELDS.get(value, [])
            spec["training"]["optimizer"] = {**{k: v for k, v in prev.items() if k in keep}, "type": value}
    layers = spec["layers"]
    for target, value in targets:
        if target[0] == "layer":
            for layer in layers:
                if layer["id"] == target[1]:
                    layer[target[2]] = value
    for target, value in targets:
        if target[0] == "hiddenLayers":
            layers = resize_hidden(layers, int(value))
    for target, value in targets:
        if target[0] == "batchNorm":
            layers = set_batch_norm(layers, bool(value))
    for target, value in targets:
        if target[0] == "layerType":
            out = output_index(layers)
            for i, layer in enumerate(layers):
                if layer["type"] == target[1] and (target[1] != "dense" or i < out):
                    layer[target[2]] = value
    spec["layers"] = layers
    return spec
