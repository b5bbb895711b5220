"""The master data: regions with their official codes, schools, subjects, teachers,
programme years (tahun kuota), and what a rayon's registers of assessors and instructors record
alike."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sergur.rules.text import without_invisible

two_digits = RegexValidator(r"^[0-9]{2}$", _("Two digits."))
three_digits = RegexValidator(r"^[0-9]{3}$", _("Three digits."))
npsn_format = RegexValidator(r"^[0-9A-Z]{8}$", _("An NPSN has 8 characters (digits or capitals)."))
nss_format = RegexValidator(r"^[0-9]{12}$", _("An NSS (Nomor Statistik Sekolah) has 12 digits."))
nuptk_format = RegexValidator(r"^[0-9]{16}$", _("A NUPTK has 16 digits."))
nip_format = RegexValidator(r"^[0-9]{18}$", _("A NIP has 18 digits."))


class Province(models.Model):
    """A province (provinsi) with its two-digit code as used in participant numbers."""

    code = models.CharField(_("code"), max_length=2, unique=True, validators=[two_digits])
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A district (kabupaten) or city (kota), coded within its province."""

    class Kind(models.TextChoices):
        REGENCY = "kabupaten", _("Regency (kabupaten)")
        CITY = "kota", _("City (kota)")

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="districts")
    code = models.CharField(_("code"), max_length=2, validators=[two_digits])
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGENCY)

    class Meta:
        ordering = ["province__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["province", "code"], name="district_code_unique")
        ]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return f"{self.get_kind_display().split(' ')[0]} {self.name}"

    @property
    def full_code(self) -> str:
        """Province and district code together, e.g. 3402."""
        return f"{self.province.code}{self.code}"


