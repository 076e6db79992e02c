"""The PDF helper: renders with our fonts and styles, and never reads foreign files."""

import io
import socket
import threading

import pytest
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from communitycare.lib import pdf as pdf_lib
from communitycare.lib.pdf import (
    LocalFilesFetcher,
    RefusedURL,
    base_url,
    local_file_for,
    pdf_response,
    render_to_pdf,
)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_document_has_running_header_and_page_footer(settings):
    settings.ORGANISATIE_NAAM = "Sevagram"
    context = {"titel": "Proefdocument met ë é ï ĳ €", "stand": timezone.localdate()}
    document = render_to_pdf("pdf/document.html", context)
    text = pdf_text(document.pdf)
    assert "Proefdocument met ë é ï ĳ €" in text
    assert "pagina 1 van 1" in text
    assert "Stand van de gegevens" in text
    assert 'href="/static/css/document.css"' in document.html


def test_own_static_files_are_served_from_disk():
    assert local_file_for(base_url() + "static/css/document.css").name == "document.css"
    assert local_file_for(base_url() + "static/vendor/bootstrap/css/bootstrap.min.css").is_file()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        base_url() + "static/../../../../etc/passwd",
        base_url() + "static/%2e%2e/%2e%2e/etc/passwd",
        base_url() + "etc/passwd",
        base_url() + "media/../settings.py",
        "https://example.org/static/css/document.css",
        "http://127.0.0.1/",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises(RefusedURL):
        local_file_for(url)


@pytest.fixture
def listener():
    """A socket on loopback that records whether anybody connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    contacted = threading.Event()
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            contacted.set()
            connection.close()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    yield server.getsockname()[1], contacted
    stop.set()
    thread.join()
    server.close()


def test_hostile_html_reads_no_local_file_and_reaches_no_network(listener):
    port, contacted = listener
    html = f"""<p>Tekst</p>
      <img src="file:///etc/passwd"> <img src="http://127.0.0.1:{port}/spion.png">
      <link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">
      <p style="background: url(file:///etc/shadow)">x</p>
      <iframe src="file:///etc/passwd"></iframe><object data="file:///etc/hosts"></object>"""
    fetched = []

    class Recording(LocalFilesFetcher):
        def fetch(self, url, headers=None):
            fetched.append(url)
            return super().fetch(url, headers)

    pdf = HTML(string=html, base_url=base_url(), url_fetcher=Recording()).write_pdf()
    assert fetched, "the fetcher was asked for the hostile URLs"
    assert "root:" not in pdf_text(pdf)
    assert not contacted.wait(0.5)


@pytest.fixture
def layouts(monkeypatch):
    """Counts the PDF layouts, the expensive step the cache saves."""
    calls = []
    real = pdf_lib.html_to_pdf

    def counting(html):
        calls.append(html)
        return real(html)

    monkeypatch.setattr(pdf_lib, "html_to_pdf", counting)
    return calls


def test_pdf_response_is_cached_per_version(db, layouts):
    calls = layouts
    context = {"titel": "Versie", "stand": timezone.localdate()}
    first = pdf_response("pdf/document.html", context, filename="a.pdf", version="x:1")
    again = pdf_response("pdf/document.html", context, filename="a.pdf", version="x:1")
    changed = pdf_response("pdf/document.html", context, filename="a.pdf", version="x:2")
    assert len(calls) == 2
    assert first.content == again.content
    assert changed["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"] == 'inline; filename="a.pdf"'


def test_without_a_version_the_rendered_html_is_the_version(db, layouts):
    stand = timezone.localdate()
    pdf_response("pdf/document.html", {"titel": "Een", "stand": stand}, filename="a.pdf")
    pdf_response("pdf/document.html", {"titel": "Een", "stand": stand}, filename="a.pdf")
    assert len(layouts) == 1
    pdf_response("pdf/document.html", {"titel": "Twee", "stand": stand}, filename="a.pdf")
    assert len(layouts) == 2
