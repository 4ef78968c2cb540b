"""Golden files: each fixture document's items must equal tests/data/extractors/<case>.expected.json.

UPDATE_GOLDENS=1 rewrites the expected files (see tests/extractor_cases.py); review the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from extractors import extract
from tests.extractor_cases import CASES, GOLDEN, dumps


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case):
    spec = CASES[case]
    items = extract(spec.result(), spec.source)
    expected_file = GOLDEN / f"{case}.expected.json"
    if os.environ.get("UPDATE_GOLDENS") == "1":
        expected_file.write_text(dumps(items), encoding="utf-8")
    assert expected_file.exists(), f"no golden for {case}: run with UPDATE_GOLDENS=1 and review"
    assert json.loads(dumps(items)) == json.loads(expected_file.read_text(encoding="utf-8"))


def test_every_golden_file_has_a_case():
    stale = {p.name.removesuffix(".expected.json") for p in GOLDEN.glob("*.expected.json")} - set(CASES)
    assert not stale, f"expected files without a case: {sorted(stale)}"
