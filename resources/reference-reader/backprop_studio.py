#!/usr/bin/env python3
"""Reference reader of Backprop Studio model files (docs/model-file.md), in NumPy + pandas.

Turns a raw CSV into predictions from the model file alone, applying the same rules as
`backprop-studio predict`:

    python3 backprop_studio.py MODEL.json DATA.csv [--out PRED.csv] [--matrix X.csv]

or, from Python:

    from backprop_studio import load_model, transform, predict
    model = load_model("iris.model.json")
    df = pandas.read_csv("iris.csv", dtype=str, keep_default_na=False)
    x = transform(model, df)            # the input matrix, float32 [rows, inputs]
    result = predict(model, df)         # {"labels", "probabilities", "classes"} or {"values"}

Reading covers plain and scientific numbers, decimal commas (`reading.decimal` ","), thousands
separated by "," (decimal ".") or "." / space (decimal ","), ISO dates and times, and day/month
dates (`reading.dateOrder`). Cells are compared after trimming spaces.

One file because people copy it next to a model file on machines without Backprop Studio, and the PyTorch
export copies it as preprocess.py: a module split in two would need both halves everywhere it travels.
"""
import json
import math
import re
import sys
from datetime import datetime, timedelta, timezone

import numpy as np
import pandas as pd

SUPPORTED_VERSION = 1
SUPPORTED_PREPROCESSING_VERSION = 2  # 2: the hour and sine/cosine date parts
PLAIN = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$")
COMMA = re.compile(r"^([+-]?)(?:(\d+)|([1-9]\d{0,2}(?:([. \u00a0\u202f])\d{3})(?:\4\d{3})*))?(?:,(\d+))?$")
ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$")
DAY_MONTH = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class ModelFileError(Exception):
    """The file is not a model file this reader understands."""


def load_model(path):
    """Reads and checks a model file (format and version)."""
    with open(path, encoding="utf-8") as f:
        try:
            model = json.load(f)
        except json.JSONDecodeError as e:
            raise ModelFileError(f"{path} is not a Backprop Studio model file (it is not JSON: {e}).") from None
    if not isinstance(model, dict) or model.get("format") != "backprop-studio/model":
        raise ModelFileError(f"{path} is not a Backprop Studio model file (format {model.get('format') if isinstance(model, dict) else None!r}).")
    if not isinstance(model.get("version"), int) or model["version"] > SUPPORTED_VERSION:
        raise ModelFileError(f"{path} is version {model.get('version')}, this reader reads up to {SUPPORTED_VERSION}.")
    if model.get("preprocessing") is None:
        raise ModelFileError(f"{path} has no preprocessing, so raw CSV rows cannot become its inputs.")
    if (pre_version := model["preprocessing"].get("version", 1)) > SUPPORTED_PREPROCESSING_VERSION:
        raise ModelFileError(f"{path} has preprocessing version {pre_version}, this reader reads up to {SUPPORTED_PREPROCESSING_VERSION}.")
    return model


# ---- cells -------------------------------------------------------------------------------------

def parse_number(s, decimal):
    """The number in a trimmed cell, or NaN (infinite values are missing)."""
    if decimal == ",":
        m = COMMA.match(s)
        if not m or (m.group(2) is None and m.group(3) is None and m.group(5) is None):
            return math.nan
        whole = m.group(2) or re.sub(r"[. \u00a0\u202f]", "", m.group(3) or "0")
        v = float(f"{whole}.{m.group(5) or '0'}")
        return -v if m.group(1) == "-" else v
    if PLAIN.match(s):
        v = float(s)
    elif GROUPED.match(s):
        v = float(s.replace(",", ""))
    else:
        return math.nan
    return v if math.isfinite(v) else math.nan


def parse_date(s, date_order):
    """Milliseconds since 1970 UTC for an ISO or day/month date, or NaN."""
    m = ISO.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hh, mm, ss = int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0)
        frac = float(f"0.{m.group(7)}") * 1000 if m.group(7) else 0.0
        zone = m.group(8)
    else:
        m = DAY_MONTH.match(s)
        if not m or date_order is None:
            return math.nan
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        d, mo = (a, b) if date_order == "dayFirst" else (b, a)
        hh, mm, ss, frac, zone = int(m.group(4) or 0), int(m.group(5) or 0), int(m.group(6) or 0), 0.0, None
    try:
        t = datetime(y, mo, d, hh, mm, min(ss, 59), tzinfo=timezone.utc)
    except ValueError:
        return math.nan
    ms = (t - EPOCH) // timedelta(milliseconds=1) + frac + (1000 if ss == 60 else 0)
    if zone and zone != "Z":
        digits = zone[1:].replace(":", "")
        ms -= (-1 if zone[0] == "-" else 1) * (int(digits[:2]) * 60 + int(digits[2:])) * 60000
    return float(ms)


