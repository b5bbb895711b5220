"""Which cases a programme year's re-score touches, who may run and watch the jobs
(docs/batch.md)."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from sergur.accounts.models import User
from sergur.assessments.models import Allocation, BatchJob, Reconciliation, Result
from sergur.cases.models import Case
from sergur.registry.models import ProgrammeYear, Rayon, Teacher
from sergur.rules import RulesYear, load_year
from sergur.rules.assessment import AssessmentParams, assessment_params

RESCORED_STATES = (Case.State.DECIDED, Case.State.PUBLISHED)
"""Cases whose decision a re-score may change: decided (published or not)."""

RESCORED_SOURCES = (Result.Source.MEAN, Result.Source.RESCORE)
"""Results a re-score recomputes: those taken as the mean of the two blind sheets. A joint
review, a third assessor, a clarification or an appeal was a person's judgement on the case;
those results are kept (docs/batch.md)."""

BLIND_SLOTS = (Allocation.Slot.FIRST, Allocation.Slot.SECOND)
CHUNK = 2000
"""Cases read, scored and written together by the fast path."""


# -- which cases -----------------------------------------------------------------------------


def batch_cases(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> QuerySet[Case]:
    """The cases a re-score of the programme year (one rayon, or all) recomputes: decided or
    published on the mean of both blind sheets of their round, no reconciliation open."""
    current = Result.objects.filter(case=OuterRef("pk"), current=True)
    open_reconciliation = Reconciliation.objects.filter(
        case=OuterRef("pk"), resolved_at__isnull=True
    )
    cases = Case.objects.filter(programme_year=programme_year, state__in=RESCORED_STATES).filter(
        Exists(current.filter(source__in=RESCORED_SOURCES)), ~Exists(open_reconciliation)
    )
    if rayon is not None:
        # As case_scope: the provinces the rayon serves, by the teacher's main school.
        served = Teacher.objects.filter(
            assignments__is_main=True,
            assignments__school__subdistrict__district__province__rayons=rayon.pk,
        )
        cases = cases.filter(teacher__in=served)
    return cases


def still_in_scope(case_ids: list[int], *, programme_year: ProgrammeYear) -> list[int]:
    """Of a chunk's cases (locked), ascending, those a re-score may still change: the job's
    cases were chosen when it began, and meanwhile one may have been published and moved on
    (clarification, reopened, disqualified), been decided by a person (joint review,
    clarification, appeal) or gone to reconciliation; those are left as they are. One query
    over the chunk's id range (no list of 2,000 parameters)."""
    if not case_ids:
        return []
    wanted = set(case_ids)
    in_range = batch_cases(programme_year=programme_year, rayon=None).filter(
        pk__gte=min(case_ids), pk__lte=max(case_ids)
    )
    return [pk for pk in in_range.order_by("pk").values_list("pk", flat=True) if pk in wanted]


def batch_params(programme_year: ProgrammeYear) -> tuple[AssessmentParams, RulesYear]:
    """The programme year's current assessment parameters and thresholds."""
    dirs = tuple(settings.SERGUR_YEARS_DIRS)
    return assessment_params(programme_year.year, dirs), load_year(programme_year.year, dirs)


def batch_jobs_for_user(user: User) -> QuerySet[BatchJob]:
    """The jobs a user may watch: all for a superuser, their rayon's for a rayon admin."""
    jobs = BatchJob.objects.select_related("programme_year", "rayon", "started_by")
    if user.is_superuser:
        return jobs
    if user.role == User.Role.RAYON_ADMIN and user.rayon_id is not None:
        return jobs.filter(rayon_id=user.rayon_id)
    return jobs.none()


def id_chunks(cases: QuerySet[Case], size: int = CHUNK) -> Iterator[list[int]]:
    """The ids of the cases in ascending chunks (one server-side cursor over the ids)."""
    chunk: list[int] = []
    for case_id in cases.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=10000):
        chunk.append(case_id)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def unfinished_jobs(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> QuerySet[BatchJob]:
    """The queued or running jobs whose scope meets this one (the rayon's, or every rayon)."""
    scope = Q() if rayon is None else Q(rayon=rayon) | Q(rayon__isnull=True)
    return BatchJob.objects.filter(
        scope,
        programme_year=programme_year,
        state__in=(BatchJob.State.QUEUED, BatchJob.State.RUNNING),
    )


def running_job(*, programme_year: ProgrammeYear, rayon: Rayon | None) -> BatchJob | None:
    """A job of the same scope that is queued or running (only one at a time)."""
    return unfinished_jobs(programme_year=programme_year, rayon=rayon).order_by("pk").first()


# -- who may run and watch jobs ----------------------------------------------------------------


def batch_allowed(user: User) -> bool:
    """A superuser (every rayon) or a rayon admin (their rayon) runs re-scoring jobs."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or (user.role == User.Role.RAYON_ADMIN and user.rayon_id is not None)


def batch_job_get_for_user(*, user: User, pk: int) -> BatchJob:
    """One job the user may watch; 404 for anyone else's (another rayon's, or any job for a
    role that runs none)."""
    job = batch_jobs_for_user(user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
