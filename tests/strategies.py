"""Hypothesis strategies for valid inputs, shared by the round-trip and schema tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import strategies as st

from relance import Candidate, Contact, Interview

from scenarios import LOCALES, TONES

NAME = st.text(
    alphabet="abcdeéèfghijklmnopqrstuvwxyzABCDÉEFGHIJKLMNOPQRSTUVWXYZ’-' ",
    min_size=1,
    max_size=40,
).filter(lambda text: any(c.isalpha() for c in text))
PHRASE = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp", "Cf")),
    min_size=1,
    max_size=60,
).filter(lambda text: any(not c.isspace() for c in text) and "=?" not in text)
EMAIL = st.builds(
    "{}.{}@{}.example".format,
    st.sampled_from(["camille", "marie", "jp", "o-brien"]),
    st.sampled_from(["roy", "tremblay", "x1"]),
    st.sampled_from(["ubisoft", "société", "hydro-quebec"]),
)
MOMENT = st.one_of(
    st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    st.datetimes(datetime(2000, 1, 2), datetime(2099, 12, 30)),
    st.datetimes(
        datetime(2000, 1, 2),
        datetime(2099, 12, 30),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
        ),
    ),
)
CONTACT = st.builds(
    Contact,
    name=NAME,
    civility=st.sampled_from([None, "Madame", "Monsieur"]),
    email=st.one_of(st.none(), EMAIL),
    role=st.one_of(st.none(), PHRASE),
    phone=st.sampled_from([None, "514 555-0100", "+33 1 23 45 67 89", "0470 12 34 56 poste 3"]),
    topic=st.one_of(st.none(), PHRASE),
)
INTERVIEW = st.builds(
    Interview,
    candidate=st.builds(
        Candidate,
        name=NAME,
        email=EMAIL,
        phone=st.sampled_from([None, "514 555-0199"]),
        gender=st.sampled_from([None, "f", "m"]),
        city=st.one_of(st.none(), PHRASE),
        availability=st.one_of(st.none(), PHRASE),
    ),
    company=PHRASE,
    position=PHRASE,
    held_at=MOMENT,
    interviewers=st.lists(CONTACT, min_size=1, max_size=3),
    hiring_contact=st.one_of(st.none(), CONTACT),
    strengths=st.lists(PHRASE, max_size=3),
    forgot_to_mention=st.one_of(st.none(), PHRASE),
    locale=st.sampled_from(LOCALES),
    tone=st.sampled_from(TONES),
)
