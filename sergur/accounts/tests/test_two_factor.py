"""The second factor: staff cannot reach a page without it, teachers may choose it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sergur.accounts.twofactor import MSG_STAFF_KEEP, MSG_WRONG_CODE, recovery_codes_regenerate
from sergur.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]

LIST = "/cases/"
STAFF = ["pak_kepala", "pengawas", "dinas", "lpmp", "asesor", "rayon_admin", "operator"]


def enrolled(user) -> TOTPDevice:
    """A confirmed authenticator for the user."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_of(device: TOTPDevice) -> str:
    """The code the authenticator app shows now."""
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


def verify_url(next_url: str = LIST) -> str:
    return f"{reverse('two_factor_verify')}?next={next_url.replace('/', '%2F')}"


@pytest.mark.parametrize("who", STAFF)
def test_staff_without_an_authenticator_are_sent_to_set_it_up_first(client, cast, who):
    client.force_login(getattr(cast, who))

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('two_factor_enrol')}?next=%2Fcases%2F"


@pytest.mark.parametrize("who", ["dinas", "operator"])
def test_staff_with_an_authenticator_must_enter_a_code_before_any_page(client, cast, who):
    enrolled(getattr(cast, who))
    client.force_login(getattr(cast, who))

    for path in (LIST, f"/cases/{cast.sri_case.pk}/", reverse("admin:index")):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor_verify"))


def test_the_sign_in_form_leads_staff_to_the_second_step(client, cast):
    enrolled(cast.dinas)

    response = client.post(
        reverse("login"), {"username": "dinas", "password": PASSWORD, "next": LIST}, follow=True
    )

    assert response.redirect_chain[-1][0] == verify_url()
    assert "one-time-code" in response.content.decode()


def test_a_right_code_opens_the_pages(client, cast):
    device = enrolled(cast.dinas)
    client.force_login(cast.dinas)

    response = client.post(reverse("two_factor_verify"), {"code": code_of(device), "next": LIST})

    assert response.status_code == 302
    assert response["Location"] == LIST
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(LIST).status_code == 200


def test_a_wrong_code_is_refused(client, cast):
    device = enrolled(cast.dinas)
    client.force_login(cast.dinas)
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("two_factor_verify"), {"code": wrong, "next": LIST})

    assert response.status_code == 200
    assert str(MSG_WRONG_CODE) in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get(LIST).status_code == 302


def test_a_code_from_another_users_authenticator_is_refused(client, cast):
    enrolled(cast.dinas)
    other = enrolled(cast.dinas_other)
    client.force_login(cast.dinas)

    response = client.post(reverse("two_factor_verify"), {"code": code_of(other)})

    assert response.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_a_recovery_code_works_once(client, cast):
    enrolled(cast.lpmp)
    codes = recovery_codes_regenerate(user=cast.lpmp)
    client.force_login(cast.lpmp)

    first = client.post(reverse("two_factor_verify"), {"code": codes[0].upper(), "next": LIST})
    assert first.status_code == 302
    assert client.get(LIST).status_code == 200

    client.post(reverse("logout"))
    client.force_login(cast.lpmp)
    again = client.post(reverse("two_factor_verify"), {"code": codes[0], "next": LIST})
    assert again.status_code == 200
    assert str(MSG_WRONG_CODE) in again.content.decode()
    assert client.get(LIST).status_code == 302
    assert StaticToken.objects.filter(device__user=cast.lpmp).count() == 9


def test_teachers_are_not_forced(client, cast):
    client.force_login(cast.sri)

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"] == reverse("portfolios:case", args=[cast.sri_case.pk])


def test_a_teacher_who_turned_it_on_is_asked_for_the_code(client, cast):
    enrolled(cast.sri)
    client.force_login(cast.sri)

    assert client.get(LIST)["Location"] == verify_url()


def test_staff_unverified_still_reach_the_public_pages_and_sign_out(client, cast):
    client.force_login(cast.dinas)

    assert client.get(reverse("scoring:home")).status_code == 200
    assert client.get(reverse("selection:lookup")).status_code == 200
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_enrolment_shows_the_secret_and_turns_on_with_one_right_code(client, cast):
    client.force_login(cast.asesor)

    page = client.get(f"{reverse('two_factor_enrol')}?next=%2Fcases%2F")
    device = TOTPDevice.objects.get(user=cast.asesor)
    assert page.status_code == 200
    assert not device.confirmed
    assert page.context["secret"].replace(" ", "") in page.content.decode().replace(" ", "")
    assert 'src="data:image/svg+xml' in page.content.decode()

    done = client.post(reverse("two_factor_enrol"), {"code": code_of(device), "next": LIST})

    device.refresh_from_db()
    assert device.confirmed
    assert len(done.context["codes"]) == 10
    for code in done.context["codes"]:
        assert code in done.content.decode()
    assert done.context["next"] == LIST
    assert client.get(LIST).status_code == 200


def test_setup_and_the_codes_page_both_tell_to_store_the_recovery_codes(client, cast):
    client.force_login(cast.asesor)
    setup = client.get(reverse("two_factor_enrol")).content.decode()
    device = TOTPDevice.objects.get(user=cast.asesor)
    shown = client.post(reverse("two_factor_enrol"), {"code": code_of(device), "next": LIST})
    codes = shown.content.decode()

    assert 'class="hint recovery-hint"' in setup  # before: the codes come next, once
    hint = codes.split('class="notice recovery-hint"', 1)[1].split("</p>", 1)[0]
    assert "Simpan kode ini sekarang." in hint or "Store these codes now." in hint
    assert codes.index("recovery-hint") < codes.index('class="recovery-codes"')


