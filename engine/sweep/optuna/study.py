"""Run a Backprop Studio search space as an Optuna study; any number of processes on any machines share one study.

    python3 study.py --storage sqlite:///study.db --trials 20 [--study-name NAME] [--data data.csv] [--device cuda]
    python3 study.py --storage URL --export-trials trials.csv [--best-model best.model.json]

Written by `backprop-studio sweep DATA.csv --target COL --space SPACE.json --export-optuna DIR`: study.json holds the
search space as Optuna distributions, sampler and pruner; model.json the network and the preprocessing fitted on the
data; each trial applies its values to the network and trains it from scratch with train.py's train_model.
"""
import argparse
import hashlib
import json
import math
import os
import re
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
RACES = re.compile(r"UNIQUE constraint|already exists|duplicate key|database is locked|Duplicate entry", re.IGNORECASE)
DRIVERS = {"postgresql": "psycopg2 (Debian: python3-psycopg2; pip: psycopg2-binary)",
           "mysql": "a MySQL driver (Debian: python3-pymysql, then write mysql+pymysql://...; pip: PyMySQL)"}


class StudyError(Exception):
    """A problem the user can fix; printed as one line, without a traceback."""


def positive_int(text):
    """--trials: a whole number >= 1."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of trials, e.g. --trials 20, got '{text}'") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}. Leave --trials out to only export.")
    return n


def parse_args(argv):
    p = argparse.ArgumentParser(prog="study.py", description="Run this search space as an Optuna study.")
    p.add_argument("--storage", required=True, help="sqlite:///study.db on one machine; postgresql://user:pw@host/db "
                   "or mysql://user:pw@host/db to share the study between machines")
    p.add_argument("--trials", type=positive_int, help="trials this process runs (leave out to only export)")
    p.add_argument("--study-name", default="backprop-studio", help="the study in the storage (default backprop-studio)")
    p.add_argument("--data", default=os.path.join(HERE, "data.csv"), help="the training CSV (default: data.csv here)")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"], help="cpu (default) or cuda")
    p.add_argument("--export-trials", metavar="TRIALS.csv", help="write every trial of the study as a trials CSV")
    p.add_argument("--best-model", metavar="MODEL.json",
                   help="train the best configuration again and save its model file")
    return p.parse_args(argv)


def read_json(name):
    """A file the export wrote next to study.py."""
    try:
        with open(os.path.join(HERE, name), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise StudyError(f"Cannot read {name} next to study.py ({e}). Copy the whole folder that "
                         "'backprop-studio sweep --export-optuna' wrote, or export it again.") from None


def sqlite_file(url):
    """The database file of a sqlite:/// storage URL (relative to the current folder, as SQLAlchemy opens it)."""
    return url[len("sqlite:///"):].split("?", 1)[0] if url.startswith("sqlite:///") else None


def study_inputs(args):
    """(what, path) of the files study.py reads, which no output may overwrite."""
    inputs = [("the training CSV (--data)", args.data), ("study.json", os.path.join(HERE, "study.json")),
              ("model.json", os.path.join(HERE, "model.json"))]
    db = sqlite_file(args.storage)
    return inputs + [("the study's SQLite database (--storage)", db)] if db else inputs


def same_file(a, b):
    return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)


def check_writable(path, flag, inputs=()):
    """Fail before any training when `path` cannot be written (missing folder, a folder, no permission) or is one
    of `inputs` ((what, path) pairs study.py reads; compared by file identity, so links are seen through)."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise StudyError(f"{flag} {path} is a folder. Name a file, e.g. {flag} {os.path.join(path, 'trials.csv')}.")
    if not os.path.isdir(folder):
        raise StudyError(f"{flag} {path}: the folder {folder} does not exist. Create it or choose another path.")
    for what, other in inputs:
        if same_file(path, other) or os.path.abspath(path) == os.path.abspath(other):
            raise StudyError(f"{flag} {path} is {what}, which study.py reads; writing there would overwrite it. "
                             "Choose another file.")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".study-check-"):
            pass
    except OSError as e:
        raise StudyError(f"{flag} {path}: cannot write into {folder} ({e.strerror}). Choose another path.") from None


def write_atomic(path, text):
    """Write through a temporary file in the same folder, then rename: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".study-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def redact(url):
    """The storage URL without its password, for messages."""
    if "://" not in url or "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}" if ":" in creds else url


def make_sampler(optuna, config):
    s = config["sampler"]
    # Every process draws its own values: with one seed, two processes would try the same configurations.
    seed = (s["seed"] * 1_000_003 + os.getpid() + time.time_ns()) % 2**32
    if s["type"] == "tpe":
        gamma = s["gamma"]
        return optuna.samplers.TPESampler(n_startup_trials=s["nStartupTrials"], n_ei_candidates=s["nEiCandidates"],
                                          gamma=lambda n: max(1, math.ceil(gamma * n)), seed=seed)
    if s["type"] == "grid":
        return optuna.samplers.GridSampler({k: list(v) for k, v in s["grid"].items()}, seed=seed)
    return optuna.samplers.RandomSampler(seed=seed)


