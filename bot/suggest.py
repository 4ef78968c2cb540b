""" "Did you mean": the known names closest to a misspelt one (difflib), for usage and configuration errors."""

from __future__ import annotations

import difflib


def closest(name: str, known, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` names of `known` that look like `name`: prefixes first, then near spellings (case-insensitive)."""
    by_key: dict[str, str] = {}
    for k in known:
        by_key.setdefault(k.casefold(), k)
    key = name.strip().casefold()
    prefixed = [by_key[k] for k in sorted(by_key) if key and k.startswith(key)]
    near = [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=n, cutoff=cutoff)]
    out: list[str] = []
    for candidate in prefixed + near:
        if candidate not in out:
            out.append(candidate)
    return out[:n]
