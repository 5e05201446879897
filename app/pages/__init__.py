"""HTML pages built from the data layer's DTOs: the screen's detail pages and the dossiers.

:mod:`~app.pages.detail` writes the detail view's pages, :mod:`~app.pages.dossier` and
:mod:`~app.pages.case_summary` the printed dossiers (with :mod:`~app.pages.markup`'s footnotes
and tables).  Both escape archive text with :func:`app.pages.escape.escape`.  Nothing here
touches a widget or the database: a page is a pure function of its DTO.
"""
