from __future__ import annotations

from decimal import Decimal

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from sergur.rules.allowance.columns import (
    DutyColumns,
    LineColumns,
    TeacherColumns,
    verdicts,
)
from sergur.rules.allowance.eligibility import Facts, evaluate
from sergur.rules.allowance.load import Line, Load
from sergur.rules.allowance.params import EMPLOYERS, FUNDS, PKG_ORDER, allowance_params
from sergur.rules.allowance.semester import Semester
from sergur.rules.tests.strategies import RULES_SETTINGS

LEVELS = ("SD", "SMP", "TK")
SUBJECTS = (180, 190, 97)
SHARES = (100, 50, 33)
TABLE = np.zeros((1000, 1000), dtype=np.bool_)
TABLE[190, 97] = True

line_rows = st.tuples(
    st.integers(0, 3),  # school (0 is the main one)
    st.sampled_from(SUBJECTS),
    st.integers(1, 12),
    st.sampled_from(SHARES),
    st.integers(-1, 40),  # pupils, -1 unknown
    st.integers(0, len(LEVELS) - 1),
)
teacher_rows = st.tuples(
    st.sampled_from((0, 2007, 2008, 2015, 2019)),
    st.sampled_from(SUBJECTS),
    st.booleans(),
    st.integers(-1, len(PKG_ORDER) - 1),
    st.booleans(),
    st.booleans(),
    st.integers(0, len(EMPLOYERS) - 1),
    st.sampled_from((0, 0, 75, 100, 150)),
    st.lists(line_rows, max_size=7),
    st.lists(
        st.sampled_from(("principal", "vice_principal", "homeroom", "head_library")), max_size=3
    ),
)


def _reference(row, semester, params):
    year, subject, nrg, pkg, elsewhere, approved, employer, pupils, lines, duties = row
    facts = Facts(
        certificate_year=year or None,
        has_nrg=nrg,
        certified_subject=str(subject),
        may_teach=frozenset({"97"}) if subject == 190 else frozenset(),
        pkg=PKG_ORDER[pkg] if pkg >= 0 else "",
        employed_elsewhere=elsewhere,
        approval="1/MPN" if approved else "",
        employer=EMPLOYERS[employer],
    )
    load = Load(
        main_school="0",
        lines=tuple(
            Line(
                str(school),
                str(code),
                hours,
                Decimal(share) / 100,
                None if p < 0 else p,
                LEVELS[lv],
            )
            for school, code, hours, share, p, lv in lines
        ),
        duties=tuple(d for d in duties if params.duty(d) is not None),
        counselling_pupils=pupils,
    )
    return evaluate(load, facts, semester, params)


def _columns(rows, params):
    lines = [(t, *line) for t, row in enumerate(rows) for line in row[8]]
    keys = [d.key for d in params.duties]
    duties = [(t, keys.index(d)) for t, row in enumerate(rows) for d in row[9] if d in keys]

    def col(values, dtype=np.int64):
        return np.array(values, dtype=dtype)

    return (
        LineColumns(
            teacher=col([x[0] for x in lines]),
            school=col([x[1] for x in lines]),
            main=col([x[1] == 0 for x in lines], np.bool_),
            subject=col([x[2] for x in lines]),
            hours=col([x[3] for x in lines]),
            share=col([x[4] for x in lines]),
            pupils=col([x[5] for x in lines]),
            level=col([x[6] for x in lines]),
        ),
        TeacherColumns(
            certificate_year=col([r[0] for r in rows]),
            certified_subject=col([r[1] for r in rows]),
            nrg=col([r[2] for r in rows], np.bool_),
            pkg=col([r[3] for r in rows]),
            elsewhere=col([r[4] for r in rows], np.bool_),
            approved=col([r[5] for r in rows], np.bool_),
            employer=col([r[6] for r in rows]),
            counselling=col([r[7] for r in rows]),
        ),
        DutyColumns(teacher=col([d[0] for d in duties]), kind=col([d[1] for d in duties])),
    )


@RULES_SETTINGS
@given(
    st.lists(teacher_rows, min_size=1, max_size=6),
    st.sampled_from((2007, 2019)),
    st.sampled_from((Semester(2009, 1), Semester(2020, 2))),
    st.booleans(),
)
def test_the_columns_give_the_references_verdict_and_hours(rows, year, semester, strict) -> None:
    params = allowance_params(year)
    if strict:  # a year that counts neither other schools nor team teaching
        from dataclasses import replace

        params = replace(params, other_schools=False, team_teaching=False)
    lines, teachers, duties = _columns(rows, params)

    got = verdicts(lines, teachers, duties, TABLE, LEVELS, semester, params)

    for index, row in enumerate(rows):
        want = _reference(row, semester, params)
        assert bool(got.eligible[index]) == want.eligible
        assert Decimal(int(got.hours[index])) / 100 == want.hours
        assert Decimal(int(got.face_to_face[index])) / 100 == want.count.face_to_face
        assert FUNDS[got.fund[index]] == want.funding
