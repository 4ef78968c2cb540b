"""Step 1, reading: a text becomes a spaCy Doc with its hits (names, cyber words, sector words) found by the
matchers, in English, Korean and Japanese (nlp, tokenize, korean), wrapped in a Context (context); the prescreen
skips the pipeline for texts in which nothing DPRK can be found."""
