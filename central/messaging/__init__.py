"""Outgoing SMS and email: written to the ``messages`` table in the transaction
of the change that causes them (``outbox.enqueue``), delivered later by the
background sender through the configured backend (dev, smtp or http SMS)."""
