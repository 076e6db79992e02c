"""Pasted text as the Markdown subset of communitycare.lib.markdown.

People write long texts in Word or copy them from a web page. The browser offers the
paste as HTML; `html_to_markdown` turns it into the subset (paragraphs, bold, italic,
lists, links, headings) and drops the rest, so what is stored is what the portal can
show. Word does not write its lists as <ul>/<li> but as paragraphs with a typed marker
("·" in the Symbol font, "o", "1."); those become real lists first.

Without JavaScript the browser pastes only plain text, in which Word's lists arrive as
"·<tab>text". `tidy_pasted_text` turns those lines into Markdown list items; forms run
it on every Markdown field, so it must leave text that is already Markdown as it is.
"""

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import PreformattedString
from markdownify import MarkdownConverter

# What may be pasted at once: Word's HTML of a long document with all its styles.
MAX_HTML = 2_000_000

# Tags the subset can show; every other tag gives only its text.
_CONVERT = ["p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a"]
_CONVERT += [f"h{level}" for level in range(1, 7)]
# Dropped with their content: nothing in them is meant to be read.
_DROP = ["script", "style", "title", "head", "xml", "template", "noscript", "textarea", "meta"]
_SAFE_HREF = re.compile(r"^(?:https?:|mailto:|tel:)", re.IGNORECASE)

# Word's list markers, revealed only to older browsers: <![if !supportLists]>·<![endif]>.
_WORD_MARKER = re.compile(r"<!\[if !supportLists\]>(.*?)<!\[endif\]>", re.IGNORECASE | re.DOTALL)
_WORD_LEVEL = re.compile(r"mso-list:\s*l(\d+)\s+level(\d+)", re.IGNORECASE)
_ORDERED_MARKER = re.compile(r"^\(?(?:\d+|[a-z]|[ivxlc]+)[.)]$", re.IGNORECASE)
_MSO_IGNORE = re.compile(r"mso-list:\s*ignore", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_NOT_BOLD_STYLE = re.compile(r"font-weight:\s*(?:normal|[1-4]00)", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style:\s*italic", re.IGNORECASE)


def html_to_markdown(html: str) -> str:
    """Pasted HTML (Word, a web page, Google Docs) as the portal's Markdown subset."""
    html = _WORD_MARKER.sub(r'<span style="mso-list:Ignore">\1</span>', html[:MAX_HTML])
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=lambda text: isinstance(text, PreformattedString)):
        node.extract()
    for tag in soup.find_all(_DROP):
        tag.decompose()
    _word_lists(soup)
    _styled_emphasis(soup)
    for link in soup.find_all("a"):
        if not _SAFE_HREF.match(_attr(link, "href").strip()):
            link.unwrap()
    markdown = MarkdownConverter(
        convert=_CONVERT,
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        newline_style="spaces",
        autolinks=True,
    ).convert_soup(soup)
    return tidy_pasted_text(markdown)


def _word_lists(soup: BeautifulSoup) -> None:
    """Word's list paragraphs (style mso-list:l0 level1) as nested <ul>/<ol> lists."""
    paragraphs = [
        tag
        for tag in soup.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6"])
        if _WORD_LEVEL.search(_attr(tag, "style"))
    ]
    # A stack of (level, list tag) per run of adjacent list paragraphs.
    stack: list[tuple[int, Tag]] = []
    previous: Tag | None = None
    for paragraph in paragraphs:
        match = _WORD_LEVEL.search(_attr(paragraph, "style"))
        assert match is not None  # filtered above
        level = int(match.group(2))
        ordered = _take_marker(paragraph)
        if previous is None or _next_tag(previous) is not paragraph:
            stack = []
        item = soup.new_tag("li")
        for child in list(paragraph.children):
            item.append(child.extract())
        # Back up to this level; at this level, a numbered list after bullets is a new list.
        while stack and (
            stack[-1][0] > level or (stack[-1][0] == level and _is_ordered(stack) != ordered)
        ):
            stack.pop()
        if not stack or stack[-1][0] < level:
            new_list = soup.new_tag("ol" if ordered else "ul")
            if stack:
                parent_items = stack[-1][1].find_all("li", recursive=False)
                (parent_items[-1] if parent_items else stack[-1][1]).append(new_list)
            else:
                paragraph.insert_before(new_list)
            stack.append((level, new_list))
        stack[-1][1].append(item)
        previous = paragraph
    # Kept (empty) until here: the next paragraph's adjacency is checked against them.
    for paragraph in paragraphs:
        paragraph.decompose()


def _attr(tag: Tag, name: str) -> str:
    """A single-valued attribute such as style or href ("" when absent)."""
    return str(tag.get(name) or "")


def _is_ordered(stack: list[tuple[int, Tag]]) -> bool:
    return stack[-1][1].name == "ol"


def _next_tag(tag: Tag) -> Tag | None:
    """The next element after `tag`, skipping whitespace between Word's paragraphs."""
    sibling = tag.next_sibling
    while sibling is not None and not isinstance(sibling, Tag):
        if str(sibling).strip():
            return None
        sibling = sibling.next_sibling
    return sibling


def _take_marker(paragraph: Tag) -> bool:
    """Removes Word's typed marker ("·", "o", "1.") from a list paragraph; True when it
    is a number or a letter, so the list is numbered."""
    marker = paragraph.find(style=_MSO_IGNORE)
    if marker is None:
        return False
    text = marker.get_text().replace("\xa0", " ").strip()
    marker.decompose()
    return bool(_ORDERED_MARKER.match(text))


def _styled_emphasis(soup: BeautifulSoup) -> None:
    """Bold and italic written as styles (Google Docs, web editors) as <strong> and <em>."""
    for tag in soup.find_all(["b", "strong"]):
        # Google Docs wraps a whole copy in <b style="font-weight:normal">.
        if _NOT_BOLD_STYLE.search(_attr(tag, "style")):
            tag.unwrap()
    for tag in soup.find_all("span"):
        style = _attr(tag, "style")
        if _BOLD_STYLE.search(style):
            tag.wrap(soup.new_tag("strong"))
        if _ITALIC_STYLE.search(style):
            tag.wrap(soup.new_tag("em"))


# "·<tab>", "o<tab>", "§<tab>" (Word's bullets per level) and "1.<tab>" in plain text.
# The lookahead for the tab keeps the match linear on a line of many tabs and spaces.
_PLAIN_BULLET = re.compile(r"^[ \t]*([·•●▪■◦o§\-–*])(?=[ \t]*\t)[ \t]*(?=\S)")
_PLAIN_NUMBER = re.compile(r"^[ \t]*(\d{1,3})[.)](?=[ \t]*\t)[ \t]*(?=\S)")
_BULLET_LEVEL = {"o": 1, "◦": 1, "§": 2, "▪": 2, "■": 2}


def tidy_pasted_text(text: str) -> str:
    """Plain text pasted from Word as Markdown; text that is Markdown stays the same."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\xa0", " ").replace("\u200b", "")
    lines = []
    for line in text.split("\n"):
        if match := _PLAIN_BULLET.match(line):
            indent = "  " * _BULLET_LEVEL.get(match.group(1), 0)
            line = f"{indent}- {line[match.end() :]}"
        elif match := _PLAIN_NUMBER.match(line):
            line = f"{match.group(1)}. {line[match.end() :]}"
        # A tab inside a line was Word's spacing; at the start it indents (4 spaces).
        stripped = line.lstrip("\t")
        line = "    " * (len(line) - len(stripped)) + stripped.replace("\t", " ")
        lines.append(line.rstrip())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
