"""The translation catalogue: every marked string has its Russian, the .mo is compiled from it."""

from __future__ import annotations

from db.build import locale


def test_every_marked_string_has_a_russian_translation_and_the_mo_is_fresh() -> None:
    gaps = locale.problems()
    assert not gaps, "\n".join(gaps[:40]) + "\n(run `python -m db.build.locale`)"


def test_builder_messages_are_not_extracted() -> None:
    assert all(
        not f.startswith(("db/build/", "db/synth/"))
        for message in locale.extract()
        for f, _ in message.locations
    )


def test_the_po_file_is_written_the_same_way_twice() -> None:
    catalog = locale.read(locale.PO)
    assert locale.po_bytes(catalog) == locale.po_bytes(locale.read(locale.PO))
    assert locale.mo_bytes(catalog) == locale.MO.read_bytes()


def test_sex_agreeing_relation_sentences_are_extracted_in_each_context() -> None:
    from db import vocab

    catalog = locale.extract()
    for relation in vocab.SEX_AGREEING:
        template = vocab.RELATION_SENTENCES[relation]
        for context in vocab.RELATION_SEX_CONTEXTS.values():
            message = catalog.get(template, context)
            assert message is not None and message.locations, (relation, context)
