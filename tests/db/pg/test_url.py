"""Server addresses: told apart from file names, shown and kept without their secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.pg.url import archive_target, is_server, label, libpq_url, redact, sqlalchemy_url


@pytest.mark.parametrize(
    "value",
    ["postgresql://h/db", "postgres://h/db", "postgresql+psycopg://u@h/db", "POSTGRESQL://h/d"],
)
def test_server_addresses_are_recognised(value: str) -> None:
    assert is_server(value)
    assert archive_target(value) == value


@pytest.mark.parametrize("value", ["archive.sqlite", "/tmp/postgresql/x.sqlite", "postgresql", ""])
def test_anything_else_is_a_file(value: str) -> None:
    assert not is_server(value)
    assert archive_target(value) == Path(value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://reader:s3cret@h:5433/db", "postgresql://reader@h:5433/db"),
        ("postgresql://u:p%40ss@h/db", "postgresql://u@h/db"),
        ("postgresql://u@/db?host=/run/pg&password=s3cret", "postgresql://u@/db?host=%2Frun%2Fpg"),
        ("postgres://h/db?sslpassword=s3cret&sslmode=require", "postgresql://h/db?sslmode=require"),
    ],
)
def test_redact_drops_every_secret(url: str, shown: str) -> None:
    assert redact(url) == shown
    assert "s3cret" not in redact(url) and "p%40ss" not in redact(url)


def test_an_address_that_cannot_be_parsed_is_shown_by_its_scheme_only() -> None:
    assert redact("postgresql://u:s3cret@[::1") == "postgresql://…"


def test_drivers_and_labels() -> None:
    url = "postgres://u:pw@db.example.org:5432/kremlin"
    assert sqlalchemy_url(url).startswith("postgresql+psycopg://u:pw@")
    assert libpq_url(url).startswith("postgresql://u:pw@")
    assert label(url) == "kremlin@db.example.org"
    assert label("postgresql:///kremlin") == "kremlin@localhost"


def test_a_citation_gives_the_place_without_the_reader() -> None:
    from db.pg.url import citable

    assert citable("postgresql://reader:pw@db.example.org:5433/kremlin?sslmode=require") == (
        "postgresql://db.example.org:5433/kremlin?sslmode=require"
    )


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("no such file: postgresq:/reader:r3adSecret@h:5/k", "postgresq://reader:r3adSecret@h:5/k"),
        (
            'missing "=" after "postgresql:///reader:r3adSecret@h/k"',
            "postgresql:/reader:r3adSecret@h/k",
        ),
        ('invalid percent-encoded token: "r3ad%Secret"', "postgresql://reader:r3ad%Secret@h/k"),
        ("password r3adSecret rejected", "postgresql://u@h/k?password=r3adSecret"),
    ],
)
def test_scrub_removes_the_password_from_whatever_quotes_it(text: str, target: str) -> None:
    from db.pg.url import scrub

    assert "r3ad" not in scrub(text, target)
