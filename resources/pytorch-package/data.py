"""Training data from a raw CSV and a model file: the input matrix, the targets, the validation split, the spec.

The input matrix comes from preprocess.py (the model file's preprocessing, exactly as the engine applies it).
Targets: a class index into `preprocessing.target.classes`, or the regression value standardized with the
target's mean and std. Rows whose target is missing or not one of the classes are left out, as in the studio.
"""
import json
import math
import os
import tempfile

import numpy as np
import pandas as pd

import preprocess
import refit

RELU_FAMILY = ("relu", "leakyRelu", "elu", "gelu")
BATCH_NORM_DEFAULTS = {"momentum": 0.99, "epsilon": 1e-3}
OPTIMIZER_DEFAULTS = {
    "sgd": {"momentum": 0, "nesterov": False},
    "rmsprop": {"rho": 0.9, "epsilon": 1e-7, "momentum": 0},
    "adagrad": {"epsilon": 1e-7, "initialAccumulator": 0.1},
    "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7},
    "adamw": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-7, "weightDecay": 0.01},
}
TRAINING_DEFAULTS = {"epochs": 100, "batchSize": 32, "seed": 42, "validationSplit": 0.1, "shuffle": True}


class DataError(Exception):
    """The CSV or the spec cannot be used; the message says what to change."""


def check_output(path, flag, inputs, example):
    """Fail before any work when `path` cannot take the output: a folder, a missing folder, a folder that cannot be
    written, or one of `inputs` ((what, path) pairs the command reads; compared by file identity, so `./x.csv`,
    absolute paths and links are seen through). `example` is a file name to suggest inside a folder."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise DataError(f"{flag} {path} is a folder. Name a file inside it, e.g. {flag} {os.path.join(path, example)}.")
    if not os.path.isdir(folder):
        raise DataError(f"{flag} {path}: the folder {folder} does not exist. Create it or choose another path.")
    for what, other in inputs:
        if os.path.exists(path) and os.path.exists(other) and os.path.samefile(path, other):
            raise DataError(f"{flag} {path} is {what}, which this command reads; writing there would overwrite it. "
                            "Choose another file.")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".check-"):
            pass
    except OSError as e:
        raise DataError(f"{flag} {path}: cannot write into {folder} ({e.strerror}). Choose another path.") from None


def json_safe(value):
    """NaN and infinities as null (JSON has no NaN; the studio reads null as NaN)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value


def write_model(model, path):
    """Writes the model file atomically (a temporary file renamed over the target)."""
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(json_safe(model), f, allow_nan=False)
    os.replace(tmp, path)


def sniff_delimiter(path):
    """The delimiter of the header line: whichever of , ; tab | it holds most (a comma when none)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = f.readline()
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def read_csv(path):
    """A CSV as raw texts (every cell a string, nothing parsed: preprocess.py reads the cells)."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, sep=sniff_delimiter(path), encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(f"{path} does not exist. Check the path.") from None
    except IsADirectoryError:
        raise DataError(f"{path} is a folder, not a CSV file. Name the CSV file inside it.") from None
    except pd.errors.EmptyDataError:
        raise DataError(f"{path} is empty. Give a CSV with a header row and at least one data row.") from None
    except pd.errors.ParserError as e:
        raise DataError(f"{path} is not a CSV this package can read ({str(e).strip()}). "
                        "Check that every row has as many cells as the header.") from None


def output_units(target):
    """Outputs the task needs: 1 for regression and for 2 classes (one sigmoid), else one per class."""
    if target["kind"] == "regression":
        return 1
    return 1 if len(target["classes"]) == 2 else len(target["classes"])


