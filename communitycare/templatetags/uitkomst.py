"""The outcome of a form, shown where the person is.

`{% uitkomst form %}` at the top of a form region: on errors a summary ("Er is een
probleem") linking each error to its field, else the confirmation of what was saved.
Either takes the focus on load (autofocus, no script needed), so a screen reader reads
it and the page opens there. Without a form (as base.html uses it at the top of the
page), only the messages. `{% fout_titel %}` puts "Fout: " before the page title while
the page shows a problem.
"""

from django import forms, template
from django.contrib import messages

from communitycare.lib.uitkomst import ANKER_BEVESTIGING, ANKER_FOUT

register = template.Library()


def _fouten(form: forms.BaseForm) -> list[tuple[str, str]]:
    """(field id, message) for each error of the form. An error of the whole form
    points at its first field, where the person starts to correct it."""
    zichtbaar = form.visible_fields()
    eerste = zichtbaar[0].auto_id if zichtbaar else ""
    fouten = [(eerste, str(error)) for error in form.non_field_errors()]
    for field in form:
        anker = field.auto_id if not field.is_hidden else eerste
        fouten += [(anker, str(error)) for error in field.errors]
    return fouten


def _berichten(context: template.Context) -> list:
    return list(context.get("messages") or ())


def _afgekeurd(form: object) -> bool:
    """The form was checked (by its view) and refused. Asking `errors` of a form nobody
    checked would run its validation here, outside the view's care: a form made only
    to show a conflict, say, has no instance to validate against."""
    return isinstance(form, forms.BaseForm) and form._errors is not None and bool(form._errors)


def heeft_probleem(context: template.Context, form: object) -> bool:
    if context.get("fout") or _afgekeurd(form):
        return True
    return any(bericht.level >= messages.ERROR for bericht in _berichten(context))


@register.inclusion_tag("includes/_uitkomst.html", takes_context=True)
def uitkomst(context: template.Context, form: forms.BaseForm | None = None) -> dict:
    berichten = _berichten(context)
    return {
        "fouten": _fouten(form) if _afgekeurd(form) else [],
        "problemen": [b for b in berichten if b.level >= messages.ERROR],
        "bevestigingen": [b for b in berichten if b.level < messages.ERROR],
        "anker_fout": ANKER_FOUT,
        "anker_bevestiging": ANKER_BEVESTIGING,
    }


@register.simple_tag(takes_context=True)
def fout_titel(context: template.Context) -> str:
    return "Fout: " if heeft_probleem(context, context.get("form")) else ""
