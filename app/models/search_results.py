"""Search results as a two-level item model: groups (People, Events …), then their hits.

The model only holds one :class:`db.search.SearchResults` value (at most a few hundred hits)
and answers from it; nothing is queried here.  Group rows are not selectable.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app import counts
from app.pages.escape import escape
from db.i18n import _, ngettext
from db.search.find import SearchGroup, SearchHit, SearchResults

#: The hit's :class:`db.dto.Ref` (None on group rows).
RefRole = Qt.ItemDataRole.UserRole + 1
#: Why the hit matched (plain text).
WhyRole = Qt.ItemDataRole.UserRole + 2
#: Spans of the label to mark, as a tuple of (start, end) code-point offsets.
LabelSpansRole = Qt.ItemDataRole.UserRole + 3
#: Spans of the explanation to mark.
WhySpansRole = Qt.ItemDataRole.UserRole + 4
#: The hit's detail line (date, role …).
DetailRole = Qt.ItemDataRole.UserRole + 5
#: True on group rows.
IsGroupRole = Qt.ItemDataRole.UserRole + 6

_GROUP = 0xFFFF_FFFF  # internalId of group rows; hit rows carry their group's row number
Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractItemModel):
    """Groups at the top level, hits as their children; one column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = SearchResults("")

    @property
    def results(self) -> SearchResults:
        """The results shown."""
        return self._results

    def set_results(self, results: SearchResults) -> None:
        """Show ``results`` (a model reset)."""
        self.beginResetModel()
        self._results = results
        self.endResetModel()

    def first_hit(self) -> QModelIndex:
        """The index of the best hit, or an invalid index."""
        for row, group in enumerate(self._results.groups):
            if group.hits:
                return self.index(0, 0, self.index(row, 0))
        return QModelIndex()

    # -- QAbstractItemModel -------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._results.groups)
        if parent.column() != 0 or parent.internalId() != _GROUP:
            return 0
        return len(self._results.groups[parent.row()].hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _group(self, index: Index) -> SearchGroup:
        row = index.row() if index.internalId() == _GROUP else int(index.internalId())
        return self._results.groups[row]

    def hit(self, index: Index) -> SearchHit | None:
        """The hit at ``index`` (None for group rows and invalid indexes)."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._group(index).hits[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hit(index)
        if hit is None:
            group = self._group(index)
            cut = group.more or group.count > len(group.hits)
            if role == Qt.ItemDataRole.DisplayRole:
                # The figure grouped as the status line above groups it ("1,000+").
                figure = counts.number(group.count) + ("+" if group.more else "")
                heading = f"{group.title} ({figure})"
                if cut:  # "People (1000+)" over 25 hits said nothing of the rest
                    # TRANSLATORS: after a search group's heading, "People (1000+) · 25 shown".
                    shown = ngettext("{n} shown", "{n} shown", len(group.hits))
                    heading += " · " + shown.format(n=len(group.hits))
                return heading
            if role == Qt.ItemDataRole.ToolTipRole and cut and group.kind == "person":
                return _("View → Show search matches in People (Ctrl+Shift+F) lists them all")
            if role == IsGroupRole:
                return True
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.label
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tooltips render rich text: archive text is escaped, never markup.
            text = "<br>".join(escape(t) for t in (hit.label, hit.detail, hit.why) if t)
            return f"<p>{text}</p>"
        values: dict[int, object] = {
            RefRole: hit.ref,
            WhyRole: hit.why,
            LabelSpansRole: hit.label_spans,
            WhySpansRole: hit.why_spans,
            DetailRole: hit.detail,
            IsGroupRole: False,
        }
        return values.get(role)
