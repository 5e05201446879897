"""The installed product: a wheel built from the checkout runs from any folder, and the desktop
files validate.

A copy of the checkout (without ``.venv``, ``tests`` and caches, so the build leaves nothing in
the checkout) is built into a wheel with pip, as ``pipx install .`` does, and installed into a
new virtual environment (no system site-packages) in a temporary folder.  From another folder,
``kremlin-archive info`` must then print the bundled archive's title and data version (in
Russian too: the catalogue inside the wheel), and the window must start on Qt's offscreen
platform.  The imported modules and resources must be the venv's own, never the checkout's.

In the default suite the new venv borrows its dependencies from the test run's own environment
(a ``.pth`` line naming its site-packages, which does not run the editable install's hook), and
``pip check`` proves the wheel's declared requirements are met there: copying PySide6 again
would be three quarters of this module's time.  The slow test installs the wheel with its
dependencies into an empty venv, as a user's ``pipx install`` does; pip uses the indexes
configured on the machine (a local mirror here, PyPI in CI).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import resources
from db import open_archive

ROOT = Path(__file__).resolve().parent.parent
DESKTOP = ROOT / "resources" / "kremlin-archive.desktop"
METAINFO = ROOT / "resources" / "io.github.kremlin_archive.metainfo.xml"
#: Top-level entries of the checkout that a build does not need.
NOT_COPIED = {".venv", ".git", "build", "dist", "tests", ".cache", ".hypothesis"}
NOT_COPIED_ANYWHERE = ("__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache")
#: Files under resources/ that only build the product and stay out of the wheel.
BUILD_INPUTS = ("data/", "locale/parts/", "fonts/derive_print_font.py")
#: Generous limit for one pip or app run (a cold pip cache unpacks PySide6).
TIMEOUT = 300


@dataclass(frozen=True)
class Installed:
    """A wheel built from the checkout and the clean venv it is installed in."""

    wheel: Path
    build_log: str
    venv: Path
    python: Path
    script: Path
    elsewhere: Path
    env: dict[str, str]


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n in NOT_COPIED_ANYWHERE or n.endswith(".egg-info")}
    if Path(folder).resolve() == ROOT:
        ignored |= NOT_COPIED & set(names)
    return ignored


def _run(cmd: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=TIMEOUT, **kwargs
    )  # type: ignore[call-overload]
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout}\n{done.stderr}"
    return done  # type: ignore[no-any-return]


def _clean_env(home: Path) -> dict[str, str]:
    """The environment of a user with an empty home: nothing points back at the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    env.update(HOME=str(home), LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    env.pop("LANGUAGE", None)
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return env


def _build_wheel(base: Path) -> tuple[Path, str]:
    """(the wheel built from a copy of the checkout, pip's verbose log)."""
    source = base / "checkout"
    shutil.copytree(ROOT, source, ignore=_copy_ignore)
    build = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", base / "dist", "."],
        cwd=source,
    )
    (wheel,) = (base / "dist").glob("kremlin_archive-*.whl")
    return wheel, build.stdout + build.stderr


