"""``kremlin-archive info``: title, data version, schema version, counts."""

from __future__ import annotations

import argparse

from app.commands.output import print_json
from db import Archive, i18n
from db.i18n import N_, _, ngettext
from db.vocab import Labels, format_number

HELP = N_("print the archive's title, data version, schema version and record counts")

#: What each counted table holds, as the count's label.
COUNT_LABELS = Labels(
    {
        "claim": N_("claims"),
        "document": N_("documents"),
        "event": N_("events"),
        "person": N_("people"),
        "relation": N_("relations"),
        "sentence": N_("sentences"),
        "source": N_("sources"),
        "tally": N_("tallies"),
    }
)
#: Width of the label column (wider when a language's labels need it).
LABEL_WIDTH = 16


def configure(parser: argparse.ArgumentParser) -> None:
    """Add this command's options."""
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def run(args: argparse.Namespace, archive: Archive) -> int:
    """Print the archive's facts."""
    info = archive.info
    if args.json:
        print_json(
            {
                "path": info.location,
                "server": info.server,
                "title": info.title,
                "data_version": info.data_version,
                "schema_version": info.schema_version,
                "size_bytes": info.size_bytes,
                "counts": info.counts,
            }
        )
        return 0
    size = ngettext("{n} byte", "{n} bytes", info.size_bytes).format(
        n=format_number(info.size_bytes)
    )
    rows = [
        (
            _("server:") if info.server else _("file:"),
            _("{path} ({size})").format(path=info.location, size=size),
        ),
        (_("data version:"), info.data_version),
        (_("schema version:"), str(info.schema_version)),
    ]
    for key in sorted(info.counts):
        label = COUNT_LABELS.get(key, key + "s")
        rows.append((f"{label}:", format_number(info.counts[key])))
    width = max(LABEL_WIDTH, *(len(label) for label, _value in rows))
    russian = info.meta.get("title_ru") if i18n.language() == "ru" else None
    print(russian or info.title)  # the archive's own Russian title, where it has one
    for label, value in rows:
        print(f"  {label:<{width}} {value}")
    return 0
