"""Stories: which reports tell one event.

rules (the rules, in order, each explainable), match (the finders that look candidates up and apply them),
assign (the first finder that matches decides; which advisory leads), alerting (alert, or follow-up in the
story's thread), meaning (the sentence encoder's same-meaning rule), money and transliterate (what it compares),
encoder / encode / encode_process (the encoder and where it runs). The near-duplicate signatures are the
archive's index encoding (storage.signatures); every query is storage's.
"""
