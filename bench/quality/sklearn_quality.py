"""Split one dataset for `npm run bench:quality` and score scikit-learn on the split.

usage: sklearn_quality.py DATA.csv TARGET TASK SEED OUTDIR

Writes OUTDIR/train.csv and OUTDIR/test.csv (the file's own cells, an 80/20 split, stratified for
classification, seeded with SEED: scikit-learn's train_test_split when it is installed), then prints one
JSON object: the test score (accuracy or R²) of scikit-learn's MLP (64, 32), HistGradientBoosting and, for
regression, RidgeCV, each in an impute + scale + one-hot pipeline fitted on train.csv; null without scikit-learn.
"""
import json
import sys
import warnings

import numpy as np
import pandas as pd

path, target, task, seed, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
raw = pd.read_csv(path, dtype=str, keep_default_na=False)
raw = raw[raw[target].str.strip() != ""].reset_index(drop=True)
classify = task == "classification"
try:
    from sklearn.compose import ColumnTransformer
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import RidgeCV
    from sklearn.metrics import accuracy_score, r2_score
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler
    has_sklearn = True
except ImportError:
    has_sklearn = False

if has_sklearn:
    train_raw, test_raw = train_test_split(raw, test_size=0.2, random_state=seed, stratify=raw[target] if classify else None)
else:
    rng = np.random.default_rng(seed)
    groups = raw.groupby(target).indices.values() if classify else [np.arange(len(raw))]
    test_rows = np.concatenate([rng.permutation(g)[: int(round(len(g) * 0.2))] for g in groups])
    test_raw, train_raw = raw.iloc[np.sort(test_rows)], raw.drop(index=test_rows)
train_raw.to_csv(f"{out}/train.csv", index=False)
test_raw.to_csv(f"{out}/test.csv", index=False)

scores = {"mlp": None, "hgb": None, "ridge": None}
if has_sklearn:
    warnings.filterwarnings("ignore")
    train, test = pd.read_csv(f"{out}/train.csv"), pd.read_csv(f"{out}/test.csv")
    x_train, y_train, x_test, y_test = train.drop(columns=[target]), train[target], test.drop(columns=[target]), test[target]
    text = [c for c in x_train.columns if x_train[c].dtype == object]
    numbers = [c for c in x_train.columns if c not in text]

    def pipeline(model):
        pre = ColumnTransformer([
            ("numbers", make_pipeline(SimpleImputer(strategy="mean"), StandardScaler()), numbers),
            ("text", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), text),
        ])
        return make_pipeline(pre, model)

    models = {
        "mlp": (MLPClassifier if classify else MLPRegressor)((64, 32), max_iter=500, random_state=seed),
        "hgb": (HistGradientBoostingClassifier if classify else HistGradientBoostingRegressor)(random_state=seed),
    }
    if not classify:
        models["ridge"] = RidgeCV(alphas=np.logspace(-3, 3, 13))
    for name, model in models.items():
        p = pipeline(model).fit(x_train, y_train).predict(x_test)
        scores[name] = float(accuracy_score(y_test.astype(str), p.astype(str)) if classify else r2_score(y_test, p))
print(json.dumps(scores))
