"""A readable word-by-word difference between two texts, for people rather than programmers.

Removed words are shown struck through in <del>, added words underlined in <ins>; both
carry a text label for screen readers, so the meaning never rests on colour alone.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Words with their trailing whitespace, so a change in a line break is a change too.
_WORDS = re.compile(r"\S+\s*|\s+")


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(text or "")


def inline_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with the differences from `old` marked up; safe to put in a page."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    parts = []
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(new_tokens[b1:b2])))
            continue
        if a2 > a1:
            parts.append(
                format_html(
                    '<del><span class="visually-hidden">[weg: </span>{}'
                    '<span class="visually-hidden">]</span></del>',
                    "".join(old_tokens[a1:a2]),
                )
            )
        if b2 > b1:
            parts.append(
                format_html(
                    '<ins><span class="visually-hidden">[nieuw: </span>{}'
                    '<span class="visually-hidden">]</span></ins>',
                    "".join(new_tokens[b1:b2]),
                )
            )
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above
