"""The table a district officer reads: components, groups, total, decision, reasons, trace."""

from __future__ import annotations

from sergur.rules.messages import (
    DECISIONS,
    GROUPS,
    INTERPRETATIONS,
    Lang,
    component_names,
    msg,
    number,
)
from sergur.rules.scoring import COMPONENT_KEYS, ScoreResult
from sergur.rules.validation import Problem

LABELS: dict[str, dict[Lang, str]] = {
    "portfolio": {"id": "Portofolio", "en": "Portfolio"},
    "year": {
        "id": "tahun program {year}, rubrik {rubric}",
        "en": "programme year {year}, rubric {rubric}",
    },
    "component": {"id": "Unsur", "en": "Component"},
    "points": {"id": "Skor", "en": "Points"},
    "rule": {"id": "Syarat", "en": "Rule"},
    "met": {"id": "terpenuhi", "en": "met"},
    "not_met": {"id": "TIDAK terpenuhi", "en": "NOT met"},
    "total": {"id": "Jumlah", "en": "Total"},
    "pass_mark": {"id": "batas lulus {value}", "en": "pass mark {value}"},
    "counted": {"id": "dihitung {value}", "en": "counts {value}"},
    "decision": {"id": "Keputusan", "en": "Decision"},
    "reasons": {"id": "Alasan", "en": "Reasons"},
    "warnings": {"id": "Perhatian (tidak mengubah skor)", "en": "Warnings (the score stands)"},
    "no_reasons": {"id": "tidak ada: semua syarat terpenuhi", "en": "none: every rule holds"},
    "trace": {"id": "Rincian skor (baris rubrik)", "en": "Score trace (rubric rows)"},
    "interpretations": {
        "id": "Interpretasi yang dipakai (docs/rules.md)",
        "en": "Interpretations used (docs/rules.md)",
    },
    "invalid": {"id": "tidak sah, {count} kesalahan", "en": "invalid, {count} error(s)"},
    "whole_file": {"id": "(seluruh berkas)", "en": "(whole file)"},
}

WIDTH = 58


def label(key: str, lang: Lang, **values: object) -> str:
    """A label of the table in `lang`."""
    return LABELS[key][lang].format(**values)


def render_score(result: ScoreResult, lang: Lang, *, explain: bool, heading: str) -> str:
    """The whole table for one scored portfolio."""
    out: list[str] = []
    year = label("year", lang, year=result.year.year, rubric=result.year.rubric)
    out.append(f"{label('portfolio', lang)} {heading}: {result.teacher} — {year}")
    out.append("")
    out.append(f"  {label('component', lang):<{WIDTH + 4}}{label('points', lang):>8}")
    names = component_names(result.role)
    for position, key in enumerate(COMPONENT_KEYS, start=1):
        name = names[key][lang]
        out.append(f"  {position:>2}  {name:<{WIDTH}}{number(result.components[key], lang):>8}")
        if key == "learning_plans_and_practice":
            for sub, value in (
                ("lesson_plans", result.lesson_plans),
                ("teaching_observation", result.teaching_observation),
            ):
                out.append(f"        {names[sub][lang]:<{WIDTH - 2}}{number(value, lang):>8}")
    out.append("")
    cap = result.year.portfolio.group_c_cap
    for check in result.decision.groups:
        if check.group == "A":
            rule = msg("check.group_a", minimum=check.minimum).text(lang)
        elif check.group == "B":
            rule = msg("check.group_b", minimum=check.minimum).text(lang)
        else:
            counted = label("counted", lang, value=number(result.group_c_counted, lang))
            rule = msg("check.group_c", cap=cap).text(lang) + f" ({counted})"
        state = label("met" if check.holds else "not_met", lang)
        name = GROUPS[check.group][lang]
        out.append(f"  {name:<34}{number(check.value, lang):>8}   {rule} — {state}")
    pass_mark = label("pass_mark", lang, value=number(result.year.portfolio.pass_mark, lang))
    out.append(f"  {label('total', lang):<34}{number(result.total, lang):>8}   {pass_mark}")
    out.append("")
    code = result.decision.code
    out.append(f"  {label('decision', lang)}: {code} — {DECISIONS[code][lang]}")
    out.append(f"  {label('reasons', lang)}:")
    if result.decision.reasons:
        out.extend(f"    - {reason.text(lang)}" for reason in result.decision.reasons)
    else:
        out.append(f"    {label('no_reasons', lang)}")
    if result.warnings:
        out.append(f"  {label('warnings', lang)}:")
        out.extend(f"    - {warning.text(lang)}" for warning in result.warnings)
    if explain:
        out.append("")
        out.append(f"  {label('trace', lang)}:")
        for line in result.trace:
            mark = "".join(f"  [{key}]" for key in line.interpretations)
            points = number(line.points, lang)
            out.append(f"    {line.path:<28}{points:>8}  {line.rule.text(lang)}{mark}")
        if result.interpretations:
            out.append("")
            out.append(f"  {label('interpretations', lang)}:")
            out.extend(
                f"    [{key}] {INTERPRETATIONS[key][lang]}" for key in result.interpretations
            )
    return "\n".join(out)


def render_problems(problems: list[Problem], lang: Lang, *, heading: str) -> str:
    """The error list of an invalid portfolio, one error a line with its place."""
    out = [f"{label('portfolio', lang)} {heading}: {label('invalid', lang, count=len(problems))}"]
    for problem in problems:
        place = problem.path or label("whole_file", lang)
        out.append(f"  {place}: {problem.text(lang)}")
    return "\n".join(out)
