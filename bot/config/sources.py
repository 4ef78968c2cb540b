"""sources.yaml: the schema (declared once, with defaults and help) and its loader.

Rules: unknown keys are errors; every error names the file, the line and the YAML path
(`sources.yaml:14 sources[3].url: not an http(s) URL`); nothing starts on an invalid file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from bot.config.yamlfile import StrictModel, load_model

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$")
_DURATION_UNITS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$", re.I)
_SIZE_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_duration(value: str | int | float) -> float:
    """'30m' -> 1800.0 seconds; bare numbers are seconds."""
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
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
        match = _SIZE.match(str(value))
        if not match:
            raise ValueError(f"not a size: {value!r} (use e.g. 512KB, 10MB)")
        size = int(float(match.group(1)) * _SIZE_UNITS[(match.group(2) or "").lower()])
    if size <= 0:
        raise ValueError("must be positive")
    return size


def _http_url(value: str) -> str:
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


def _headers(value: dict[str, str]) -> dict[str, str]:
    from bot.fetch.headers import check_headers

    return check_headers(value)


def _timezone(value: str) -> str:
    from extractors.dates import valid_timezone

    return valid_timezone(value)


def _kebab(value: str) -> str:
    if not _NAME.match(value):
        raise ValueError("must be kebab-case: lower-case letters, digits and single hyphens")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]
Duration = Annotated[str | int | float, AfterValidator(parse_duration)]
Size = Annotated[str | int, AfterValidator(parse_size)]
Headers = Annotated[dict[str, str], AfterValidator(_headers)]
TimeZone = Annotated[str, AfterValidator(_timezone)]


class Selectors(StrictModel):
    """CSS selectors for `html` sources; all but `item` apply inside each item element."""

    item: str = Field(description="selects each entry on the page")
    title: str | None = Field(None, description="the entry's title (default: the link's text)")
    link: str | None = Field(None, description="the element whose href is the entry's link (default: first a[href])")
    date: str | None = Field(None, description="the entry's date (datetime attribute or text)")
    summary: str | None = Field(None, description="the entry's summary text")


class JsonFields(StrictModel):
    """Dotted paths into a JSON document for `json` sources; `items` selects the list of entries."""

    items: str = Field(description="dotted path to the list of entries ('' for a top-level list)")
    id: str | None = Field(None, description="path to a stable identifier inside an entry")
    title: str = Field(description="path to the title inside an entry")
    link: str | None = Field(None, description="path to the entry's URL")
    link_template: str | None = Field(None, description="URL built from entry fields, e.g. https://x/{cveID}")
    date: str | None = Field(None, description="path to the entry's date")
    summary: str | None = Field(None, description="path to the entry's summary text")


class Defaults(StrictModel):
    """Values every source inherits unless it sets its own."""

    every: Duration = Field("30m", description="how often to fetch (e.g. 15m, 1h)")
    timeout: Duration = Field("20s", description="total time allowed for one fetch")
    max_bytes: Size = Field("10MB", description="largest body accepted; larger answers are an error")
    language: str = Field("en", description="language of the source's text (en, ko, ja ...)")


class SourceConfig(StrictModel):
    """One source of advisories or news."""

    name: Annotated[str, AfterValidator(_kebab)] = Field(description="unique, kebab-case")
    type: Literal["rss", "html", "json"] = Field(description="rss (RSS and Atom) | html | json")
    url: HttpUrl = Field(description="the feed, page or JSON document")
    every: Duration | None = Field(None, description="fetch interval; default from defaults.every")
    timeout: Duration | None = Field(None, description="fetch timeout; default from defaults.timeout")
    max_bytes: Size | None = Field(None, description="body-size cap; default from defaults.max_bytes")
    language: str | None = Field(None, description="en | ko | ja ...; default from defaults.language")
    enabled: bool = Field(True, description="false keeps the entry but never fetches it")
    selectors: Selectors | None = Field(None, description="html only: CSS selectors")
    fields: JsonFields | None = Field(None, description="json only: paths to the entry fields")
    allow_private: bool = Field(False, description="allow the URL or a redirect to reach private addresses")
    fulltext: bool = Field(False, description="fetch each new item's page when the entry carries only a summary")
    fulltext_selector: str | None = Field(
        None, description="CSS selector of the article text on those pages (default: main-text extraction)"
    )
    fulltext_allow_private: bool = Field(
        False, description="let those article links reach private addresses (allow_private covers the feed only)"
    )
    headers: Headers | None = Field(
        None, description="extra request headers for a site that needs them (no Host, hop-by-hop or credentials)"
    )
    timezone: TimeZone | None = Field(
        None, description="IANA zone of dates the source writes without one, e.g. Asia/Seoul (default: UTC)"
    )

    @model_validator(mode="after")
    def _type_options(self) -> SourceConfig:
        if self.type == "html" and self.selectors is None:
            raise ValueError("selectors: required for type html")
        if self.type != "html" and self.selectors is not None:
            raise ValueError(f"selectors: only for type html, not {self.type}")
        if self.type == "json" and self.fields is None:
            raise ValueError("fields: required for type json")
        if self.type != "json" and self.fields is not None:
            raise ValueError(f"fields: only for type json, not {self.type}")
        if self.fulltext_selector and not self.fulltext:
            raise ValueError("fulltext_selector: only with fulltext: true")
        if self.fulltext_allow_private and not self.fulltext:
            raise ValueError("fulltext_allow_private: only with fulltext: true")
        return self


class Fetching(StrictModel):
    """How the whole process fetches: parallel sources, and politeness towards each host."""

    workers: int = Field(8, ge=1, le=64, description="sources fetched at the same time")
    per_host_concurrency: int = Field(2, ge=1, description="requests at once to one host, at most")
    per_host_interval: Duration = Field("1s", description="least time between two requests to one host")


class SourcesFile(StrictModel):
    """The whole sources.yaml."""

    defaults: Defaults = Field(default_factory=Defaults, description="values every source inherits")
    fetching: Fetching = Field(default_factory=Fetching, description="parallelism and per-host politeness")
    sources: list[SourceConfig] = Field(description="the sources to fetch")

    @model_validator(mode="after")
    def _unique_names(self) -> SourcesFile:
        seen: dict[str, int] = {}
        for index, source in enumerate(self.sources):
            if source.name in seen:  # reported at the second entry's name (bot.config.yamlfile reads the path)
                raise ValueError(
                    f"sources[{index}].name: duplicate source name {source.name!r} (sources[{seen[source.name]}] "
                    "has it already)"
                )
            seen[source.name] = index
        return self


class Source(BaseModel):
    """A source with its defaults applied: what the rest of the program uses."""

    model_config = ConfigDict(frozen=True)

    name: str
    type: str
    url: str
    every: float
    timeout: float
    max_bytes: int
    language: str
    enabled: bool
    selectors: Selectors | None
    fields: JsonFields | None
    allow_private: bool
    fulltext: bool = False
    fulltext_selector: str | None = None
    fulltext_allow_private: bool = False
    headers: tuple[tuple[str, str], ...] = ()
    timezone: str | None = None


def resolve(file: SourcesFile) -> list[Source]:
    """Apply `defaults:` to every source."""
    d = file.defaults
    return [
        Source(
            name=s.name,
            type=s.type,
            url=s.url,
            every=s.every if s.every is not None else d.every,
            timeout=s.timeout if s.timeout is not None else d.timeout,
            max_bytes=s.max_bytes if s.max_bytes is not None else d.max_bytes,
            language=s.language or d.language,
            enabled=s.enabled,
            selectors=s.selectors,
            fields=s.fields,
            allow_private=s.allow_private,
            fulltext=s.fulltext,
            fulltext_selector=s.fulltext_selector,
            fulltext_allow_private=s.fulltext_allow_private,
            headers=tuple((s.headers or {}).items()),
            timezone=s.timezone,
        )
        for s in file.sources
    ]


MIN_EVERY_S = 60  # below this a source is fetched more often than any advisory feed changes: a warning


def warnings(file: SourcesFile) -> list[str]:
    """What is valid but probably a mistake: an interval under a minute (hammers the site, risks a ban)."""
    out = []
    for index, source in enumerate(resolve(file)):
        if source.enabled and source.every < MIN_EVERY_S:
            out.append(
                f"sources[{index}] ({source.name}): every {source.every:g}s is under the {MIN_EVERY_S}s floor; "
                "advisory feeds change a few times a day and sites may block a bot that asks this often"
            )
    return out


def load_sources_file(path: str | Path) -> SourcesFile:
    """Read and validate a sources file as written (defaults not yet applied); ConfigError on any problem."""
    return load_model(path, SourcesFile, what="a mapping with a 'sources:' list")


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources file; raise ConfigError naming file, line and path on any problem."""
    return resolve(load_sources_file(path))
