"""Step 3, judging: whether the text is about DPRK cyber activity (signals.assess), after the checks that take a
DPRK or cyber word out: another state's attack (other_states), another sense of the word (other_senses), the
DPRK as a topic, a victim, background or accuser (dprk_*), a name ruled out (ruled_out)."""
