"""extractors.jsonmap: dotted paths, link templates, dedupe, errors."""

from __future__ import annotations

import json

import pytest

from bot.config.sources import JsonFields
from bot.errors import ExtractError
from bot.records import FetchResult
from extractors import extract
from extractors.jsonmap import lookup
from tests.conftest import make_source
from tests.extractor_cases import CASES


def run(document, fields: JsonFields, body: bytes | None = None):
    source = make_source("json-src", "json", fields=fields)
    raw = body if body is not None else json.dumps(document).encode()
    return extract(FetchResult(url="https://api.example/x.json", status=200, body=raw), source)


def test_kev_catalogue():
    spec = CASES["cisa_kev"]
    items = extract(spec.result(), spec.source)
    assert [i.guid for i in items] == ["CVE-2024-90001", "CVE-2024-90002", "CVE-2023-90003"]  # duplicate dropped
    assert items[0].url == "https://nvd.nist.gov/vuln/detail/CVE-2024-90001"
    assert items[0].title == "ExampleSoft FileBridge SQL Injection Vulnerability"
    assert items[0].published.isoformat() == "2024-05-16T00:00:00+00:00"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", {"a": {"b": [{"c": 1}, {"c": 2}]}}),
        ("a.b.1.c", 2),
        ("a.b.-1.c", 2),
        ("a.b.5.c", None),
        ("a.x", None),
        ("a.b.c", None),
    ],
)
def test_lookup(path, expected):
    assert lookup({"a": {"b": [{"c": 1}, {"c": 2}]}}, path) == expected


def test_top_level_list_nested_fields_and_epoch_dates():
    doc = [
        {"meta": {"name": "Lazarus wallet drain"}, "url": "https://e.org/a?utm_source=x", "ts": 1715600000},
        {"meta": {"name": "Kimsuky lure"}, "url": "javascript:x", "ts": 1715600000000, "body": "<p>a &amp; b</p>"},
        {"meta": {}, "ts": "2024-05-13"},  # no title, no link: skipped
        "not an object",
    ]
    fields = JsonFields(items="", title="meta.name", link="url", date="ts", summary="body")
    items = run(doc, fields)
    assert [(i.title, i.url) for i in items] == [
        ("Lazarus wallet drain", "https://e.org/a"),
        ("Kimsuky lure", ""),
    ]
    assert items[0].published == items[1].published  # seconds and milliseconds agree
    assert items[1].text == "a & b"


def test_link_template_values_are_encoded_and_missing_ones_give_no_link():
    doc = {"data": {"rows": [{"id": "A B/../x", "t": "one"}, {"t": "two"}]}}
    fields = JsonFields(items="data.rows", id="id", title="t", link_template="https://e.org/v/{id}")
    one, two = run(doc, fields)
    assert one.url == "https://e.org/v/A%20B%2F..%2Fx"
    assert two.url == ""


@pytest.mark.parametrize("body", [b"", b"<html>nope</html>", b"{", b"[" * 100_000])
def test_not_json_raises(body):
    with pytest.raises(ExtractError, match=r"^extract: json-src: not JSON"):
        run(None, JsonFields(items="", title="t"), body=body)


def test_items_path_not_a_list_raises():
    with pytest.raises(ExtractError, match="is not a list"):
        run({"vulnerabilities": {"a": 1}}, JsonFields(items="vulnerabilities", title="t"))
