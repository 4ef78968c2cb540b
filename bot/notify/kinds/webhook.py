"""The `webhook` notifier type: its routes.yaml entry and a WebhookNotifier built from it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TextIO

from pydantic import Field

from bot.config.routes import NotifierBase
from bot.config.values import EnvName


class WebhookConfig(NotifierBase):
    """POSTs each alert as JSON to a URL kept in an environment variable."""

    type: Literal["webhook"] = Field(description="webhook: a JSON POST to a URL")
    url_env: EnvName = Field(description="webhook and Apprise types: variable holding the URL")
    allow_private: bool = Field(False, description="webhook: allow a URL on a private or loopback address")


CONFIG = WebhookConfig
NOTIFIER = "bot.notify.webhook:WebhookNotifier"  # its class, imported when needed


def build(cfg: WebhookConfig, env: Mapping[str, str], stream: TextIO | None):
    from bot.notify.webhook import from_config

    return from_config(cfg, env)
