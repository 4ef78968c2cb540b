"""CLI commands of the tagger: tag, eval, kb (placeholder, being written)."""

COMMANDS: list = []
