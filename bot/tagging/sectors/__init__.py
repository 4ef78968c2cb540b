"""Step 4, sectors: which sectors the DPRK actors targeted, as the text states (find.find_sectors), after the
checks that a sector word names no victim (frames, not_victims, commentators, military_secrets, cjk_sources;
Korean and Japanese compounds in cjk)."""