def js_number(v):
    """A number as JavaScript's String(v) writes it (how number cells of a category column are labelled)."""
    if v == int(v) and abs(v) < 1e21:
        return str(int(v))
    r = repr(v)
    return re.sub(r"e([+-])0*(\d)", r"e\1\2", r)


def date_label(t):
    """A date as YYYY-MM-DD, with the time (ISO, Z) when it is not midnight."""
    d = EPOCH + timedelta(milliseconds=t)
    if d.hour == d.minute == d.second == d.microsecond == 0:
        return d.strftime("%Y-%m-%d")
    text = d.strftime("%Y-%m-%dT%H:%M:%S")
    return text + (f".{d.microsecond // 1000:03d}Z" if d.microsecond else "Z")


class Cells:
    """One column's trimmed texts, read as missing / number / date / text as the CSV reader does."""

    def __init__(self, texts, missing_values, reading):
        self.texts = [str(t).strip() for t in texts]
        markers = set(missing_values)
        self.numeric_markers = {float(m) for m in markers if PLAIN.match(m)}
        self.decimal = (reading or {}).get("decimal", ".")
        self.date_order = (reading or {}).get("dateOrder")
        self.missing = [t == "" or t.lower() in markers for t in self.texts]

    def numbers(self):
        out = np.full(len(self.texts), np.nan)
        for i, t in enumerate(self.texts):
            if not self.missing[i]:
                v = parse_number(t, self.decimal)
                out[i] = np.nan if v in self.numeric_markers else v
        return out

    def dates(self):
        return np.array([math.nan if self.missing[i] else parse_date(t, self.date_order) for i, t in enumerate(self.texts)])

    def labels(self):
        """Category labels (None = missing): numbers as JavaScript writes them, dates as date_label."""
        out = []
        for i, t in enumerate(self.texts):
            if self.missing[i]:
                out.append(None)
                continue
            v = parse_number(t, self.decimal)
            if v == v:
                out.append(None if v in self.numeric_markers else js_number(v))
                continue
            d = parse_date(t, self.date_order) if t[:1].isdigit() else math.nan
            out.append(date_label(d) if d == d else t)
        return out


# ---- preprocessing -----------------------------------------------------------------------------

DATE_CYCLES = {"month": ("month", 1, 12), "dayOfWeek": ("dayOfWeek", 0, 7), "dayOfYear": ("dayOfYear", 1, 365.25), "hour": ("hours", 0, 24)}


def date_part(t, part):
    """year, month 1-12, weekday 0-6 from Sunday, day of year from 1, hour 0-23 (UTC); <cycle>Sin/Cos: theta by DATE_CYCLES."""
    if part[-3:] in ("Sin", "Cos"):
        name, offset, period = DATE_CYCLES[part[:-3]]
        theta = 2 * math.pi * (date_part(t, name) - offset) / period
        return math.sin(theta) if part.endswith("Sin") else math.cos(theta)
    d = EPOCH + timedelta(milliseconds=t)
    plain = {"year": lambda: d.year, "month": lambda: d.month, "dayOfWeek": lambda: (d.weekday() + 1) % 7, "hour": lambda: d.hour, "hours": lambda: (t - math.floor(t / 86400000) * 86400000) / 3600000, "dayOfYear": lambda: d.timetuple().tm_yday}
    return plain[part]()


def encode(t, cells):
    """One transform's features [rows, k] (float64) for one column."""
    fill = t["fill"]
    rows = len(cells.texts)
    if t["kind"] in ("oneHot", "ordinal"):
        index = {c: i for i, c in enumerate(t["categories"])}
        labels = cells.labels()
        missing = np.array([label is None for label in labels])
        unknown = len(t["categories"]) if t["kind"] == "oneHot" and t["hasOther"] else fill["value"]
        codes = np.array([fill["value"] if label is None else index.get(label, unknown) for label in labels], dtype=np.int64)
        if t["kind"] == "oneHot":
            width = len(t["categories"]) + (1 if t["hasOther"] else 0)
            block = (codes[:, None] == np.arange(width)[None, :]).astype(np.float64)
        else:
            block = ((codes - t["center"]) / t["scale"])[:, None]
    elif t["kind"] == "boolean":
        positive, negative = set(t["positive"]), set(t["negative"])
        values = []
        for label in cells.labels():
            key = None if label is None else label.lower()
            values.append(1.0 if key in positive else 0.0 if key in negative else math.nan)
        v = np.array(values)
        missing = np.isnan(v)
        block = np.where(missing, fill["value"], v)[:, None]
    elif t["kind"] == "datetime":
        v = cells.dates()
        missing = np.isnan(v)
        stamps = np.where(missing, fill["value"], v)
        block = np.array([[(date_part(s, p) - t["center"][k]) / t["scale"][k] for k, p in enumerate(t["parts"])] for s in stamps]).reshape(rows, len(t["parts"]))
    else:
        v = cells.numbers()
        missing = np.isnan(v)
        block = ((np.where(missing, fill["value"], v) - t["center"]) / t["scale"])[:, None]
    if fill["indicator"]:
        block = np.hstack([block, missing.astype(np.float64)[:, None]])
    return block


