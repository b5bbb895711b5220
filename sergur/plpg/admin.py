"""The PLPG records in the admin, read-mostly (writes go through the pages' services)."""

from __future__ import annotations

from django.contrib import admin

from sergur.plpg.models import Instructor, Participant, PlpgClass, SubjectMerge


@admin.register(Instructor)
class InstructorAdmin(admin.ModelAdmin[Instructor]):
    list_display = ["number", "user", "rayon", "status", "active"]
    list_filter = ["rayon", "active"]


@admin.register(PlpgClass)
class PlpgClassAdmin(admin.ModelAdmin[PlpgClass]):
    list_display = ["__str__", "rayon", "instructor", "venue", "starts_on"]
    list_filter = ["rayon", "programme_year"]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin[Participant]):
    list_display = ["__str__", "status", "round", "final_score"]
    list_filter = ["status"]
    readonly_fields = ["case", "plpg_class", "status", "round", "retake_parts", "final_score"]


@admin.register(SubjectMerge)
class SubjectMergeAdmin(admin.ModelAdmin[SubjectMerge]):
    list_display = ["rayon", "subject", "into"]
