"""The notation of the name lists: words split on any whitespace, forms of a word on ``/``."""

from __future__ import annotations

from db.synth.names.wordlists import slashed, words


def test_words_split_on_spaces_and_line_breaks_and_ignore_blank_edges() -> None:
    assert words("\nИванов  Смирнов\nКузнецов\tПопов\n") == [
        "Иванов",
        "Смирнов",
        "Кузнецов",
        "Попов",
    ]
    assert words("   \n") == []


def test_slashed_splits_each_word_into_its_forms() -> None:
    text = """
    Bērziņš/Bērziņa/Берзиньш/Берзиня/Берзинь
    Nowak/Nowak/Новак Анна
    """
    assert slashed(text) == [
        ["Bērziņš", "Bērziņa", "Берзиньш", "Берзиня", "Берзинь"],
        ["Nowak", "Nowak", "Новак"],
        ["Анна"],
    ]
