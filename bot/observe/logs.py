"""Logging: stable snake_case keys with units, human-readable or JSON lines, secrets redacted.

Every record is made printable (bot.terminal: no terminal escapes from feed text) and passes through `redact`,
which masks Slack tokens (xox?-..., xapp-...), Slack webhook URLs, bearer tokens and the values of the secret
environment variables, wherever they appear. It is the one redaction: notifiers pass it their own secrets (a token,
the parts of a URL) and install `RedactFilter` on the loggers of the libraries they drive.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.terminal import printable

SECRET_ENV = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_WEBHOOK_URL",
    "ADVISORY_BOT_WEBHOOK_URL",
    "ADVISORY_BOT_SERVE_PASSWORD_HASH",
)
_PATTERNS = [
    re.compile(r"xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+"),
    re.compile(r"https://hooks\.slack\.com/[^\s\"'<>]+"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
]
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def redact(text: str, env=os.environ, secrets: Iterable[str] = ()) -> str:
    """`text` with every known secret shape, secret env value and given secret replaced by '***'."""
    values = [v for v in (env.get(name) for name in SECRET_ENV) if v and len(v) >= 6]
    for value in sorted({*values, *(s for s in secrets if s)}, key=len, reverse=True):
        text = text.replace(value, "***")
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "***", text)
    return text


class RedactFilter(logging.Filter):
    """Redacts each record of the logger it is installed on (`redact` with these secrets) before any handler."""

    def __init__(self, *secrets: str):
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message, secrets=self.secrets)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def fields(record: logging.LogRecord) -> dict:
    """The structured keys a call passed in `extra=`."""
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class HumanFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        extra = " ".join(f"{k}={_show(v)}" for k, v in fields(record).items())
        line = f"{when} {record.levelname:<7} {record.getMessage()}" + (f"  {extra}" if extra else "")
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return redact(printable(line))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **fields(record),
        }
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return redact(printable(json.dumps(out, default=str, ensure_ascii=False)))  # C1 controls pass json.dumps


def _show(value) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (" " in text or not text) else text


def setup(level: str = "INFO", fmt: str = "human", stream=None) -> None:
    """Configure the root logger once, for the CLI."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else HumanFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "slack_sdk"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
