"""The tagger: DPRK actors, sectors, malware and indicators of a text, as `bot.records.Tags`.

    from bot.tagging import get_tagger
    tags = get_tagger().tag(title, text, language=None)

`get_tagger()` builds the spaCy pipelines once per process (thread-safe) and returns the same Tagger after.
"""

from __future__ import annotations

import threading

from bot.tagging.tagger import Tagger

_lock = threading.Lock()
_tagger: Tagger | None = None


def get_tagger() -> Tagger:
    """The process-wide Tagger, built on first use."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = Tagger()
    return _tagger


def reset_tagger() -> None:
    """Forget the cached Tagger (tests that change ADVISORY_BOT_SPACY_MODEL)."""
    global _tagger
    with _lock:
        _tagger = None


__all__ = ["Tagger", "get_tagger", "reset_tagger"]
