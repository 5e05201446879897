"""``kremlin-archive dossier``: one item, the case, every person; one-line errors, no files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.__main__ import main
from tests.app.printing.dossier_fixtures import listing, needs_poppler, pdf_page_size, pdf_text

pytestmark = needs_poppler


def test_person_dossier_to_file(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "s.pdf"
    assert main(["dossier", "sinelobov-alexei", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = pdf_text(out)
    assert "Alexei Sinelobov" in text and "Синелобов Алексей Иванович" in text


def test_default_file_name_is_the_id(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["dossier", "event/ev-1935-vk-verdict"]) == 0
    assert listing(tmp_path) == ["ev-1935-vk-verdict.pdf"]


def test_case_summary_on_letter(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "case.pdf"
    assert main(["dossier", "--case", "-o", str(out), "--page-size", "Letter"]) == 0
    assert pdf_page_size(out) == (612, 792)
    assert "Published tallies" in pdf_text(out)


def test_all_people_one_file_each_with_progress_into_new_nested_folders(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a" / "b"  # neither exists: both are made
    assert main(["dossier", "--all-people", "-o", str(folder)]) == 0
    names = listing(folder)
    assert len(names) == 99 and all(n.endswith(".pdf") for n in names)
    assert "sinelobov-alexei.pdf" in names
    err = capsys.readouterr().err
    assert "[1/99]" in err and "[99/99] zinoviev-grigory" in err
    assert "99 dossiers written" in err


def test_unwritable_target_one_line_no_file(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dossier", "kamenev-lev", "-o", str(tmp_path / "no" / "k.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert listing(tmp_path) == []


def test_unknown_id(qapp: QApplication, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dossier", "no-such-person"]) == 4
    assert "no record" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [["dossier"], ["dossier", "kamenev-lev", "--case"], ["dossier", "--all-people"]]
)
def test_usage_errors(
    qapp: QApplication, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert "dossier" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("ident", "words"),
    [
        ("event/kamenev-lev", "no event with id “kamenev-lev”; there is person/kamenev-lev"),
        ("foo/kamenev-lev", "“foo” is not a kind of record"),
        ("source/no-such-source", "no source with id “no-such-source”"),
    ],
)
def test_wrong_kind_says_what_there_is(
    qapp: QApplication, ident: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dossier", ident]) == 4
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_a_folder_given_as_output_gets_the_dossier_inside_named_after_the_record(
    qapp: QApplication, tmp_path: Path
) -> None:
    """New-user trial: ``-o existing-folder/`` was refused as "a folder", and ``-o new/``
    wrote a PDF file named "new" (Path drops the trailing slash)."""
    existing = tmp_path / "out"
    existing.mkdir()
    assert main(["dossier", "sinelobov-alexei", "-o", str(existing)]) == 0
    assert main(["dossier", "--case", "-o", str(tmp_path / "new") + "/"]) == 0
    assert sorted(p.name for p in existing.iterdir()) == ["sinelobov-alexei.pdf"]
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["case-summary.pdf"]
    for pdf in (existing / "sinelobov-alexei.pdf", tmp_path / "new" / "case-summary.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF-")


def test_page_size_in_any_letter_case(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "l.pdf"
    assert main(["dossier", "sinelobov-alexei", "-o", str(out), "--page-size", "letter"]) == 0
    assert pdf_page_size(out) == (612, 792)


def test_all_people_into_a_file_is_refused(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "afile").write_text("keep me")
    assert main(["dossier", "--all-people", "-o", str(tmp_path / "afile")]) == 2
    assert "is a file" in capsys.readouterr().err
    assert (tmp_path / "afile").read_text() == "keep me"


def test_all_people_failure_leaves_no_empty_folder(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.printing import DossierService, PdfWriteError

    def refuse(self: DossierService, ref: object, path: Path, page_size: str = "A4") -> Path:
        raise PdfWriteError(path, "the disk is full")

    monkeypatch.setattr(DossierService, "write_pdf", refuse)
    assert main(["dossier", "--all-people", "-o", str(tmp_path / "new")]) == 1
    assert listing(tmp_path) == []


def test_russian_usage_errors_of_dossier(capsys: pytest.CaptureFixture[str]) -> None:
    from app import cli

    assert cli.run(["--lang", "ru", "dossier"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        "kremlin-archive: dossier: укажите ровно одно из: ID, --case или --all-people\n"
    )
    assert cli.run(["--lang", "ru", "dossier", "--all-people"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == "kremlin-archive: для dossier --all-people нужен -o ПАПКА\n"