def resolve_spec(spec, target, inputs):
    """The spec with every default written out, as the engine resolves it (docs/model-file.md, sections 4-5)."""
    layers = spec.get("layers") or []
    dense = [i for i, l in enumerate(layers) if l.get("type") == "dense"]
    if not dense:
        raise DataError("The spec has no dense layer, so nothing produces the outputs. Add a dense output layer.")
    last_dense, resolved, width = dense[-1], [], inputs
    for i, layer in enumerate(layers):
        out = dict(layer)
        if layer["type"] == "dense":
            is_output = i == last_dense
            units = output_units(target) if layer.get("units") == "auto" else int(layer["units"])
            activated = any(l.get("type") == "activation" for l in layers[i + 1:])
            if "activation" not in layer:
                if is_output and i == len(layers) - 1:
                    classes = len(target.get("classes") or [])
                    out["activation"] = ("linear" if target["kind"] == "regression"
                                         else "sigmoid" if classes == 2 else "softmax")
                else:
                    out["activation"] = "linear" if is_output and activated else "relu"
            out["units"] = units
            out.setdefault("kernelInitializer", "heNormal" if out["activation"] in RELU_FAMILY else "glorotUniform")
            out.setdefault("biasInitializer", "zeros")
            width = units
        elif layer["type"] == "batchNorm":
            for k, v in BATCH_NORM_DEFAULTS.items():
                out.setdefault(k, v)
        resolved.append(out)
    if width != output_units(target) and not (target["kind"] == "classification" and width == len(target["classes"])):
        raise DataError(f"The output layer has {width} units, the target needs {output_units(target)}. "
                        "Set the last dense layer's units to 'auto'.")
    training = {**TRAINING_DEFAULTS, **(spec.get("training") or {})}
    optimizer = dict(training.get("optimizer") or {"type": "adam", "learningRate": 0.001})
    if optimizer.get("type") not in OPTIMIZER_DEFAULTS:
        raise DataError(f"Optimizer '{optimizer.get('type')}' is not one of {', '.join(OPTIMIZER_DEFAULTS)}.")
    optimizer = {**OPTIMIZER_DEFAULTS[optimizer["type"]], **optimizer}
    optimizer.setdefault("learningRate", 0.001)
    training["optimizer"] = optimizer
    result = {**spec, "layers": resolved, "training": training}
    if "inputs" in spec:
        result["inputs"] = inputs
    if "loss" not in spec:
        binary_softmax = target["kind"] == "classification" and width == 2
        result["loss"] = ("meanSquaredError" if target["kind"] == "regression" else "categoricalCrossentropy"
                          if binary_softmax or len(target["classes"]) > 2 else "binaryCrossentropy")
    return result


def targets(model, df):
    """The target per row (class index, or standardized value) and a mask of the rows with a known target."""
    target = model["preprocessing"]["target"]
    column = target["column"]
    if column not in df.columns:
        raise DataError(f"The CSV has no target column '{column}'. "
                        "Train on a CSV with the columns the model was trained on.")
    cells = preprocess.Cells(df[column].tolist(), model["preprocessing"]["missingValues"], model.get("reading"))
    if target["kind"] == "regression":
        v = cells.numbers()
        known = ~np.isnan(v)
        return ((np.where(known, v, 0) - target.get("mean", 0)) / target.get("std", 1)).astype(np.float32), known
    index = {c: i for i, c in enumerate(target["classes"])}
    codes = np.array([index.get(label, -1) if label is not None else -1 for label in cells.labels()], dtype=np.int64)
    return codes.astype(np.float32), codes >= 0


def no_known_target(model, df):
    """Why no row has a known target: the column is empty, or (classification) none of its values is a class."""
    target = model["preprocessing"]["target"]
    column = target["column"]
    labels = preprocess.Cells(df[column].tolist(), model["preprocessing"]["missingValues"], model.get("reading"))
    seen = list(dict.fromkeys(label for label in labels.labels() if label is not None))
    if target["kind"] != "classification" or not seen:
        return f"No row has a known target '{column}'. Fill in the target column."
    shown = ", ".join(seen[:5]) + (f" and {len(seen) - 5} more" if len(seen) > 5 else "")
    return (f"None of the values of the target '{column}' ({shown}) is one of the model's classes "
            f"({', '.join(target['classes'])}), so this CSV looks like another dataset. "
            f"Train on a CSV whose '{column}' holds the model's classes, or export a model trained on this data.")


def split_rows(rows, fraction, seed):
    """Seeded random train / validation positions: round(rows * fraction) validate, at least one row trains."""
    order = np.random.RandomState(seed % (2 ** 32)).permutation(rows)
    n_val = min(int(round(rows * fraction)), rows - 1) if fraction > 0 else 0
    return np.sort(order[n_val:]), np.sort(order[:n_val])


def training_data(model, df, validation_split, seed, refit_preprocessing=False):
    """(model, x_train, y_train, x_val, y_val): float32 arrays, the validation part possibly empty. With
    refit_preprocessing, the model (a copy) has its preprocessing fitted again on the training rows."""
    _, known = targets(model, df)
    if not known.any():
        raise DataError(no_known_target(model, df))
    df = df[known].reset_index(drop=True)
    train, val = split_rows(len(df), validation_split, seed)
    if refit_preprocessing:
        model = dict(model)
        model["preprocessing"], model["featureNames"] = refit.refit(model, df.iloc[train])
        model["inputs"] = len(model["featureNames"])
    x = preprocess.transform(model, df)
    y, _ = targets(model, df)
    return model, x[train], y[train], x[val], y[val]
