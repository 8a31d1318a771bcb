"""The central's HTML pages: one shell, one stylesheet, one language choice."""
