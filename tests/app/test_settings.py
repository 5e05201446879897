"""Settings over an INI file in tmp_path: each key's default, its round trip through the file
(written, then read by a new Settings on the same file), and bad values in a hand-edited file
falling back to the default instead of raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from app.settings import CITATION_STYLES, MAX_RECENT, Settings

BLOB = QByteArray(b'\x00\x01\xffgeometry\n=,"')


@pytest.fixture
def ini(tmp_path: Path, qapp: QApplication) -> Path:
    return tmp_path / "settings.ini"


def _reopen(settings: Settings, ini: Path) -> Settings:
    settings.sync()
    return Settings(ini)


def _write(ini: Path, text: str) -> Settings:
    ini.write_text(text, encoding="utf-8")
    return Settings(ini)


def test_a_new_file_gives_every_default(ini: Path) -> None:
    s = Settings(ini)
    assert (s.geometry, s.window_state, s.splitter) == (None, None, None)
    assert (s.current_tab, s.current_item, s.last_archive) == (0, "", "")
    assert s.header_state("person") is None and s.sort("person") is None
    assert s.recent_archives == []
    assert not ini.exists()  # reading never writes


@pytest.mark.parametrize("key", ["geometry", "window_state", "splitter"])
def test_byte_states_round_trip(ini: Path, key: str) -> None:
    s = Settings(ini)
    setattr(s, key, BLOB)
    assert getattr(_reopen(s, ini), key) == BLOB


def test_tab_and_item_round_trip(ini: Path) -> None:
    s = Settings(ini)
    s.current_tab = 2
    s.current_item = "archive://person/a,b; c=d"
    again = _reopen(s, ini)
    assert (again.current_tab, again.current_item) == (2, "archive://person/a,b; c=d")


def test_header_state_and_sort_are_kept_per_pane(ini: Path) -> None:
    s = Settings(ini)
    s.set_header_state("person", BLOB)
    s.set_sort("person", "name_ru", True)
    s.set_sort("event", "date", False)
    again = _reopen(s, ini)
    assert again.header_state("person") == BLOB and again.header_state("event") is None
    assert again.sort("person") == ("name_ru", True)
    assert again.sort("event") == ("date", False)
    assert again.sort("document") is None


def test_recent_archives_are_newest_first_without_repeats(ini: Path) -> None:
    s = Settings(ini)
    for name in ("a.sqlite", "b, with comma.sqlite", "c.sqlite", "a.sqlite"):
        s.add_recent_archive(Path("/data") / name)
    assert _reopen(s, ini).recent_archives == [
        "/data/a.sqlite",
        "/data/c.sqlite",
        "/data/b, with comma.sqlite",
    ]


def test_one_recent_archive_with_a_comma_stays_one(ini: Path) -> None:
    s = Settings(ini)
    s.add_recent_archive(Path("/data/x, y.sqlite"))
    assert _reopen(s, ini).recent_archives == ["/data/x, y.sqlite"]


def test_recent_archives_keep_the_newest_few(ini: Path) -> None:
    s = Settings(ini)
    for n in range(MAX_RECENT + 3):
        s.add_recent_archive(Path(f"/data/{n}.sqlite"))
    recent = _reopen(s, ini).recent_archives
    assert recent == [f"/data/{n}.sqlite" for n in range(MAX_RECENT + 2, 2, -1)]


def test_last_archive_round_trips_cyrillic_and_quotes(ini: Path) -> None:
    s = Settings(ini)
    s.last_archive = '/дом/"архив" 1935.sqlite'
    assert _reopen(s, ini).last_archive == '/дом/"архив" 1935.sqlite'


@pytest.mark.parametrize("value", ["abc", "1.5", "", "1, 2", "@Invalid()"])
def test_a_bad_tab_number_falls_back_to_the_first_tab(ini: Path, value: str) -> None:
    assert _write(ini, f"[window]\ntab={value}\n").current_tab == 0


def test_a_tab_number_written_by_hand_is_read(ini: Path) -> None:
    assert _write(ini, "[window]\ntab=3\n").current_tab == 3


def test_text_where_bytes_belong_is_no_state(ini: Path) -> None:
    s = _write(ini, "[window]\ngeometry=hello\nstate=1\nsplitter=@ByteArray()\n")
    assert (s.geometry, s.window_state, s.splitter) == (None, None, None)


def test_a_list_where_text_belongs_falls_back_to_empty(ini: Path) -> None:
    s = _write(ini, "[window]\nitem=a, b\n[archives]\nlast=x, y\n")
    assert (s.current_item, s.last_archive) == ("", "")


def test_a_sort_direction_other_than_true_is_ascending(ini: Path) -> None:
    s = _write(ini, "[panes]\nperson\\sort=name\nperson\\descending=yes\n")
    assert s.sort("person") == ("name", False)


def test_a_single_recent_path_written_by_hand_is_a_list_of_one(ini: Path) -> None:
    assert _write(ini, "[archives]\nrecent=/data/a.sqlite\n").recent_archives == ["/data/a.sqlite"]


def test_a_hand_written_list_longer_than_the_limit_is_cut(ini: Path) -> None:
    paths = ", ".join(f"/d/{n}" for n in range(MAX_RECENT + 5))
    recent = _write(ini, f"[archives]\nrecent={paths}\n").recent_archives
    assert recent == [f"/d/{n}" for n in range(MAX_RECENT)]


def test_the_citation_style_defaults_to_chicago_and_round_trips(ini: Path) -> None:
    s = Settings(ini)
    assert s.citation_style == CITATION_STYLES[0] == "chicago"
    s.citation_style = "gost"
    assert _reopen(s, ini).citation_style == "gost"


def test_an_unchosen_citation_style_follows_the_language_a_chosen_one_stays(ini: Path) -> None:
    from db import i18n

    s = Settings(ini)
    i18n.set_language("ru")
    try:
        assert s.citation_style == "gost"  # GOST R 7.0.5 for a Russian reader
        s.citation_style = "chicago"
        assert _reopen(s, ini).citation_style == "chicago"
    finally:
        i18n.set_language("en")


def test_an_unknown_citation_style_in_the_file_falls_back_and_is_refused_when_set(
    ini: Path,
) -> None:
    s = _write(ini, "[cite]\nstyle=mla\n")
    assert s.citation_style == "chicago"
    with pytest.raises(ValueError, match="style"):
        s.citation_style = "mla"


def test_the_interface_language_defaults_to_the_systems_and_round_trips(ini: Path) -> None:
    s = Settings(ini)
    assert s.language == ""  # '' = the system's
    s.language = "ru"
    assert _reopen(s, ini).language == "ru"


def test_an_unknown_interface_language_is_refused_or_ignored(ini: Path) -> None:
    with pytest.raises(ValueError, match="klingon"):
        Settings(ini).language = "klingon"
    assert _write(ini, "[ui]\nlanguage=klingon\n").language == ""
