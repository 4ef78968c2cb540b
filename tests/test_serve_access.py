"""`advisory-bot serve` access: a login when a password hash is set (required beyond loopback unless --no-auth),
the operators' columns (feed URLs, raw errors, channel ids) NULL in any SQL, and a SQL time limit.

Real `advisory-bot serve` processes on 127.0.0.1, real HTTP requests; the bind decision is tested as a function.
"""

import base64
import socket

import click
import httpx
import pytest
from click.testing import CliRunner
from datasette_auth_passwords.utils import hash_password

from bot.cli import cli
from bot.commands.serve import login_user
from tests.conftest import serving

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def open_server(archive):
    with serving(archive) as (_proc, url):
        yield url


@pytest.fixture(scope="module")
def login_server(archive):
    with serving(archive, ADVISORY_BOT_SERVE_PASSWORD_HASH=hash_password(PASSWORD, iterations=1000)) as (_, url):
        yield url


def basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.mark.parametrize(
    ("host", "no_auth", "env", "expected"),
    [
        ("127.0.0.1", False, {}, None),
        ("::1", False, {}, None),
        ("localhost", False, {}, None),
        ("0.0.0.0", True, {}, None),  # explicitly open
        ("0.0.0.0", False, {"ADVISORY_BOT_SERVE_PASSWORD_HASH": "pbkdf2_sha256$1000$s$h"}, "analyst"),
        ("10.0.0.5", False, {"ADVISORY_BOT_SERVE_PASSWORD_HASH": "pbkdf2_sha256$1000$s$h",
                             "ADVISORY_BOT_SERVE_USER": "soc"}, "soc"),
        ("127.0.0.1", False, {"ADVISORY_BOT_SERVE_PASSWORD_HASH": "pbkdf2_sha256$1000$s$h"}, "analyst"),
    ],
)  # fmt: skip
def test_who_may_log_in(host, no_auth, env, expected):
    assert login_user(host, no_auth, env) == expected


@pytest.mark.parametrize(
    ("host", "env"),
    [("0.0.0.0", {}), ("::", {}), ("192.168.1.20", {}), ("0.0.0.0", {"ADVISORY_BOT_SERVE_PASSWORD_HASH": "secret"})],
)
def test_network_without_a_login_is_refused(host, env):
    with pytest.raises(click.UsageError):
        login_user(host, False, env)


def test_cli_refuses_before_binding(archive):
    env = {"ADVISORY_BOT_SERVE_PASSWORD_HASH": ""}
    # a port taken on loopback: were serve to get as far as binding 0.0.0.0, it would fail there, never listen
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "--port", port, "--db", str(archive)], env=env)
    assert result.exit_code == 2
    assert "needs a login: set ADVISORY_BOT_SERVE_PASSWORD_HASH" in result.output and "--no-auth" in result.output
    assert "Serving" not in result.output


def test_login_required_for_pages_api_and_sql(login_server):
    with httpx.Client(base_url=login_server, timeout=30) as client:
        page = client.get("/advisories/items")
        assert page.status_code == 302 and page.headers["location"] == "/-/login"
        for path in ("/advisories/items.json", "/advisories.json?sql=select+title+from+items", "/advisories/items.csv",
                     "/advisories/dprk_feed.atom?actor=&sector=", "/-/metadata.json"):  # fmt: skip
            response = client.get(path)
            assert response.status_code == 403, (path, response.status_code)
            assert "Kimsuky" not in response.text
        wrong = client.get("/advisories/items.json", headers=basic("analyst", "guess"))
        assert wrong.status_code == 403
        ok = client.get("/advisories/items.json?_shape=array", headers=basic("analyst", PASSWORD))
        assert ok.status_code == 200 and len(ok.json()) == 9


def test_login_form_sets_a_session(login_server):
    with httpx.Client(base_url=login_server, timeout=30) as client:
        form = client.get("/-/login")
        assert form.status_code == 200
        token = form.text.split('name="csrftoken" value="')[1].split('"')[0]
        bad = client.post("/-/login", data={"username": "analyst", "password": "nope", "csrftoken": token})
        assert "Invalid username or password" in bad.text
        done = client.post("/-/login", data={"username": "analyst", "password": PASSWORD, "csrftoken": token})
        assert done.status_code == 302 and "ds_actor" in done.cookies
        assert client.get("/advisories/items").status_code == 200


@pytest.mark.parametrize("server", ["open_server", "login_server"])
def test_operators_columns_read_as_null(server, request):
    url = request.getfixturevalue(server)
    headers = basic("analyst", PASSWORD) if server == "login_server" else {}

    def sql(query):
        response = httpx.get(
            f"{url}/advisories.json", params={"sql": query, "_shape": "array"}, headers=headers, timeout=30
        )
        assert response.status_code == 200, response.text[:300]
        return response.json()

    sources = sql("select * from sources order by name")
    assert [s["name"] for s in sources] == ["cisa-advisories", "krcert-notices"]
    assert {s["url"] for s in sources} == {None} and {s["last_error"] for s in sources} == {None}
    assert {s["etag"] for s in sources} == {None}
    assert sources[1]["error_count"] == 1 and sources[1]["last_error_kind"] == "server_error"
    # no oracle either: a filter on a hidden column sees NULL
    assert sql("select count(*) as n from sources where url like '%example%'") == [{"n": 0}]
    outbox = sql("select o.*, (select channel from outbox) as c from outbox o")
    assert outbox and {o["channel"] for o in outbox} == {None} and {o["c"] for o in outbox} == {None}
    assert {o["message_id"] for o in outbox} == {None} and {o["last_error"] for o in outbox} == {None}
    assert {o["status"] for o in outbox} == {"sent", "pending"}
    latest = httpx.get(f"{url}/advisories/latest_dprk_alerts.json?_shape=array", headers=headers, timeout=30).json()
    assert next(r for r in latest if r["id"].startswith("k1"))["alerts"] == "slack sent"
    health = httpx.get(f"{url}/advisories/source_health.json?_shape=array", headers=headers, timeout=30).json()
    assert "url" not in health[0] and "last_error" not in health[0]
    tables = httpx.get(f"{url}/advisories.json", headers=headers, timeout=30).json()["tables"]
    hidden = {t["name"] for t in tables if t["hidden"]}
    assert {"sources", "outbox"} <= hidden


@pytest.mark.slow
def test_sql_time_limit(open_server):
    slow = "with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n"
    response = httpx.get(f"{open_server}/advisories.json", params={"sql": slow}, timeout=60)
    assert response.status_code == 400 and "too long" in response.text
