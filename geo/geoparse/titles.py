"""Titles of publications: no place mentions (docs/annotation.md §1.4).

A report, hearing or article names its subject in its title ("Iraq: Background and U.S.
Policy", "TEHRAN'S SHADOW ARMY: ..."): the title names a publication, not a place the
text cites.  A title is told by where it stands, never by a list of titles:

* a publication's own title: a hearing's under the Government Publishing Office's
  header, or a title block beside a report's data near the top of the text (its update or
  release date, "Report | May 2, 2023", "GAO-17-771T", "(RL33487)", "[Updated July 11,
  2019]"); a news release's headline, which has no such neighbour, is running text;
* a cited title: after "Hearing:" (or Markup, Briefing ...) to the end of its line; in
  quotes after "titled", "entitled", a headline, or a report or article; after a report's
  number, quoted or not, up to its authors ("CRS Report RL31339, Iraq: Post-Saddam
  Governance and Security, by Kenneth Katzman"); and a line of a list of reports, each
  title above its description ("Iraq: In Brief\nThis report discusses ..."); a title before
  a report's number in parentheses; a work's title before "(2006) is a book".
"""

from __future__ import annotations

import re

__all__ = ["publication_titles", "unit_nicknames"]

# A unit's nickname in quotes after its name ("the 138th Field Artillery Brigade, “Kentucky
# Thunder,”", "15th Infantry Regiment "Old China Hands"") or after an infobox's label.
_UNITS = ("Brigade", "Regiment", "Battalion", "Division", "Wing", "Squadron", "Group", "Battery", "Corps", "Fleet")
_NICKNAMED = re.compile(r"(?:\b(?:" + "|".join(_UNITS) + r"),?[ \t]*|Nickname\(?s?\)?[ \t:|]*)\Z")
_NICKNAME = re.compile(r"[“\"](?P<name>[A-Z][^”\"\n]{1,40}?),?[”\"]")
_NICKNAME_QUOTE = re.compile(r"[“\"]")

# A title under the Government Publishing Office's header, after the hearing's number
# ("S. Hrg. 118-380", "[H.A.S.C. No. 117-70]"): no lower-case letter until a rule line.
_GPO_TITLE = re.compile(r"\[From the U\.S\. Government (?:Publishing|Printing) Office\]\s*"
                        r"(?:S\. Hrg\. [\d-]+\s*|\[[A-Z.]+ No\. [\d-]+\]\s*)?"
                        r"(?P<title>[^a-z\[\]=_]+?)\s*(?:={5,}|_{5,})")
# A title on the first line with its date in brackets: "Iraq and U.S. Policy [Updated July 11, 2019]".
_DATED_TITLE = re.compile(r"\A\s*(?P<title>[A-Z'‘“\"][^\n\[]{2,200}?)\s*"
                          r"\[(?:Updated\s+)?[A-Z][a-z]+\.? \d{1,2}, \d{4}\]")
# An event's title in a schedule: "Subcommittee Hearing: The Rise of ISIL: Iraq and Beyond".
_LISTINGS = ("Hearing", "Markup", "Briefing", "Roundtable", "Testimony")
_LISTED_TITLE = re.compile(r"\b(?:" + "|".join(_LISTINGS) + r")s?:[ \t]*(?:The[ \t]+)?"
                           r"(?P<title>[A-Z0-9‘“\"'][^\n]{2,200})$", re.MULTILINE)
# A quoted title after what names it: 'a report titled “...”', "the headline read: ``...''".
_QUOTE = re.compile(r"``|[“\"‘]")
_TITLE_WORDS = ("titled", "entitled", "headline", "report", "article", "study", "book", "op-ed", "paper",
                "testimony", "hearing")
_NAMES_A_TITLE = re.compile(r"\b(?:titled|entitled|headlined|headline\b[^.\n]{0,40}?|report|article|study|book|"
                            r"op-ed|paper|testimony|hearing)[ \t,:]*(?:as follows:[ \t]*)?\Z")
_QUOTED = re.compile(r"``(?P<t1>[^\n]{3,200}?)''|“(?P<t2>[^\n”]{3,200}?)”|\"(?P<t3>[^\n\"]{3,200}?)\""
                     r"|‘(?P<t4>[^\n]{3,200}?)’(?!\w)")
