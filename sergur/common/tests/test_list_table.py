from __future__ import annotations

import pytest
from django.core.paginator import Paginator
from django.template import RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.test.html import parse_html
from django.utils import translation

PAGE_TEMPLATE = (
    "{% load list_table %}"
    '{% listtable page=page class="case-list striped" caption=_("Cases") count=count %}'
    "<tbody>{% for row in page %}<tr><td>{{ row }}</td></tr>{% endfor %}</tbody>"
    "{% endlisttable %}"
)


def render(source: str, **context: object) -> str:
    request = RequestFactory().get("/list/", {"page": "2", "q": "x"})
    with translation.override("en"):
        return Template(source).render(RequestContext(request, context))


def test_listtable_wraps_the_table_with_its_count_line_and_pagination():
    page = Paginator(["a", "b", "c"], 2).get_page(2)

    html = render(PAGE_TEMPLATE, page=page, count="3–3 of 3 cases.")

    expected = parse_html(
        '<p class="hint" role="status">3–3 of 3 cases.</p>'
        '<div class="overflow-auto" tabindex="0"><table class="case-list striped">'
        '<caption class="visually-hidden">Cases</caption>'
        "<tbody><tr><td>c</td></tr></tbody></table></div>"
        '<nav class="pagination" aria-label="Pages"><ul>'
        '<li><a href="?page=1&amp;q=x" rel="prev">Previous</a></li>'
        '<li aria-current="page">Page 2 of 2</li></ul></nav>'
    )
    assert parse_html(html) == expected


def test_listtable_without_arguments_is_only_the_wrapper():
    html = render("{% load list_table %}{% listtable %}<tbody></tbody>{% endlisttable %}")

    assert parse_html(html) == parse_html(
        '<div class="overflow-auto" tabindex="0"><table class=""><tbody></tbody></table></div>'
    )


def test_listtable_escapes_its_caption():
    html = render("{% load list_table %}{% listtable caption=name %}{% endlisttable %}", name="<b>")

    assert "&lt;b&gt;" in html


def test_listtable_refuses_an_unknown_argument():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load list_table %}{% listtable colour="red" %}{% endlisttable %}')
