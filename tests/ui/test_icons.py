"""The one icon set: every icon the screens name ships in ui/icons beside its
licence, and is drawn in the colour asked for (the palette's, not Lucide's black)."""

from __future__ import annotations

from importlib.resources import files

import pytest
from PySide6.QtGui import QColor

from ui.design import GOOD, NAVY
from ui.widgets.icons import ICONS, UnknownIcon, icon_pixmap, svg_text


def test_every_icon_ships_with_the_licence_of_its_set() -> None:
    folder = files("ui").joinpath("icons")
    shipped = {p.name.removesuffix(".svg") for p in folder.iterdir() if p.name.endswith(".svg")}
    assert shipped == set(ICONS)  # nothing named that is missing, nothing shipped unused
    assert "ISC License" in folder.joinpath("LICENSE").read_text(encoding="utf-8")
    assert "version=" in folder.joinpath("SOURCE.txt").read_text(encoding="utf-8")
    assert all("currentColor" in svg_text(name) for name in ICONS)  # so it can be tinted


@pytest.mark.parametrize("colour", [NAVY, GOOD])
def test_an_icon_is_drawn_in_the_palette_colour(qapp: object, colour: str) -> None:
    image = icon_pixmap("circle-check", colour, 48).toImage()
    inked = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert inked, "the icon drew something"
    assert {c.name() for c in inked} == {QColor(colour).name()}


def test_an_unknown_icon_is_a_bug_named_at_once() -> None:
    with pytest.raises(UnknownIcon):
        svg_text("emoji-smile")