# A report's number, then its title: "CRS Report RL31339, ", "CRS [Congressional Research
# Service] Report R43612, '", "In Focus IF10404, ", "GAO-07-612T, ".
_REPORT_NUMBER = re.compile(r"\b(?:Report|In Focus|Insight|Legal Sidebar)\s+(?:No\.\s*)?(?:RL|RS|R|IF|IN|LSB)\d{4,5}"
                            r"|\bGAO-\d\d-\d+[A-Z]?")
_TITLE_AFTER_NUMBER = re.compile(r",?[ \t]*['‘\"“]?(?P<title>[A-Z'‘\"“][^\n]{2,200}?)['’\"”]?,?['’\"”]?[ \t]+"
                                 r"(?:by|coordinated by|edited by)\b"
                                 r"|,?[ \t]*['‘\"“](?P<quoted>[A-Z][^\n]{2,200}?)['’\"”](?=[;,.]|[ \t]*$)", re.MULTILINE)
# A title in straight single quotes after "entitled", which may run on to a second line:
# "GAO-07-612T entitled 'Stabilizing Iraq; Factors Impeding the Development of Capable
# \nIraqi Security Forces' which was released".
_ENTITLED = re.compile(r"\b(?:titled|entitled)[ \t]+'(?P<title>[A-Z][^'\n]{2,200}(?:\n[^'\n]{1,200})?)'")
# A report's title before its number in parentheses: "the inspection report, Review of
# Department of State End-Use Monitoring in Ukraine (ISP-I-24-02)".
_NUMBER_IN_PARENTHESES = re.compile(r"\((?:[A-Z]{2,5}-)+[A-Z0-9-]*\d[A-Z0-9-]*\)")
_TITLE_BEFORE_NUMBER = re.compile(r"\breport,?[ \t]+(?P<title>[A-Z][^\n()]{2,200}?)[ \t]+"
                                  + _NUMBER_IN_PARENTHESES.pattern)
# A work's title opening the sentence that says what it is: "Fiasco: The American Military
# Adventure in Iraq (2006) is a book by ...".
_WORK_TITLE = re.compile(r"^(?P<title>[A-Z][^\n()]{2,200}?)[ \t]+\(\d{4}\)[ \t]+(?:is|was)[ \t]+an?[ \t]+"
                         r"(?:[\w-]+[ \t]+){0,3}?(?:book|novel|memoir|report|film|documentary|study)\b", re.MULTILINE)
# A list of reports: each title on its line above its description.
_LISTED_REPORT = re.compile(r"^(?:The[ \t]+)?(?P<title>[A-Z0-9‘“\"'][^\n]{2,200}?)[ \t]*\n+[ \t]*"
                            r"(?:This (?:CRS )?report\b|Description:|No Description Available)", re.MULTILINE)
# A report's data beside its title: its date of update or release, its number.
_REPORT_DATA = re.compile(r"(?:Updated|UPDATED|Publicly Released:|Published:)\s+[A-Z][a-z]+\.? \d"
                          r"|(?:Report|REPORT|Transcript|TRANSCRIPT|Testimony|TESTIMONY) \| [A-Z][a-z]+\.? \d"
                          r"|GAO-\d\d-\d+|\((?:RL|RS|R|IF|IN|LSB)\d{4,5}\)$", re.MULTILINE)
_ADDRESS = re.compile(r"https?://\S+$")
_LINE = re.compile(r"[^\n]*\n?")
FRONT_MATTER = 600  # characters: where a publication's title and data stand
_TITLE_LINE = 300  # characters: longer lines are prose (a hearing's title may take 220)


