"""The ``Table`` behind a mapped class, for prebuilt Core statements.

The hot paths (a registration, a terminal's authentication, the sender's
claims) use Core ``insert``/``select``/``update`` on the tables rather than the
ORM's unit of work; SQLAlchemy types ``__table__`` as a plain ``FromClause``,
so this says what it is in one place.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase


def table_of(model: type[DeclarativeBase]) -> Table:
    return cast(Table, model.__table__)
