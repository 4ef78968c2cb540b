"""The encoder in a process of its own: hostile text reaches native code, so a crash fails one document only.

One child process (`python -m bot.stories.encode_process`, never forked from this threaded process) loads the
encoder once and answers batches over its stdin and stdout: frames of a 4-byte length and a JSON request, answered
by a JSON header and the vectors as little-endian float32. Calls are serialised by a lock. When the child dies or
hangs (DEADLINE) on a batch, the batch is tried again one text at a time in a fresh child: the text that kills it
gets no vector (its story falls back to the exact rules) and the others are encoded. When the encoder cannot be
loaded at all (no wheel for this platform, a missing optional package), the service says so once in the log and
returns no vectors.
"""

from __future__ import annotations

import json
import logging
import os
import select
import struct
import subprocess
import sys
import threading
import time

log = logging.getLogger(__name__)
DEADLINE = 120.0  # seconds for one batch (or for loading); a child that takes longer is killed
BATCH = 8  # texts per request
_HEADER = struct.Struct("<I")


def _write(stream, payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _read_exact(stream, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError("the encoder process closed its pipe")
        data += chunk
    return data


def _read(stream) -> bytes:
    return _read_exact(stream, _HEADER.unpack(_read_exact(stream, _HEADER.size))[0])


def main() -> None:  # pragma: no cover - runs in the child
    """The child: load the encoder named on the command line, then answer frames until stdin closes."""
    kind, model, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out, inp = sys.stdout.buffer, sys.stdin.buffer
    sys.stdout = sys.stderr  # nothing the encoder prints may corrupt the frames
    try:
        from bot.stories.encoder import build

        encoder = build(kind, model, threads)
    except Exception as exc:  # ImportError (no wheel, optional package missing), a model that does not load
        _write(out, json.dumps({"status": "unavailable", "detail": f"{type(exc).__name__}: {exc}"}).encode())
        return
    _write(out, json.dumps({"status": "ready", "name": encoder.name}).encode())
    while True:
        try:
            texts = json.loads(_read(inp))
        except EOFError:
            return
        vectors = encoder.encode(texts)
        _write(out, json.dumps({"status": "ok", "dim": int(vectors.shape[1])}).encode())
        _write(out, vectors.astype("<f4").tobytes())


class EncoderService:
    """encode(texts) -> (model name, [vector bytes or None]); thread-safe; the child starts on first use."""

    def __init__(self, kind: str, model: str = "", threads: int | None = None):
        self.kind, self.model = kind, model
        self.threads = threads or max(1, min(2, os.cpu_count() or 1))
        self.name: str | None = None
        self.unavailable: str | None = None
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self.encoded, self.seconds = 0, 0.0  # texts sent and time spent waiting for their vectors

    def _receive(self) -> bytes:
        if not select.select([self._proc.stdout], [], [], DEADLINE)[0]:
            raise TimeoutError("the encoder process did not answer in time")
        return _read(self._proc.stdout)

    def _start(self) -> bool:
        env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE", "OMP_NUM_THREADS": str(self.threads)}
        self._proc = subprocess.Popen(  # noqa: S603 - our own module, arguments from configuration
            [sys.executable, "-m", "bot.stories.encode_process", self.kind, self.model, str(self.threads)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,  # unbuffered: select() on the pipe must see every byte not yet read
            env=env,
        )
        try:
            answer = json.loads(self._receive())
        except (EOFError, OSError, TimeoutError, ValueError) as exc:
            answer = {"status": "unavailable", "detail": f"the encoder process failed to start: {exc}"}
        if answer["status"] == "ready":
            self.name = answer["name"]
            return True
        self._stop()
        self.unavailable = answer["detail"]
        log.warning(
            "story matching by meaning is off: stories use the exact rules only",
            extra={"encoder": self.kind, "reason": self.unavailable},
        )
        return False

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait(5)
            for stream in (self._proc.stdin, self._proc.stdout):
                stream.close()
        self._proc = None

    def _ask(self, texts: list[str]) -> list[bytes] | None:
        """Vectors for `texts`, or None when the child died or hung on them (it is stopped then)."""
        if self._proc is None and (self.unavailable or not self._start()):
            return None
        try:
            _write(self._proc.stdin, json.dumps(texts).encode())
            header = json.loads(self._receive())
            blob = self._receive()
        except (EOFError, OSError, TimeoutError, ValueError):
            self._stop()
            return None
        size = 4 * header["dim"]
        return [blob[i * size : (i + 1) * size] for i in range(len(texts))]

    def encode(self, texts: list[str]) -> tuple[str | None, list[bytes | None]]:
        out: list[bytes | None] = []
        for start in range(0, len(texts), BATCH):  # bounded batches: the engine's memory grows with the batch
            out += self._batch(texts[start : start + BATCH])
        return self.name, out

    def _batch(self, texts: list[str]) -> list[bytes | None]:
        with self._lock:
            started = time.perf_counter()
            vectors = None if self.unavailable else self._ask(texts)
            if vectors is None and not self.unavailable:
                vectors = [self._one(t) for t in texts]
            self.encoded += len(texts)
            self.seconds += time.perf_counter() - started
            return vectors or [None] * len(texts)

    def _one(self, text: str) -> bytes | None:
        vector = None if self.unavailable else self._ask([text])
        if vector is None and not self.unavailable:
            log.warning("the encoder failed on a document: it joins stories by the exact rules only")
        return vector[0] if vector else None

    def close(self) -> None:
        with self._lock:
            self._stop()


if __name__ == "__main__":
    main()
