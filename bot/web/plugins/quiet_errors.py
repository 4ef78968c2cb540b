"""Datasette plugin: a visitor's error (404, 403, 400: a mistyped URL, bad SQL) gets its error page and no console
output; Datasette's own handler would print a rich traceback with every local variable for each of them.

Server errors (5xx) are left to Datasette's handler: their traceback is what a bug report needs.
"""

from datasette import Response, hookimpl
from datasette.utils.asgi import Base400
from datasette.views.base import DatasetteError
from markupsafe import Markup


def _client_error(exception) -> tuple[int, str, str | None, dict] | None:
    """(status, message, title, info) of an exception that is the visitor's error, else None."""
    if isinstance(exception, Base400):
        return exception.status, exception.args[0] if exception.args else "", None, {}
    if isinstance(exception, DatasetteError) and exception.status < 500:
        html = exception.message_is_html  # Datasette sets it only on messages it wrote itself
        message = Markup(exception.message) if html else exception.message  # noqa: S704
        return exception.status, message, exception.title, dict(exception.error_dict or {})
    return None


@hookimpl(wrapper=True)
def handle_exception(datasette, request, exception):
    # a wrapper, because Datasette awaits every handler's answer and its own prints as it is awaited: for a
    # visitor's error, ours replaces them all
    answers = yield
    found = _client_error(exception)
    if found is None:
        return answers
    status, message, title, info = found

    async def page():
        info.update({"ok": False, "error": message, "status": status, "title": title})
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        context = dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(), menu_links=lambda: [])
        return Response.html(await template.render_async(context), status=status)

    return [page]
