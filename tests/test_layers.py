"""The layers do not leak: storage/ and extractors/ import from bot/ only its shared records and errors, and
bot/ keeps its SQL in storage/ (named queries), the Datasette plugins of bot/web/plugins excepted."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = {"bot.records", "bot.errors"}  # what every layer may import from bot/
# An extractor owns its source type's config model (issue 17 part 2), so it builds on the config base: the base
# model with the resolved Source record, and the tagged-union helper. Neither imports an extractor or the loader.
CONFIG_BASE = {"bot.config.source_base", "bot.config.tagged"}
SQL_CALL = re.compile(r"\.(execute|executemany|executescript|query)\(")
SQL_ALLOWED = ROOT / "bot" / "web" / "plugins"  # Datasette plugins run Datasette's own SQL API


def bot_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of bot or a bot.* module in a file, at any depth (also inside functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from bot import records` imports bot.records
            found += [
                (node.lineno, f"{node.module}.{alias.name}" if node.module == "bot" else node.module)
                for alias in node.names
            ]
    return [(line, name) for line, name in found if name == "bot" or name.startswith("bot.")]


def leaks(folder: str, allowed: set[str]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / folder).glob("**/*.py"))
        for line, name in bot_imports(path)
        if name not in allowed
    ]


def test_storage_imports_only_records_and_errors_from_bot():
    assert leaks("storage", SHARED) == []


def test_extractors_import_only_records_and_errors_from_bot():
    assert leaks("extractors", SHARED | CONFIG_BASE) == []


def test_the_import_check_sees_every_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import bot.stories.rules\nfrom bot import records, stories\nfrom bot.errors import ExtractError\n"
        "def late():\n    from bot.stories import signatures\n",
        encoding="utf-8",
    )
    found = [name for _line, name in bot_imports(sample)]
    assert found == ["bot.stories.rules", "bot.records", "bot.stories", "bot.errors", "bot.stories"]


def sql_calls(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{path}:{n}: {line.strip()}" for n, line in enumerate(lines, 1) if SQL_CALL.search(line)]


def test_bot_runs_no_sql_of_its_own():
    found = [
        call
        for path in sorted((ROOT / "bot").glob("**/*.py"))
        if SQL_ALLOWED not in path.parents
        for call in sql_calls(path)
    ]
    assert found == []


def test_the_sql_check_sees_each_call(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'db.execute("SELECT 1")\nconn.executemany(sql, rows)\nrows = db.query("SELECT 2")\nexecuted(x)\n',
        encoding="utf-8",
    )
    assert len(sql_calls(sample)) == 3
