from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from sergur.cases.selectors import case_get_for_user, case_list_for_user, case_rights

pytestmark = pytest.mark.django_db


def visible(user):
    return {c.teacher.user.username for c in case_list_for_user(user=user) if c.teacher.user}


def test_each_role_sees_only_its_own_cases(cast):
    assert visible(cast.sri) == {"sri"}
    assert visible(cast.budi) == {"budi"}
    assert visible(cast.pak_kepala) == {"sri"}
    assert visible(cast.bu_kepala) == {"budi"}
    assert visible(cast.pengawas) == {"sri"}
    assert visible(cast.dinas) == {"sri", "budi"}
    assert visible(cast.dinas_other) == set()
    assert visible(cast.lpmp) == {"sri", "budi"}
    assert visible(cast.asesor) == set()
    assert visible(cast.operator) == {"sri", "budi"}
    assert list(case_list_for_user(user=AnonymousUser())) == []


def test_someone_elses_case_is_not_found(cast):
    assert case_get_for_user(user=cast.sri, pk=cast.sri_case.pk) == cast.sri_case
    for user in (cast.budi, cast.bu_kepala, cast.dinas_other, cast.asesor):
        with pytest.raises(Http404):
            case_get_for_user(user=user, pk=cast.sri_case.pk)
    with pytest.raises(Http404):
        case_get_for_user(user=AnonymousUser(), pk=cast.sri_case.pk)
    with pytest.raises(Http404):
        case_get_for_user(user=cast.operator, pk=999999)


def test_inactive_users_see_nothing(cast):
    cast.sri.is_active = False
    cast.sri.save()
    assert list(case_list_for_user(user=cast.sri)) == []


def test_rights_follow_the_role(cast):
    case = cast.sri_case
    owner = case_rights(user=cast.sri, case=case)
    assert owner.edit_portfolio and owner.submit and owner.export and owner.view_evidence
    assert not owner.fill_envelope and not owner.see_envelope_items

    principal = case_rights(user=cast.pak_kepala, case=case)
    assert principal.envelope_role == "principal" and principal.see_envelope_items
    assert not principal.edit_portfolio and not principal.export

    supervisor = case_rights(user=cast.pengawas, case=case)
    assert supervisor.envelope_role == "supervisor"

    district = case_rights(user=cast.dinas, case=case)
    assert district.view_evidence and district.export
    assert not district.fill_envelope and not district.see_envelope_items

    # A principal of another school has no envelope role on this case.
    assert case_rights(user=cast.bu_kepala, case=case).envelope_role is None
