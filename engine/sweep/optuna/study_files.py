"""The files study.py reads and writes: the export's JSON next to it, and outputs that never replace an input.

Part of the folder `backprop-studio sweep --export-optuna` writes; study.py imports it from the same folder.
"""
import json
import os
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


class StudyError(Exception):
    """A problem the user can fix; printed as one line, without a traceback."""


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
