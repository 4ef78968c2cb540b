"""advisory-bot: DPRK cyber-threat advisory aggregator and alert bot."""

__version__ = "0.1.0"
