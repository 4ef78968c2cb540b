"""advisory-bot: DPRK cyber-threat advisory aggregator and alert bot."""

__version__ = "0.1.0"
# Where a site operator who finds the bot in their logs reads what it is (sent in the User-Agent).
__url__ = "https://github.com/advisory-bot/advisory-bot"
