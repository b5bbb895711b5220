"""Writes of notifications: the messages made from a case's new events, or about any other
subject an app names (inbox and e-mail, run by the background worker), reading one, and a
person's e-mail choices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sergur.accounts.models import User
from sergur.cases.models import CaseEvent
from sergur.notifications.models import Kind, Notification, Preference
from sergur.notifications.selectors import email_wanted, events_for_notice, notice_recipients


def notices_make(*, event_ids: Iterable[int], now: dt.datetime) -> list[Notification]:
    """Put a message in the inbox of every person the events concern and e-mail those who
    want it. Idempotent: a message already made for a person and an event is not made or sent
    again (a redelivered task). Returns the messages made."""
    made: list[Notification] = []
    for event in events_for_notice(event_ids):
        found = notice_recipients(event)
        if found is None:
            continue
        kind, people = found
        made += _for_event(event, kind, people, now)
    return made


@transaction.atomic
def _for_event(
    event: CaseEvent, kind: Kind, people: list[User], now: dt.datetime
) -> list[Notification]:
    have = set(
        Notification.objects.filter(event=event, recipient__in=people).values_list(
            "recipient_id", flat=True
        )
    )
    fresh = [user for user in people if user.pk not in have]
    rows = [
        Notification(recipient=user, kind=kind, case=event.case, event=event, created_at=now)
        for user in fresh
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    # ignore_conflicts gives the rows no ids: read back what this run made.
    rows = list(Notification.objects.filter(event=event, recipient__in=fresh))
    wanted = email_wanted(fresh, kind)
    messages = [_email(event, kind, user) for user in fresh if user.pk in wanted]
    if messages:
        mailers.default.send_messages(messages)
        Notification.objects.filter(event=event, recipient_id__in=wanted).update(emailed_at=now)
    return rows


def _email(event: CaseEvent, kind: Kind, user: User) -> EmailMessage:
    """The e-mail of one message: what happened and a link, in the site's language, with no
    personal data but the participant number (names stay in the app)."""
    assert event.case is not None  # nosec B101 # events_for_notice reads case events only
    context = {
        "number": event.case.participant_number,
        "code": (event.data or {}).get("code", "") if isinstance(event.data, dict) else "",
        "link": _absolute(reverse("portfolios:case", args=[event.case_id])),
    }
    return _message(kind, user, context)


def _message(kind: Kind, user: User, extra: Mapping[str, object]) -> EmailMessage:
    """One e-mail in the site's language: the kind's sentence, what it is about, the link and
    the inbox."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "kind": kind,
            "label": Kind(kind).label,
            "inbox": _absolute(reverse("notifications:inbox")),
            **extra,
        }
        subject = render_to_string("notifications/email/subject.txt", context).strip()
        body = render_to_string("notifications/email/body.txt", context)
    return EmailMessage(subject=subject, body=body, to=[user.email])


def notices_queue(*, kind: Kind, people: Iterable[User], subject: str, link: str, key: str) -> None:
    """Queue messages of `kind` about a subject that is not a case, once the caller's
    transaction commits (nothing is sent for a change rolled back). `subject` says what it is
    about and `link` is the path of its page on this site: ids and years only, never a name,
    NIK, NUPTK, NIP or birth date. `key` names this occurrence (for instance the appraisal,
    its step and the moment) so that a redelivered task makes no second message."""
    from sergur.notifications.tasks import notices_about_task

    Kind(kind)
    _check_link(link)
    ids = sorted({user.pk for user in people})
    if ids:
        transaction.on_commit(lambda: notices_about_task.delay(str(kind), ids, subject, link, key))


def notices_queue_each(*, kind: Kind, subjects: Mapping[int, str], link: str, key: str) -> None:
    """As `notices_queue`, but each person's message says its own `subject` (their user id to
    the text: their own amount, for instance); one task for all of them."""
    from sergur.notifications.tasks import notices_about_each_task

    Kind(kind)
    _check_link(link)
    pairs = sorted(subjects.items())
    if pairs:
        transaction.on_commit(
            lambda: notices_about_each_task.delay(str(kind), [list(p) for p in pairs], link, key)
        )


def _check_link(link: str) -> None:
    if not link.startswith("/") or link.startswith("//"):
        raise ValueError(f"a notice's link is a path on this site: {link!r}")


def notices_about(
    *,
    kind: Kind,
    user_ids: Iterable[int],
    subject: str,
    link: str,
    key: str,
    now: dt.datetime,
) -> list[Notification]:
    """Put a message about a subject that is not a case in the inbox of each person and
    e-mail those who want it. Idempotent per person and key. Returns the messages made."""
    return notices_about_each(
        kind=kind, subjects=dict.fromkeys(user_ids, subject), link=link, key=key, now=now
    )


@transaction.atomic
def notices_about_each(
    *,
    kind: Kind,
    subjects: Mapping[int, str],
    link: str,
    key: str,
    now: dt.datetime,
) -> list[Notification]:
    """As `notices_about`, each person with their own subject (user id to the text)."""
    people = list(User.objects.filter(pk__in=list(subjects), is_active=True))
    have = set(
        Notification.objects.filter(key=key, recipient__in=people).values_list(
            "recipient_id", flat=True
        )
    )
    fresh = [user for user in people if user.pk not in have]
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                kind=kind,
                subject=subjects[user.pk],
                link=link,
                key=key,
                created_at=now,
            )
            for user in fresh
        ],
        ignore_conflicts=True,
    )
    rows = list(Notification.objects.filter(key=key, recipient__in=fresh))
    wanted = email_wanted(fresh, kind)
    messages = [
        _message(kind, user, {"about": subjects[user.pk], "link": _absolute(link)})
        for user in fresh
        if user.pk in wanted
    ]
    if messages:
        mailers.default.send_messages(messages)
        Notification.objects.filter(key=key, recipient_id__in=wanted).update(emailed_at=now)
    return rows


def _absolute(path: str) -> str:
    return str(settings.SERGUR_SITE_URL).rstrip("/") + path


def notification_read(*, notification: Notification, now: dt.datetime) -> Notification:
    """Mark one's own message read (once; reading again changes nothing)."""
    if notification.read_at is None:
        notification.read_at = now
        notification.save(update_fields=["read_at"])
    return notification


def notifications_read_all(*, user: User, now: dt.datetime) -> int:
    """Mark all of one's unread messages read; how many were."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=now)


@transaction.atomic
def preferences_set(*, user: User, email: dict[str, bool]) -> None:
    """Record the person's e-mail choice for every kind given."""
    for kind, wanted in email.items():
        Kind(kind)  # an unknown kind is a programming error, never stored
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"email": wanted})
