"""Chicago and GOST text citations: every element in place, no source id, nothing executable."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection

from db.cite.model import CHART, Access, ArchiveMeta, Cited, archive_meta, cited
from db.cite.styles import STYLES, chicago, gost, render
from db.dto import Ref
from tests.db.cite.conftest import ACCESSED

DIGEST = "0123456789abcdef" * 4
META = ArchiveMeta("The Kremlin Affair, 1935", "Кремлёвское дело, 1935", "2026.11.3")


def _record(label: str = "Lev Kamenev", label_ru: str = "Каменев Лев Борисович") -> Cited:
    return Cited(META, Ref("person", "kamenev-lev"), label, label_ru, ())


def test_chicago_entry_of_a_record() -> None:
    assert chicago(_record(), Access(ACCESSED, "kremlin-affair.sqlite", DIGEST)) == (
        "“Lev Kamenev.” Person record person/kamenev-lev. In The Kremlin Affair, 1935. "
        "Database, data version 2026.11.3. File kremlin-affair.sqlite. "
        f"Accessed December 4, 2026. SHA-256 {DIGEST}."
    )


def test_gost_reference_to_a_record() -> None:
    assert gost(_record(), Access(ACCESSED, "kremlin-affair.sqlite", DIGEST)) == (
        "Каменев Лев Борисович [Электронный ресурс] : запись о лице person/kamenev-lev // "
        "Кремлёвское дело, 1935 : база данных. — Версия данных 2026.11.3. — "
        "Режим доступа: локальный файл kremlin-affair.sqlite (дата обращения: 04.12.2026). — "
        f"SHA-256: {DIGEST}."
    )


def test_the_whole_archive_in_both_styles() -> None:
    whole = Cited(META, None, META.title, META.title_ru, ())
    access = Access(ACCESSED, "https://example.org/kremlin")
    assert chicago(whole, access) == (
        "The Kremlin Affair, 1935. Database, data version 2026.11.3. "
        "https://example.org/kremlin. Accessed December 4, 2026."
    )
    assert gost(whole, access) == (
        "Кремлёвское дело, 1935 [Электронный ресурс] : база данных. — Версия данных 2026.11.3. "
        "— URL: https://example.org/kremlin (дата обращения: 04.12.2026)."
    )


def test_without_a_location_the_access_date_still_stands() -> None:
    access = Access(ACCESSED)
    assert "File" not in chicago(_record(), access)
    assert gost(_record(), access).endswith(
        "Режим доступа: локальный файл (дата обращения: 04.12.2026)."
    )


def test_an_archive_address_in_meta_is_used() -> None:
    meta = ArchiveMeta("T", "Т", "1", url="https://example.org/t")
    c = Cited(meta, None, "T", "Т", ())
    assert "https://example.org/t." in chicago(c, Access(ACCESSED, "t.sqlite"))
    assert "URL: https://example.org/t (" in gost(c, Access(ACCESSED, "t.sqlite"))


def test_full_stops_are_not_doubled() -> None:
    c = _record("Dr. Who?", "Запись о чём-то.")
    assert "“Dr. Who?”" in chicago(c, Access(ACCESSED))
    assert gost(c, Access(ACCESSED)).startswith("Запись о чём-то [Электронный ресурс]")


def test_a_citation_never_starts_as_a_formula() -> None:
    c = _record("=HYPERLINK(1)", "=HYPERLINK(1)")
    assert gost(c, Access(ACCESSED)).startswith("'=HYPERLINK(1) [")
    whole = Cited(ArchiveMeta("@SUM(1)", "+1", "1"), None, "@SUM(1)", "+1", ())
    assert chicago(whole, Access(ACCESSED)).startswith("'@SUM(1).")
    assert gost(whole, Access(ACCESSED)).startswith("'+1 [")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(
    "ref",
    [
        Ref("person", "cherniavsky-mikhail"),
        Ref("event", "ev-1935-vk-verdict"),
        Ref("document", "doc-9408"),
        Ref("source", "koshel-kniga87"),
        CHART,
        None,
    ],
)
def test_bundled_records_name_title_version_id_label_and_date(
    conn: Connection, style: str, ref: Ref | None
) -> None:
    c = cited(conn, ref)
    meta = archive_meta(conn)
    out = render(style, c, Access(ACCESSED, "kremlin-affair.sqlite"))
    assert "\n" not in out
    assert (meta.title if style == "chicago" else meta.title_ru) in out
    assert meta.data_version in out
    assert (c.label if style == "chicago" else c.label_ru) in out
    assert ("December 4, 2026" if style == "chicago" else "04.12.2026") in out
    if ref is not None:
        assert out.count(f"{ref.kind}/{ref.id}") == 1
    # Source ids appear only as the id of a cited source record, never as "[id]" references.
    others = [s.id for s in c.sources if ref is None or s.id != ref.id]
    assert not [i for i in others if i in out]
    assert "[koshel" not in out


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown citation style “apa”"):
        render("apa", _record(), Access(ACCESSED))
