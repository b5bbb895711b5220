from __future__ import annotations

import pytest

from sergur.accounts.models import User
from sergur.registry.tests.admin_support import change_url, changelist_url, queries
from sergur.registry.tests.factories import SchoolFactory, UserFactory


def test_the_operator_opens_the_user_list_a_user_and_the_add_page(client, cast):
    client.force_login(cast.operator)

    assert client.get(changelist_url(User)).status_code == 200
    assert client.get(changelist_url(User) + "add/").status_code == 200
    for user in (cast.sri, cast.pak_kepala, cast.pengawas, cast.dinas, cast.lpmp):
        assert client.get(change_url(user)).status_code == 200


@pytest.mark.parametrize("who", ["sri", "pak_kepala", "pengawas", "lpmp", None])
def test_anyone_but_staff_is_sent_to_the_admin_login(client, cast, who):
    if who is not None:
        client.force_login(getattr(cast, who))

    for url in (changelist_url(User), change_url(cast.sri)):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]


def test_the_user_page_edits_role_organisation_and_supervised_schools(client, cast):
    client.force_login(cast.operator)

    page = client.get(change_url(cast.pengawas))
    form = page.context["adminform"].form

    for name in ("role", "school", "district", "province", "supervised_schools"):
        assert name in form.fields
    assert 'class="selectfilter"' in page.content.decode()  # filter_horizontal


def test_the_list_shows_role_and_organisation_and_filters_by_role(client, cast):
    client.force_login(cast.operator)

    listing = client.get(changelist_url(User), {"role__exact": User.Role.PRINCIPAL})

    assert set(listing.context["cl"].result_list) == {cast.pak_kepala, cast.bu_kepala}
    assert "SMP Negeri 1 Bantul" in listing.content.decode()


def test_a_longer_user_list_takes_no_more_queries(client, cast):
    client.force_login(cast.operator)
    before = queries(client, changelist_url(User))
    for number in range(5):
        school = SchoolFactory.create()
        UserFactory.create(
            username=f"kepala-extra{number}", role=User.Role.PRINCIPAL, school=school
        )
        supervisor = UserFactory.create(
            username=f"pengawas-extra{number}", role=User.Role.SUPERVISOR
        )
        supervisor.supervised_schools.add(school)

    assert queries(client, changelist_url(User)) == before
