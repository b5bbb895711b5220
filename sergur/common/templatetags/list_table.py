"""The table of a list page, the same on every page: `{% listtable %}` wraps a table's head
and body in the scrolling wrapper, with the count line above it and the pagination below.

    {% listtable page=page class="case-list striped" caption=_("Cases") count=count_line %}
      <thead>…</thead>
      <tbody>…</tbody>
    {% endlisttable %}

Every argument is optional: `page` adds the pagination (the `page` query parameter), `class`
is the table's class, `caption` a caption for screen readers, `count` the sentence that says
how many rows there are (made with `{% blocktranslate … asvar count_line %}`).
"""

from __future__ import annotations

from django import template
from django.template.base import FilterExpression, Node, NodeList, Parser, Token, token_kwargs
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

TEMPLATE = "common/list_table.html"
ARGUMENTS = frozenset({"page", "class", "caption", "count"})


class ListTableNode(Node):
    """A table's head and body rendered inside the list page's table partial."""

    def __init__(self, nodelist: NodeList, arguments: dict[str, FilterExpression]) -> None:
        self.nodelist = nodelist
        self.arguments = arguments

    def render(self, context: Context) -> SafeString:
        """The partial, with the rendered head and body as its `body`."""
        values = {name: value.resolve(context) for name, value in self.arguments.items()}
        body = mark_safe(self.nodelist.render(context))  # nosec B308, B703 # the engine escaped it
        assert context.template is not None  # nosec B101 # set while a template renders this node
        partial = context.template.engine.get_template(TEMPLATE)
        with context.push(
            body=body,
            page=values.get("page"),
            table_class=values.get("class", ""),
            caption=values.get("caption", ""),
            count=values.get("count", ""),
        ):
            return partial.render(context)


@register.tag
def listtable(parser: Parser, token: Token) -> ListTableNode:
    """`{% listtable [page=…] [class=…] [caption=…] [count=…] %}…{% endlisttable %}`."""
    bits = token.split_contents()[1:]
    arguments = token_kwargs(bits, parser)
    if bits or not set(arguments) <= ARGUMENTS:
        raise template.TemplateSyntaxError(
            f"listtable takes only the keyword arguments {', '.join(sorted(ARGUMENTS))}"
        )
    nodelist = parser.parse(("endlisttable",))
    parser.delete_first_token()
    return ListTableNode(nodelist, arguments)
