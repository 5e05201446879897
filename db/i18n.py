"""One translation catalogue for the whole product: gettext, reachable from ``db/``, the CLI
and the GUI alike (no Qt here).

Strings are marked with :func:`_` (translated when called), :func:`N_` (marked now, translated
where shown: module-level tables), :func:`ngettext` (real plural forms: 1 человек,
2 человека, 5 человек) and :func:`pgettext` (a context for words that differ by use).  Babel
extracts them (``babel.cfg``); the Russian catalogue is
``resources/locale/ru/LC_MESSAGES/kremlin_archive.po``, compiled to ``.mo`` by
``python -m db.build.locale`` (``make test`` fails when the ``.mo`` is stale or a marked string
has no translation).  The language is process-wide: :func:`set_language` switches it at once
(the GUI then retranslates its widgets), and it starts as the system's (:func:`system_language`).
"""

from __future__ import annotations

import gettext
import importlib.util
import os
from pathlib import Path

DOMAIN = "kremlin_archive"


def _locale_dir() -> Path:
    """``resources/locale`` of the checkout, else of the installed wheel, where the folder is
    the data-only package ``kremlin_archive_resources`` (as :mod:`app.resources` finds it)."""
    checkout = Path(__file__).resolve().parent.parent / "resources" / "locale"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("kremlin_archive_resources")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "locale").is_dir():
            return Path(location) / "locale"
    return checkout


LOCALE_DIR = _locale_dir()
#: Interface languages: code → its own name (what the language menu shows).
LANGUAGES = {"en": "English", "ru": "Русский"}
DEFAULT = "en"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT


def _load(code: str) -> gettext.NullTranslations:
    if code == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


def set_language(code: str) -> str:
    """Use ``code`` (``en``, ``ru``; anything else → English); returns the code in use."""
    global _translations, _language
    code = code if code in LANGUAGES else DEFAULT
    _translations, _language = _load(code), code
    return code


def language() -> str:
    """The interface language now in use."""
    return _language


def citation_style() -> str:
    """The citation style a reader of the interface language expects until they choose one:
    GOST R 7.0.5 in Russian, Chicago otherwise (one of :data:`db.cite.STYLES`)."""
    return "gost" if _language == "ru" else "chicago"


def system_language(environ: dict[str, str] | None = None) -> str:
    """``ru`` when the system's locale is Russian (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``, in gettext's order), else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            first = value.split(":")[0].split(".")[0].split("_")[0].lower()
            return first if first in LANGUAGES else DEFAULT
    return DEFAULT


def _(message: str) -> str:
    """``message`` in the current language."""
    return _translations.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``message`` for translation without translating it (translate where shown)."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - the gettext convention
    """Mark ``message`` with its ``context`` for translation; :func:`pgettext` of the pair
    translates it where shown."""
    return context, message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for ``n`` in the current language's plural rules."""
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart from the same English by ``context``."""
    return _translations.pgettext(context, message)
