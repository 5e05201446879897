"""The one escaping function for every piece of archive text that reaches Qt rich text.

Archive text is untrusted: a name may hold ``<img src=…>`` or ``<a href=…>``.  Every page,
label, tooltip and chart title that Qt renders as rich text passes its values through
:func:`escape`; the page builders add their own cutting and wrapping around it.
"""

from __future__ import annotations

import html


def escape(value: object) -> str:
    """``value`` as HTML text: ``& < > " '`` escaped, None as the empty string."""
    return html.escape("" if value is None else str(value), quote=True)
