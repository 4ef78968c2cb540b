"""The one exception tree. Messages are prefixed by stage; exit codes are decided only in the CLI.

A `retry_after` (seconds a server asked us to wait) is bounded where an error is made: 0..MAX_WAIT, NaN as
None, so no server can make a wait that overflows a date (or postpones a source for 3 trillion years).
"""

import math

MAX_WAIT = 6 * 3600.0  # seconds: the longest backoff (bot.run.refresh.MAX_BACKOFF)


def bounded_wait(seconds: float | None) -> float | None:
    """`seconds` clamped to 0..MAX_WAIT; None for None or NaN."""
    if seconds is None or math.isnan(seconds):
        return None
    return min(max(float(seconds), 0.0), MAX_WAIT)


class AdvisoryBotError(Exception):
    """Base of every error advisory-bot raises on purpose. `kind` names the failure in logs and status."""

    kind = "internal"


class ConfigError(AdvisoryBotError):
    """An invalid sources.yaml (or other configuration); the message names file, line and YAML path."""


class FetchError(AdvisoryBotError):
    """A source could not be fetched. `kind` is one of a few stable names used in logs and status."""

    def __init__(self, message: str, kind: str = "error", retry_after: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.retry_after = bounded_wait(retry_after)


class ExtractError(AdvisoryBotError):
    """Fetched bytes could not be turned into items."""

    kind = "extract"


class NotifyError(AdvisoryBotError):
    """A chat service refused or failed an alert. `permanent` means retrying will not help."""

    def __init__(self, message: str, permanent: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = bounded_wait(retry_after)
