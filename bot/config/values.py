"""The value types config models are declared with: durations, sizes, http(s) URLs, kebab-case and variable names,
`fulltext`'s true/false/auto.

Rules: each type is `Annotated[base, AfterValidator(check)]`, so a model states it once and every file that uses it
says the same thing; a check raises ValueError with the sentence the user reads after the YAML path. The JSON
Schema of these values (patterns) is in bot.config.schema, keyed by the check function. This module imports no
other config module, so extension modules (extractors, notifier kinds) can declare their models with it.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$")
_DURATION_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.I)
_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")


def parse_duration(value: str | int | float) -> float:
    """'30m' -> 1800.0 seconds; bare numbers are seconds."""
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = DURATION.match(str(value))
        if not match:
            raise ValueError(f"not a duration: {value!r} (use e.g. 90s, 30m, 2h, 1d)")
        seconds = float(match.group(1)) * _DURATION_UNITS[match.group(2)]
    if seconds <= 0:
        raise ValueError("must be positive")
    return seconds


def parse_size(value: str | int) -> int:
    """'10MB' -> 10485760 bytes; bare numbers are bytes."""
    if isinstance(value, int):
        size = value
    else:
        match = SIZE.match(str(value))
        if not match:
            raise ValueError(f"not a size: {value!r} (use e.g. 512KB, 10MB)")
        size = int(float(match.group(1)) * _SIZE_UNITS[(match.group(2) or "").lower()])
    if size <= 0:
        raise ValueError("must be positive")
    return size


def http_url(value: str) -> str:
    """An absolute http(s) URL with a host, no spaces or control characters."""
    if not re.match(r"^https?://[^\s/?#]+", value, re.I):
        raise ValueError("not an http(s) URL")
    if re.search(r"[\x00-\x20\x7f-\x9f]", value):  # `https://exa mple.com/feed`, terminal escapes
        raise ValueError("not an http(s) URL: it contains a space or a control character (write %20 in a path)")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise ValueError(f"not an http(s) URL: {exc}") from None
    if not parts.hostname:
        raise ValueError("not an http(s) URL: no host")
    return value


def kebab(value: str) -> str:
    """A name in kebab-case."""
    if not NAME.match(value):
        raise ValueError("must be kebab-case: lower-case letters, digits and single hyphens")
    return value


def env_name(value: str) -> str:
    """The name of an environment variable (where a secret is), never the secret."""
    if not _ENV_NAME.match(value):
        raise ValueError("must be the NAME of an environment variable (A-Z, 0-9, _), never the secret itself")
    return value


def full_text(value: bool | str) -> bool | str:
    """`fulltext`: true, false, or auto (the page only when the summary leaves the tagger undecided)."""
    if isinstance(value, bool):
        return value
    if value.strip().lower() == "auto":
        return "auto"
    raise ValueError(f"must be true, false or auto, not {value!r}")


def _headers(value: dict[str, str]) -> dict[str, str]:
    from bot.fetch.headers import check_headers

    return check_headers(value)


def _timezone(value: str) -> str:
    from extractors.dates import valid_timezone

    return valid_timezone(value)


HttpUrl = Annotated[str, AfterValidator(http_url)]
Duration = Annotated[str | int | float, AfterValidator(parse_duration)]
Size = Annotated[str | int, AfterValidator(parse_size)]
Headers = Annotated[dict[str, str], AfterValidator(_headers)]
TimeZone = Annotated[str, AfterValidator(_timezone)]
Kebab = Annotated[str, AfterValidator(kebab)]
EnvName = Annotated[str, AfterValidator(env_name)]
FullText = Annotated[bool | str, AfterValidator(full_text)]
