"""What every source type shares: `SourceBase`, the keys of any sources.yaml entry, and `Source`, the resolved record.

Rules: a source type is declared by its extractor module (extractors/), as a subclass of SourceBase that narrows
`type` to its own tag (`type: Literal["rss"]`) and adds the keys only it has; bot.config.sources builds the
`sources:` union from the extractors' registry. This module imports no extractor and no other config module but
the value types and StrictModel (re-exported for the extractors' own models), so extractors and the config
loader both import it without a cycle. `Source` is what the rest of the program reads: defaults applied, the
entry as written kept in `config` for a type's own keys.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from bot.config.values import Duration, FullText, Headers, HttpUrl, Kebab, Size, TimeZone
from bot.config.yamlfile import StrictModel

__all__ = ["Source", "SourceBase", "StrictModel"]


class SourceBase(StrictModel):
    """One source of advisories or news."""

    name: Kebab = Field(description="unique, kebab-case")
    type: str = Field(description="the source type; each type narrows it to its tag")
    url: HttpUrl = Field(description="the feed, page or JSON document")
    every: Duration | None = Field(None, description="fetch interval; default from defaults.every")
    timeout: Duration | None = Field(None, description="fetch timeout; default from defaults.timeout")
    max_bytes: Size | None = Field(None, description="body-size cap; default from defaults.max_bytes")
    language: str | None = Field(None, description="en | ko | ja ...; default from defaults.language")
    enabled: bool = Field(True, description="false keeps the entry but never fetches it")
    allow_private: bool = Field(False, description="allow the URL or a redirect to reach private addresses")
    fulltext: FullText = Field(
        False,
        description="fetch each new item's page when the entry carries only a summary; auto: only when the summary "
        "leaves the tagger undecided (the DPRK named without a cyber act, or a cyber word without the DPRK)",
    )
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
    def _fulltext_options(self) -> SourceBase:
        if self.fulltext_selector and not self.fulltext:
            raise ValueError("fulltext_selector: only with fulltext: true or auto")
        if self.fulltext_allow_private and not self.fulltext:
            raise ValueError("fulltext_allow_private: only with fulltext: true or auto")
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
    selectors: StrictModel | None  # html: extractors.html.Selectors
    fields: StrictModel | None  # json: extractors.jsonmap.JsonFields
    allow_private: bool
    fulltext: bool | str = False  # true, false or "auto"
    fulltext_selector: str | None = None
    fulltext_allow_private: bool = False
    headers: tuple[tuple[str, str], ...] = ()
    timezone: str | None = None
    # the entry as written (its type's model), for keys only its type has; outside equality and hashing
    _config: SourceBase | None = PrivateAttr(None)

    @property
    def config(self) -> SourceBase | None:
        """The sources.yaml entry this source was resolved from (None for one built by hand)."""
        return self._config

    @classmethod
    def resolved(cls, entry: SourceBase, every: float, timeout: float, max_bytes: int, language: str) -> Source:
        """`entry` with the defaults it leaves unset."""
        source = cls(
            name=entry.name,
            type=entry.type,
            url=entry.url,
            every=entry.every if entry.every is not None else every,
            timeout=entry.timeout if entry.timeout is not None else timeout,
            max_bytes=entry.max_bytes if entry.max_bytes is not None else max_bytes,
            language=entry.language or language,
            enabled=entry.enabled,
            selectors=getattr(entry, "selectors", None),
            fields=getattr(entry, "fields", None),
            allow_private=entry.allow_private,
            fulltext=entry.fulltext,
            fulltext_selector=entry.fulltext_selector,
            fulltext_allow_private=entry.fulltext_allow_private,
            headers=tuple((entry.headers or {}).items()),
            timezone=entry.timezone,
        )
        source._config = entry
        return source
