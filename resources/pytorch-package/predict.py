#!/usr/bin/env python3
"""Predict a raw CSV with the model, with PyTorch: the same columns and numbers as `backprop-studio predict`.

    python3 predict.py RAW.csv [--out PRED.csv] [--model model.json] [--device cpu|cuda]

Columns: `prediction`, and for classification one `probability_<class>` per class (7 significant digits).
"""
import argparse
import os
import sys
from decimal import Decimal

import numpy as np
import pandas as pd
import torch

import data
import preprocess
from model import load_network

HERE = os.path.dirname(os.path.abspath(__file__))


def predict_frame(model, df, device="cpu"):
    """Predictions of a DataFrame of raw CSV texts: {"labels", "probabilities", "classes"} or {"values"}."""
    x = preprocess.transform(model, df)
    net = load_network(model).to(device)
    with torch.no_grad():
        y = net(torch.from_numpy(x).to(device)).cpu().numpy().astype(np.float64)
    target = model["preprocessing"]["target"]
    if target["kind"] == "regression":
        return {"values": y[:, 0] * target.get("std", 1) + target.get("mean", 0)}
    probabilities = np.hstack([1 - y, y]) if y.shape[1] == 1 else y
    classes = target["classes"]
    labels = [classes[i] for i in probabilities.argmax(axis=1)]
    return {"classes": classes, "probabilities": probabilities, "labels": labels}


def js_text(v):
    """A float as JavaScript's String(v) writes it: positional from 1e-7 up to 1e21, else like 1e-8 or 1.5e+21."""
    if v == int(v) and abs(v) < 1e21:
        return str(int(v))
    text = repr(v)
    if "e" not in text:
        return text
    if 1e-7 <= abs(v) < 1e21:
        return format(Decimal(text), "f")
    mantissa, exponent = text.split("e")
    return f"{mantissa}e{'-' if exponent.startswith('-') else '+'}{int(exponent.lstrip('+-'))}"


def number(v):
    """A value as `predict` writes it: 7 significant digits in JavaScript's number text; empty when not finite."""
    return js_text(float(f"{v:.7g}")) if np.isfinite(v) else ""


def main(argv):
    p = argparse.ArgumentParser(prog="predict.py", description="Predict a raw CSV with a Backprop Studio model.")
    p.add_argument("csv", metavar="RAW.csv")
    p.add_argument("--out", default=None, metavar="PRED.csv", help="write here (default: standard output)")
    p.add_argument("--model", default=os.path.join(HERE, "model.json"), help="model file (default: the package's)")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    args = p.parse_args(argv)
    if args.out:
        data.check_output(args.out, "--out", [("the CSV to predict", args.csv), ("the model file", args.model)],
                          "predictions.csv")
    model = preprocess.load_model(args.model)
    df = data.read_csv(args.csv)
    result = predict_frame(model, df, args.device)
    if "values" in result:
        out = pd.DataFrame({"prediction": [number(v) for v in result["values"]]})
    else:
        out = pd.DataFrame({f"probability_{c}": [number(v) for v in result["probabilities"][:, i]]
                            for i, c in enumerate(result["classes"])})
        out.insert(0, "prediction", result["labels"])
    out.to_csv(args.out if args.out else sys.stdout, index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (preprocess.ModelFileError, data.DataError, KeyError, OSError, ValueError) as e:
        sys.stderr.write(f"error: {e if isinstance(e, OSError) or not e.args else e.args[0]}\n")
        sys.exit(1)
