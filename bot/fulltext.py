"""Full text: for sources whose feed carries only a short summary, fetch each new item's page and keep its text.

Rules: only items not yet in the archive and with a summary shorter than SHORT_TEXT; the same fetch rules as
feeds (timeout, size cap, private-address guard, per-host politeness); the text comes from the source's
`fulltext_selector` or else from trafilatura's main-text extraction; any failure keeps the summary (logged),
never loses the item; at most MAX_PAGES pages per cycle of one source, the rest wait for the next cycle.
"""

from __future__ import annotations

import dataclasses
import logging

from bot.errors import AdvisoryBotError
from bot.fetch import fetch
from bot.records import Item
from extractors.charset import decode
from extractors.text import cap, clean_text, html_to_text

log = logging.getLogger("advisory_bot.fulltext")
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


def enrich(items: list[Item], source, rt, known) -> list[Item]:
    """`items` with the page text of new, short ones (`known(item)` says whether the archive has it)."""
    out, pages = [], 0
    for item in items:
        if len(item.text) >= SHORT_TEXT or not item.url or pages >= MAX_PAGES or known(item):
            out.append(item)
            continue
        pages += 1
        page = source.model_copy(update={"name": f"{source.name} (page)", "url": item.url, "type": "html"})
        try:
            result = fetch(rt.http(page.allow_private), page, gate=rt.gate)
            text, _codec = decode(result.body, result.content_type, "html")
            body = main_text(text, source.fulltext_selector)
        except (AdvisoryBotError, ValueError) as exc:
            log.warning("full text not fetched", extra={"source_id": source.name, "url": item.url, "error": str(exc)})
            out.append(item)
            continue
        out.append(dataclasses.replace(item, text=cap(body, TEXT_MAX)) if len(body) > len(item.text) else item)
    return out
