"""A small, safe Markdown subset for text that people type or paste into the portal.

Supported: paragraphs (a single newline is a line break), *emphasis* and **strong**,
bulleted and numbered lists, [links](https://…), and headings, which are shifted so
they fit under the page's own headings. Everything else (images, code, tables, raw
HTML from Word or a web page) is reduced to plain text by nh3, so pasted content can
neither run script nor break the layout.
"""

import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Indented code is off on purpose: text pasted from Word often starts lines with tabs.
_parser = MarkdownIt("commonmark", {"html": True, "breaks": True, "typographer": False}).disable(
    [
        "code",
        "fence",
        "blockquote",
        "hr",
        "image",
        "backticks",
        "reference",
        "lheading",
        "html_block",
    ]
)

_BASE_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a"}
_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Dropped together with their content: nothing in them is meant to be read.
_CONTENT_TAGS = {"script", "style", "title", "xml", "template", "noscript", "textarea"}
# Word's namespaced tags (<o:p>, <w:View>) are not HTML, so the parser would show them as text.
_OFFICE_TAGS = re.compile(r"</?(?:o|w|v|m|st1):[a-z]+\b[^>]*>", re.IGNORECASE)


def render_markdown(text: str, top_heading: int = 3) -> SafeString:
    """Renders `text` as sanitised HTML; headings become h<top_heading> and h<top_heading + 1>."""
    if not text or not text.strip():
        return mark_safe("")  # noqa: S308 - the empty string
    top_heading = max(2, min(top_heading, 5))
    tokens = _parser.parse(_OFFICE_TAGS.sub("", text))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1])
            token.tag = f"h{top_heading if level == 1 else top_heading + 1}"
    html = _parser.renderer.render(tokens, _parser.options, {})
    clean = nh3.clean(
        html,
        tags=_BASE_TAGS | {f"h{top_heading}", f"h{top_heading + 1}"},
        attributes={"a": {"href", "title"}},
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        clean_content_tags=_CONTENT_TAGS,
        strip_comments=True,
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
