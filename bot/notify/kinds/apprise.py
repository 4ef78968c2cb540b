"""The Apprise notifier types (teams, discord, mattermost, matrix, email, apprise): one routes.yaml entry model for
all six, and an AppriseNotifier built from it (the apprise library is imported only then)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TextIO

from pydantic import Field

from bot.config.routes import NotifierBase
from bot.config.values import EnvName

TYPES = ("teams", "discord", "mattermost", "matrix", "email", "apprise")  # bot.notify.apprise_notifier.KIND_PROTOCOLS


class AppriseConfig(NotifierBase):
    """Delivers through Apprise to the service its kind names, at a URL kept in an environment variable."""

    type: Literal[TYPES] = Field(
        description="teams | discord | mattermost | matrix | email | apprise (any Apprise URL)"
    )
    url_env: EnvName = Field(description="webhook and Apprise types: variable holding the URL")


CONFIG = AppriseConfig
NOTIFIER = "bot.notify.apprise_notifier:AppriseNotifier"  # its class, imported when needed


def build(cfg: AppriseConfig, env: Mapping[str, str], stream: TextIO | None):
    from bot.notify.apprise_notifier import from_config

    return from_config(cfg, env)
