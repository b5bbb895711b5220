"""Operator screens for the master data: regions, schools, subjects, teachers and programme
years. Lists load what they show in one query (`list_select_related`, annotations)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sergur.registry.models import (
    District,
    ProgrammeYear,
    Province,
    Rayon,
    School,
    Subdistrict,
    Subject,
    Teacher,
    TeachingAssignment,
)


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin[Province]):
    """Provinces with their two-digit codes."""

    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Rayon)
class RayonAdmin(admin.ModelAdmin[Rayon]):
    """Rayons: the universities (LPTK) and the provinces they serve."""

    list_display = ("code", "institution")
    search_fields = ("code", "institution")
    filter_horizontal = ("provinces",)


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin[District]):
    """Districts (kabupaten/kota) within their provinces."""

    list_display = ("name", "kind", "code", "province")
    list_filter = ("kind", "province")
    list_select_related = ("province",)
    search_fields = ("name", "code")
    autocomplete_fields = ("province",)


@admin.register(Subdistrict)
class SubdistrictAdmin(admin.ModelAdmin[Subdistrict]):
    """Subdistricts (kecamatan) within their districts."""

    list_display = ("name", "code", "district")
    list_filter = ("district",)
    list_select_related = ("district",)
    search_fields = ("name", "code")
    autocomplete_fields = ("district",)


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin[School]):
    """Schools, found by NPSN or name."""

    list_display = ("npsn", "name", "level", "status", "subdistrict", "district")
    list_filter = ("level", "status", "subdistrict__district")
    list_select_related = ("subdistrict", "subdistrict__district")
    search_fields = ("npsn", "name")
    autocomplete_fields = ("subdistrict",)

    @admin.display(description=_("district"), ordering="subdistrict__district__name")
    def district(self, obj: School) -> District:
        """The district of the school's subdistrict."""
        return obj.subdistrict.district


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin[Subject]):
    """Certification subjects (bidang studi) and their codes."""

    list_display = ("code", "name", "is_counseling")
    list_filter = ("is_counseling",)
    search_fields = ("code", "name")


class TeachingAssignmentInline(admin.TabularInline[TeachingAssignment, Teacher]):
    """The schools a teacher teaches at, with weekly hours."""

    model = TeachingAssignment
    extra = 0
    autocomplete_fields = ("school",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[TeachingAssignment]:
        """Each row's title names its teacher and school."""
        return super().get_queryset(request).select_related("teacher", "school")


@admin.register(Teacher)
class TeacherAdmin(admin.ModelAdmin[Teacher]):
    """Teachers, found by name, NUPTK or NIP, with their teaching assignments."""

    list_display = ("name", "nuptk", "subject", "main_school", "employment")
    list_filter = ("employment", "gender", "subject")
    list_select_related = ("subject",)
    search_fields = ("name", "nuptk", "nip")
    autocomplete_fields = ("subject", "degree_subject", "user")
    inlines = (TeachingAssignmentInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Teacher]:
        """The main school's name comes with each row (a subquery, not a query per row)."""
        main = TeachingAssignment.objects.filter(teacher=OuterRef("pk"), is_main=True)
        return (
            super()
            .get_queryset(request)
            .annotate(main_school_name=Subquery(main.values("school__name")[:1]))
        )

    @admin.display(description=_("main school"), ordering="main_school_name")
    def main_school(self, obj: Teacher) -> str:
        """The main school (sekolah induk)."""
        return getattr(obj, "main_school_name", None) or "—"


@admin.register(ProgrammeYear)
class ProgrammeYearAdmin(admin.ModelAdmin[ProgrammeYear]):
    """Programme years and their deadlines."""

    list_display = (
        "year",
        "is_current",
        "portfolio_opens",
        "portfolio_deadline",
        "envelope_deadline",
        "service_until",
    )
    list_filter = ("is_current",)
