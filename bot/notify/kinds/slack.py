"""The `slack` notifier type: its routes.yaml entry and a SlackNotifier built from it (slack_sdk imported then)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TextIO

from pydantic import Field

from bot.config.routes import NotifierBase
from bot.config.values import EnvName
from bot.errors import ConfigError


class SlackConfig(NotifierBase):
    """Posts to one Slack channel through the Web API with a bot token."""

    type: Literal["slack"] = Field(description="slack: a channel, through the Slack Web API")
    channel: str = Field(min_length=1, description="slack: channel id (C0123...) or #name")
    token_env: EnvName | None = Field(None, description="slack: variable holding the bot token (SLACK_BOT_TOKEN)")
    api_url_env: EnvName | None = Field(None, description="slack: variable holding a Web API base URL (optional)")


CONFIG = SlackConfig
NOTIFIER = "bot.notify.slack:SlackNotifier"  # its class, imported when needed


def build(cfg: SlackConfig, env: Mapping[str, str], stream: TextIO | None):
    from bot.notify.slack import SlackNotifier

    token_env = cfg.token_env or "SLACK_BOT_TOKEN"
    token = (env.get(token_env) or "").strip()
    if not token:
        raise ConfigError(f"notify: notifier {cfg.name}: environment variable {token_env} is not set")
    base_url = env.get(cfg.api_url_env or "SLACK_API_URL") or None
    return SlackNotifier(token, cfg.channel, base_url=base_url)
