"""`advisory-bot serve`: Datasette over the archive, read-only, on 127.0.0.1 by default.

Beyond loopback the archive is for logged-in analysts only: a password hash in ADVISORY_BOT_SERVE_PASSWORD_HASH
(datasette-auth-passwords), or an explicit --no-auth; without either, serve refuses to start (exit 2).
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.terminal import echo
from bot.web.metadata import LOGIN_HASH_ENV, LOGIN_USER_ENV


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port), so the URL printed is the one served."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def login_user(host: str, no_auth: bool, env=os.environ) -> str | None:
    """Who may log in: the user when a password hash is set; None for an open server; UsageError beyond
    loopback without a hash unless --no-auth."""
    if password_hash := env.get(LOGIN_HASH_ENV, "").strip():
        if not re.fullmatch(r"pbkdf2_sha256\$\d+\$[^$]+\$[^$]+", password_hash):
            raise click.UsageError(
                f"{LOGIN_HASH_ENV} is not a pbkdf2_sha256 hash (make one with `datasette hash-password`)"
            )
        user = env.get(LOGIN_USER_ENV, "").strip() or "analyst"
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", user):
            raise click.UsageError(f"{LOGIN_USER_ENV}: letters, digits, '.', '_' and '-' only")
        return user
    if is_loopback(host) or no_auth:
        return None
    raise click.UsageError(
        f"serving the archive to the network on {host} needs a login: set {LOGIN_HASH_ENV} to a password hash"
        " (`datasette hash-password`, docs/analysts.md), or pass --no-auth to serve it to anyone who can connect"
    )


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: the network).")
@click.option("--port", default=8001, show_default=True, help="Port (0: any free port).")
@click.option("--no-auth", is_flag=True, help=f"Serve beyond loopback without a login (default: {LOGIN_HASH_ENV}).")
@db_option
@exits_on_errors
def serve(host: str, port: int, no_auth: bool, db_path: Path) -> None:
    """Browse and search the archive in Datasette (read-only): facets, canned queries, charts, an Atom feed.

    Set ADVISORY_BOT_SERVE_PASSWORD_HASH (and optionally ADVISORY_BOT_SERVE_USER, default analyst) to require a
    login; beyond loopback it is required unless --no-auth.
    """
    require_archive(db_path)
    user = login_user(host, no_auth)
    import uvicorn

    from bot.web.app import build
    from storage import open_archive

    open_archive(db_path).close()  # migrate first: the web UI reads the current schema, never writes
    if not is_loopback(host):
        echo(f"warning: serving the archive to the network on {host}" + ("" if user else " WITHOUT a login"), err=True)
    sock = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    echo(f"Serving {db_path} read-only at http://{shown}:{sock.getsockname()[1]}/", err=False)
    server = uvicorn.Server(uvicorn.Config(build(db_path, user).app(), log_level="warning", lifespan="on"))
    server.run(sockets=[sock])


COMMANDS = [serve]