class Subdistrict(models.Model):
    """A subdistrict (kecamatan) of a district."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="subdistricts")
    code = models.CharField(_("code"), max_length=3, validators=[three_digits])
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["district", "code"]
        constraints = [
            models.UniqueConstraint(fields=["district", "code"], name="subdistrict_code_unique")
        ]
        verbose_name = _("subdistrict")
        verbose_name_plural = _("subdistricts")

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    """A school (sekolah), identified nationally by its NPSN."""

    class Level(models.TextChoices):
        # Kindergarten: seed 003's identity page, item 10 "Guru Kelas TK/TKLB/SD/SDLB".
        TK = "TK", "TK"
        TKLB = "TKLB", "TKLB"
        SD = "SD", "SD"
        SMP = "SMP", "SMP"
        SMA = "SMA", "SMA"
        SMK = "SMK", "SMK"
        SLB = "SLB", "SLB"

    class Status(models.TextChoices):
        STATE = "negeri", _("State (negeri)")
        PRIVATE = "swasta", _("Private (swasta)")

    npsn = models.CharField(_("NPSN"), max_length=8, unique=True, validators=[npsn_format])
    # The instrument's identity page asks for the NSS (item 9h, docs/sources/seeds/
    # 003_358fe984fbae11df.txt: "h. Nomor Statistik Sekolah"), the older 12-digit number that
    # is not the NPSN.
    nss = models.CharField(
        _("school statistics number (NSS)"),
        max_length=12,
        blank=True,
        validators=[nss_format],
    )
    name = models.CharField(_("name"), max_length=150)
    level = models.CharField(_("level"), max_length=4, choices=Level.choices)
    status = models.CharField(_("status"), max_length=6, choices=Status.choices)
    subdistrict = models.ForeignKey(Subdistrict, on_delete=models.PROTECT, related_name="schools")
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Where the school is, for the teaching-load planner's distances (docs/allowance.md,
    # "Teaching-load planner"): WGS 84 degrees, both or neither.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="school_coordinates_both_and_on_earth",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Subject(models.Model):
    """A certification subject (bidang studi) with its three-digit code, e.g. 180 Matematika."""

    code = models.CharField(_("code"), max_length=3, unique=True, validators=[three_digits])
    name = models.CharField(_("name"), max_length=100)
    is_counseling = models.BooleanField(
        _("guidance and counselling"),
        default=False,
        help_text=_("Teachers of this subject use the counsellor variant of the instrument."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Teacher(models.Model):
    """A teacher (guru) as the NUPTK database knows them."""

    class Gender(models.TextChoices):
        MALE = "L", _("Male")
        FEMALE = "P", _("Female")

    class Employment(models.TextChoices):
        PNS = "pns", _("Civil servant (PNS)")
        NON_PNS = "non_pns", _("Non civil servant (non-PNS)")

    # Unique through Meta.constraints rather than unique=True: the field option would add a
    # second (varchar_pattern_ops) index for LIKE queries that nothing runs on a NUPTK, and
    # every imported teacher pays for each index (docs/import.md, "Speed").
    nuptk = models.CharField(_("NUPTK"), max_length=16, validators=[nuptk_format])
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[nip_format])
    name = models.CharField(_("name with academic titles"), max_length=150)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    employment = models.CharField(_("employment status"), max_length=8, choices=Employment.choices)
    rank = models.CharField(
        _("rank/golongan"), max_length=10, blank=True, help_text=_("For example III/a.")
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.PROTECT, related_name="teachers", verbose_name=_("subject")
    )
    has_teaching_license = models.BooleanField(_("teaching licence (akta mengajar)"), default=False)

    class MismatchChoice(models.TextChoices):
        """The route of a teacher who teaches outside their degree's field (seed 003's FAQ:
        "sepenuhnya diserahkan guru yang bersangkutan"); sets the certified subject."""

        NONE = "", _("Not chosen")
        DEGREE = "degree", _("The field of the S1/D4 degree")
        TAUGHT = "taught", _("The subject taught")

    degree_subject = models.ForeignKey(
        Subject,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subject of the S1/D4 degree's field"),
        help_text=_("Empty when the degree is in the field of the subject taught."),
    )
    mismatch_choice = models.CharField(
        _("certification route (mismatch)"),
        max_length=6,
        choices=MismatchChoice.choices,
        blank=True,
        default="",
    )

    class Education(models.TextChoices):
        SMA = "SMA", "SMA"
        D1 = "D1", "D1"
        D2 = "D2", "D2"
        D3 = "D3", "D3"
        S1 = "S1", "S1"
        D4 = "D4", "D4"
        S2 = "S2", "S2"
        S3 = "S3", "S3"

    education_level = models.CharField(
        _("highest education"), max_length=3, choices=Education.choices, blank=True
    )
    degree_date = models.DateField(
        _("date of the S1/D4 (or D3) degree"),
        null=True,
        blank=True,
        help_text=_("Service for selection counts from this degree."),
    )
    teacher_since = models.DateField(_("teacher since"), null=True, blank=True)
    permanent_since = models.DateField(
        _("permanent teacher since (non-PNS)"), null=True, blank=True
    )
    service_gap_months = models.PositiveSmallIntegerField(
        _("months not teaching since the first appointment"), default=0
    )
    has_inpassing = models.BooleanField(_("SK inpassing (non-PNS)"), default=False)
    certified = models.BooleanField(_("already certified"), default=False)
    additional_duty = models.PositiveSmallIntegerField(
        _("additional duty"),
        default=0,
        choices=[
            (0, _("None")),
            (1, _("Other additional duty")),
            (2, _("Vice-principal or head of department/laboratory")),
            (3, _("Principal")),
        ],
    )
    achievement = models.PositiveSmallIntegerField(
        _("work achievement"),
        default=0,
        choices=[
            (0, _("None")),
            (1, _("District")),
            (2, _("Province")),
            (3, _("National")),
            (4, _("International")),
        ],
    )
    special_area = models.BooleanField(
        _("assigned in a special area"),
        default=False,
        help_text=_("Remote, underdeveloped, disaster, conflict or border area (daerah khusus)."),
    )
    schools = models.ManyToManyField(School, through="TeachingAssignment", related_name="teachers")
    user = models.OneToOneField(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teacher",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["nuptk"], name="teacher_nuptk_unique"),
            models.CheckConstraint(
                condition=models.Q(employment="non_pns") | ~models.Q(nip=""),
                name="teacher_pns_has_nip",
            ),
        ]
        verbose_name = _("teacher")
        verbose_name_plural = _("teachers")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Names without bidirectional or zero-width characters (sergur/rules/text.py): a name
        that looks like another must be the other."""
        self.name = without_invisible(self.name).strip()
        self.birth_place = without_invisible(self.birth_place).strip()

    @property
    def is_counselor(self) -> bool:
        """Guidance and counselling teachers use the counsellor variant (guru BK)."""
        return self.subject.is_counseling