def transform(model, df):
    """The input matrix (float32 [rows, inputs]) of a DataFrame of raw CSV texts (dtype=str)."""
    pre = model["preprocessing"]
    absent = [t["column"] for t in pre["features"] if t["column"] not in df.columns]
    if absent:
        raise KeyError(f"The CSV has no column {', '.join(repr(a) for a in absent)}, which the model uses.")
    blocks = [encode(t, Cells(df[t["column"]].tolist(), pre["missingValues"], model.get("reading"))) for t in pre["features"]]
    return np.hstack(blocks).astype(np.float32)


# ---- network -----------------------------------------------------------------------------------

def erf(x):
    return np.vectorize(math.erf)(x)


ACTIVATIONS = {
    "linear": lambda z: z,
    "sigmoid": lambda z: 0.5 * (1 + np.tanh(z / 2)),
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
    "leakyRelu": lambda z: np.where(z > 0, z, 0.01 * z),
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
    "gelu": lambda z: 0.5 * z * (1 + erf(z / math.sqrt(2))),
    "softplus": lambda z: np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))),
    "softmax": lambda z: np.exp(z - z.max(axis=1, keepdims=True)) / np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True),
}


def network(model, x):
    """The network's outputs [rows, outputs] in inference form (dropout off, batch norm on running statistics)."""
    weights = {(w["layer"], w["name"]): np.array(w["data"], dtype=np.float64).reshape(w["shape"]) for w in model["weights"]}
    h = x.astype(np.float64)
    for layer in model["spec"]["layers"]:
        kind, lid = layer["type"], layer["id"]
        if kind == "dense":
            h = ACTIVATIONS[layer["activation"]](h @ weights[(lid, "kernel")] + weights[(lid, "bias")])
        elif kind == "batchNorm":
            mean, var = weights[(lid, "movingMean")], weights[(lid, "movingVariance")]
            h = (h - mean) / np.sqrt(var + layer["epsilon"]) * weights[(lid, "gamma")] + weights[(lid, "beta")]
        elif kind == "activation":
            h = ACTIVATIONS[layer["activation"]](h)
    return h


def predict(model, df):
    """Predictions of a DataFrame of raw CSV texts: labels and probabilities, or values in the target's units."""
    y = network(model, transform(model, df))
    target = model["preprocessing"]["target"]
    if target["kind"] == "regression":
        return {"values": y[:, 0] * target["std"] + target["mean"]}
    probabilities = np.hstack([1 - y, y]) if y.shape[1] == 1 else y
    classes = target["classes"]
    return {"classes": classes, "probabilities": probabilities, "labels": [classes[i] for i in probabilities.argmax(axis=1)]}


def main(argv):
    args = argv[1:]
    options = {}
    for flag in ("--out", "--matrix"):
        if flag in args:
            i = args.index(flag)
            options[flag] = args[i + 1]
            del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write("usage: backprop_studio.py MODEL.json DATA.csv [--out PRED.csv] [--matrix X.csv]\n")
        return 2
    model = load_model(args[0])
    df = pd.read_csv(args[1], dtype=str, keep_default_na=False)
    if "--matrix" in options:
        pd.DataFrame(transform(model, df), columns=model["featureNames"]).to_csv(options["--matrix"], index=False)
    result = predict(model, df)
    if "values" in result:
        out = pd.DataFrame({"prediction": result["values"]})
    else:
        out = pd.DataFrame(result["probabilities"], columns=[f"probability_{c}" for c in result["classes"]])
        out.insert(0, "prediction", result["labels"])
    out.to_csv(options.get("--out", sys.stdout), index=False, float_format="%.9g")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (ModelFileError, KeyError, OSError, ValueError) as e:
        sys.stderr.write(f"error: {e if isinstance(e, OSError) or not e.args else e.args[0]}\n")
        sys.exit(1)
