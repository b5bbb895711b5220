"""The invitation letter to the PLPG (surat undangan): the teacher, the class, venue, dates,
instructor and the timetable, printed with the shared A4 layout (`sergur/common/pdf.py`)."""

from __future__ import annotations

import datetime as dt

from sergur.common.pdf import Pdf, long_time
from sergur.plpg.models import Participant
from sergur.rules.dates import long_date


def invitation_pdf(participant: Participant, *, now: dt.datetime) -> bytes:
    """The invitation letter of one participant as PDF bytes."""
    plpg_class = participant.plpg_class
    case = participant.case
    pdf = Pdf(title="Undangan PLPG", footer="Undangan PLPG", created=now)
    pdf.add_page()
    pdf.text_center("UNDANGAN PENDIDIKAN DAN LATIHAN PROFESI GURU (PLPG)", size=13, bold=True)
    pdf.text_center(f"{plpg_class.rayon}", size=11)
    pdf.ln(4)
    pdf.text_block(f"Kepada Yth. {case.teacher.name}")
    pdf.text_block(f"Nomor peserta: {case.participant_number or '-'}")
    pdf.ln(2)
    pdf.text_block(
        "Berdasarkan hasil penilaian portofolio (MPLPG), Saudara diundang mengikuti PLPG "
        f"tahun {case.programme_year.year} sebagai berikut."
    )
    pdf.gloss("Following your portfolio result (MPLPG), you are invited to the PLPG as follows.")
    days = (
        f"{long_date(plpg_class.starts_on)} – {long_date(plpg_class.ends_on)}"
        if plpg_class.starts_on and plpg_class.ends_on
        else "akan diumumkan"
    )
    instructor = plpg_class.instructor.user if plpg_class.instructor else None
    pdf.grid(
        None,
        [
            ("Kelas", f"{plpg_class.subject} · kelas {plpg_class.number}"),
            ("Tempat", plpg_class.venue or "akan diumumkan"),
            ("Tanggal", days),
            ("Instruktur", str(instructor) if instructor else "akan diumumkan"),
        ],
        (40, 130),
    )
    sessions = list(plpg_class.sessions.all())
    if sessions:
        pdf.text_block("Jadwal", bold=True)
        pdf.grid(
            ("Hari", "Mulai", "Materi", "JP"),
            [(long_date(s.day), f"{s.starts_at:%H:%M}", s.topic, str(s.jp)) for s in sessions],
            (45, 20, 90, 15),
        )
    pdf.text_block(
        "Peserta wajib hadir pada setiap sesi; kehadiran di bawah batas minimum tahun program "
        "menyebabkan peserta tidak diizinkan mengikuti ujian."
    )
    pdf.gloss("Attend every session: below the year's minimum you are not admitted to the exams.")
    pdf.ln(4)
    pdf.text_block(f"Dicetak {long_time(now)}", size=8)
    return bytes(pdf.output())
