"""Delivery: routing items to notifiers and channels, planning posts from the outbox, sending them."""
