"""Datasette plugin: every CSV Datasette serves (tables, rows, SQL and canned queries) with formula cells neutralised.

Datasette 0.65 writes CSV in one method no hook reaches (DataView.as_csv), streamed in chunks (`_stream=on`
sends the whole table), so this ASGI wrapper rewrites the body of a successful CSV response record by record
with bot.export.csv.neutralise, the rule of the project's own exports. A record can span chunks (quoted
newlines, a UTF-8 character cut in two): only complete records are rewritten, the rest waits for the next chunk.
"""

from __future__ import annotations

import codecs
import csv
import io
from urllib.parse import parse_qs

from datasette import hookimpl

from bot.export.csv import neutralise

_CSV_TYPES = (b"text/plain", b"text/csv")  # Datasette's CSV is text/plain, text/csv with _dl; _trace is HTML


def is_csv_request(scope) -> bool:
    """True for /db/table.csv, /db.csv?sql=, /db/query.csv and ?_format=csv."""
    if scope.get("type") != "http":
        return False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return scope.get("path", "").endswith(".csv") or "csv" in query.get("_format", [])


class Rewriter:
    """Complete CSV records in, the same records out with formula cells neutralised; `flush` at the end."""

    def __init__(self):
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.pending = ""

    def feed(self, chunk: bytes, final: bool = False) -> bytes:
        text = self.pending + self.decoder.decode(chunk, final=final)
        cut = len(text) if final else _end_of_last_record(text)
        self.pending = text[cut:]
        if not text[:cut]:
            return b""
        out = io.StringIO()
        writer = csv.writer(out)  # Datasette's own dialect: excel, \r\n, minimal quoting
        for record in csv.reader(io.StringIO(text[:cut], newline="")):
            writer.writerow([neutralise(value) for value in record])
        return out.getvalue().encode("utf-8")


def _end_of_last_record(text: str) -> int:
    """Index just past the last newline outside quotes (0: no complete record yet); linear in len(text)."""
    end = text.rfind("\n")
    quotes = text.count('"', 0, end) if end >= 0 else 0
    while end >= 0 and quotes % 2:
        previous = text.rfind("\n", 0, end)
        quotes -= text.count('"', max(previous, 0), end)
        end = previous
    return end + 1


def wrap(app):
    async def csv_formulas(scope, receive, send):
        if not is_csv_request(scope):
            return await app(scope, receive, send)
        rewriter = None

        async def rewriting_send(message):
            nonlocal rewriter
            if message["type"] == "http.response.start":
                headers = message.get("headers") or []
                kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if message["status"] == 200 and kind.startswith(_CSV_TYPES):
                    rewriter = Rewriter()  # the length changes: uvicorn sends the rewritten body chunked
                    message = {**message, "headers": [(k, v) for k, v in headers if k.lower() != b"content-length"]}
            elif message["type"] == "http.response.body" and rewriter is not None:
                final = not message.get("more_body", False)
                message = {**message, "body": rewriter.feed(message.get("body", b""), final=final)}
            await send(message)

        await app(scope, receive, rewriting_send)

    return csv_formulas


@hookimpl
def asgi_wrapper(datasette):
    return wrap
