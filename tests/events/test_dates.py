import datetime as dt
import re

import pytest

from geo.corpus import parse_publication
from geo.events.dates import (
    _DAY_WORDS,
    _LAST_WEEK,
    _MONTH_LEADS,
    _NUMBER_LEADS,
    _PARTS,
    _SAME_DAY,
    _YEAR_LEADS,
    _YEAR_WORDS,
    MONTHS,
    WEEKDAYS,
    _initials,
    find_time_refs,
)


def resolve(text, published):
    refs = find_time_refs(text, parse_publication(published))
    return [(text[r.start:r.end], str(r.date), str(r.date_end), r.precision, r.derivation) for r in refs]


def one(text, published):
    [(_, date, end, precision, derivation)] = resolve(text, published)
    return date, end, precision, derivation


@pytest.mark.parametrize("text, published, expected", [
    ("Drones struck on October 17, 2023.", "2024-02", ("2023-10-17", "2023-10-17", "day", "explicit")),
    ("Drones struck on 17 October 2023.", "2024-02", ("2023-10-17", "2023-10-17", "day", "explicit")),
    ("Drones struck on Oct. 17, 2023.", "2024-02", ("2023-10-17", "2023-10-17", "day", "explicit")),
    ("In just one day, on 7 November, five attacks.", "2023-11-16",
     ("2023-11-07", "2023-11-07", "day", "relative-to-publication")),
    # year boundary: 28 December read in a text of 3 January is last year's
    ("A rocket attack on 28 December.", "2024-01-03", ("2023-12-28", "2023-12-28", "day", "relative-to-publication")),
    ("A rocket attack on 2 January.", "2024-01-03", ("2024-01-02", "2024-01-02", "day", "relative-to-publication")),
    ("On Monday, three rockets were fired.", "2024-10-01", ("2024-09-30", "2024-09-30", "day", "relative-to-publication")),
    ("On Tuesday, he met them.", "2024-10-01", ("2024-10-01", "2024-10-01", "day", "relative-to-publication")),
    ("Late on Sunday he arrived.", "2023-11-08", ("2023-11-05", "2023-11-05", "day", "relative-to-publication")),
    # a publication known only to the month cannot give a weekday its day
    ("On Monday, three rockets were fired.", "2024-02", ("2024-02-01", "2024-02-29", "month", "relative-to-publication")),
    # nor one known only to the year a weekday its month, or "last month" its month
    ("On Monday, three rockets were fired.", "2016", ("2016-01-01", "2016-12-31", "year", "relative-to-publication")),
    ("They came last month.", "2016", ("2016-01-01", "2016-12-31", "year", "relative-to-publication")),
    ("In March the camp grew.", "2016", ("2016-03-01", "2016-03-31", "month", "relative-to-publication")),
    ("On Friday, 3 November he spoke.", "2023-11-08", ("2023-11-03", "2023-11-03", "day", "relative-to-publication")),
    ("Qaani visited Baghdad last week.", "2024-10-01", ("2024-09-24", "2024-09-30", "week", "relative-to-publication")),
    ("Qaani visited Baghdad last week.", "2024-10", ("2024-10-01", "2024-10-31", "month", "relative-to-publication")),
    ("a visit by Qaani in late January", "2024-03", ("2024-01-21", "2024-01-31", "week", "relative-to-publication")),
    ("a visit by Qaani in early January", "2024-03", ("2024-01-01", "2024-01-10", "week", "relative-to-publication")),
    ("Attacks rose in October 2023.", "2024-03", ("2023-10-01", "2023-10-31", "month", "explicit")),
    ("Attacks rose in December.", "2024-01-03", ("2023-12-01", "2023-12-31", "month", "relative-to-publication")),
    ("Since October last year, 200 attacks.", "2024-10-01", ("2023-10-01", "2023-10-31", "month", "relative-to-publication")),
    ("This month will mark the anniversary.", "2024-03", ("2024-03-01", "2024-03-31", "month", "relative-to-publication")),
    ("The strike came yesterday.", "2024-10-01", ("2024-09-30", "2024-09-30", "day", "relative-to-publication")),
])
def test_expressions(text, published, expected):
    assert one(text, published) == expected