def _install(base: Path, wheel: Path, build_log: str, *, with_deps: bool) -> Installed:
    """Install ``wheel`` in a new venv under ``base``: with its dependencies from the index, or
    borrowing the test run's installed ones."""
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python]
    if with_deps:
        _run([*pip, "install", "--quiet", wheel])
    else:
        _run([*pip, "install", "--quiet", "--no-deps", wheel])
        site = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
        borrowed = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
        Path(site.stdout.strip(), "borrowed-deps.pth").write_text(
            "".join(f"{p}\n" for p in sorted(borrowed)), encoding="utf-8"
        )
        _run([*pip, "check"])  # every Requires-Dist of the wheel is met
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return Installed(
        wheel=wheel,
        build_log=build_log,
        venv=env_dir,
        python=python,
        script=env_dir / "bin" / "kremlin-archive",
        elsewhere=elsewhere,
        env=_clean_env(base / "home"),
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel built from a copy of the checkout, installed in a venv of its own."""
    base = tmp_path_factory.mktemp("packaging")
    return _install(base, *_build_wheel(base), with_deps=False)


@pytest.mark.slow
def test_the_wheel_installs_with_its_dependencies_into_an_empty_venv(tmp_path: Path) -> None:
    installed = _install(tmp_path, *_build_wheel(tmp_path), with_deps=True)
    try:
        out = _run([installed.script, "info"], cwd=installed.elsewhere, env=installed.env)
        assert re.search(r"data version:", out.stdout), out.stdout
        probe = "import PySide6, sqlalchemy; print(PySide6.__file__, sqlalchemy.__file__)"
        out = _run([installed.python, "-c", probe], cwd=installed.elsewhere, env=installed.env)
        site = installed.venv.resolve()
        assert all(Path(p).resolve().is_relative_to(site) for p in out.stdout.split()), out
    finally:
        shutil.rmtree(installed.venv)  # PySide6 makes it most of a gigabyte


def _wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_every_module_of_the_checkout_is_in_the_wheel(installed: Installed) -> None:
    names = _wheel_names(installed.wheel)
    modules = {
        p.relative_to(ROOT).as_posix() for top in ("app", "db") for p in (ROOT / top).rglob("*.py")
    }
    missing = sorted(modules - names)
    assert not missing, f"add their packages to [tool.setuptools] packages: {missing}"


def test_every_runtime_resource_is_in_the_wheel_and_no_build_input(installed: Installed) -> None:
    names = _wheel_names(installed.wheel)
    shipped = {n.removeprefix(f"{resources.PACKAGE}/") for n in names if n.startswith("kremlin_")}
    files = {
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    wanted = {f for f in files if not f.startswith(BUILD_INPUTS) and not f.endswith(".po")}
    missing = sorted(wanted - shipped)
    assert not missing, f"add them to [tool.setuptools.package-data]: {missing}"
    assert not [n for n in shipped if n.startswith(BUILD_INPUTS) or n.endswith(".po")]


def test_the_build_warns_about_nothing(installed: Installed) -> None:
    assert "Building wheel for kremlin-archive" in installed.build_log  # the backend's output
    # Setuptools' SetuptoolsDeprecationWarning, BuildBackendWarning … (a TOML licence table).
    assert not re.findall(r"\b\w+Warning\b", installed.build_log)
    assert not re.search(r"^\s*\*+\s*$", installed.build_log, re.MULTILINE)  # a boxed warning


def test_the_licence_is_an_spdx_expression(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as zf:
        (metadata,) = (n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(metadata).decode()
    assert "License-Expression: MIT" in text.splitlines()
    assert not re.search(r"^License:", text, re.MULTILINE)


def test_info_prints_the_bundled_archive_from_another_folder(installed: Installed) -> None:
    archive = open_archive(resources.bundled_archive())
    try:
        title, data_version = archive.info.title, archive.info.data_version
    finally:
        archive.close()
    out = _run([installed.script, "info"], cwd=installed.elsewhere, env=installed.env).stdout
    lines = out.splitlines()
    assert lines[0] == title
    assert re.search(rf"data version:\s+{re.escape(data_version)}$", out, re.MULTILINE)
    site = installed.venv.resolve()
    assert Path(re.search(r"file:\s+(\S+)", out)[1]).resolve().is_relative_to(site)  # type: ignore[index]


def test_the_russian_catalogue_is_found_inside_the_wheel(installed: Installed) -> None:
    out = _run(
        [installed.script, "--lang", "ru", "info"], cwd=installed.elsewhere, env=installed.env
    ).stdout
    assert re.search(r"^  версия данных:", out, re.MULTILINE), out


def test_the_code_and_resources_come_from_the_venv(installed: Installed) -> None:
    probe = (
        "import app, db.i18n as i, app.resources as r; print(app.__file__, i.LOCALE_DIR, r.ROOT)"
    )
    out = _run([installed.python, "-c", probe], cwd=installed.elsewhere, env=installed.env).stdout
    paths = [Path(p).resolve() for p in out.split()]
    assert all(p.is_relative_to(installed.venv.resolve()) for p in paths), out


def test_the_window_starts_offscreen(installed: Installed) -> None:
    driver = installed.elsewhere / "start.py"
    driver.write_text(
        textwrap.dedent(
            """
            import sys
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication, QMainWindow
            from app.__main__ import main

            qt = QApplication(sys.argv[:1])

            def report():
                shown = [w for w in qt.topLevelWidgets() if isinstance(w, QMainWindow)
                         and w.isVisible()]
                print("window:", shown[0].windowTitle() if shown else None, flush=True)
                qt.exit(0 if shown else 1)

            QTimer.singleShot(0, report)  # runs once the event loop has started
            sys.exit(main(["--settings", sys.argv[1]]))
            """
        ),
        encoding="utf-8",
    )
    done = _run(
        [installed.python, driver, installed.elsewhere / "settings.ini"],
        cwd=installed.elsewhere,
        env=installed.env,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("window: ")]
    # "<archive title> — kremlin-affair.sqlite — Kremlin Affair Archive": the bundled archive
    # is open in the window.
    assert len(lines) == 1, done
    assert resources.ARCHIVE_NAME in lines[0], done
    assert lines[0].endswith("Kremlin Affair Archive"), done


def test_the_checkout_is_found_before_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resources.find_root() == ROOT / "resources"
    # Nothing installed either (the dev venv's editable install maps the package to the
    # checkout, so pretend it has another name): the checkout's path all the same.
    monkeypatch.setattr(resources, "PACKAGE", "no_such_resources_package")
    assert resources.find_root(tmp_path / "none") == tmp_path / "none"


def test_an_installed_package_is_found_when_there_is_no_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site" / resources.PACKAGE
    package.mkdir(parents=True)
    (package / resources.ARCHIVE_NAME).write_bytes(b"")
    monkeypatch.syspath_prepend(tmp_path / "site")
    assert resources.find_root(tmp_path / "no-checkout") == package


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian: .ci/system-deps.sh test installs it)")
    return path


def test_the_desktop_file_validates() -> None:
    done = _run([_tool("desktop-file-validate"), DESKTOP])
    assert done.stdout.strip() == "", done.stdout  # hints and warnings count as failures


def test_the_metainfo_validates() -> None:
    _run([_tool("appstreamcli"), "validate", "--no-net", "--strict", METAINFO])


def test_the_metainfo_launches_the_desktop_file_and_its_script() -> None:
    text = METAINFO.read_text(encoding="utf-8")
    assert f'<launchable type="desktop-id">{DESKTOP.name}</launchable>' in text
    assert re.search(r"^Exec=kremlin-archive\b", DESKTOP.read_text(), re.MULTILINE)
    assert "<binary>kremlin-archive</binary>" in text
