"""Datasette plugin: a facet the table's metadata already shows is not shown a second time when the URL asks for it.

Datasette's column menu offers "Facet by this" on every column; on `actors` it adds `?_facet_array=actors`, and
Datasette then draws the configured actors facet twice. This ASGI wrapper drops such a parameter before Datasette
reads the query string; facets that are not configured pass untouched.
"""

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils import tilde_decode


def configured(facets) -> set[tuple[str, str]]:
    """(type, column) of the facets in a table's metadata: "source" -> ("column", "source")."""
    out = set()
    for facet in facets or []:
        if isinstance(facet, str):
            out.add(("column", facet))
        elif isinstance(facet, dict):
            out.update((kind, column) for kind, column in facet.items() if isinstance(column, str))
    return out


def without_repeats(query: str, facets: set[tuple[str, str]]) -> str:
    """The query string without `_facet=` / `_facet_<type>=` parameters that repeat a configured facet."""
    pairs = parse_qsl(query, keep_blank_values=True, encoding="latin-1")  # bytes kept as they came

    def repeat(key: str, value: str) -> bool:
        kind = "column" if key == "_facet" else key.removeprefix("_facet_") if key.startswith("_facet_") else None
        return kind is not None and (kind, value) in facets

    kept = [(k, v) for k, v in pairs if not repeat(k, v)]
    return query if len(kept) == len(pairs) else urlencode(kept, encoding="latin-1")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope.get("type") == "http" and b"_facet" in scope.get("query_string", b""):
                parts = scope.get("path", "").strip("/").split("/")
                if len(parts) == 2:
                    database, table = tilde_decode(parts[0]), tilde_decode(parts[1].removesuffix(".json"))
                    facets = configured(datasette.table_metadata(database, table).get("facets"))
                    query = scope["query_string"].decode("latin-1")
                    cleaned = without_repeats(query, facets)
                    if cleaned != query:
                        scope = dict(scope, query_string=cleaned.encode("latin-1"))
            await app(scope, receive, send)

        return wrapped

    return wrap
