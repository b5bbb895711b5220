"""`{% fragment key %}…{% endfragment %}`: a part of a page rendered once per key, language and
place (sergur/common/fragments.py). An empty key renders the part every time.

    {% load fragments %}
    {% fragment components_key %}<table>…</table>{% endfragment %}
"""

from __future__ import annotations

import hashlib

from django import template
from django.template.base import FilterExpression, Node, NodeList, Parser, Token
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from sergur.common.fragments import csrf_stand_in, fragment_get, fragment_put

register = template.Library()


class FragmentNode(Node):
    """The part between the tags, remembered under the key, the language and its place."""

    def __init__(self, nodelist: NodeList, key: FilterExpression, place: str) -> None:
        self.nodelist = nodelist
        self.key = key
        self.place = place

    def render(self, context: Context) -> SafeString:
        """The remembered HTML with this request's CSRF token, or the part rendered now."""
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        full_key = (self.place, get_language() or "", str(key))
        stand_in = csrf_stand_in()
        html = fragment_get(full_key)
        if html is None:
            with context.push(csrf_token=stand_in):
                html = self.nodelist.render(context)
            fragment_put(full_key, html)
        if stand_in in html:
            html = html.replace(stand_in, str(context.get("csrf_token", "")))
        return mark_safe(html)  # nosec B308 B703 # rendered by this template


@register.tag("fragment")
def do_fragment(parser: Parser, token: Token) -> FragmentNode:
    """`{% fragment key %}…{% endfragment %}`."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% fragment %} takes one argument: the key")
    waiting = list(parser.tokens)  # reversed: the next token is the last
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    # The place: the template, the line and the part's own source, so that no two parts
    # share their HTML even in templates without a name.
    inside = waiting[len(parser.tokens) :]
    origin = getattr(parser, "origin", None)
    source = repr([(t.token_type.value, t.contents) for t in inside if isinstance(t, Token)])
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    place = f"{getattr(origin, 'name', '')}:{token.lineno}:{digest}"
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), place)
