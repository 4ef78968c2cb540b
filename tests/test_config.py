from bot.config import load_sources


def test_placeholder_loads(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("sources:\n  - name: a\n    type: rss\n    url: https://example.org/feed\n")
    (source,) = load_sources(path)
    assert source.every == 1800.0
