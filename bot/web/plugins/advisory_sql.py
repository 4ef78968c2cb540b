"""Datasette plugin: SQL functions of the archive's canned queries.

`actor_canonical(name)`: the canonical actor of an alias (APT43 -> Kimsuky), the name itself when unknown,
so the "by actor" query and the Atom feed accept whatever name the analyst types.
"""

from datasette import hookimpl

from bot.run.assemble import actor_resolver


@hookimpl
def prepare_connection(conn):
    resolve = actor_resolver()
    conn.create_function("actor_canonical", 1, lambda name: resolve(name.strip()) if name else name, deterministic=True)
