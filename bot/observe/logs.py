"""Logging: stable snake_case keys with units, human-readable or JSON lines, secrets redacted.

Every record is made printable (bot.terminal: no terminal escapes from feed text) and passes through `redact`,
which masks Slack tokens (xox?-...), Slack webhook URLs, bearer tokens and the values of the secret environment
variables, wherever they appear.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
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
    re.compile(r"xox[abposr]-[A-Za-z0-9-]+"),
    re.compile(r"https://hooks\.slack\.com/[^\s\"'<>]+"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
]
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def redact(text: str, env=os.environ) -> str:
    """`text` with every known secret shape and secret env value replaced by '***'."""
    for name in SECRET_ENV:
        value = env.get(name)
        if value and len(value) >= 6:
            text = text.replace(value, "***")
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "***", text)
    return text


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
