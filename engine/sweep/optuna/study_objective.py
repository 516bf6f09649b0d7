"""One trial of the study: apply its values to the network, train it from scratch with train.py, report each epoch.

Part of the folder `backprop-studio sweep --export-optuna` writes; study.py imports it from the same folder.
"""
import math
import time


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
