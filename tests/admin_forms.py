"""What a browser would send back from a Django admin form, read from its HTML."""

from html.parser import HTMLParser

SKIP = {"submit", "button", "file", "image", "reset"}


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._in_form = False

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            # The admin's own form carries an id ending in _form; skip logout and search.
            self._in_form = (a.get("id") or "").endswith("_form")
        if not self._in_form or "name" not in a:
            if tag == "option" and self._select and "selected" in a:
                self._add(self._select, a.get("value", ""))
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in SKIP or (kind in ("checkbox", "radio") and "checked" not in a):
                return
            self._add(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._add(self._textarea, "".join(self._text).removeprefix("\n"))
            self._textarea = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_data(html: str, **changes) -> dict[str, list[str] | str]:
    """The fields of the admin form in `html` as they would be posted, with `changes`."""
    parser = _FormParser()
    parser.feed(html)
    return {**parser.data, **changes}


def admin_post(client, url: str, **changes):
    """Posts the admin form at `url` back as a browser would, with `changes`."""
    page = client.get(url)
    assert page.status_code == 200, url
    return client.post(url, form_data(page.content.decode(), **changes))
