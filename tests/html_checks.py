"""Checks that user text in a page stayed text: no live tags, handlers or script links."""

import re

_TAG = re.compile(r"<[a-z][^>]*>", re.IGNORECASE)
_HANDLER_OR_STYLE = re.compile(r"\s(on[a-z]+|style)\s*=", re.IGNORECASE)


def assert_harmless(html: str, marker: str = "alert") -> None:
    """Fails when markup a user typed (recognised by `marker`) survived as a live tag."""
    for tag in _TAG.findall(html):
        assert marker not in tag and 'hx-post="/x"' not in tag, f"user markup survived: {tag}"
        assert not _HANDLER_OR_STYLE.search(tag), f"handler or style survived: {tag}"
        assert "javascript:" not in tag.lower(), tag
    assert "</section></div>" not in html
