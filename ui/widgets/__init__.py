"""Reusable widgets for the kiosk and clerk screens.

They hold no business rules of their own beyond what ``kiosk/`` provides and never
touch the network: screens feed them values and listen to their signals.
"""
