"""Where bundled files live; the only module that knows paths under ``resources/``."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"


def bundled_archive() -> Path:
    """The archive shipped with the app."""
    return ROOT / "kremlin-affair.sqlite"


def resource(*parts: str) -> Path:
    """Path of a bundled resource file (icons, templates, styles)."""
    return ROOT.joinpath(*parts)
