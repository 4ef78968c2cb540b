"""Imported by the tag pool's forkserver (bot.run.workers) before it forks workers: builds the process's tagger and
imports what analysis uses (extractors, feedparser, lxml, numpy), so every worker inherits them instead of
importing spaCy, building the pipelines and loading those modules again.

Never raises: a failure here (say, a configured spaCy model that is not installed) is left for the workers,
which build the tagger on their first task and report the error through it, source by source.
"""

from __future__ import annotations

import gc
import logging

try:
    import bot.run.analyse  # noqa: F401 - imported for the workers to inherit
    from bot.tagging import get_tagger

    get_tagger()
except Exception:  # noqa: BLE001 - see the docstring: the workers will meet the error and report it
    logging.getLogger(__name__).debug("forkserver preload failed", exc_info=True)
# What Python's gc documentation advises before fork(): the long-lived objects (spaCy's pipelines, the
# modules) leave the collector's generations, so a worker's collections neither walk them nor write to their
# pages (which would copy them, page by page, into every worker), and the server's own exit skips them too.
gc.freeze()
