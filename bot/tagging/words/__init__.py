"""What the tagger knows: the word lists (lexicon, lexicon_cjk) and the knowledge base of actors and malware
(kb, built from data/ by build_kb)."""
