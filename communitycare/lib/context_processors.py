from django.conf import settings

# The settings every page may show (the footer names the organisation and its contact).
GETOOND = [
    "ORGANISATIE_NAAM",
    "PORTAAL_NAAM",
    "ORGANISATIE_ADRES",
    "ORGANISATIE_TELEFOON",
    "ORGANISATIE_EMAIL",
    "PRIVACY_CONTACT",
    "PRIVACY_EMAIL",
]


def portaal(request):
    return {naam: getattr(settings, naam) for naam in GETOOND}
