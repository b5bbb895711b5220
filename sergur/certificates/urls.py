"""URL routes of the certificates."""

from __future__ import annotations

from django.urls import URLPattern, path

from sergur.certificates.views import jobs, public, staff

app_name = "certificates"

urlpatterns: list[URLPattern] = [
    path("certificates/", staff.certificate_list, name="list"),
    path("certificates/<int:pk>/", staff.certificate_detail, name="detail"),
    path("certificates/<int:pk>/pdf/", staff.certificate_pdf_view, name="pdf"),
    path("certificates/<int:pk>/credential/", staff.certificate_credential_view, name="credential"),
    path("certificates/<int:pk>/status/", staff.certificate_status_view, name="status"),
    path("certificates/issue/<int:case_pk>/", staff.certificate_issue_view, name="issue"),
    path("certificates/jobs/", jobs.issue_jobs, name="jobs"),
    path("certificates/jobs/<int:pk>/progress/", jobs.issue_job_progress, name="job_progress"),
    path("certificates/nrg/", jobs.nrg_page, name="nrg"),
    path("certificates/verify/", public.verify, name="verify"),
    path("certificates/verify.json", public.verify_json, name="verify_json"),
    path("certificates/status/<int:number>/<str:purpose>/", public.status_list, name="status_list"),
]
