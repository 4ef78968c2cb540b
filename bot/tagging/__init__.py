"""The tagger: DPRK actors, sectors, malware and indicators of a text, as `bot.records.Tags`.

    from bot.tagging import get_tagger
    tags = get_tagger().tag(title, text, language=None)

`get_tagger()` builds the spaCy pipelines once per process (thread-safe) and returns the same Tagger after.
spaCy is imported then, not with this package: the knowledge base (bot.tagging.words.kb) is used by processes
that never tag (a cycle of 304s, the archive commands, the main process of a pooled cycle).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.tagging.tagger import Tagger

_lock = threading.Lock()
_tagger: Tagger | None = None


def get_tagger() -> Tagger:
    """The process-wide Tagger, built on first use."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                from bot.tagging.tagger import Tagger

                _tagger = Tagger()
    return _tagger


def __getattr__(name: str):
    if name == "Tagger":
        from bot.tagging.tagger import Tagger

        return Tagger
    raise AttributeError(name)


def reset_tagger() -> None:
    """Forget the cached Tagger (tests that change ADVISORY_BOT_SPACY_MODEL)."""
    global _tagger
    with _lock:
        _tagger = None


__all__ = ["Tagger", "get_tagger", "reset_tagger"]
