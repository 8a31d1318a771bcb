"""``UnitOfWork.end_reads``: a request that has only read lets its connection go
while it waits on its client (an upload's body), and refuses after a write."""

from __future__ import annotations

import pytest
from sqlalchemy import Integer, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from central.core.uow import UnitOfWork


class _Base(DeclarativeBase):
    pass


class _Row(_Base):
    __tablename__ = "rows"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)


def _uow() -> UnitOfWork:
    engine = create_engine("sqlite://")
    _Base.metadata.create_all(engine)
    return UnitOfWork(Session(engine))


def test_after_reads_the_transaction_ends_and_the_next_read_begins_anew() -> None:
    uow = _uow()
    uow.session.scalars(select(_Row)).all()
    assert uow.has_work
    uow.end_reads()
    assert not uow.has_work
    uow.session.scalars(select(_Row)).all()
    assert uow.has_work


def test_after_a_write_it_refuses_rather_than_lose_it() -> None:
    uow = _uow()
    uow.session.add(_Row(id=1))
    with pytest.raises(RuntimeError):
        uow.end_reads()
    uow.end(commit=True)
    with Session(uow.session.get_bind()) as again:
        assert again.scalars(select(_Row.id)).all() == [1]
