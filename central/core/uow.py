"""The unit of work: the one owner of a request's transaction.

A request's database work (its idempotency record included) is one
transaction, begun on first use and ended once, by ``UnitOfWork.end``, when the
request dependency (``central.routes.deps.get_uow``) is left: committed when
the handler returned, or raised a ``CentralError`` whose ``commits`` is set (a
wrong code's spent attempt, a failed login's count); rolled back otherwise.
Repositories and services only flush; nothing else commits or rolls back.

Three ways a handler speaks to it, for the cases an exception cannot carry:
``refused(err)`` when the handler answers a refusal itself instead of raising
it (an HTML page), ``start_over()`` when a statement failed in a way that
left nothing worth keeping (an idempotency key another request took first),
and ``end_reads()`` when it has only read so far and is about to wait on its
client (an upload's body): no connection is held meanwhile.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from central.core.errors import CentralError


class UnitOfWork:
    """One request's session and the decision how its transaction ends."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._refusal: CentralError | None = None

    def refused(self, error: CentralError) -> None:
        """The handler answers ``error`` without raising it: the transaction
        ends as that error says (committed only if ``error.commits``)."""
        self._refusal = error

    def start_over(self) -> None:
        """Forget everything done so far (the next statement begins afresh): for
        a first write that lost a race and leaves nothing to keep."""
        self.session.rollback()

    def end_reads(self) -> None:
        """End a stretch of reads so the request holds no connection while it
        waits on its client (an upload's body streaming in); the next statement
        begins a new transaction. Only before any write: it would be lost."""
        session = self.session
        if session.new or session.dirty or session.deleted:
            raise RuntimeError("end_reads after a write: it would be rolled back")
        session.rollback()

    def commits(self, error: BaseException | None) -> bool:
        """Whether the transaction is committed when the handler ended with
        ``error`` (None: it returned)."""
        if error is None:
            return self._refusal is None or self._refusal.commits
        return isinstance(error, CentralError) and error.commits

    @property
    def has_work(self) -> bool:
        """Whether ending needs the database (a transaction is open)."""
        return self.session.in_transaction()

    def end(self, commit: bool) -> None:
        """Commit or roll back, then give the connection back. A failed commit
        raises: the request then answers an error, never a success."""
        try:
            if commit:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
