"""Measuring the tagger on labelled texts: `advisory-bot eval` (evaluate) in each view of a text (views)."""
