"""The tagger: text in, `bot.records.Tags` out. Calls the stages in order; owns no rules itself.

Rules: the analysed text is `title + "\\n" + text` (evidence offsets point into it). Language "ko" (or None
with Hangul making up a good share of the letters) uses the Korean pipeline; Hangul names are matched in
both pipelines, so an English text quoting 라자루스 still tags it. Batches go through `nlp.pipe`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from bot.records import Evidence, Tags
from bot.tagging import indicators
from bot.tagging.find.actors import find_mentions
from bot.tagging.find.frames import (
    add_crypto_theft,
    add_money_theft,
    add_organisations_aimed_at,
)
from bot.tagging.find.gapped_phrases import add_gapped_phrases
from bot.tagging.find.the_north import add_the_north
from bot.tagging.judge.signals import assess
from bot.tagging.read.context import Context
from bot.tagging.read.korean import HANGUL
from bot.tagging.read.nlp import build_english, build_korean
from bot.tagging.read.prescreen import Prescreen
from bot.tagging.sectors.find import find_sectors
from bot.tagging.sectors.frames import it_worker_scheme
from bot.tagging.words.kb import KnowledgeBase, load_kb

_LETTER = re.compile(r"[^\W\d_]")
KOREAN_SHARE = 0.3
MAX_EVIDENCE_PER_VALUE = 3
BATCH_SIZE = 64
SCHEME_ACTOR = "Famous Chollima"


def pick_language(text: str, language: str | None) -> str:
    """ "ko" or "en": which pipeline tokenizes this text."""
    if language:
        return "ko" if language == "ko" else "en"
    hangul = len(HANGUL.findall(text))
    if not hangul:
        return "en"
    return "ko" if hangul >= KOREAN_SHARE * max(1, len(_LETTER.findall(text))) else "en"


class Tagger:
    """Tags texts; build one per process (see bot.tagging.get_tagger)."""

    def __init__(self, kb: KnowledgeBase | None = None, en: Language | None = None, ko: Language | None = None):
        self.kb = kb or load_kb()
        self.pipelines = {"en": en or build_english(), "ko": ko or build_korean()}
        self.prescreen = Prescreen(self.kb)

    def tag(self, title: str, text: str, language: str | None = None) -> Tags:
        return self.tag_many([(title, text, language)])[0]

    def tag_many(self, items: Iterable[tuple[str, str, str | None]], batch_size: int = BATCH_SIZE) -> list[Tags]:
        """Tags for each (title, text, language) in order, batching each language through nlp.pipe."""
        texts, groups = [], {"en": [], "ko": []}
        out: list[Tags | None] = []
        for i, (title, text, language) in enumerate(items):
            full = f"{title or ''}\n{text or ''}"
            texts.append(full)
            if self.prescreen.may_match(full):
                groups[pick_language(full, language)].append(i)
                out.append(None)
            else:  # nothing DPRK can be found in it: indicators only, without the pipeline
                out.append(self.plain(full))
        for lang, indexes in groups.items():
            if not indexes:
                continue
            docs = self.pipelines[lang].pipe((texts[i] for i in indexes), batch_size=batch_size)
            for i, doc in zip(indexes, docs, strict=True):
                out[i] = self.decide(doc)
        return out  # type: ignore[return-value]

    @staticmethod
    def plain(text: str) -> Tags:
        """The tags of a text with no DPRK actor, malware or signal: its indicators, score 0."""
        found = indicators.extract(text)
        evidence = _trim([Evidence(i.label, i.value, i.text, i.start, i.end) for i in found])

        def values(label: str) -> tuple[str, ...]:
            return tuple(sorted({e.value for e in found if e.label == label}))

        return Tags(
            cves=values("cve"),
            techniques=values("technique"),
            advisories=values("advisory"),
            wallets=values("wallet"),
            evidence=evidence,
        )

    def decide(self, doc: Doc) -> Tags:
        """Turn one processed Doc into Tags."""
        ctx = Context.of(doc)
        add_crypto_theft(ctx)
        add_money_theft(ctx)
        add_organisations_aimed_at(ctx)
        add_gapped_phrases(ctx)
        add_the_north(ctx)
        mentions = find_mentions(ctx, self.kb)
        verdict = assess(ctx, mentions)
        sectors = find_sectors(ctx, mentions, verdict.dprk_cyber)
        found = indicators.extract(ctx.text)
        evidence = [
            Evidence(
                "actor" if m.alias.kind == "actor" else "malware", m.alias.value, m.hit.text, m.hit.start, m.hit.end
            )
            for m in mentions
        ]
        evidence += [Evidence("sector", s, h.text, h.start, h.end) for s, h in sectors]
        scheme = it_worker_scheme(ctx) if verdict.dprk_cyber else []
        if scheme:  # taxonomy.md: "DPRK IT workers" is Famous Chollima, however the text words the scheme
            evidence.append(Evidence("actor", SCHEME_ACTOR, scheme[0].text, scheme[0].start, scheme[0].end))
        evidence += [Evidence("dprk", "dprk", h.text, h.start, h.end) for h in verdict.dprk_hits]
        evidence += [Evidence("cyber", "cyber", h.text, h.start, h.end) for h in verdict.cyber_hits]
        evidence += [Evidence(i.label, i.value, i.text, i.start, i.end) for i in found]

        def values(label: str) -> tuple[str, ...]:
            return tuple(sorted({e.value for e in evidence if e.label == label}))

        return Tags(
            dprk_cyber=verdict.dprk_cyber,
            dprk_related=verdict.dprk_related,
            score=verdict.score,
            actors=values("actor"),
            sectors=values("sector"),
            malware=values("malware"),
            cves=values("cve"),
            techniques=values("technique"),
            advisories=values("advisory"),
            wallets=values("wallet"),
            evidence=_trim(evidence),
        )


def _trim(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """Sorted, without duplicates, at most a few spans per (label, value)."""
    seen: dict[tuple[str, str], int] = {}
    kept = []
    for e in sorted(set(evidence), key=lambda e: (e.start, e.end, e.label, e.value)):
        key = (e.label, e.value)
        if seen.get(key, 0) < MAX_EVIDENCE_PER_VALUE:
            seen[key] = seen.get(key, 0) + 1
            kept.append(e)
    return tuple(kept)
