"""Model formsets that edit the rows shown on the page, and nothing else.

A formset trusts the POST for how many forms there are: a row added by hand would be
created without the fields the page never shows (an evaluation's budget row without
its evaluation was a 500; an agenda block without its heading was saved and shown).
"""

from django.core.exceptions import ValidationError

# Hard limit on the forms a POST can make Django build, far above any real page.
ABSOLUTE_MAX = 50
FACTORY_ARGUMENTS = {
    "extra": 0,
    "edit_only": True,
    "max_num": ABSOLUTE_MAX,
    "absolute_max": ABSOLUTE_MAX,
}
ANDERE_RIJEN = (
    "Het formulier past niet meer bij wat er is opgeslagen. Er is niets veranderd. "
    "Laad de pagina opnieuw en probeer het nog eens."
)


class ExistingRowsOnly:
    """Mix into a model formset made with FACTORY_ARGUMENTS: a POST with another number
    of rows than exist is refused as a whole, and new rows are never saved."""

    default_error_messages = {"too_many_forms": ANDERE_RIJEN}

    def clean(self):
        super().clean()
        rijen = len(self.get_queryset())
        if (
            self.total_form_count() != rijen
            or self.initial_form_count() != rijen
            # A row id that is not one of ours gives a form with a new, unsaved row.
            or any(form.instance.pk is None for form in self.initial_forms)
        ):
            raise ValidationError(ANDERE_RIJEN, code="andere_rijen")
