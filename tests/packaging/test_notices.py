"""THIRD-PARTY-NOTICES names the icon set the bundle carries, with its licence text."""

from __future__ import annotations

from tools.third_party_notices import ROOT, bundled_assets, render


def test_the_bundled_icons_are_listed_with_their_licence() -> None:
    files = {(ROOT / "ui" / "icons" / "inbox.svg").resolve(), (ROOT / "main.py").resolve()}
    text = render(bundled_assets(files), False, [])
    assert "Lucide icons (lucide-static)" in text and "  ISC" in text
    assert "--- ui/icons/LICENSE ---" in text and "Permission to use, copy, modify" in text


def test_no_icons_in_the_bundle_lists_none() -> None:
    assert bundled_assets({(ROOT / "main.py").resolve()}) == []
