"""The study's storage: open (or join) the Optuna study in a database, with the sampler and pruner of study.json.

Part of the folder `backprop-studio sweep --export-optuna` writes; study.py imports it from the same folder.
"""
import hashlib
import json
import math
import os
import re
import time

from study_files import StudyError

RACES = re.compile(r"UNIQUE constraint|already exists|duplicate key|database is locked|Duplicate entry", re.IGNORECASE)
DRIVERS = {"postgresql": "psycopg2 (Debian: python3-psycopg2; pip: psycopg2-binary)",
           "mysql": "a MySQL driver (Debian: python3-pymysql, then write mysql+pymysql://...; pip: PyMySQL)"}


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