def publication_titles(text: str) -> list[tuple[int, int]]:
    """The spans of the titles of publications in a text: its own when it is one (none
    for a press release or a news story), and those it cites."""
    spans = [found.span("title") for found in _GPO_TITLE.finditer(text)]
    dated = _DATED_TITLE.match(text) if "[" in text[:FRONT_MATTER] else None
    if dated:
        spans.append(dated.span("title"))
    if any(word in text for word in _LISTINGS):  # the regular expression only where it can match
        spans += [found.span("title") for found in _LISTED_TITLE.finditer(text)]
    if _NUMBER_IN_PARENTHESES.search(text):  # the regular expression only where a number stands
        spans += [found.span("title") for found in _TITLE_BEFORE_NUMBER.finditer(text)]
    if ") is a" in text or ") was a" in text:
        spans += [found.span("title") for found in _WORK_TITLE.finditer(text)]
    if "titled '" in text:
        spans += [found.span("title") for found in _ENTITLED.finditer(text)]
    if "Description" in text or "This report" in text or "This CRS report" in text:
        spans += [found.span("title") for found in _LISTED_REPORT.finditer(text)
                  if not found.group("title").rstrip().endswith(".")]
    return spans + _quoted_titles(text) + _report_titles(text) + _titles_after_numbers(text)


def _titles_after_numbers(text: str) -> list[tuple[int, int]]:
    """Titles after a report's number, up to its authors or its closing quote."""
    spans: list[tuple[int, int]] = []
    if "Report" not in text and "GAO-" not in text and "In Focus" not in text and "Insight" not in text:
        return spans
    for number in _REPORT_NUMBER.finditer(text):
        found = _TITLE_AFTER_NUMBER.match(text, number.end())
        if found and found.lastgroup:
            spans.append(found.span(found.lastgroup))
    return spans


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Quoted titles: each quotation whose opening quote follows what names a title."""
    spans: list[tuple[int, int]] = []
    if not any(mark in text for mark in ('"', "“", "‘", "``")):
        return spans  # most texts quote nobody: a search for the marks is many times cheaper than the scan
    for quote in _QUOTE.finditer(text):
        before = text[max(0, quote.start() - 60):quote.start()]
        if any(word in before for word in _TITLE_WORDS) and _NAMES_A_TITLE.search(before):
            quoted = _QUOTED.match(text, quote.start())
            if quoted and quoted.lastgroup:
                spans.append(quoted.span(quoted.lastgroup))
    return spans


def _report_titles(text: str) -> list[tuple[int, int]]:
    """Title blocks (up to three lines, no sentence) among a report's data lines, above
    its first line of prose; a title right after the data with the prose straight
    below ("Updated August 1, 2023\nIraq\nThe Republic of Iraq is ...") is its first line."""
    titles: list[tuple[int, int]] = []
    if not _REPORT_DATA.search(text, 0, FRONT_MATTER):
        return titles  # no report's data near the top: no report (most texts)
    block: list[tuple[int, int]] = []
    after_data = data = False
    for line in _LINE.finditer(text, 0, FRONT_MATTER):
        words = line.group().strip()
        is_data = bool(_REPORT_DATA.search(words))
        if not words or is_data or _ADDRESS.match(words):
            if block:
                titles.append((block[0][0], block[-1][1]))
            data, after_data, block = data or is_data, is_data, []
            continue
        if _is_prose(words) or len(block) == 3:
            if block and after_data:
                titles.append(block[0])
            return titles if data else []
        start = line.start() + line.group().index(words)
        block.append((start, start + len(words)))
    return titles if data else []


def _is_prose(line: str) -> bool:
    return line.endswith(".") or len(line) > _TITLE_LINE or "|" in line or not line[:1].isupper()


def unit_nicknames(text: str) -> list[tuple[int, int]]:
    """The spans of military units' nicknames: where one is given in quotes after a unit's
    name, and wherever the text uses it again ("the Kentucky Thunder will deploy")."""
    if ("“" not in text and '"' not in text) or not any(word in text for word in (*_UNITS, "Nickname")):
        return []  # most texts name no unit with a quoted nickname: the scan only where it can match
    names = set()
    for quote in _NICKNAME_QUOTE.finditer(text):  # few quotes, each checked for a unit's name before it
        if _NICKNAMED.search(text, max(0, quote.start() - 30), quote.start()):
            found = _NICKNAME.match(text, quote.start())
            if found:
                names.add(found.group("name"))
    return sorted(found.span() for name in names for found in re.finditer(re.escape(name), text))
