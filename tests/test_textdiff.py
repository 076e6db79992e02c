from communitycare.lib.textdiff import inline_diff


def test_marks_removed_and_added_words_with_text_labels():
    html = inline_diff("Samen koken op dinsdag", "Samen eten op woensdag")
    assert "Samen " in html
    assert '<del><span class="visually-hidden">[weg: </span>koken<' in html
    assert '<ins><span class="visually-hidden">[nieuw: </span>eten<' in html
    assert "woensdag" in html and "dinsdag" in html


def test_escapes_both_texts():
    html = inline_diff("<script>a</script>", '<img src=x onerror="b">')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_equal_texts_and_spacing_only_are_not_marked():
    assert inline_diff("Een tekst", "Een tekst") == "Een tekst"
    assert "<ins>" not in inline_diff("a  b", "a b")
    assert "<del>" not in inline_diff("", "") and inline_diff("", "") == ""
