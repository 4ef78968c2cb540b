"""Why sources wait, said out loud: which are backing off and until when, and what a failure suggests checking.

Used where an operator looks: the daemon's start, the summary of `run --once`, `sources retry`. A backoff is
never silent: each waiting source is logged at INFO with its time and last error, with the command that ends
the wait (`advisory-bot sources retry NAME`).
"""

from __future__ import annotations

import logging

from storage.sources import waiting

# what to check, by the failure kind bot.fetch.client names (kinds not listed need no advice beyond the error)
CHECKS = {
    "network": "the network from this host: DNS (can it resolve the feed's host?), a proxy (HTTPS_PROXY, "
    "HTTP_PROXY), a firewall",
    "timeout": "the network from this host (DNS, a proxy, a firewall), or raise the source's `timeout`",
    "blocked": "the address guard: the feed resolves to a private or loopback address; add `allow_private: true` "
    "to the source if that is intended (an intranet feed)",
    "server_error": "the site: it answered with a server error; it is retried with backoff",
    "http_error": "the source's `url`: the site refused or does not have it",
    "gone": "the source's `url`: the site says the feed is gone (404/410); find its new address",
    "rate_limited": "nothing: the site asked us to slow down and is retried after the time it gave",
    "extract": "the source's `type` and selectors or fields: the page was fetched but could not be read "
    "(`advisory-bot sources test NAME`)",
}


def check_for(kind: str | None) -> str | None:
    """What to check after a failure of this kind; None when the error says it all."""
    return CHECKS.get(kind or "")


def log_waiting(log: logging.Logger, db, now: str, names=None) -> list[dict]:
    """Log at INFO every source that backs off until after `now` (among `names`, when given); return them."""
    rows = [r for r in waiting(db, now) if names is None or r["name"] in names]
    for row in rows:
        log.info(
            "source backing off",
            extra={
                "source_id": row["name"],
                "until": row["next_check_at"],
                "consecutive_failures": row["error_count"],
                "last_error": row["last_error"] or "",
                "retry_now": f"advisory-bot sources retry {row['name']}",
            },
        )
    return rows
