"""The forms behind the pages, fed generated hostile input: each answers valid or with its
errors, never with an exception (which would be a 500). With the view fuzz tests
(test_fuzz_views.py) more than 10,000 generated inputs each run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from sergur.appeals.forms import AppealDecideForm, AppealFileForm
from sergur.cases.selectors import CASE_WORKLIST
from sergur.common.tests.fuzz import form_data, fuzz, multi, uploads
from sergur.portfolios.forms import (
    EnvelopeForm,
    EvidenceForm,
    ReceiptCodeForm,
    SubmitForm,
    entry_form_class,
)
from sergur.portfolios.sections import SECTIONS
from sergur.rules.instruments import SUPERIOR, practice_instrument
from sergur.selection.forms import (
    ParticipantLookupForm,
    QuotaAllocateForm,
    SelectionFilterForm,
    SelectionRunForm,
)
from sergur.verification.forms import VerdictForm

FormFactory = Callable[..., forms.BaseForm]


def _envelope(*args: Any, **kwargs: Any) -> forms.BaseForm:
    return EnvelopeForm(
        *args, practice=practice_instrument("subject_teacher"), superior=SUPERIOR, **kwargs
    )


def _case_filter(*args: Any, **kwargs: Any) -> forms.BaseForm:
    kwargs.pop("files", None)  # a filter form takes no files
    return CASE_WORKLIST.form(*args, **kwargs)


def _appeal_decide(*args: Any, **kwargs: Any) -> forms.BaseForm:
    return AppealDecideForm(*args, lang="id", **kwargs)


FORMS: dict[str, FormFactory] = {
    **{f"entry:{section.key}": entry_form_class(section) for section in SECTIONS},
    "evidence": EvidenceForm,
    "envelope": _envelope,
    "submit": SubmitForm,
    "receipt code": ReceiptCodeForm,
    "verdict": VerdictForm,
    "appeal": AppealFileForm,
    "appeal decision": _appeal_decide,
    "case filter": _case_filter,
    "selection run": SelectionRunForm,
    "selection filter": SelectionFilterForm,
    "quota": QuotaAllocateForm,
    "participant lookup": ParticipantLookupForm,
}
EXAMPLES = 250  # a form: about 8,000 over these forms and the sign-in form


def check(form: forms.BaseForm) -> None:
    """Validation and the error texts, as a page shows them, raise nothing."""
    form.is_valid()
    for errors in form.errors.values():
        [str(error) for error in errors]


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_form_answers_any_input_with_its_errors(name: str) -> None:
    make = FORMS[name]
    fields = list(make().fields)
    file_fields = [
        key for key, field in make().fields.items() if isinstance(field, forms.FileField)
    ]

    @fuzz(EXAMPLES)
    @given(
        data=form_data(fields),
        files=st.dictionaries(st.sampled_from(file_fields or ["f"]), uploads()),
    )
    def run(data: dict[str, Any], files: dict[str, Any]) -> None:
        check(make(data=multi(data), files=multi(files)))

    run()


@pytest.mark.django_db
@fuzz(300)
@given(data=form_data(["username", "password"]))
def test_the_sign_in_form_answers_any_input(data: dict[str, Any]) -> None:
    request = RequestFactory().post("/accounts/login/")
    check(AuthenticationForm(request, data=multi(data)))
