"""The audit page: the ministry reads every record, a district officer their district's,
everyone else is refused; filters, pages read by number, no name in the address."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sergur.common.audit import Action, AuditEntry, audit_record_many
from sergur.common.forms import DATES_REVERSED
from sergur.common.selectors import PAGE_SIZE

AUDIT = reverse("common:audit")


def _page(client: Client, user, **query: str):
    client.force_login(user)
    return client.get(AUDIT, query)


@pytest.fixture
def trail(cast):
    """Three records of the cast's district, two of the other district, one of none."""
    district, other = cast.dinas.district_id, cast.dinas_other.district_id
    entries = [
        AuditEntry(
            action=Action.DOWNLOAD, object_kind="case", object_id="t101", district_id=district
        ),
        AuditEntry(action=Action.SIGNIN, actor_id=cast.dinas.pk, district_id=district),
        AuditEntry(
            action=Action.CASE_EVENT, object_kind="case", object_id="t102", district_id=district
        ),
        AuditEntry(action=Action.DOWNLOAD, object_kind="case", object_id="t201", district_id=other),
        AuditEntry(action=Action.SIGNIN, object_kind="case", object_id="t202", district_id=other),
        AuditEntry(action=Action.SIGNIN_FAILED, object_kind="user", object_id="t301"),
    ]
    return audit_record_many(entries=entries)


def _objects(response) -> set[str]:
    # The trail's objects only (signing in and the cast's cases add records of their own).
    rows = response.context["page"].rows
    return {row.record.object_id for row in rows if row.record.object_id.startswith("t")}


def test_the_ministry_reads_every_record(client, cast, trail):
    response = _page(client, cast.operator)

    assert response.status_code == 200
    assert _objects(response) == {"t101", "t102", "t201", "t202", "t301"}


def test_a_district_officer_reads_their_district_only(client, cast, trail):
    response = _page(client, cast.dinas)

    assert response.status_code == 200
    assert _objects(response) == {"t101", "t102"}
    assert "t201" not in _objects(_page(client, cast.dinas, object_id="t201"))


def test_the_other_district_reads_its_own(client, cast, trail):
    assert _objects(_page(client, cast.dinas_other)) == {"t201", "t202"}


@pytest.mark.parametrize("who", ["sri", "pak_kepala", "pengawas", "lpmp", "asesor", "rayon_admin"])
def test_other_roles_are_refused(client, cast, trail, who):
    assert _page(client, getattr(cast, who)).status_code == 403


def test_signed_out_visitors_go_to_sign_in(client, trail):
    response = client.get(AUDIT)

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_filters_narrow_by_action_actor_and_object(client, cast, trail):
    assert _objects(_page(client, cast.operator, action=Action.DOWNLOAD)) == {"t101", "t201"}
    by_actor = _page(client, cast.operator, actor=str(cast.dinas.pk)).context["page"].rows
    assert [row.record.action for row in by_actor] == [Action.SIGNIN]
    assert by_actor[0].username == "dinas"
    assert _objects(_page(client, cast.operator, action=Action.SIGNIN_FAILED)) == {"t301"}
    assert _objects(_page(client, cast.operator, object_kind="user")) == {"t301"}


def test_filters_narrow_by_days(client, cast, trail):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    assert len(_objects(_page(client, cast.operator, date_to=str(tomorrow)))) == 5
    assert _page(client, cast.operator, date_from=str(tomorrow)).context["page"].rows == []


def test_a_bad_filter_is_explained_not_a_500(client, cast, trail):
    reversed_days = _page(client, cast.operator, date_from="2026-12-07", date_to="2026-12-01")
    bad_actor = _page(client, cast.operator, actor="Sri")

    assert reversed_days.status_code == 400
    assert str(DATES_REVERSED) in reversed_days.content.decode() or reversed_days.context["errors"]
    assert bad_actor.status_code == 400
    assert bad_actor.context["errors"]


def test_pages_are_read_by_number_in_bounded_queries(client, cast, django_assert_max_num_queries):
    audit_record_many(
        entries=[AuditEntry(action=Action.DOWNLOAD, object_id=str(n)) for n in range(120)]
    )
    client.force_login(cast.operator)

    with django_assert_max_num_queries(8):
        first = client.get(AUDIT)
    page = first.context["page"]
    assert len(page.rows) == PAGE_SIZE
    second = client.get(AUDIT, {"before": str(page.older_than)})
    assert second.context["page"].rows[0].record.seq == page.older_than - 1
    assert "before=" in first.content.decode()


def test_the_staff_menu_links_the_page_for_those_who_may_read_it(client, cast):
    link = f'href="{AUDIT}"'

    assert link in _page(client, cast.dinas).content.decode()
    client.force_login(cast.sri)
    assert link not in client.get(reverse("cases:list")).content.decode()
