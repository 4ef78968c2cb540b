"""Step 2, finding: the phrases that say the DPRK or a cyber act, beyond single words: actor and malware mentions
(actors), "the North" (the_north), theft and targeting frames (frames), and phrases whose words stand apart
(gapped_phrases, gapped_schemes)."""
