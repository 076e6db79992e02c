"""Documents as HTML and PDF (WeasyPrint), reading only the portal's own files.

`render_to_pdf` returns both the HTML and the PDF so tests can read what went in.
The URL fetcher serves /static/ and /media/ from disk and refuses everything else:
no network, no file:// paths, nothing outside the static and media folders, so a
hostile `<img src=...>` in a text field can neither read local files nor call out.
"""

import functools
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.db import transaction
from django.http import HttpResponse
from django.tasks import Task
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from communitycare.lib.site import absolute_url


def base_url() -> str:
    """The site's own address: links in a PDF lead back to the portal, and the fetcher
    below answers for this address from disk, so nothing is ever fetched over the network."""
    return absolute_url("/")


class RefusedURL(ValueError):
    pass


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def local_file_for(url: str) -> Path:
    """The file on disk behind a /static/ or /media/ URL of the document, or RefusedURL."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if f"{parts.scheme}://{parts.netloc}/" != base_url() or ".." in path.split("/"):
        raise RefusedURL(f"Geen eigen bestand: {url}")
    found: str | Path | None
    try:
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            # Collected files in production, the app and project folders in development.
            found = staticfiles_storage.path(name) if staticfiles_storage.exists(name) else None
            found = found or finders.find(name)
            roots = [Path(settings.STATIC_ROOT), *map(Path, finders.searched_locations)]
        elif path.startswith(settings.MEDIA_URL):
            found = Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
            roots = [Path(settings.MEDIA_ROOT)]
        else:
            found, roots = None, []
    except SuspiciousFileOperation:
        found = None
    if found and Path(found).is_file() and any(_inside(Path(found), root) for root in roots):
        return Path(found)
    raise RefusedURL(f"Niet gevonden of niet toegestaan: {url}")


class LocalFilesFetcher(URLFetcher):
    def __init__(self):
        super().__init__(allowed_protocols=["http", "https"], fail_on_errors=False)

    def fetch(self, url, headers=None):
        path = local_file_for(url)
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime}, 200)


@dataclass(frozen=True)
class RenderedDocument:
    html: str
    pdf: bytes


def render_html(template_name: str, context: dict) -> str:
    # No request here, so no context processors: the organisation comes from settings.
    return render_to_string(
        template_name, {"ORGANISATIE_NAAM": settings.ORGANISATIE_NAAM, **context}
    )


def html_to_pdf(html: str) -> bytes:
    """PDF/UA-1: tagged, with the document's language and title, and XMP metadata naming
    the standard, so a screen reader reads the headings, lists and tables in order."""
    return HTML(string=html, base_url=base_url(), url_fetcher=LocalFilesFetcher()).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True
    )


def render_to_pdf(template_name: str, context: dict) -> RenderedDocument:
    html = render_html(template_name, context)
    return RenderedDocument(html=html, pdf=html_to_pdf(html))


@functools.cache
def _layout_version() -> str:
    """Changes with the document stylesheet or the release, so a deploy never serves a
    PDF laid out by the previous version."""
    css = local_file_for(base_url() + "static/css/document.css").read_bytes()
    return hashlib.sha256(css + settings.RELEASE.encode()).hexdigest()[:12]


def cached_pdf(template_name: str, context: dict, *, version: str | None = None) -> bytes:
    """The PDF of a document, laid out once per version of its data and then taken from
    the cache.

    `version` names the document and must change whenever anything shown in it changes
    (for example the object's id and the last-modified time of everything in it). Without
    it the rendered HTML is the version: rendering HTML is cheap, laying out a PDF is not.
    """
    html = None
    if version is None:
        html = render_html(template_name, context)
        version = hashlib.sha256(html.encode()).hexdigest()
    key = f"pdf:{_layout_version()}:{template_name}:{version}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = html_to_pdf(html if html is not None else render_html(template_name, context))
        cache.set(key, pdf, timeout=60 * 60 * 24 * 7)
    return pdf


def pdf_response(
    template_name: str, context: dict, *, filename: str, version: str | None = None
) -> HttpResponse:
    """A PDF download, rendered once per version of its data (see `cached_pdf`)."""
    pdf = cached_pdf(template_name, context, version=version)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@dataclass(frozen=True)
class PdfDocument:
    """Everything needed to serve a document, so a view and a background task that
    renders it ahead of time (see `prerender_after_commit`) build the same cache key."""

    template_name: str
    context: dict
    filename: str
    version: str | None = None

    def pdf(self) -> bytes:
        return cached_pdf(self.template_name, self.context, version=self.version)

    def response(self) -> HttpResponse:
        return pdf_response(
            self.template_name, self.context, filename=self.filename, version=self.version
        )


class _Prerender:
    """The on-commit callback of one pre-render, found by its task and arguments, so a
    transaction that edits a document ten times queues its render once."""

    def __init__(self, task: Task, args: tuple[int | str, ...]):
        self.key = (task, args)
        self.done = False

    def __call__(self) -> None:
        self.done = True
        task, args = self.key
        task.enqueue(*args)


def prerender_after_commit(task: Task, *args: int | str) -> None:
    """Enqueue `task` (one that puts a document's PDF in the cache) once the current
    transaction commits, so the first download after an edit is a cache hit; once per
    transaction for the same task and arguments, and never after a rollback.

    Only with PDF_VOORAF_RENDEREN on (the default with TASKS_BACKEND=database): with the
    immediate backend the layout would run inside the editor's request, and a download
    renders on a cache miss anyway. Callers: the `effects` modules of the apps, which
    map every change of what a document shows to its render.
    """
    if not settings.PDF_VOORAF_RENDEREN:
        return
    connection = transaction.get_connection()
    # Django keeps the pending callbacks on the connection (a savepoint rolled back drops
    # its own); one already run is no longer pending (tests run callbacks mid-transaction).
    key = (task, args)
    pending = (entry[1] for entry in connection.run_on_commit)
    if any(isinstance(job, _Prerender) and job.key == key and not job.done for job in pending):
        return
    transaction.on_commit(_Prerender(task, args))
