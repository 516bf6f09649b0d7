"""--refit-preprocessing: fit the model file's preprocessing again on new training rows.

Each feature keeps its column, kind and settings (fill strategy, missing indicator, scaling, date parts);
what is fitted again, as the studio fits it (engine/data/fit-features.ts): fill values (mean, median,
most frequent), center and scale, and the category lists (most frequent first up to the same count, then
sorted). A regression target's mean and std are fitted again; a classifier keeps its classes.
"""
import copy
import math

import numpy as np

import preprocess


def sort_labels(labels):
    """Numerically when every label is a number, else by code point (as the studio sorts categories)."""
    def is_number(label):
        try:
            return label.strip() != "" and math.isfinite(float(label))
        except ValueError:
            return False
    if all(is_number(label) for label in labels):
        return sorted(labels, key=float)
    return sorted(labels)


def fill_value(strategy, values, old):
    """The fitted fill value: mean, median, most frequent (smallest on a tie), or the old constant."""
    if strategy == "constant" or len(values) == 0:
        return old
    if strategy == "median":
        return float(np.median(values))
    if strategy == "mostFrequent":
        uniques, counts = np.unique(values, return_counts=True)
        return float(uniques[np.argmax(counts)])
    return float(values.mean())


def scale_for(scaling, values):
    """center and scale for standardize (mean, population std), minMax (min, range) or none (0, 1)."""
    if scaling == "none" or len(values) == 0:
        return 0.0, 1.0
    if scaling == "minMax":
        low, high = float(values.min()), float(values.max())
        return low, high - low if high > low else 1.0
    m, s = float(values.mean()), float(values.std())
    return m, s if s > 0 else 1.0


def refit_categories(t, cells):
    labels = [label for label in cells.labels() if label is not None]
    uniques, counts = np.unique(np.array(labels, dtype=object), return_counts=True) if labels else ([], [])
    frequent = [u for _, u in sorted(zip(counts, uniques), key=lambda cu: (-cu[0], cu[1]))]
    constant = t["fill"]["strategy"] == "constant"
    old_fill = t["categories"][int(t["fill"]["value"])] if constant and t["fill"]["value"] >= 0 else None
    limit = len(t["categories"]) - (1 if constant else 0)
    kept = frequent[:limit] if t["kind"] == "oneHot" else frequent
    categories = sort_labels(kept)
    fill_index = categories.index(kept[0]) if kept else -1
    if constant and old_fill is not None:
        if old_fill not in categories:
            categories.append(old_fill)
        fill_index = categories.index(old_fill)
    t["categories"] = categories
    if t["kind"] == "oneHot":
        t["hasOther"] = len(frequent) > len(kept)
        t["fill"]["value"] = fill_index
        return
    index = {c: i for i, c in enumerate(categories)}
    codes = np.array([index[label] for label in labels if label in index], dtype=np.float64)
    strategy = t["fill"]["strategy"]
    if strategy in ("constant", "mostFrequent", "drop"):
        t["fill"]["value"] = max(fill_index, 0)
    else:
        t["fill"]["value"] = fill_value(strategy, codes, t["fill"]["value"])
    t["center"], t["scale"] = scale_for(t["scaling"], codes)


def refit_feature(t, cells):
    """Fits one feature transform (a copy) on the cells of the training rows."""
    t = copy.deepcopy(t)
    kind, strategy = t["kind"], t["fill"]["strategy"]
    if kind in ("oneHot", "ordinal"):
        refit_categories(t, cells)
    elif kind == "boolean":
        positive, negative = set(t["positive"]), set(t["negative"])
        keys = [None if label is None else label.lower() for label in cells.labels()]
        values = np.array([1.0 if k in positive else 0.0 for k in keys if k in positive or k in negative])
        t["fill"]["value"] = fill_value(strategy, values, t["fill"]["value"])
    elif kind == "datetime":
        stamps = cells.dates()
        stamps = stamps[~np.isnan(stamps)]
        t["fill"]["value"] = fill_value(strategy if strategy != "drop" else "mean", stamps, t["fill"]["value"])
        fits = [scale_for(t["scaling"], np.array([preprocess.date_part(s, p) for s in stamps], dtype=np.float64))
                for p in t["parts"]]
        t["center"], t["scale"] = [f[0] for f in fits], [f[1] for f in fits]
    else:
        values = cells.numbers()
        values = values[~np.isnan(values)]
        t["fill"]["value"] = fill_value(strategy if strategy != "drop" else "mean", values, t["fill"]["value"])
        t["center"], t["scale"] = scale_for(t["scaling"], values)
    return t


def feature_names(t):
    """The input-matrix columns one transform writes."""
    c = t["column"]
    if t["kind"] == "oneHot":
        names = [f"{c}={k}" for k in t["categories"]] + ([f"{c}=other"] if t["hasOther"] else [])
    elif t["kind"] == "datetime":
        names = [f"{c}:{p}" for p in t["parts"]]
    else:
        names = [c]
    return names + ([f"{c}:missing"] if t["fill"]["indicator"] else [])


def refit(model, df):
    """(preprocessing, featureNames) fitted on the rows of df (the training rows, raw texts)."""
    pre = copy.deepcopy(model["preprocessing"])
    absent = [t["column"] for t in pre["features"] if t["column"] not in df.columns]
    if absent:
        raise KeyError(f"The CSV has no column {', '.join(repr(a) for a in absent)}, which the model uses.")
    cells = lambda column: preprocess.Cells(df[column].tolist(), pre["missingValues"], model.get("reading"))
    pre["features"] = [refit_feature(t, cells(t["column"])) for t in pre["features"]]
    target = pre["target"]
    if target["kind"] == "regression" and model["preprocessing"].get("preprocess", True):
        values = cells(target["column"]).numbers()
        values = values[~np.isnan(values)]
        if len(values):
            target["mean"], target["std"] = float(values.mean()), float(values.std()) or 1.0
    pre["featureNames"] = [n for t in pre["features"] for n in feature_names(t)]
    return pre, pre["featureNames"]