def make_pruner(optuna, config):
    p = config["pruner"]
    if p is None:
        return optuna.pruners.NopPruner()
    if p["type"] == "hyperband":
        return optuna.pruners.HyperbandPruner(min_resource=p["minResource"], max_resource=p["maxResource"],
                                              reduction_factor=p["reductionFactor"])
    return optuna.pruners.SuccessiveHalvingPruner(min_resource=p["minResource"], reduction_factor=p["reductionFactor"])


def open_study(optuna, args, config):
    fingerprint = hashlib.sha256(json.dumps(config, sort_keys=True).encode()).hexdigest()[:16]
    for attempt in range(6):
        try:
            study = optuna.create_study(storage=args.storage, study_name=args.study_name, load_if_exists=True,
                                        direction=config["objective"]["direction"],
                                        sampler=make_sampler(optuna, config), pruner=make_pruner(optuna, config))
            break
        except ImportError as e:
            scheme = args.storage.split(":", 1)[0].split("+")[0]
            driver = DRIVERS.get(scheme, "the database driver SQLAlchemy uses for it")
            raise StudyError(f"--storage {redact(args.storage)} needs {driver}, which is not installed ({e}). "
                             "Install it on every machine that runs study.py.") from None
        except Exception as e:  # SQLAlchemy and Optuna raise many kinds; each ends in the same message.
            # Processes that start together race to create the tables of a new storage: the losers try again.
            if attempt < 5 and RACES.search(str(e)):
                time.sleep(0.2 * (attempt + 1))
                continue
            reason = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise StudyError(f"Cannot open the study in --storage {redact(args.storage)}: {reason}. Use "
                             "sqlite:///study.db on one machine, or postgresql://user:password@host/database across "
                             "machines.") from None
    known = study.user_attrs.get("backprop-studio")
    if known is None:
        study.set_user_attr("backprop-studio", fingerprint)
    elif known != fingerprint:
        raise StudyError(f"The study '{args.study_name}' in this storage was started from another search space or "
                         "network. Choose another --study-name, or run the study.py that started it.")
    return study


def kept_epoch(trained, epochs_run):
    """The epoch whose weights train_model kept: its bestEpoch (early stopping's best when restored, else the last)."""
    best = (trained.get("training") or {}).get("bestEpoch")
    return best if isinstance(best, int) and 1 <= best <= epochs_run else epochs_run


def epoch_metrics(summary):
    """An epoch's numbers under the studio's names: loss, accuracy, valLoss, ... (engine/sweep/objective.ts)."""
    out = {"loss": summary["loss"], **(summary.get("metrics") or {})}
    if summary.get("valLoss") is not None:
        out["valLoss"] = summary["valLoss"]
    for k, v in (summary.get("valMetrics") or {}).items():
        out["val" + k[:1].upper() + k[1:]] = v
    return {k: float(v) for k, v in out.items() if isinstance(v, (int, float)) and math.isfinite(v)}


def make_objective(optuna, config, base, args):
    from sweep_space import apply_params, suggest
    from train import train_model
    report = config["objective"]["report"]

    def objective(trial):
        params = suggest(trial, config["parameters"])
        # train_model draws the validation rows and the initial weights from one seed: every trial takes the
        # sweep's, so all are scored on the same rows (as the studio's own sweeps are).
        seed = config["seed"]
        spec = apply_params(base["spec"], params)
        training = spec.setdefault("training", {})
        training["seed"] = seed
        training["refit"] = False  # a trial is judged on its validation rows, as the studio's trials are
        if config["epochs"] is not None:
            training["epochs"] = config["epochs"]
        history, pruned = [], [False]

        def on_epoch(epoch, metrics):
            history.append(epoch)
            value = metrics.get(report)
            if value is not None and math.isfinite(value):
                trial.report(float(value), epoch)
                if config["pruner"] is not None and trial.should_prune():
                    pruned[0] = True
                    return True
            return None

        started = time.monotonic()
        trial.set_user_attr("seed", seed)
        try:
            trained = train_model(dict(base, spec=spec), args.data, epochs=training.get("epochs", 1), from_scratch=True,
                                  device=args.device, seed=seed, on_epoch=on_epoch, log=lambda summary: None)
        except KeyboardInterrupt:
            trial.set_user_attr("error", "Stopped with Ctrl+C before it finished.")
            raise
        except Exception as e:  # a diverged or invalid configuration fails its trial; the study goes on
            trial.set_user_attr("error", str(e).splitlines()[0] if str(e) else type(e).__name__)
            trial.set_user_attr("epochs", len(history))
            trial.set_user_attr("durationMs", (time.monotonic() - started) * 1000)
            raise TrialFailed(str(e)) from None
        epochs = trained.get("history") or []
        kept = kept_epoch(trained, len(epochs))
        metrics = epoch_metrics(epochs[kept - 1]) if kept else {}
        value = metrics.get(config["objective"]["metric"])
        for key, v in (("epochs", len(epochs)), ("keptEpoch", kept), ("metrics", metrics), ("objective", value),
                       ("durationMs", (time.monotonic() - started) * 1000)):
            trial.set_user_attr(key, v)
        if pruned[0]:
            raise optuna.TrialPruned()
        if value is None or not math.isfinite(value):
            trial.set_user_attr("error", f"train.py reported no finite '{report}'; lower the learning rate.")
            raise TrialFailed("no objective")
        return value

    return objective


