"""What the window's actions and cross-widget signals do, grouped by topic.

Each class here owns one kind of behaviour and the objects it needs (given, never looked up):
:mod:`~app.actions.detail` shows the current item, :mod:`~app.actions.lists` works on the
list panes, :mod:`~app.actions.archive` opens archives and tells about them,
:mod:`~app.actions.output` prints, previews and saves.  :mod:`app.bootstrap` builds them and
makes every ``connect()``; nothing here connects two other objects.
"""
