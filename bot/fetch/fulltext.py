"""Full text: for sources whose feed carries only a short summary, fetch each new item's page and keep its text.

Rules: only items not yet in the archive and with a summary shorter than SHORT_TEXT (with `fulltext: auto`, only
those whose headline and summary leave the tagger undecided: bot.tagging.undecided); the same fetch rules as
feeds (timeout, size cap, private-address guard, per-host politeness), but the address guard is the default
one unless the source sets `fulltext_allow_private` (its `allow_private` is for the feed: a bridge feed's
links must not read intranet pages into the archive); the text comes from the source's `fulltext_selector`
or else from trafilatura's main-text extraction; any failure of a page, whatever it raises, keeps the summary
(logged), never loses the item or fails the source; at most MAX_PAGES pages per cycle of one source, the rest
wait for the next cycle.
"""

from __future__ import annotations

import dataclasses
import logging

from bot.errors import AdvisoryBotError
from bot.fetch.client import fetch
from bot.records import Item
from extractors.charset import decode
from extractors.text import cap, clean_text, html_to_text

log = logging.getLogger(__name__)
SHORT_TEXT = 600
MAX_PAGES = 20
TEXT_MAX = 100_000


def main_text(html: str, selector: str | None) -> str:
    """The article's text: the selector's elements, or trafilatura's main-content extraction."""
    if selector:
        from bs4 import BeautifulSoup  # imported on first use, as trafilatura is

        soup = BeautifulSoup(html, "lxml")
        return clean_text("\n\n".join(html_to_text(str(el)) for el in soup.select(selector)))
    import trafilatura  # imported on first use: most sources never need it

    return clean_text(trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True) or "")


# What happened to each item's page (`sources test` shows these; enrich reports them through `outcomes`)
PAGE_READ = "read"
PAGE_FAILED = "failed: summary kept"
PAGE_DECIDED = "not needed: the summary decides"
PAGE_LONG = "not needed: the summary is long enough"
PAGE_NO_LINK = "no link"
PAGE_KNOWN = "not read: already in the archive"
PAGE_LIMIT = f"not read: {MAX_PAGES} pages per cycle"


def enrich(items: list[Item], source, rt, known, wanted=None, outcomes: list[str] | None = None) -> list[Item]:
    """`items` with the page text of new, short ones (`known(item)` says whether the archive has it; `wanted(item)`,
    when given, whether its page is worth reading: `fulltext: auto`). `outcomes`, when given, gets one PAGE_* per
    item."""
    out, pages = [], 0
    for item in items:
        skipped = _skipped(item, pages, known, wanted)
        if skipped is not None:
            _note(outcomes, skipped)
            out.append(item)
            continue
        pages += 1
        # article links obey the default address policy: `allow_private` lets the feed reach a private address,
        # not every link a (possibly bridged) feed carries; `fulltext_allow_private` is the page's own key
        private = source.fulltext_allow_private
        update = {"name": f"{source.name} (page)", "url": item.url, "allow_private": private, "type": "html"}
        page = source.model_copy(update=update)
        try:
            result = fetch(rt.http(page.allow_private), page, gate=rt.gate)
            text, _codec = decode(result.body, result.content_type, "html")
            body = main_text(text, source.fulltext_selector)
        except Exception as exc:  # any failure of one page (a bad redirect, a missing module) keeps the summary
            error = str(exc) if isinstance(exc, AdvisoryBotError) else f"{type(exc).__name__}: {exc}"
            log.warning("full text not fetched", extra={"source_id": source.name, "url": item.url, "error": error})
            rt.metrics.page(source.name, "failed")
            _note(outcomes, PAGE_FAILED)
            out.append(item)
            continue
        rt.metrics.page(source.name, "read")
        longer = len(body) > len(item.text)
        _note(outcomes, PAGE_READ if longer else PAGE_FAILED)
        out.append(dataclasses.replace(item, text=cap(body, TEXT_MAX)) if longer else item)
    return out


def _skipped(item: Item, pages: int, known, wanted) -> str | None:
    """Why the page of `item` is not read (a PAGE_*), or None when it is."""
    if len(item.text) >= SHORT_TEXT:
        return PAGE_LONG
    if not item.url:
        return PAGE_NO_LINK
    if pages >= MAX_PAGES:
        return PAGE_LIMIT
    if known(item):
        return PAGE_KNOWN
    if wanted is not None and not wanted(item):
        return PAGE_DECIDED
    return None


def _note(outcomes: list[str] | None, outcome: str) -> None:
    if outcomes is not None:
        outcomes.append(outcome)