def test_enrolment_refuses_a_wrong_code_and_stays_off(client, cast):
    client.force_login(cast.asesor)
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=cast.asesor)
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("two_factor_enrol"), {"code": wrong})

    device.refresh_from_db()
    assert response.status_code == 200
    assert str(MSG_WRONG_CODE) in response.content.decode()
    assert not device.confirmed
    assert not StaticToken.objects.filter(device__user=cast.asesor).exists()


def test_a_password_alone_cannot_replace_the_authenticator(client, cast):
    enrolled(cast.dinas)
    client.force_login(cast.dinas)

    response = client.get(reverse("two_factor_enrol"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert TOTPDevice.objects.filter(user=cast.dinas).count() == 1


def test_new_recovery_codes_replace_the_old_ones(client, cast):
    device = enrolled(cast.dinas)
    old = recovery_codes_regenerate(user=cast.dinas)
    client.force_login(cast.dinas)
    client.post(reverse("two_factor_verify"), {"code": code_of(device)})

    response = client.post(reverse("two_factor_recovery_codes"))

    new = response.context["codes"]
    assert len(new) == 10
    tokens = set(
        StaticToken.objects.filter(device__user=cast.dinas).values_list("token", flat=True)
    )
    assert tokens == set(new)
    assert not tokens & set(old)


def test_recovery_codes_are_not_made_without_the_second_factor(client, cast):
    enrolled(cast.sri)
    client.force_login(cast.sri)

    response = client.post(reverse("two_factor_recovery_codes"))

    assert response.status_code == 302
    assert not StaticToken.objects.filter(device__user=cast.sri).exists()


def test_a_teacher_turns_it_off_with_a_code(client, cast):
    device = enrolled(cast.sri)
    client.force_login(cast.sri)
    client.post(reverse("two_factor_verify"), {"code": code_of(device)})
    codes = recovery_codes_regenerate(user=cast.sri)

    page = client.get(reverse("two_factor_settings"))
    assert "two_factor_turn_off" not in page.content.decode()
    assert reverse("two_factor_turn_off") in page.content.decode()
    response = client.post(reverse("two_factor_turn_off"), {"code": codes[0]})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast.sri).exists()
    client.post(reverse("logout"))
    client.force_login(cast.sri)
    assert client.get(LIST)["Location"] == reverse("portfolios:case", args=[cast.sri_case.pk])


def test_staff_cannot_turn_it_off(client, cast):
    device = enrolled(cast.dinas)
    client.force_login(cast.dinas)
    client.post(reverse("two_factor_verify"), {"code": code_of(device)})
    codes = recovery_codes_regenerate(user=cast.dinas)

    page = client.get(reverse("two_factor_settings"))
    response = client.post(reverse("two_factor_turn_off"), {"code": codes[0]})

    assert reverse("two_factor_turn_off") not in page.content.decode()
    assert response.status_code == 400
    assert str(MSG_STAFF_KEEP) in response.content.decode()
    assert TOTPDevice.objects.filter(user=cast.dinas).exists()


def test_a_teacher_turns_it_on_from_the_settings_page(client, cast):
    client.force_login(cast.sri)

    page = client.get(reverse("two_factor_settings"))

    assert page.status_code == 200
    assert reverse("two_factor_enrol") in page.content.decode()
    assert not page.context["enrolled"]


def test_a_code_page_only_redirects_within_the_site(client, cast):
    device = enrolled(cast.dinas)
    client.force_login(cast.dinas)

    response = client.post(
        reverse("two_factor_verify"), {"code": code_of(device), "next": "https://evil.example/"}
    )

    assert response["Location"] == LIST


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    for name in ("two_factor_verify", "two_factor_enrol", "two_factor_settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_with_the_requirement_off_staff_are_not_forced(client, cast, settings):
    settings.SERGUR_REQUIRE_2FA = False
    client.force_login(cast.dinas)

    assert client.get(LIST).status_code == 200


def test_enrolment_is_read_as_django_otp_reads_it_in_one_query(cast, django_assert_num_queries):
    """two_factor_enrolled answers what django-otp's user_has_device(confirmed=True) answers:
    an unconfirmed authenticator does not count, a confirmed one or recovery codes do, and
    another user's devices never count for this one."""
    from django_otp import user_has_device
    from django_otp.plugins.otp_static.models import StaticDevice

    from sergur.accounts.twofactor import two_factor_enrolled

    sri, dinas = cast.sri, cast.dinas
    TOTPDevice.objects.create(user=sri, name="authenticator", confirmed=False)
    enrolled(dinas)
    states = [two_factor_enrolled(sri)]
    TOTPDevice.objects.filter(user=sri).update(confirmed=True)
    states.append(two_factor_enrolled(sri))
    TOTPDevice.objects.filter(user=sri).delete()
    StaticDevice.objects.create(user=sri, name="recovery", confirmed=True)
    with django_assert_num_queries(1):
        states.append(two_factor_enrolled(sri))

    assert states == [False, True, True]
    assert two_factor_enrolled(sri) == user_has_device(sri, confirmed=True)
    assert two_factor_enrolled(dinas) and not two_factor_enrolled(cast.pengawas)