@pytest.mark.parametrize("text", ["Since 17 October, factions have attacked.",
                                  "Before 17 October, factions focused on local issues."])
def test_since_and_before_mark_a_periods_bound(text):
    [ref] = find_time_refs(text, parse_publication("2023-11-16"))
    assert ref.since and ref.date == dt.date(2023, 10, 17)


def test_relative_to_an_event_in_the_text():
    text = "On January 28, 2024, they attacked al-Tanf.\n\nTwo days after this attack, KH suspended operations."
    assert resolve(text, "2024-02")[1] == ("Two days after", "2024-01-30", "2024-01-30", "day", "relative-to-event")


def test_days_earlier_anchors_in_its_own_sentence():
    text = "Nasrallah was killed in Beirut days earlier, in Sadr City on September 29, 2024."
    assert resolve(text, "2024-10-01")[0] == ("days earlier", "2024-09-22", "2024-09-28", "week", "relative-to-event")


def test_a_day_earlier_follows_the_previous_date():
    text = "On Monday, rockets hit Victoria base. A day earlier, a drone attack on Eilat."
    assert resolve(text, "2024-10-01")[1] == ("A day earlier", "2024-09-29", "2024-09-29", "day", "relative-to-event")


def test_event_relative_expression_without_a_date_nearby_is_left_out():
    assert resolve("Days before the strikes, KH announced a pause.", "2024-03") == []


@pytest.mark.parametrize("text", ["You may go.", "We march on.", "Rates rose 5 percent in 2,023 towns.",
                                  "the 3march protests"])
def test_words_that_look_like_months_are_not_dates(text):
    assert resolve(text, "2024-03") == []


@pytest.mark.parametrize("text, published, expected", [
    # a release's own day, the night before it, its weekend (2024-01-30 is a Tuesday)
    ("Today, the United States conducted a strike.", "2024-01-30", ("2024-01-30", "2024-01-30", "day")),
    ("U.S. forces, earlier this evening, launched airstrikes.", "2024-01-30", ("2024-01-30", "2024-01-30", "day")),
    ("Iran fired missiles at U.S. forces last night.", "2024-01-30", ("2024-01-29", "2024-01-29", "day")),
    ("in response to last night's attacks", "2024-01-30", ("2024-01-29", "2024-01-29", "day")),
    ("three soldiers were killed this weekend", "2024-01-30", ("2024-01-27", "2024-01-28", "week")),
    ("killed last weekend in an attack", "2024-02-02", ("2024-01-27", "2024-01-28", "week")),
    ("killed last weekend in an attack", "2024-01-28", ("2024-01-20", "2024-01-21", "week")),
    ("This morning, rockets hit the base.", "2024-01", ("2024-01-01", "2024-01-31", "month")),  # never a day invented
    # a year alone, and years relative to the publication
    ("In 2021, the group claimed the attacks.", "2024-01-30", ("2021-01-01", "2021-12-31", "year")),
    ("The city was bombed during the 1991 Gulf War.", "2024-01", ("1991-01-01", "1991-12-31", "year")),
    ("Iran targeted the base last year.", "2021-03", ("2020-01-01", "2020-12-31", "year")),
    # a history's day and month with their year, whatever the century
    ("It mustered on 18 February 1836, at Picolata.", "1865-04", ("1836-02-18", "1836-02-18", "day")),
    ("It was organized in May 1825.", "1865-04", ("1825-05-01", "1825-05-31", "month")),
    # a day glued to its month by a lost space, as a web page's text may have it
    ("On 28January 2024, a drone struck Tower22.", "2024-03", ("2024-01-28", "2024-01-28", "day")),
])
def test_days_and_years_of_briefings_and_histories(text, published, expected):
    assert one(text, published)[:3] == expected


