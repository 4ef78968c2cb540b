"""Fetched bytes -> tagged items: extract, tag, and sign each item (its near-duplicate MinHash) in one step.

The step is a pure function of the fetched document and the source's settings, with no database or network,
so a big cycle runs it in worker processes (bot.run.workers: every core parses and tags) while the source
threads fetch and store. A tagger that offers `analyse` runs the whole step itself; any other is called here.
"""

from __future__ import annotations

from bot.records import FetchResult, Item, TaggedItem
from storage.signatures import signature


def analyse(result: FetchResult, source, tagger) -> list[TaggedItem]:
    """The source's items in `result`, tagged and signed; ExtractError on bytes that are not the source's type."""
    whole = getattr(tagger, "analyse", None)
    if whole is not None:
        return whole(result, source)
    return tag(extract(result, source), tagger)


def extract(result: FetchResult, source) -> list[Item]:
    """The source's items in `result` (extractors, imported on first use: a cycle of 304s parses nothing)."""
    from extractors import extract as extract_items

    return extract_items(result, source)


def tag(items: list[Item], tagger) -> list[TaggedItem]:
    tags = tagger.tag_many([(i.title, i.text, i.language) for i in items])
    return [TaggedItem(i, t, signature(f"{i.title}\n{i.text}") or b"") for i, t in zip(items, tags, strict=True)]


def pages_wanted(items: list[Item], source, tagger, known):
    """`fulltext: auto`: a predicate true for the new short `items` whose headline and summary leave the tagger
    undecided, whose article page may decide (bot.tagging.undecided); None for `fulltext: true` (every one)."""
    if source.fulltext != "auto":
        return None
    from bot.fetch.fulltext import SHORT_TEXT
    from bot.tagging.undecided import page_may_decide

    fresh = [i for i in items if len(i.text) < SHORT_TEXT and i.url and not known(i)]
    tags = tagger.tag_many([(i.title, i.text, i.language) for i in fresh]) if fresh else []
    ids = {i.id for i, t in zip(fresh, tags, strict=True) if page_may_decide(t, i.title, i.text)}
    return lambda item: item.id in ids
