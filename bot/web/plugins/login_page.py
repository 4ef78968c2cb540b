"""Datasette plugin: a visitor who must log in (serve with a password) is sent to the login form, not a 403 page.

API clients (.json, .csv, .atom) keep the plain 403; they authenticate with HTTP Basic on each request.
"""

from datasette import hookimpl
from datasette.utils.asgi import Response


@hookimpl
def forbidden(datasette, request, message):
    if request.actor is None and not request.path.endswith((".json", ".csv", ".atom")):
        return Response.redirect(datasette.urls.path("/-/login"))
    return None
