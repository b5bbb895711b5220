"""The groups a user sees, a group's page with its programme and participation, registering
a group, members, the elected coordinator and the resource-person register. Anyone who does
not see a group gets 404; one who sees it but may not act gets 403."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from sergur.accounts.models import User
from sergur.common.http import AuthenticatedHttpRequest, form_error_messages, messages_error
from sergur.kkg.forms import (
    CoordinatorForm,
    GroupCreateForm,
    MeetingForm,
    MemberAddForm,
    OutputForm,
    PackageForm,
    ReportForm,
    ResourcePersonForm,
)
from sergur.kkg.models import Group
from sergur.kkg.selectors import (
    group_get_for_user,
    group_list_for_user,
    group_programme,
    group_rights,
    group_scope,
    resource_districts,
    resource_list_for_user,
    year_kkg_params,
)
from sergur.kkg.services import (
    group_coordinator_elect,
    group_create,
    group_member_add,
    resource_person_add,
)
from sergur.registry.models import District

Role = User.Role
CREATED = _("The group is registered.")
MEMBER_ADDED = _("The member is added.")
ELECTED = _("The elected coordinator is recorded.")
PERSON_ADDED = _("The resource person is in the register.")
GROUP_READERS = frozenset(
    {Role.TEACHER, Role.PRINCIPAL, Role.SUPERVISOR, Role.DISTRICT_COMMITTEE, Role.DISTRICT_HEAD}
)


def _district_of(user: User) -> District | None:
    if user.role == Role.DISTRICT_COMMITTEE and user.district is not None:
        return user.district
    return None


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else timezone.localdate().year


@require_safe
@login_required
def group_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The groups the user sees; the district committee registers new ones here."""
    if group_scope(request.user) is None or not (
        request.user.is_superuser or request.user.role in GROUP_READERS
    ):
        raise PermissionDenied
    district = _district_of(request.user)
    form = GroupCreateForm(district=district) if district is not None else None
    groups = group_list_for_user(user=request.user)[:500]
    return render(request, "kkg/group_list.html", {"groups": groups, "form": form})


@require_POST
@login_required
def group_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Register a group of the district committee's district."""
    district = _district_of(request.user)
    if district is None:
        raise PermissionDenied
    form = GroupCreateForm(request.POST, district=district)
    if not form.is_valid():
        for text in form_error_messages(form, labelled=True):
            messages.error(request, text)
        return redirect("kkg:groups")
    try:
        group = group_create(actor=request.user, district=district, **form.cleaned_data)
    except ValidationError as error:
        messages_error(request, error)
        return redirect("kkg:groups")
    messages.success(request, CREATED)
    return redirect("kkg:group", pk=group.pk)


def group_context(request: AuthenticatedHttpRequest, group: Group, **forms: Any) -> dict[str, Any]:
    """Everything the group page shows, with empty forms where `forms` gives none."""
    rights = group_rights(user=request.user, group=group)
    year = _year(request)
    try:
        params = year_kkg_params(year)
        programme = group_programme(group=group, year=year)
    except ValidationError as error:
        messages_error(request, error)
        params, programme = None, None
    context: dict[str, Any] = {
        "group": group,
        "rights": rights,
        "year": year,
        "params": params,
        "programme": programme,
        "member_schools": group.member_schools.order_by("name"),
    }
    if rights.members:
        context["member_form"] = forms.get("member_form") or MemberAddForm(group=group)
    if rights.support or rights.manage:
        context["coordinator_form"] = forms.get("coordinator_form") or CoordinatorForm(group=group)
    if rights.manage and params is not None:
        context["package_form"] = forms.get("package_form") or PackageForm(
            params=params, initial={"year": year}
        )
        context["meeting_form"] = MeetingForm(group=group)
        context["output_form"] = OutputForm(params=params)
        context["report_form"] = ReportForm()
    return context


@require_safe
@login_required
def group_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A group: its schools, members, coordinator, the year's programme and participation."""
    group = group_get_for_user(user=request.user, pk=pk)
    return render(request, "kkg/group_detail.html", group_context(request, group))


@require_POST
@login_required
def member_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add a member (the coordinator or the district)."""
    group = group_get_for_user(user=request.user, pk=pk)
    if not group_rights(user=request.user, group=group).members:
        raise PermissionDenied
    form = MemberAddForm(request.POST, group=group)
    if not form.is_valid():
        context = group_context(request, group, member_form=form)
        return render(request, "kkg/group_detail.html", context, status=400)
    try:
        group_member_add(
            actor=request.user,
            group=group,
            teacher=form.cleaned_data["teacher"],
            on=timezone.localdate(),
        )
    except ValidationError as error:
        messages_error(request, error)
    else:
        messages.success(request, MEMBER_ADDED)
    return redirect("kkg:group", pk=group.pk)


@require_POST
@login_required
def coordinator_elect(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record the elected coordinator (the district, or the coordinator handing over)."""
    group = group_get_for_user(user=request.user, pk=pk)
    rights = group_rights(user=request.user, group=group)
    if not (rights.support or rights.manage):
        raise PermissionDenied
    form = CoordinatorForm(request.POST, group=group)
    if not form.is_valid():
        context = group_context(request, group, coordinator_form=form)
        return render(request, "kkg/group_detail.html", context, status=400)
    group_coordinator_elect(
        actor=request.user,
        group=group,
        teacher=form.cleaned_data["member"].teacher,
        on=form.cleaned_data["elected_on"],
    )
    messages.success(request, ELECTED)
    return redirect("kkg:group", pk=group.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def resources(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The register of resource persons; the district and coordinators add to it."""
    if group_scope(request.user) is None or not (
        request.user.is_superuser or request.user.role in GROUP_READERS
    ):
        raise PermissionDenied
    districts = (
        list(District.objects.values_list("pk", flat=True))
        if request.user.is_superuser
        else resource_districts(user=request.user)
    )
    form = ResourcePersonForm(districts=districts) if districts else None
    status = 200
    if request.method == "POST":
        if not districts:
            raise PermissionDenied
        form = ResourcePersonForm(request.POST, districts=districts)
        if form.is_valid():
            resource_person_add(actor=request.user, **form.cleaned_data)
            messages.success(request, PERSON_ADDED)
            return redirect("kkg:resources")
        status = 400
    people = resource_list_for_user(user=request.user).select_related("district")[:500]
    return render(request, "kkg/resources.html", {"people": people, "form": form}, status=status)
