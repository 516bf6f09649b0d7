"""Run a Backprop Studio search space as an Optuna study; any number of processes on any machines share one study.

    python3 study.py --storage sqlite:///study.db --trials 20 [--study-name NAME] [--data data.csv] [--device cuda]
    python3 study.py --storage URL --export-trials trials.csv [--best-model best.model.json]

Written by `backprop-studio sweep DATA.csv --target COL --space SPACE.json --export-optuna DIR`: study.json holds the
search space as Optuna distributions, sampler and pruner; model.json the network and the preprocessing fitted on the
data; each trial applies its values to the network and trains it from scratch with train.py's train_model.
Its modules sit in the same folder: study_files (the files it reads and writes), study_storage (opening the study),
study_objective (one trial), sweep_space (a trial's values on the network) and trials_csv (the trials CSV).
"""
import argparse
import json
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from study_files import StudyError, check_writable, read_json, study_inputs, write_atomic  # noqa: E402
from study_objective import TrialFailed, make_objective  # noqa: E402
from study_storage import open_study  # noqa: E402


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
