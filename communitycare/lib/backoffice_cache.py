"""Back-office pages hold personal data and drafts: no browser or proxy keeps them."""

from django.utils.cache import add_never_cache_headers

BACK_OFFICE_PREFIXES = ("/beheer/", "/admin/")


def never_cache_back_office(get_response):
    def middleware(request):
        response = get_response(request)
        if request.path.startswith(BACK_OFFICE_PREFIXES):
            add_never_cache_headers(response)
        return response

    return middleware
