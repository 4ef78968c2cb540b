"""extractors: the registry, dispatch by source.type, and the Protocol every built-in satisfies."""

from __future__ import annotations

import inspect
from typing import Literal

import pytest

import extractors
from bot.config.source_base import SourceBase
from bot.errors import ExtractError
from bot.records import FetchResult
from extractors import EXTRACTORS, Extractor, extract
from tests.conftest import make_source


def test_registry_covers_every_config_type():
    from bot.config.sources import SourceConfig
    from bot.config.tagged import branches

    assert set(EXTRACTORS) == set(branches(SourceConfig)) == {"rss", "html", "json"}


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_builtins_match_the_protocol(name):
    module = EXTRACTORS[name]
    assert callable(module.extract)
    assert (
        list(inspect.signature(module.extract).parameters) == list(inspect.signature(Extractor.extract).parameters)[1:]
    )


def test_dispatch_is_a_lookup_and_addons_register_the_same_way(monkeypatch):
    seen = []

    class CustomSource(SourceBase):
        type: Literal["custom"]

    class Custom:
        CONFIG, ACCEPT, SAVED_TYPE = CustomSource, "*/*", ""

        @staticmethod
        def extract(result, source):
            seen.append((result.url, source.name))
            return []

    monkeypatch.setattr(extractors, "EXTRACTORS", dict(EXTRACTORS))  # register() files into the patched copy
    extractors.register(Custom)
    assert extractors.EXTRACTORS["custom"] is Custom
    assert extract(FetchResult(url="https://e.org/", status=200, body=b"x"), make_source("s", "custom")) == []
    assert seen == [("https://e.org/", "s")]


def test_unknown_type_raises():
    with pytest.raises(ExtractError, match="^extract: s: no extractor for type 'gopher'"):
        extract(FetchResult(url="https://e.org/", status=200, body=b"x"), make_source("s", "gopher"))


def test_not_modified_has_nothing_to_extract():
    assert extract(FetchResult(url="https://e.org/", status=304, body=b""), make_source("s", "rss")) == []


def test_package_exports():
    assert {"EXTRACTORS", "Extractor", "extract"} <= set(dir(extractors))
