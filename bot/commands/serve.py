"""`advisory-bot serve`: Datasette over the archive, read-only, on 127.0.0.1 by default."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import click

from bot.commands.common import db_option, exits_on_errors, require_archive
from bot.terminal import echo


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


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: the network).")
@click.option("--port", default=8001, show_default=True, help="Port (0: any free port).")
@db_option
@exits_on_errors
def serve(host: str, port: int, db_path: Path) -> None:
    """Browse and search the archive in Datasette (read-only): facets, canned queries, charts, an Atom feed."""
    require_archive(db_path)
    import uvicorn

    from bot.web.app import build
    from storage import open_archive

    open_archive(db_path).close()  # migrate first: the web UI reads the current schema, never writes
    if not is_loopback(host):
        echo(f"warning: serving the archive to the network on {host}", err=True)
    sock = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    echo(f"Serving {db_path} read-only at http://{shown}:{sock.getsockname()[1]}/", err=False)
    server = uvicorn.Server(uvicorn.Config(build(db_path).app(), log_level="warning", lifespan="on"))
    server.run(sockets=[sock])


COMMANDS = [serve]
