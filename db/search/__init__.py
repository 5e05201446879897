"""Search: names in any spelling or script, and the words of every text.

Modules: :mod:`~db.search.query` parses user text into terms and spellings;
:mod:`~db.search.find` runs the queries and ranks the hits; :mod:`~db.search.explain` says
why each hit matched; :mod:`~db.search.translit` and :mod:`~db.search.translit_tables` fold
and transliterate names; :mod:`~db.search.keys` works out the keys the build stores;
:mod:`~db.search.index` defines and fills the search tables.  Nothing here imports
:mod:`db.build` (an import-linter contract).
"""
