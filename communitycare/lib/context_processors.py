from django.conf import settings


def portaal(request):
    return {
        "ORGANISATIE_NAAM": settings.ORGANISATIE_NAAM,
        "PORTAAL_NAAM": settings.PORTAAL_NAAM,
    }
