"""An Optuna study's trials in Backprop Studio's trials CSV format (engine/sweep/csv.ts writes the same columns).

Columns: trial, rank, status, objective (METRIC), one per parameter path, epochs, keptEpoch, the metrics at
the kept epoch (training ones, then validation ones), bracket, rung, seed, durationMs, error. Cells follow
engine/csv-cell.ts: numbers as JavaScript prints them, text that a spreadsheet would run as a formula gets
a leading quote, cells with a comma, quote or line break are quoted. The Sweep view and `sweep --open` read it.
"""
import math
import re
from decimal import Decimal

FORMULA_START = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$", re.IGNORECASE)
STATUS = {"COMPLETE": "done", "PRUNED": "pruned", "FAIL": "failed", "RUNNING": "running", "WAITING": "waiting"}


def js_number(x):
    """A number as JavaScript's String(x) writes it (1e-7, 0.00001, 42), so both writers agree."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int) or (float(x).is_integer() and abs(x) < 1e21):
        return str(int(x))
    text = repr(float(x))
    if "e" not in text:
        return text
    exp = int(text.split("e")[1])
    if -7 < exp < 21:
        return format(Decimal(text), "f")
    mantissa = text.split("e")[0].rstrip("0").rstrip(".")
    return f"{mantissa}e{'+' if exp > 0 else '-'}{abs(exp)}"


def cell(value):
    """One CSV cell (see the module comment); None and non-finite numbers are empty."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return js_number(value) if math.isfinite(value) else ""
    text = js_number(value) if isinstance(value, bool) else str(value)
    if FORMULA_START.match(text) and not NUMBER.match(text):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"' if re.search(r'[,"\n\r]', text) else text


def metric_names(trials):
    """Metric names over all trials: training ones, then validation ones, each alphabetically."""
    names = {name for t in trials for name in t.user_attrs.get("metrics", {})}
    return sorted(names, key=lambda n: (n.startswith("val"), n))


def ranked_trials(trials, objective):
    """The done trials, best first: by the objective, ties by the lower valLoss, then by trial number (as the
    engine ranks a sweep). study.py's --best-model retrains the first, so it is the trial the CSV ranks 1."""
    done = [t for t in trials if t.state.name == "COMPLETE" and t.value is not None and math.isfinite(t.value)]
    sign = -1 if objective["direction"] == "maximize" else 1
    val_loss = lambda t: t.user_attrs.get("metrics", {}).get("valLoss", math.inf)  # noqa: E731
    return sorted(done, key=lambda t: (sign * t.value, val_loss(t), t.number))


def trials_csv(study, config):
    """The CSV text of every trial of the study, by trial number."""
    objective = config["objective"]
    paths = [p["path"] for p in config["parameters"]]
    trials = sorted(study.get_trials(deepcopy=False), key=lambda t: t.number)
    metrics = metric_names(trials)
    rank = {t.number: i + 1 for i, t in enumerate(ranked_trials(trials, objective))}
    header = ["trial", "rank", "status", f"objective ({objective['metric']})", *paths, "epochs", "keptEpoch", *metrics,
              "bracket", "rung", "seed", "durationMs", "error"]
    lines = [",".join(cell(h) for h in header)]
    for t in trials:
        a = t.user_attrs
        status = STATUS.get(t.state.name, "failed")
        value = t.value if status == "done" else a.get("objective")
        row = [t.number + 1, rank.get(t.number), status, value, *[t.params.get(p) for p in paths], a.get("epochs", 0),
               a.get("keptEpoch", 0), *[a.get("metrics", {}).get(m) for m in metrics], None, None, a.get("seed"),
               round(a.get("durationMs", 0)), a.get("error")]
        lines.append(",".join(cell(v) for v in row))
    return "\n".join(lines) + "\n"
