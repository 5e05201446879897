"""Widgets of the main window (no SQL: they get DTOs and emit signals)."""
