"""Accessible names for the interactive widgets nobody named: Qt's own parts (table headers,
the corner button, a line edit's clear button, a combo's list, the toolbar's overflow button)
and toolbar buttons, which take their action's words.

A screen reader announces a widget by its accessible name; Qt makes some widgets itself and
names none of them.  :func:`name_unnamed` names each from what it is or what it belongs to,
in the interface language of the moment, and remembers which names it gave, so that calling
it again after a language switch replaces them (and never a name a widget set itself).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTabBar,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from db.i18n import _

#: The kinds of widget a reader can reach and use (each must have a name).
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTabBar, QTextBrowser)
#: The property marking a name given here (so it may be given again in another language).
GIVEN = "accessibleNameGiven"


def _owner_name(widget: QWidget) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.accessibleName():
            return parent.accessibleName()
        parent = parent.parentWidget()
    return ""


def _name_for(widget: QWidget) -> str:
    """What ``widget`` is called, from its kind, its action or its owner."""
    owner = _owner_name(widget)
    if isinstance(widget, QHeaderView):
        if widget.orientation() == Qt.Orientation.Horizontal:
            return _("Column headers")
        return _("Row numbers")
    parent = widget.parent()
    if isinstance(widget, QAbstractButton) and parent is not None and parent.inherits("QTableView"):
        return _("Select all rows")
    if isinstance(widget, QToolButton):
        if widget.objectName() == "qt_toolbar_ext_button":
            return _("More toolbar buttons")
        if widget.objectName() == "qt_menubar_ext_button":
            return _("More menus")
        action = widget.defaultAction()
        if action is not None and action.text():
            return action.text().replace("&", "").rstrip("…")
        parent = widget.parentWidget()
        if isinstance(parent, QLineEdit):
            return _("Clear the text")
    if isinstance(widget, QAbstractItemView) and owner:
        # TRANSLATORS: the list a combo box or another widget opens, e.g. "Filter by role: choices".
        return _("{owner}: choices").format(owner=owner)
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text().replace("&", "")
    return widget.toolTip() or owner


def name_unnamed(root: QWidget) -> list[QWidget]:
    """Name every interactive widget under ``root`` that has no name (or one given here
    earlier); returns those still without a name."""
    missing: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE):
            continue
        if widget.accessibleName() and not widget.property(GIVEN):
            continue
        name = _name_for(widget)
        if name:
            widget.setAccessibleName(name)
            widget.setProperty(GIVEN, True)
        else:
            missing.append(widget)
    return missing
