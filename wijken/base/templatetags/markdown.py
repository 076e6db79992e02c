"""{{ tekst|markdown }}: the safe Markdown subset of communitycare.lib.markdown in templates.

An optional argument sets the highest heading level: {{ tekst|markdown:4 }} inside an <h3>.
"""

from django import template

from communitycare.lib.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(value, top_heading=3):
    return render_markdown(str(value or ""), int(top_heading))
