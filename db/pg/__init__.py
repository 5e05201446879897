"""The archive on a PostgreSQL server: addresses, loading a built archive, the open gate.

* :mod:`db.pg.url` — telling a server address from a file name, and showing it without its
  password;
* :mod:`db.pg.load` — ``python -m db.build --target postgresql://…``: the SQLite file the build
  writes, copied into the schema :data:`db.pg.url.SCHEMA` in one transaction;
* :mod:`db.pg.tsquery` — the search's FTS5 expressions as ``tsquery`` text;
* :mod:`db.pg.gate` — the same contract checks as a file's, on a server.
"""
