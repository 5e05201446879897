"""``kremlin-archive stats``: the chart's numbers on the command line, text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.__main__ import main
from db import Archive, open_archive, vocab
from db.build import build
from db.queries import outcome_counts


def _stats_json(capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    assert main(["stats", "--json", *extra]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


def test_json_holds_exactly_the_charts_numbers(
    capsys: pytest.CaptureFixture[str], archive: Archive
) -> None:
    out = _stats_json(capsys)
    got = {
        (t["tribunal"], o["outcome"]): (
            o["published"],
            o["named"],
            [(s["source"], s["count"]) for s in o["published_by"]],
        )
        for t in out["tribunals"]
        for o in t["outcomes"]
    }
    with archive.connect() as conn:
        expected = {
            (c.tribunal, c.outcome): (c.published, c.named, list(c.published_by))
            for c in outcome_counts(conn)
        }
    assert got == expected


def test_json_named_counts_equal_the_verdict_records(
    capsys: pytest.CaptureFixture[str], archive: Archive
) -> None:
    out = _stats_json(capsys)
    named = {
        (t["tribunal"], o["outcome"]): o["named"]
        for t in out["tribunals"]
        for o in t["outcomes"]
        if o["named"]
    }
    sql: Counter[tuple[str, str]] = Counter()
    with archive.connect() as conn:
        for tribunal, kind, years, n in conn.execute(
            text(
                "SELECT tribunal, kind, years, count(*) FROM sentence WHERE stage = 'verdict' "
                "GROUP BY tribunal, kind, years"
            )
        ):
            sql[(tribunal, vocab.outcome_key(kind, years))] += n
    assert named == dict(sql)


def test_json_totals_and_footnotes(capsys: pytest.CaptureFixture[str]) -> None:
    out = _stats_json(capsys)
    by_tribunal = {t["tribunal"]: t for t in out["tribunals"]}
    assert [t["tribunal"] for t in out["tribunals"]] == [
        "military-collegium",
        "special-board-oso",
        "unknown",
    ]
    assert by_tribunal["military-collegium"]["published_total"] == 30
    assert by_tribunal["special-board-oso"]["published_total"] == 80
    assert by_tribunal["unknown"]["published_total"] is None
    ban = next(o for o in by_tribunal["special-board-oso"]["outcomes"] if o["outcome"] == "ban")
    assert ban["uncounted"] == [
        {
            "source": "koshel-kniga87",
            "count": None,
            "reason": "count not visible",
            "label": ban["uncounted"][0]["label"],
        }
    ]


def test_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Military Collegium: 16 of 30 convicted named here" in lines
    death = next(line for line in lines if line.strip().startswith("death"))
    assert death.split()[1:3] == ["2", "2"] and "kapchenko-polbio 1" in death
    ban = next(line for line in lines if line.strip().startswith("ban on residence"))
    assert "koshel-kniga87 ? (not counted: count not visible)" in ban
    assert "Tribunal unknown: 42 named here (no published total)" in lines


def test_other_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = build(out=tmp_path / "other.sqlite")
    out = _stats_json(capsys, "--archive", str(other))
    archive = open_archive(other)
    try:
        with archive.connect() as conn:
            verdicts = conn.execute(
                text("SELECT count(*) FROM sentence WHERE stage = 'verdict'")
            ).scalar()
    finally:
        archive.close()
    assert sum(o["named"] for t in out["tribunals"] for o in t["outcomes"]) == verdicts


def test_stats_needs_no_qt() -> None:
    code = (
        "import sys, app.commands.stats; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_russian_stats_name_tribunals_and_terms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Военная коллегия Верховного суда СССР: в архиве названо 16 из 30 осуждённых" in lines
    assert "Осудивший орган неизвестен: в архиве названы 42 (опубликованного итога нет)" in lines
    assert any(line.startswith("  тюрьма или лагерь, 10 лет ") for line in lines)
    assert any(line.startswith("  тюрьма или лагерь, 3 года ") for line in lines)
    assert any("(не учтено: диапазон сроков)" in line for line in lines)


@pytest.mark.parametrize(
    ("n", "named", "of"),
    [
        (1, "назван", "осуждённого"),
        (2, "названы", "осуждённых"),
        (5, "названы", "осуждённых"),
        (11, "названы", "осуждённых"),
        (21, "назван", "осуждённого"),
        (22, "названы", "осуждённых"),
        (25, "названы", "осуждённых"),
    ],
)
def test_russian_heads_agree_with_their_numbers(n: int, named: str, of: str) -> None:
    from app.commands.stats import _head
    from db import i18n

    i18n.set_language("ru")
    try:
        assert _head(n, None) == f"в архиве {named} {n} (опубликованного итога нет)"
        assert _head(3, n) == f"в архиве названо 3 из {n} {of}"
    finally:
        i18n.set_language("en")