class TeachingAssignment(models.Model):
    """A teacher's weekly teaching hours at one school; one school is the main one (induk)."""

    teacher = models.ForeignKey(Teacher, on_delete=models.CASCADE, related_name="assignments")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="assignments")
    weekly_hours = models.PositiveSmallIntegerField(
        _("teaching hours a week"), validators=[MaxValueValidator(60)]
    )
    is_main = models.BooleanField(_("main school (sekolah induk)"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["teacher", "school"], name="assignment_unique"),
            models.UniqueConstraint(
                fields=["teacher"], condition=models.Q(is_main=True), name="one_main_school"
            ),
        ]
        verbose_name = _("teaching assignment")
        verbose_name_plural = _("teaching assignments")

    def __str__(self) -> str:
        return f"{self.teacher} @ {self.school} ({self.weekly_hours} h)"


class Rayon(models.Model):
    """A rayon: the university (LPTK) that verifies, assesses and trains the teachers of the
    provinces it serves."""

    code = models.CharField(_("rayon number"), max_length=10, unique=True)
    institution = models.CharField(_("university (LPTK)"), max_length=150)
    provinces = models.ManyToManyField(
        Province, blank=True, related_name="rayons", verbose_name=_("provinces served")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("rayon")
        verbose_name_plural = _("rayons")

    def __str__(self) -> str:
        return f"Rayon {self.code} {self.institution}"


class ProgrammeYear(models.Model):
    """A programme year (tahun kuota) with its deadlines; thresholds come from the rules core."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2007), MaxValueValidator(2100)]
    )
    portfolio_opens = models.DateField(_("portfolio filling opens"))
    portfolio_deadline = models.DateTimeField(_("portfolio submission deadline"))
    envelope_deadline = models.DateTimeField(
        _("deadline for the principal's and supervisor's instruments")
    )
    service_until = models.DateField(
        _("teaching service counted until"),
        help_text=_("Years of teaching in the portfolio are counted up to this date."),
    )
    is_current = models.BooleanField(_("current year"), default=False)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="one_current_year"
            )
        ]
        verbose_name = _("programme year")
        verbose_name_plural = _("programme years")

    def __str__(self) -> str:
        return str(self.year)

    def is_open(self, now: dt.datetime) -> bool:
        """Whether teachers may still submit at `now`."""
        return now.date() >= self.portfolio_opens and now <= self.portfolio_deadline


class RayonRegisterEntry(models.Model):
    """What an entry of a rayon's register of people who assess or train teachers records
    alike, whichever register it is: the assessor register (`assessments.Assessor`) and the
    PLPG instructor register (`plpg.Instructor`), which UNTAN keeps as one register
    (docs/plpg.md, "The instructor register and its criteria"; docs/assessment.md, "The
    register"). Each register adds its own number, status and criteria; the rules about who
    may assess or teach stay with each app."""

    class Degree(models.TextChoices):
        S2 = "S2", "S2"
        S3 = "S3", "S3"

    # "%(class)s": `user.assessor`, `rayon.assessors`; `user.instructor`, `rayon.instructors`.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="%(class)s"
    )
    rayon = models.ForeignKey(Rayon, on_delete=models.PROTECT, related_name="%(class)ss")
    degree = models.CharField(_("degree"), max_length=2, choices=Degree.choices)
    educator_certificate = models.BooleanField(
        _("holds an educator certificate (sertifikat pendidik)"), default=False
    )
    subjects = models.ManyToManyField(
        Subject, related_name="%(class)ss", verbose_name=_("subjects")
    )
    institution = models.CharField(_("home institution"), max_length=150)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["rayon", "number"]  # `number`: each register's own
