"""Datasette plugin: the operators' secrets read as NULL in every query (metadata.ANALYST_COLUMNS).

A SQLite authorizer on each connection: reading a column of `sources` or `outbox` not in the allowed set
answers SQLITE_IGNORE, so the value is NULL wherever it is used (select, where, join, canned or arbitrary SQL),
and table pages still work. Decided when a statement is prepared, so it costs nothing per row.
"""

import sqlite3

from datasette import hookimpl

from bot.web.metadata import ANALYST_COLUMNS


def authorizer(action, arg1, arg2, database_name, trigger_or_view):
    if action == sqlite3.SQLITE_READ and arg1 in ANALYST_COLUMNS and arg2 not in ANALYST_COLUMNS[arg1]:
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn):
    conn.set_authorizer(authorizer)
