"""Keep an evaluation set's provenance and labels in the repository, without its third-party text.

Usage: python bench/eval_manifest.py make SET.jsonl > bench/eval_sets/NAME.jsonl
       python bench/eval_manifest.py check NEW.jsonl [bench/eval_sets/*.jsonl]

The labelled sets that `advisory-bot eval` is measured on are excerpts of other people's pages: they stay outside
the repository, and a machine that is not kept loses them. Their manifests stay: one line per text with its id,
address, where it was found (`provenance`), language, category, labels and the SHA-256 of `title + "\\n" + text`.
With them a later session can
- tell whether a text it gathers was in an earlier set (`check`): a "fresh blind" set that repeats texts an earlier
  round was tuned on is not blind;
- gather a set again from the same addresses and know, by the hash, that it has the very texts.

`check` prints, for each text of NEW that repeats an earlier one, its id, the manifest and id it repeats, and how
(same address, same text); then the counts. Its exit code is 0 either way: it reports, the reader decides. The earlier
sets may be manifests or labelled sets with their text (../shared/corpus/dev.jsonl, say).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from extractors.identity import normalize_url  # noqa: E402

SETS = ROOT / "bench" / "eval_sets"
KEPT = ("id", "url", "source", "provenance", "published", "language", "category", "confuser", "labels", "unscored")


def text_hash(record: dict) -> str:
    """SHA-256 of the text as the tagger reads it: title, a newline, text."""
    body = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def address(url: str | None) -> str:
    """The item identity's normal form of an address (tracking parameters dropped), less scheme, `www.` and a
    trailing slash: the same page fetched over http and https is one page."""
    normal = normalize_url(url)
    if not normal:
        return ""
    parts = urlsplit(normal)
    return urlunsplit(("", parts.netloc.removeprefix("www."), parts.path.rstrip("/"), parts.query, ""))


def manifest_line(record: dict) -> dict:
    line = {key: record[key] for key in KEPT if key in record}
    line["sha256"] = text_hash(record)
    line["chars"] = len(record.get("text") or "")
    return line


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def make(path: Path) -> None:
    for record in read_jsonl(path):
        print(json.dumps(manifest_line(record), ensure_ascii=False))


def check(path: Path, manifests: list[Path]) -> None:
    by_address: dict[str, str] = {}
    by_hash: dict[str, str] = {}
    for manifest in manifests:
        for line in read_jsonl(manifest):
            where = f"{manifest.stem}:{line.get('id')}"
            if address(line.get("url")):
                by_address.setdefault(address(line.get("url")), where)
            by_hash.setdefault(line.get("sha256") or text_hash(line), where)  # a manifest, or a set with its text
    records = read_jsonl(path)
    repeated = 0
    for record in records:
        hits = []
        if address(record.get("url")) in by_address:
            hits.append(f"same address as {by_address[address(record.get('url'))]}")
        if text_hash(record) in by_hash:
            hits.append(f"same text as {by_hash[text_hash(record)]}")
        if hits:
            repeated += 1
            print(f"{record.get('id')}: {'; '.join(hits)}")
    print(f"{len(records)} texts, {repeated} repeat an earlier set ({len(manifests)} manifests read)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("make", help="print the manifest of a labelled set").add_argument("set", type=Path)
    checker = commands.add_parser("check", help="which texts of a new set repeat an earlier set")
    checker.add_argument("set", type=Path)
    checker.add_argument("manifests", type=Path, nargs="*")
    args = parser.parse_args(argv)
    if args.command == "make":
        make(args.set)
    else:
        check(args.set, args.manifests or sorted(SETS.glob("*.jsonl")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