@pytest.mark.parametrize("text", [
    "Today, it operates with a broader outlook.",  # the present, not a day
    "The Bureau confirmed today that 41 were injured.",  # the day of the statement, not of the injuries
    "Today, Rep. Jane Doe (XX-01) released the following statement on the attack.",  # likewise
    "Some 1900 troops remain.", "It grew from 2014-2017.", "in 2014.5 percent",  # counts, ranges, numbers
])
def test_words_of_the_present_and_numbers_are_not_dates(text):
    assert resolve(text, "2024-01-30") == []


def test_a_year_after_since_starts_a_period():
    [ref] = find_time_refs("Attacks have continued since 2019.", parse_publication("2024-01"))
    assert ref.since and ref.precision == "year"


@pytest.mark.parametrize("words", [list(MONTHS), list(WEEKDAYS), [*WEEKDAYS, "the"], _NUMBER_LEADS, _PARTS, _SAME_DAY,
                                   _LAST_WEEK, _MONTH_LEADS, _DAY_WORDS, _YEAR_WORDS, _YEAR_LEADS])
def test_initials_turn_away_no_spelling_of_their_words(words):
    # the lookahead must accept whatever the case-insensitive alternation after it accepts
    initials = re.compile(_initials(words), re.I)
    exotic = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a", "I": "İ"})
    for word in words:
        for spelling in (word, word.upper(), word.title(), word.translate(exotic), word.upper().translate(exotic)):
            if re.fullmatch(re.escape(word), spelling, re.I):
                assert initials.match(spelling), spelling


@pytest.mark.parametrize("odd, plain", [("ſeptember 5", "September 5"), ("ſix days later", "six days later"),
                                        ("last ſaturday", "last Saturday"), ("on frıday", "on Friday")])
def test_letters_that_match_only_when_case_is_ignored_resolve_like_plain_spelling(odd, plain):
    # untrusted text: a long s or a dotless i once raised KeyError in the month and day tables
    text = "On 2 February 2024 a drone struck the base. " + odd.capitalize() + " a rocket hit it."
    refs = resolve(text, "2024-02-10")
    assert all(ref[1:] in [r[1:] for r in resolve(text.replace(odd.capitalize(), plain.capitalize()), "2024-02-10")]
               for ref in refs)


def test_a_relative_date_that_would_fall_before_year_one_is_left_out():
    assert resolve("Rockets hit the base last week.", "0001-01-03") == []


@pytest.mark.parametrize("text, expected", [
    ("On 5 March, rockets hit the base. Earlier in the day, a drone was shot down.", ("2024-03-05", "2024-03-05", "day")),
    ("On 5 March, rockets hit the base. The week before, a drone hit it.", ("2024-02-27", "2024-03-04", "week")),
    ("On 5 March, rockets hit the base. The following week, a drone hit it.", ("2024-03-06", "2024-03-12", "week")),
])
def test_days_and_weeks_told_from_an_event(text, expected):
    assert resolve(text, "2024-03-10")[1][1:4] == expected


@pytest.mark.parametrize("text, published, day", [
    ("Statement\n\nJan 8, 2020\nPress Release\n\nToday, rockets hit the base.", "2020-01", "2020-01-08"),
    ("As of 12 March 2024, the camp held 8,000 people.", "2024-03", "2024-03-12"),
    ("On 4 June 2014, the invasion was launched.", "2014-06", None),  # an event's date in a sentence, not a header
    ("Jan 8, 2020\nRockets hit the base.", "2021-01", None),  # not the manifest's month
])
def test_the_day_of_a_document_dated_to_the_month_comes_from_its_header(text, published, day):
    from geo.events.dates import publication_in_text
    pub = parse_publication(published)
    found = publication_in_text(text, pub, find_time_refs(text, pub))
    assert (str(found.date) if found.precision == "day" else None) == day
