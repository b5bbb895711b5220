"""The scoring sheet's form: the RPP items of every lesson plan, a counsellor's 4b practice
items (`practice_0`...), the points and reason of
every overridable line, and the findings. Fields are named by plan and item (`plan_2_5`) and
by the line's stable key (`points:trainings[0]`); the labels name the plan, item and line
so that every error says where it is. The rules (a reason when the points differ, which
codes exist) are the service's."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Protocol

from django import forms
from django.utils.translation import gettext_lazy as _

from sergur.assessments.models import Sheet
from sergur.rules.assessment import Override, SheetReview
from sergur.rules.instruments import ITEM_SCORES, RPP

ITEM_CHOICES = [("", "—"), *((str(n), str(n)) for n in ITEM_SCORES)]
PLAN_ITEM_LABEL = _("Lesson plan %(plan)s, item %(item)s")
PRACTICE_ITEM_LABEL = _("Guidance and counselling practice (4b), item %(item)s")
POINTS_LABEL = _("Points of line %(code)s")
REASON_LABEL = _("Reason for line %(code)s")


class LineLike(Protocol):
    """A line of the sheet as the form needs it (selectors.sheets.LineView)."""

    index: int
    key: str
    overridable: bool
    codes: list[str]
    reason: str

    @property
    def suggested(self) -> Decimal | int: ...

    @property
    def points(self) -> Decimal | int | None: ...


def points_name(key: str) -> str:
    """The field of a line's points, named by the line's stable key (never its position,
    which moves when lesson plans are scored)."""
    return f"points:{key}"


def reason_name(key: str) -> str:
    """The field of a line's reason."""
    return f"reason:{key}"


def _to_int(value: str) -> int:
    return int(value)


class SheetForm(forms.Form):
    """A draft of the sheet as posted; `plan_items()`, `overrides()` and `review()` give the
    service its arguments."""

    defects = forms.CharField(
        label=_("Administrative defects"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One defect a line."),
    )
    doubtful = forms.MultipleChoiceField(
        label=_("Doubtful evidence"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The evidence codes whose authenticity you doubt."),
    )
    fraud_found = forms.BooleanField(label=_("Fraud found"), required=False)
    fraud_note = forms.CharField(
        label=_("What the fraud is"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        data: Any = None,
        *,
        lines: Sequence[LineLike],
        plans: int,
        codes: Sequence[str],
        sheet: Sheet,
        plan_items: Sequence[Sequence[int | None]],
        practice: Sequence[tuple[str, int | None]] = (),
    ) -> None:
        super().__init__(data, initial=_initial(lines, sheet, plan_items, practice))
        self.lines = [line for line in lines if line.overridable]
        self.plans = plans
        self.practice_size = len(practice)
        # A counsellor's 4b form: one field an item, labelled with the item's printed number.
        for index, (number, _score) in enumerate(practice):
            self.fields[f"practice_{index}"] = forms.TypedChoiceField(
                label=PRACTICE_ITEM_LABEL % {"item": number},
                choices=ITEM_CHOICES,
                coerce=_to_int,
                empty_value=None,
                required=False,
            )
        self.fields["doubtful"].choices = [(code, code) for code in codes]  # type: ignore[attr-defined]
        for plan in range(1, plans + 1):
            for item in range(1, RPP.size + 1):
                self.fields[f"plan_{plan}_{item}"] = forms.TypedChoiceField(
                    label=PLAN_ITEM_LABEL % {"plan": plan, "item": item},
                    choices=ITEM_CHOICES,
                    coerce=_to_int,
                    empty_value=None,
                    required=False,
                )
        for line in self.lines:
            code = ", ".join(line.codes) or line.key
            self.fields[points_name(line.key)] = forms.DecimalField(
                label=POINTS_LABEL % {"code": code},
                required=False,
                min_value=Decimal(0),
                max_digits=9,
                decimal_places=4,
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
            )
            self.fields[reason_name(line.key)] = forms.CharField(
                label=REASON_LABEL % {"code": code}, required=False, max_length=500
            )

    def plan_items(self) -> list[list[int | None]]:
        """The RPP scores, one row a plan (None where not scored yet)."""
        return [
            [self.cleaned_data.get(f"plan_{plan}_{item}") for item in range(1, RPP.size + 1)]
            for plan in range(1, self.plans + 1)
        ]

    def practice_items(self) -> list[int | None]:
        """A counsellor's 4b scores in the form's order (None where not scored yet); empty
        for a subject teacher's sheet."""
        return [self.cleaned_data.get(f"practice_{i}") for i in range(self.practice_size)]

    def overrides(self) -> dict[str, Override]:
        """The lines with points given (an empty field keeps the suggestion)."""
        out: dict[str, Override] = {}
        for line in self.lines:
            value = self.cleaned_data.get(points_name(line.key))
            reason = self.cleaned_data.get(reason_name(line.key)) or ""
            if value is None:
                continue
            out[line.key] = Override(points=value, reason=reason)
        return out

    def review(self) -> SheetReview:
        """The findings as the rules core reads them."""
        defects = tuple(
            line.strip() for line in self.cleaned_data["defects"].splitlines() if line.strip()
        )
        return SheetReview(
            administrative_defects=defects,
            doubtful_evidence=tuple(self.cleaned_data["doubtful"]),
            fraud_found=self.cleaned_data["fraud_found"],
        )


def _initial(
    lines: Sequence[LineLike],
    sheet: Sheet,
    plan_items: Sequence[Sequence[int | None]],
    practice: Sequence[tuple[str, int | None]],
) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "defects": "\n".join(str(d) for d in sheet.administrative_defects),
        "doubtful": list(sheet.doubtful_evidence),
        "fraud_found": sheet.fraud_found,
        "fraud_note": sheet.fraud_note,
        "notes": sheet.notes,
    }
    for plan, row in enumerate(plan_items, start=1):
        for item, value in enumerate(row, start=1):
            initial[f"plan_{plan}_{item}"] = "" if value is None else str(value)
    for index, (_number, score) in enumerate(practice):
        initial[f"practice_{index}"] = "" if score is None else str(score)
    for line in lines:
        if line.overridable:
            initial[points_name(line.key)] = (
                line.points if line.points is not None else line.suggested
            )
            initial[reason_name(line.key)] = line.reason
    return initial
