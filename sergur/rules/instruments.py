"""The scored instruments of the 2007 portfolio (Buku II; docs/instrument-2007.md §4–6):
their items, in Indonesian as printed and with an English gloss. Every item scores 1–5.

Item headings group the items as the paper form does; only `items` are scored.
"""

from __future__ import annotations

from msgspec import Struct

from sergur.rules.messages import Lang

ITEM_SCORES = range(1, 6)
"""What one item of every instrument may score: 1 to 5."""


class Item(Struct, frozen=True, gc=False):
    """One scored item: its printed number, the Indonesian text and an English gloss."""

    number: str
    id: str
    en: str

    def text(self, lang: Lang) -> str:
        """The item in the reader's language."""
        return self.id if lang == "id" else self.en


class Part(Struct, frozen=True, gc=False):
    """A heading of the form and the items under it."""

    id: str
    en: str
    items: tuple[Item, ...]

    def text(self, lang: Lang) -> str:
        """The heading in the reader's language."""
        return self.id if lang == "id" else self.en


class Instrument(Struct, frozen=True, gc=False):
    """A scored form: its title and parts; `size` items, each 1–5."""

    key: str
    id: str
    en: str
    parts: tuple[Part, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        """Every scored item in order."""
        return tuple(item for part in self.parts for item in part.items)

    @property
    def size(self) -> int:
        """How many items the form scores."""
        return len(self.items)

    def text(self, lang: Lang) -> str:
        """The title in the reader's language."""
        return self.id if lang == "id" else self.en


def _items(start: int, *pairs: tuple[str, str]) -> tuple[Item, ...]:
    return tuple(Item(str(start + n), i, e) for n, (i, e) in enumerate(pairs))


SCALE = {
    "id": "1 = sangat tidak baik, 2 = tidak baik, 3 = kurang baik, 4 = baik, 5 = sangat baik",
    "en": "1 = very poor, 2 = poor, 3 = fair, 4 = good, 5 = very good",
}

RPP = Instrument(
    "rpp",
    "Penilaian Rencana Pelaksanaan Pembelajaran (RPP)",
    "Lesson plan (RPP) assessment",
    (
        Part(
            "Aspek yang dinilai",
            "Aspects assessed",
            _items(
                1,
                (
                    "Kejelasan perumusan tujuan pembelajaran",
                    "Clarity of the learning objectives",
                ),
                ("Pemilihan materi ajar", "Choice of content"),
                ("Pengorganisasian materi ajar", "Organisation of content"),
                ("Pemilihan sumber/media pembelajaran", "Choice of sources and media"),
                ("Kejelasan skenario pembelajaran", "Clarity of the lesson scenario"),
                ("Kerincian skenario pembelajaran", "Detail of the lesson scenario"),
                (
                    "Kesesuaian teknik dengan tujuan pembelajaran",
                    "Fit of the assessment technique to the objectives",
                ),
                (
                    "Kelengkapan instrumen (soal, kunci, pedoman penskoran)",
                    "Completeness of the instrument (items, key, scoring guide)",
                ),
            ),
        ),
    ),
)

OBSERVATION = Instrument(
    "observation",
    "Penilaian Pelaksanaan Pembelajaran oleh Kepala Sekolah dan Pengawas",
    "Teaching practice assessed by the principal and the supervisor",
    (
        Part(
            "I. Prapembelajaran",
            "I. Before the lesson",
            _items(
                1,
                ("Mempersiapkan siswa untuk belajar", "Prepares the students to learn"),
                ("Melakukan kegiatan apersepsi", "Links to what the students already know"),
            ),
        ),
        Part(
            "II.A Penguasaan materi pelajaran",
            "II.A Mastery of the content",
            _items(
                3,
                ("Menunjukkan penguasaan materi pembelajaran", "Shows mastery of the content"),
                (
                    "Mengaitkan materi dengan pengetahuan lain yang relevan",
                    "Links the content to other relevant knowledge",
                ),
                (
                    "Menyampaikan materi dengan jelas, sesuai dengan hierarki belajar dan "
                    "karakteristik siswa",
                    "Presents the content clearly, following the learning hierarchy and the "
                    "students",
                ),
                ("Mengaitkan materi dengan realitas kehidupan", "Links the content to real life"),
            ),
        ),
        Part(
            "II.B Pendekatan/strategi pembelajaran",
            "II.B Approach and strategy",
            _items(
                7,
                (
                    "Melaksanakan pembelajaran sesuai dengan kompetensi (tujuan) yang akan "
                    "dicapai dan karakteristik siswa",
                    "Teaches to the target competence and the students",
                ),
                ("Melaksanakan pembelajaran secara runtut", "Teaches in a coherent sequence"),
                ("Menguasai kelas", "Manages the class"),
                ("Melaksanakan pembelajaran yang bersifat kontekstual", "Teaches contextually"),
                (
                    "Melaksanakan pembelajaran yang memungkinkan tumbuhnya kebiasaan positif",
                    "Teaching fosters positive habits",
                ),
                (
                    "Melaksanakan pembelajaran sesuai dengan alokasi waktu yang direncanakan",
                    "Keeps to the planned time",
                ),
            ),
        ),
        Part(
            "II.C Pemanfaatan sumber belajar/media pembelajaran",
            "II.C Use of learning sources and media",
            _items(
                13,
                (
                    "Menggunakan media secara efektif dan efisien",
                    "Uses media effectively and efficiently",
                ),
                ("Menghasilkan pesan yang menarik", "Produces engaging messages"),
                (
                    "Melibatkan siswa dalam pemanfaatan media",
                    "Involves the students in using media",
                ),
            ),
        ),
        Part(
            "II.D Pembelajaran yang memicu dan memelihara keterlibatan siswa",
            "II.D Engaging the students",
            _items(
                16,
                (
                    "Menumbuhkan partisipasi aktif siswa dalam pembelajaran",
                    "Fosters the students' active participation",
                ),
                (
                    "Menunjukkan sikap terbuka terhadap respons siswa",
                    "Is open to the students' responses",
                ),
                (
                    "Menumbuhkan keceriaan dan antusiasme siswa dalam belajar",
                    "Fosters cheerfulness and enthusiasm for learning",
                ),
            ),
        ),
        Part(
            "II.E Penilaian proses dan hasil belajar",
            "II.E Assessing process and outcomes",
            _items(
                19,
                (
                    "Memantau kemajuan belajar selama proses",
                    "Monitors progress during the lesson",
                ),
                (
                    "Melakukan penilaian akhir sesuai dengan kompetensi (tujuan)",
                    "Final assessment matches the competence",
                ),
            ),
        ),
        Part(
            "II.F Penggunaan bahasa",
            "II.F Use of language",
            _items(
                21,
                (
                    "Menggunakan bahasa lisan dan tulis secara jelas, baik, dan benar",
                    "Clear, good and correct spoken and written language",
                ),
                (
                    "Menyampaikan pesan dengan gaya yang sesuai",
                    "Delivers messages in a suitable style",
                ),
            ),
        ),
        Part(
            "III. Penutup",
            "III. Closing",
            _items(
                23,
                (
                    "Melakukan refleksi atau membuat rangkuman dengan melibatkan siswa",
                    "Reflects or sums up with the students",
                ),
                (
                    "Melaksanakan tindak lanjut dengan memberikan arahan, atau kegiatan, atau "
                    "tugas sebagai bagian remidi/pengayaan",
                    "Follows up with guidance, an activity or a task as remedial or enrichment "
                    "work",
                ),
            ),
        ),
    ),
)


def _n(number: str, i: str, e: str) -> Item:
    return Item(number, i, e)


COUNSELOR_PRACTICE = Instrument(
    "counselor_practice",
    "Penilaian Pelaksanaan Program Pelayanan Bimbingan dan Konseling",
    "Guidance and counselling practice",
    (
        Part(
            "Dokumen pelayanan",
            "Service documents",
            (
                _n("1", "Agenda kerja guru bimbingan dan konseling", "Counsellor's work agenda"),
                _n("2", "Daftar konseli (siswa)", "List of counselees"),
                _n("3.a", "Data kebutuhan konseli: hasil amatan langsung", "Needs: observation"),
                _n(
                    "3.b",
                    "Data kebutuhan konseli: hasil penggunaan instrumen (tes dan non tes)",
                    "Needs: test and non-test instruments",
                ),
                _n("4", "Laporan bulanan", "Monthly report"),
                _n("5", "Laporan semesteran/tahunan", "Semester or annual report"),
            ),
        ),
        Part(
            "6.a Pemahaman",
            "6.a Understanding the students",
            (
                _n("6.a.1)", "Catatan anekdot", "Anecdotal records"),
                _n("6.a.2)", "Kunjungan rumah", "Home visits"),
                _n("6.a.3)", "Konferensi kasus", "Case conferences"),
                _n("6.a.4)", "Sosiometri", "Sociometry"),
            ),
        ),
        Part(
            "6.b Pelayanan langsung",
            "6.b Direct services",
            (
                _n("6.b.1)", "Konseling individual", "Individual counselling"),
                _n("6.b.2)", "Konseling kelompok", "Group counselling"),
                _n("6.b.3)", "Konsultasi", "Consultation"),
                _n("6.b.4)", "Bimbingan kelompok/klasikal (1)", "Group or class guidance (1)"),
                _n("6.b.5)", "Bimbingan kelompok/klasikal (2)", "Group or class guidance (2)"),
                _n("6.b.6)", "Bimbingan kelompok/klasikal (3)", "Group or class guidance (3)"),
                _n("6.b.7)", "Bimbingan kelompok/klasikal (4)", "Group or class guidance (4)"),
                _n("6.b.8)", "Referal", "Referral"),
            ),
        ),
        Part(
            "6.c Pelayanan tidak langsung",
            "6.c Indirect services",
            (
                _n("6.c.1)", "Pelayanan tidak langsung (1)", "Indirect service (1)"),
                _n("6.c.2)", "Pelayanan tidak langsung (2)", "Indirect service (2)"),
                _n("6.c.3)", "Pelayanan tidak langsung (3)", "Indirect service (3)"),
            ),
        ),
        Part(
            "7 Laporan hasil evaluasi program dan tindak lanjutnya",
            "7 Evaluation report and follow-up",
            (
                _n("7.a", "Evaluasi proses dan produk", "Process and product evaluation"),
                _n("7.b", "Analisis dan pengambilan keputusan", "Analysis and decisions"),
                _n("7.c", "Tindak lanjut", "Follow-up"),
            ),
        ),
    ),
)

SUPERIOR = Instrument(
    "superior",
    "Penilaian dari Atasan dan Pengawas",
    "Assessment by superior and supervisor",
    (
        Part(
            "Kompetensi kepribadian dan sosial",
            "Personality and social competence",
            _items(
                1,
                ("Ketaatan dalam menjalankan ajaran agama", "Religious observance"),
                ("Tanggung jawab", "Responsibility"),
                ("Kejujuran", "Honesty"),
                ("Kedisiplinan", "Discipline"),
                ("Keteladanan", "Being a role model"),
                ("Etos kerja", "Work ethic"),
                ("Inovasi dan kreativitas", "Innovation and creativity"),
                ("Kemampuan menerima kritik dan saran", "Accepting criticism and advice"),
                ("Kemampuan berkomunikasi", "Communication"),
                ("Kemampuan bekerjasama", "Cooperation"),
            ),
        ),
    ),
)


def practice_instrument(role: str) -> Instrument:
    """The teaching-practice form (4b) of a role: observation, or the counsellor's variant."""
    return COUNSELOR_PRACTICE if role == "counselor" else OBSERVATION


PRACTICE_SCORED_BY: dict[str, str] = {"subject_teacher": "envelope", "counselor": "assessor"}
"""Who scores 4b, by teacher kind. A subject teacher's practice is observed by the principal and
the supervisor and handed in as a closed envelope (Buku II pp. 30–32); a counsellor's records
are scored on the assessor's sheet: "Penilaian Pelaksanaan Program Pelayanan Bimbingan dan
Konseling Oleh Penilai (Asesor)" (Buku II pp. 33–35; docs/instrument-2007.md §5.2)."""


def envelope_instruments(role: str) -> tuple[Instrument, ...]:
    """The forms the principal and the supervisor fill in the closed envelope: the
    observation (4b) and component 5 for a subject teacher, component 5 only for a
    counsellor, whose 4b the assessor scores (`PRACTICE_SCORED_BY`)."""
    if PRACTICE_SCORED_BY[role] == "envelope":
        return (practice_instrument(role), SUPERIOR)
    return (SUPERIOR,)


def sheet_practice(role: str) -> Instrument | None:
    """The 4b form on the assessor's sheet: the counsellor's 24-item practice form, None for a
    subject teacher (whose 4b comes from the envelope)."""
    return practice_instrument(role) if PRACTICE_SCORED_BY[role] == "assessor" else None
