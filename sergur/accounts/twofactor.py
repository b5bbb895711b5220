"""The second factor (TOTP with recovery codes, django-otp): who must have it, and every write
on a user's devices. Kept beside `services.py` so that sign-in stays in one place
(docs/security.md)."""

from __future__ import annotations

import re
from base64 import b32decode, b32encode
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Q
from django.utils.translation import gettext_lazy as _
from django_otp import device_classes
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sergur.accounts import signals
from sergur.accounts.models import User

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_otp.models import Device

MSG_WRONG_CODE = _(
    "That code was not accepted. Enter the current 6-digit code from your authenticator app, "
    "or one of your recovery codes. After several wrong codes, wait a little before the next."
)
MSG_NOT_STARTED = _("Start the set-up again: open the two-factor set-up page.")
MSG_STAFF_KEEP = _("Staff accounts must keep two-factor authentication; it cannot be turned off.")

RECOVERY_DEVICE_NAME = "recovery"
TOTP_DEVICE_NAME = "authenticator"
_TOTP_CODE = re.compile(r"\d{6}")


def is_staff_account(user: User | AnonymousUser) -> bool:
    """Every signed-in account but a teacher's works for an office or the system: district,
    LPMP, rayon, assessor, instructor, operator, principal, supervisor, superusers."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or user.role != User.Role.TEACHER


def two_factor_required(user: User | AnonymousUser) -> bool:
    """Whether the account must sign in with a second factor (SERGUR_REQUIRE_2FA, staff)."""
    return bool(settings.SERGUR_REQUIRE_2FA) and is_staff_account(user)


def second_factor_given(user: User | AnonymousUser) -> bool:
    """Whether this session's sign-in was confirmed by a device (set by django-otp's
    OTPMiddleware from the session)."""
    return getattr(user, "otp_device", None) is not None


def two_factor_enrolled(user: User) -> bool:
    """Whether the user has a confirmed authenticator or recovery codes (then every sign-in
    asks for them): django-otp's `user_has_device(user, confirmed=True)` in one query instead
    of one per device kind. Every request of a user without a verified session asks this
    (TwoFactorRequiredMiddleware), so it is part of what every page costs (issue 14 item 11,
    docs/portfolio.md)."""
    if not user.is_authenticated:
        return False
    kinds = [
        Exists(model.objects.devices_for_user(user, confirmed=True)) for model in device_classes()
    ]
    if not kinds:
        return False
    condition = Q(kinds[0])
    for kind in kinds[1:]:
        condition |= Q(kind)
    return bool(User.objects.filter(condition, pk=user.pk).exists())


def totp_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it by hand (base32, groups of four)."""
    text = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """The authenticator being set up: the one already started, or a new secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


@transaction.atomic
def totp_device_confirm(*, user: User, code: str) -> tuple[TOTPDevice, list[str]]:
    """Activate the authenticator being set up once it shows a right code; it replaces any
    earlier one, and a fresh set of recovery codes (shown once) replaces the old set."""
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None:
        raise ValidationError(MSG_NOT_STARTED, code="not_started")
    if not device.verify_token(_normalized(code)):
        raise ValidationError(MSG_WRONG_CODE, code="wrong_code")
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.full_clean()
    device.save()
    signals.two_factor_changed.send(sender=User, user=user, change=signals.ENROLLED)
    return device, recovery_codes_regenerate(user=user)


@transaction.atomic
def totp_device_install(*, user: User, secret: str) -> TOTPDevice:
    """Give the user exactly one confirmed authenticator with a known base32 secret (the demo
    district's published one); idempotent."""
    key = b32decode(secret.replace(" ", "").upper()).hex()
    device = TOTPDevice.objects.filter(user=user, confirmed=True, key=key).first()
    if device is None:
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice(user=user, name=TOTP_DEVICE_NAME, key=key, confirmed=True)
        device.full_clean()
        device.save()
        signals.two_factor_changed.send(sender=User, user=user, change=signals.ENROLLED)
    return device


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """A new set of SERGUR_RECOVERY_CODES single-use codes; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(settings.SERGUR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    signals.two_factor_changed.send(sender=User, user=user, change=signals.CODES_REGENERATED)
    return codes


def recovery_codes_left(user: User) -> int:
    """How many recovery codes the user has not used yet."""
    left: int = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return left


@transaction.atomic
def two_factor_check(*, user: User, code: str) -> Device:
    """The device that accepts the code: a 6-digit code goes to the authenticator, anything
    else to the recovery codes (each works once). Each device counts its own wrong codes and
    makes the next try wait longer (django-otp's throttling)."""
    token = _normalized(code)
    model: type[Device] = TOTPDevice if _TOTP_CODE.fullmatch(token) else StaticDevice
    for device in model.objects.select_for_update().filter(user=user, confirmed=True):
        if device.verify_token(token):
            if isinstance(device, StaticDevice):
                change = signals.RECOVERY_USED
                signals.two_factor_changed.send(sender=User, user=user, change=change)
            return device
    raise ValidationError(MSG_WRONG_CODE, code="wrong_code")


@transaction.atomic
def two_factor_disable(*, user: User, code: str) -> None:
    """A teacher turns the second factor off, proving it with a current code; staff may not."""
    if two_factor_required(user):
        raise ValidationError(MSG_STAFF_KEEP, code="staff")
    two_factor_check(user=user, code=code)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    signals.two_factor_changed.send(sender=User, user=user, change=signals.REMOVED)


def _normalized(code: str) -> str:
    # Apps show "123 456", recovery codes are lower-case base32; people type either way.
    return "".join(code.split()).lower()
