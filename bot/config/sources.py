"""sources.yaml: the schema (declared once, with defaults and help) and its loader.

Rules: unknown keys are errors; every error names the file, the line and the YAML path
(`sources.yaml:14 sources[3].url: not an http(s) URL`); nothing starts on an invalid file. A source type is
declared once, by its extractor module (its model, registered in extractors.EXTRACTORS): `sources:` is the
tagged union of the registered models, built when first used and again when the registry changes, so
`SourcesFile` and `SourceConfig` are read from this module (`bot.config.sources.SourcesFile`), never stored.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

import extractors
from bot.config.source_base import Source, SourceBase
from bot.config.tagged import file_model
from bot.config.values import Duration, Size, parse_duration, parse_size
from bot.config.yamlfile import StrictModel, load_model
from extractors.html import Selectors
from extractors.jsonmap import JsonFields

__all__ = ["Defaults", "Fetching", "JsonFields", "Selectors", "Source", "SourceBase", "SourcesFileBase", "load_sources",
            "load_sources_file", "parse_duration", "parse_size", "resolve", "sources_file_model",
           "warnings"]  # fmt: skip


class Defaults(StrictModel):
    """Values every source inherits unless it sets its own."""

    every: Duration = Field("30m", description="how often to fetch (e.g. 15m, 1h)")
    timeout: Duration = Field("20s", description="total time allowed for one fetch")
    max_bytes: Size = Field("10MB", description="largest body accepted; larger answers are an error")
    language: str = Field("en", description="language of the source's text (en, ko, ja ...)")


class Fetching(StrictModel):
    """How the whole process fetches: parallel sources, and politeness towards each host."""

    workers: int = Field(8, ge=1, le=64, description="sources fetched at the same time")
    per_host_concurrency: int = Field(2, ge=1, description="requests at once to one host, at most")
    per_host_interval: Duration = Field("1s", description="least time between two requests to one host")


class SourcesFileBase(StrictModel):
    """The whole sources.yaml; `sources:` holds the registered source types (sources_file_model)."""

    defaults: Defaults = Field(default_factory=Defaults, description="values every source inherits")
    fetching: Fetching = Field(default_factory=Fetching, description="parallelism and per-host politeness")
    sources: list[SourceBase] = Field(description="the sources to fetch")

    @model_validator(mode="after")
    def _unique_names(self) -> SourcesFileBase:
        seen: dict[str, int] = {}
        for index, source in enumerate(self.sources):
            if source.name in seen:  # reported at the second entry's name (bot.config.yamlfile reads the path)
                raise ValueError(
                    f"sources[{index}].name: duplicate source name {source.name!r} (sources[{seen[source.name]}] "
                    "has it already)"
                )
            seen[source.name] = index
        return self


_SOURCES_FIELD = Field(description="the sources to fetch")


def _current() -> tuple[object, type[SourcesFileBase]]:
    members = tuple(e.CONFIG for e in extractors.EXTRACTORS.values())
    return file_model(SourcesFileBase, "SourcesFile", "The whole sources.yaml.", "sources", members, _SOURCES_FIELD)


def sources_file_model() -> type[SourcesFileBase]:
    """The model of the whole file, for the source types registered now."""
    return _current()[1]


def __getattr__(name: str):
    if name == "SourcesFile":  # the model of sources.yaml
        return _current()[1]
    if name == "SourceConfig":  # one entry: Annotated[RssSource | HtmlSource | ..., Field(discriminator="type")]
        return _current()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resolve(file: SourcesFileBase) -> list[Source]:
    """Apply `defaults:` to every source."""
    d = file.defaults
    return [Source.resolved(s, d.every, d.timeout, d.max_bytes, d.language) for s in file.sources]


MIN_EVERY_S = 60  # below this a source is fetched more often than any advisory feed changes: a warning


def warnings(file: SourcesFileBase) -> list[str]:
    """What is valid but probably a mistake: an interval under a minute (hammers the site, risks a ban)."""
    out = []
    for index, source in enumerate(resolve(file)):
        if source.enabled and source.every < MIN_EVERY_S:
            out.append(
                f"sources[{index}] ({source.name}): every {source.every:g}s is under the {MIN_EVERY_S}s floor; "
                "advisory feeds change a few times a day and sites may block a bot that asks this often"
            )
    return out


def load_sources_file(path: str | Path) -> SourcesFileBase:
    """Read and validate a sources file as written (defaults not yet applied); ConfigError on any problem."""
    return load_model(path, sources_file_model(), what="a mapping with a 'sources:' list")


def load_sources(path: str | Path) -> list[Source]:
    """Read and validate a sources file; raise ConfigError naming file, line and path on any problem."""
    return resolve(load_sources_file(path))
