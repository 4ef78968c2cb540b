"""Stories: which reports tell one event.

rules (the rules, in order, each explainable), signatures (near-duplicate MinHash), meaning (the sentence
encoder's same-meaning rule), money and transliterate (what it compares), encoder / encode / encode_process (the
encoder and where it runs).
"""