class TrialFailed(Exception):
    """A trial whose training failed; recorded with its message, the study goes on."""


def log_trial(study, trial):
    t = trial
    status = {"COMPLETE": "done", "PRUNED": "pruned", "FAIL": "failed"}.get(t.state.name, t.state.name.lower())
    score = f"{t.value:.4g}" if t.value is not None else t.user_attrs.get("error", "")
    print(f"trial {t.number + 1} {status}: {score}  {json.dumps(t.params)}", file=sys.stderr, flush=True)


def run(args):
    config, base = read_json("study.json"), read_json("model.json")
    for path, flag in ((args.export_trials, "--export-trials"), (args.best_model, "--best-model")):
        if path:
            check_writable(path, flag, study_inputs(args))
    if args.export_trials and args.best_model and os.path.abspath(args.export_trials) == os.path.abspath(
            args.best_model):
        raise StudyError(f"--export-trials and --best-model both name {args.best_model}. Give each its own file.")
    if (args.trials or args.best_model) and not os.path.isfile(args.data):
        raise StudyError(f"--data {args.data}: no such file. Copy the training CSV there or name it with --data.")
    if args.device == "cuda" and (args.trials or args.best_model):
        import torch
        if not torch.cuda.is_available():
            raise StudyError("--device cuda: PyTorch sees no CUDA GPU on this machine. Leave --device out to train on "
                             "the CPU, or install a CUDA build of PyTorch.")
    warnings.filterwarnings("ignore")
    import optuna
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    study = open_study(optuna, args, config)
    if args.trials:
        study.optimize(make_objective(optuna, config, base, args), n_trials=args.trials, catch=(TrialFailed,),
                       callbacks=[log_trial])
    finished = [t for t in study.get_trials(deepcopy=False) if t.state.name in ("COMPLETE", "PRUNED", "FAIL")]
    print(f"Study '{args.study_name}': {len(finished)} trials finished.", file=sys.stderr)
    if args.export_trials:
        from trials_csv import trials_csv
        write_atomic(args.export_trials, trials_csv(study, config))
        print(f"Trials written to {args.export_trials}", file=sys.stderr)
    if args.best_model:
        write_best(study, config, base, args)


def write_best(study, config, base, args):
    from sweep_space import apply_params
    from train import train_model
    from trials_csv import ranked_trials
    ranked = ranked_trials(study.get_trials(deepcopy=False), config["objective"])
    if not ranked:
        raise StudyError("No trial of the study is done (pruned and failed ones do not count), so there is no best "
                         "configuration yet. Run more trials; --export-trials shows why trials failed.")
    best = ranked[0]
    spec = apply_params(base["spec"], best.params)
    seed = best.user_attrs.get("seed", config["seed"])
    spec.setdefault("training", {})["seed"] = seed
    epochs = best.user_attrs.get("keptEpoch") or spec["training"].get("epochs", 1)
    spec["training"]["epochs"] = epochs
    model = train_model(dict(base, spec=spec), args.data, epochs=epochs, from_scratch=True, device=args.device,
                        seed=seed, log=lambda summary: None)
    write_atomic(args.best_model, json.dumps(model))
    metric = config["objective"]["metric"]
    print(f"Best trial {best.number + 1} ({metric} {best.value:.4g}) retrained: {args.best_model}", file=sys.stderr)


def main(argv):
    args = parse_args(argv)
    try:
        run(args)
    except StudyError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped; the trials that finished are in the study.", file=sys.stderr)
        return 130
    except Exception as e:  # a bug, not the user's input: one line, the traceback on request
        if os.environ.get("BACKPROP_STUDIO_DEBUG"):
            raise
        print(f"error: {type(e).__name__}: {e} (set BACKPROP_STUDIO_DEBUG=1 to see where)", file=sys.stderr)
        return 70
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
