"""The FastAPI application factory.

``create_app`` builds an app around one ``Settings`` and one engine, so tests and
the demo can run several centrals in one process. Routers live in
``central.routes``; they get the database session from ``central.routes.deps``.
"""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    engine = engine or make_engine(settings.database_url)
    app = FastAPI(title="Victoria central API", version="1.0.0")
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    return app
