"""communitycare.lib.markdown: a small Markdown subset, and nothing dangerous gets through."""

import pytest

from communitycare.lib.markdown import render_markdown

WORD_HTML = (
    '<p class=MsoNormal style="margin:0;mso-line-height-rule:exactly"><span lang=NL '
    'style="font-family:Calibri">Samen <b>boodschappen</b> doen<o:p></o:p></span></p>'
    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml>"
    '<![endif]--><table style="width:2000px"><tr><td>cel</td></tr></table>'
    '<div style="position:fixed;top:0">vast</div></div></section></main>'
)

DANGEROUS = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)" onclick="alert(2)">klik</a>',
    '<p onmouseover="alert(1)" hx-get="/beheer/">tekst</p>',
    '<iframe src="https://example.org"></iframe>',
    '<svg onload="alert(1)"></svg>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
    "<style>body{display:none}</style>",
]


def test_subset_renders():
    html = render_markdown("# Kop\nregel een\nregel twee\n\n- *schuin*\n- **vet**\n\n1. een")
    assert "<h3>Kop</h3>" in html
    assert "regel een<br>" in html
    assert "<li><em>schuin</em></li>" in html and "<strong>vet</strong>" in html
    assert "<ol>" in html


def test_links_are_kept_with_safe_rel():
    html = render_markdown("[De site](https://example.org) en <mailto:a@example.org>")
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert 'href="mailto:a@example.org"' in html


def test_headings_are_shifted_under_the_page_headings():
    assert "<h4>Een</h4>" in render_markdown("# Een", top_heading=4)
    assert "<h5>Twee</h5>" in render_markdown("### Twee", top_heading=4)
    html = render_markdown("<h1>Groot</h1>")
    assert "<h1" not in html and "Groot" in html


def test_indented_text_is_not_code():
    assert "<pre" not in render_markdown("\tingesprongen\n    ook ingesprongen")


@pytest.mark.parametrize("text", DANGEROUS)
def test_dangerous_input_is_harmless(text):
    html = render_markdown(text).lower()
    # Shown as plain text is fine; as a tag or an attribute it is not.
    for bad in [
        "<script",
        'href="javascript',
        " onerror=",
        " onclick=",
        " onmouseover=",
        " onload=",
    ]:
        assert bad not in html
    assert "hx-get" not in html
    for bad in ["<iframe", "<svg", "<style", "data:text", "<img"]:
        assert bad not in html


def test_word_html_keeps_its_words_and_loses_its_layout():
    html = render_markdown(WORD_HTML)
    assert "Samen" in html and "boodschappen" in html and "cel" in html and "vast" in html
    for bad in [
        "style=",
        "class=",
        "<table",
        "<div",
        "</section",
        "</main",
        "mso",
        "Normal",
        "o:p",
    ]:
        assert bad not in html


def test_empty_text():
    assert render_markdown("") == "" and render_markdown("   \n") == ""
