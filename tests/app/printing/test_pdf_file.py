"""Writing dossier PDFs is verified: every failure target gives an error and leaves no file."""

# Fixtures are imported from conftest_dossier, so their parameters "redefine" the imports.
# ruff: noqa: F811

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.printing import DossierService, PdfWriteError, pdf_file
from db.dto import Ref
from tests.app.pages.russian import russian  # noqa: F401 (fixture)
from tests.app.printing.dossier_fixtures import (
    dossier_service,  # noqa: F401 (fixture)
    listing,
    mounted_tmpfs,  # noqa: F401 (fixture)
    needs_poppler,
    pdf_text,
)

PERSON = Ref("person", "sinelobov-alexei")
Mount = Callable[[str], Path | None]


def _fails(service: DossierService, target: Path, words: str) -> PdfWriteError:
    with pytest.raises(PdfWriteError) as info:
        service.write_pdf(PERSON, target)
    assert words in info.value.message
    assert info.value.path == target
    return info.value


def test_writes_a_verified_pdf(dossier_service: DossierService, tmp_path: Path) -> None:
    path = dossier_service.write_pdf(PERSON, tmp_path / "out.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(data) > 10_000
    assert listing(tmp_path) == ["out.pdf"]


def test_new_file_gets_the_usual_permissions(
    dossier_service: DossierService, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        path = dossier_service.write_pdf(PERSON, tmp_path / "shared.pdf")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644  # readable by colleagues, as with any file


def test_replaced_file_keeps_its_permissions(
    dossier_service: DossierService, tmp_path: Path
) -> None:
    target = tmp_path / "private.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    dossier_service.write_pdf(PERSON, target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_bytes().startswith(b"%PDF-")


def test_unknown_home_folder_is_a_missing_folder(
    dossier_service: DossierService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _fails(dossier_service, Path("~no-such-user-kremlin/x.pdf"), "does not exist")
    assert listing(tmp_path) == []


@needs_poppler
def test_cyrillic_and_spaced_path(dossier_service: DossierService, tmp_path: Path) -> None:
    folder = tmp_path / "досье # 1"
    folder.mkdir()
    path = dossier_service.write_pdf(PERSON, folder / "Синелобов?.pdf")
    assert listing(folder) == ["Синелобов?.pdf"]
    assert "Синелобов" in pdf_text(path)


def test_missing_folder(dossier_service: DossierService, tmp_path: Path) -> None:
    _fails(dossier_service, tmp_path / "absent" / "x.pdf", "does not exist")
    assert listing(tmp_path) == []


def test_path_is_a_folder(dossier_service: DossierService, tmp_path: Path) -> None:
    (tmp_path / "dir.pdf").mkdir()
    _fails(dossier_service, tmp_path / "dir.pdf", "is a folder")
    assert listing(tmp_path) == ["dir.pdf"] and listing(tmp_path / "dir.pdf") == []


def test_device_is_refused_untouched(dossier_service: DossierService) -> None:
    before = os.stat("/dev/full")
    _fails(dossier_service, Path("/dev/full"), "device")
    after = os.stat("/dev/full")
    assert (before.st_ino, before.st_mode) == (after.st_ino, after.st_mode)
    assert not [n for n in os.listdir("/dev") if n.startswith(".full.")]


def test_read_only_folder(
    dossier_service: DossierService, tmp_path: Path, mounted_tmpfs: Mount
) -> None:
    if os.geteuid() == 0:  # root ignores permission bits: use a read-only file system
        folder = mounted_tmpfs("ro,size=1m")
        if folder is None:
            pytest.skip("running as root and cannot mount a read-only tmpfs")
        words = "read-only"
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o555)
        words = "no permission"
    try:
        _fails(dossier_service, folder / "x.pdf", words)
        assert listing(folder) == []
    finally:
        if os.geteuid() != 0:
            folder.chmod(0o755)


def test_full_disk_on_a_tiny_tmpfs(dossier_service: DossierService, mounted_tmpfs: Mount) -> None:
    folder = mounted_tmpfs("size=16k")
    if folder is None:
        pytest.skip("cannot mount a tmpfs here (see the simulated test below)")
    _fails(dossier_service, folder / "x.pdf", "disk is full")
    assert listing(folder) == []


def test_full_disk_simulated_keeps_the_old_file(
    dossier_service: DossierService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The temporary file is real, but its descriptor writes to /dev/full: the kernel's ENOSPC.
    real = pdf_file._make_temp

    def temp_on_full_disk(folder: Path, name: str, like: os.stat_result | None) -> tuple[int, Path]:
        fd, tmp = real(folder, name, like)
        full = os.open("/dev/full", os.O_WRONLY)
        os.dup2(full, fd)
        os.close(full)
        return fd, tmp

    monkeypatch.setattr(pdf_file, "_make_temp", temp_on_full_disk)
    old = tmp_path / "x.pdf"
    old.write_bytes(b"previous version")
    error = _fails(dossier_service, old, "disk is full")
    assert isinstance(error.__cause__, OSError) and error.__cause__.errno == errno.ENOSPC
    assert listing(tmp_path) == ["x.pdf"] and old.read_bytes() == b"previous version"


def test_render_fault_leaves_no_file(
    dossier_service: DossierService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: DossierService, ref: Ref | None) -> object:
        raise RuntimeError("formatter bug")

    monkeypatch.setattr(DossierService, "rendition", broken)
    with pytest.raises(RuntimeError):
        dossier_service.write_pdf(PERSON, tmp_path / "x.pdf")
    assert listing(tmp_path) == []


def test_unknown_item_is_a_write_error(dossier_service: DossierService, tmp_path: Path) -> None:
    with pytest.raises(PdfWriteError, match="no person with id"):
        dossier_service.write_pdf(Ref("person", "nobody"), tmp_path / "x.pdf")
    assert listing(tmp_path) == []


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4" + b" " * 2000, b"<html>" * 400])
def test_non_pdf_bytes_are_never_written(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(PdfWriteError):
        pdf_file.write_pdf_file(tmp_path / "x.pdf", data)
    assert listing(tmp_path) == []


def test_failures_are_explained_in_russian(tmp_path: Path, russian: None) -> None:
    folder = tmp_path / "absent"
    assert pdf_file.target_problem(folder / "x.pdf") == f"папки {folder} не существует"
    assert pdf_file.target_problem(tmp_path) == "это папка; выберите имя файла в ней"
    assert pdf_file.pdf_problem(b"%PDF-") == "размер созданного PDF — всего 5 Б"
