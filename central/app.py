"""The FastAPI application factory.

``create_app`` builds an app around one ``Settings`` and one engine, so tests and
the demo can run several centrals in one process. ``served_app`` is the app as
``python -m central serve`` serves it; ``app_from_env`` is the same built from
the environment, the factory each uvicorn worker process calls (``--workers``). Routers live in
``central.routes``; they get the database session from ``central.routes.deps``.
"""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import Engine
from starlette.types import ASGIApp

from central.core.clock import Clock
from central.core.config import Settings
from central.core.db import make_engine, make_session_factory
from central.core.guards import ControlCharacterMiddleware, SecurityHeadersMiddleware
from central.core.request_log import RequestLogMiddleware
from central.messaging.sender import sender_lifespan
from central.routes import (
    access,
    account,
    claim_pages,
    claims,
    deps,
    pending_accounts,
    public,
    registrations,
)
from central.routes import dev as dev_routes
from central.routes import terminals as terminal_routes
from central.routes.handlers import (
    BodyLimitMiddleware,
    CatchAllMiddleware,
    install_error_handlers,
)


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The app for ``settings``. No trailing-slash redirects (Starlette builds
    their ``Location`` from the request's Host header: an open redirect); no
    ``/docs``, ``/redoc`` or ``/openapi.json`` in production; every HTML answer
    carries ``HTML_SECURITY_HEADERS``; control characters in a path or query are
    ``422`` before any route."""
    engine = engine or make_engine(settings.database_url)
    docs = not settings.production
    app = FastAPI(
        title="Victoria central API",
        version="1.0.0",
        lifespan=sender_lifespan,
        redirect_slashes=False,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.state.clock = Clock()
    install_error_handlers(app, refuse_first=deps.refuse_unknown_terminal)
    app.add_middleware(
        BodyLimitMiddleware, max_bytes=settings.max_body_bytes, streamed=claims.STREAMED_PATHS
    )
    app.add_middleware(ControlCharacterMiddleware)
    app.add_middleware(CatchAllMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    for module in (registrations, access, account, public, claims, claim_pages, pending_accounts):
        app.include_router(module.router)
    _include_terminal_and_dev_routers(app, settings)
    return app


def _include_terminal_and_dev_routers(app: FastAPI, settings: Settings) -> None:
    """/dev/messages exists only with dev delivery, never in production."""
    app.include_router(terminal_routes.router)
    if settings.delivery_backend == "dev" and not settings.production:
        app.include_router(dev_routes.router)


def served_app(settings: Settings, engine: Engine | None = None) -> ASGIApp:
    """The app with ``RequestLogMiddleware``: uvicorn's access log is off when
    serving (it would write activation tokens and phones from request targets),
    and ``MetricsMiddleware`` when ``metrics_port`` is set."""
    app: ASGIApp = create_app(settings, engine)
    if settings.metrics_port:
        from central.core.metrics import MetricsMiddleware

        app = MetricsMiddleware(app)
    return RequestLogMiddleware(app)


def app_from_env() -> ASGIApp:
    """uvicorn's factory for ``serve --workers N``: each worker process builds its
    app (and its engine, pool and sender) from ``VIC_CENTRAL_*`` settings; the
    CLI has migrated the database before any worker starts."""
    return served_app(Settings())
