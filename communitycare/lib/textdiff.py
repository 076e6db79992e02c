"""A readable word-by-word difference between two texts, for people rather than programmers.

Removed words are shown struck through in <del>, added words underlined in <ins>; both
carry a text label for screen readers, so the meaning never rests on colour alone.
"""

import re
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Words and the whitespace between them as separate tokens, so "alleen." stays equal
# when a new paragraph is added after it.
_WORDS = re.compile(r"\S+|\s+")


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(text or "")


def inline_diff(old: str, new: str) -> SafeString:
    """HTML of `new` with the differences from `old` marked up; safe to put in a page."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    parts = []
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        old_part, new_part = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        # Changed spacing alone is not worth a mark: it would be an empty, puzzling box.
        if op == "equal" or not (old_part.strip() or new_part.strip()):
            parts.append(escape(new_part))
            continue
        if a2 > a1:
            parts.append(
                format_html(
                    '<del><span class="visually-hidden">[weg: </span>{}'
                    '<span class="visually-hidden">]</span></del>',
                    old_part,
                )
            )
        if b2 > b1:
            parts.append(
                format_html(
                    '<ins><span class="visually-hidden">[nieuw: </span>{}'
                    '<span class="visually-hidden">]</span></ins>',
                    new_part,
                )
            )
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above
