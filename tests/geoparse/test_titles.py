"""A publication's own title on its cover is no place; a press release's headline is."""

import pytest

from geo.geoparse.titles import publication_titles, unit_nicknames


def titles(text):
    return [text[a:b] for a, b in publication_titles(text)]


@pytest.mark.parametrize("text, title", [
    ("https://crsreports.congress.gov\nUpdated August 1, 2023\nIraq\nThe Republic of Iraq is strategically located"
     " in the central\nMiddle East region and has large energy\nresources and a growing population.", "Iraq"),
    ("Jordan: Background and U.S. Relations\n\nUpdated May 19, 2025 (RL33546)\n\nThe Kingdom is a partner.",
     "Jordan: Background and U.S. Relations"),
    ("Iraq: DOD Should Increase Visibility\n\nGAO-17-771T Published: Jul 25, 2017.\n\nThe U.S. provided equipment.",
     "Iraq: DOD Should Increase Visibility"),
    ("Report | May 2, 2023\n\nLead Inspector General Quarterly Report on Syria\n\nThis is the 33rd report.",
     "Lead Inspector General Quarterly Report on Syria"),
    ("Armed Conflict in Syria:\nOverview and U.S. Response\n\nUpdated February 12, 2020 (RL33487)\n",
     "Armed Conflict in Syria:\nOverview and U.S. Response"),
])
def test_a_reports_title_beside_its_data(text, title):
    assert titles(text)[0] == title


@pytest.mark.parametrize("text", [
    "Press Release | March 14, 2023\n\nRocket Attack Targets Mission Support Site Green Village, Syria\n\nTAMPA, Fla.",
    "NEWS | Feb. 22, 2020\n\n25th Infantry Division at Al Asad Airbase\n\nBy Sgt. Sean Harding",
    "Iraq: Militias Attack U.S. Forces\n\nThe attacks went on in Iraq on Monday.",
])
def test_a_headline_is_no_publications_title(text):
    assert titles(text) == []


def test_a_hearings_title_under_the_publishing_offices_header():
    text = ("[From the U.S. Government Publishing Office] S. Hrg. 116-200 IRAQ: A CROSSROADS OF U.S. POLICY "
            "======= HEARING BEFORE THE SUBCOMMITTEE")
    assert titles(text) == ["IRAQ: A CROSSROADS OF U.S. POLICY"]


def test_the_geoparser_reads_no_place_in_a_reports_title(geoparser):
    text = "Syria and U.S. Policy\n\nUpdated July 15, 2024 (IF11930)\n\nThe conflict in Syria goes on."
    assert [(m.surface, m.start) for m in geoparser.parse("t", text) if m.status == "resolved"] == [
        ("Syria", text.rindex("Syria"))]


@pytest.mark.parametrize("text, title", [
    ("Tuesday, July 15\n\nJoint Subcommittee Hearing: The Rise of ISIL: Iraq and Beyond\n\n2:00 p.m. in 2172",
     "Rise of ISIL: Iraq and Beyond"),
    ("The headline of that story read as follows: ``Trump is not convinced the time is right to attack Iran.'' Then",
     "Trump is not convinced the time is right to attack Iran."),
    ("in its report titled “Iran’s Networks of Influence in the Middle East” the institute warned",
     "Iran’s Networks of Influence in the Middle East"),
    ("Iraq and U.S. Policy [Updated July 11, 2019]\n\nFrom the report", "Iraq and U.S. Policy"),
    ("This report will be updated. See CRS\nReport RL32048, Iran: U.S. Concerns and Policy Responses, by Kenneth "
     "Katzman.", "Iran: U.S. Concerns and Policy Responses"),
    ("see CRS [Congressional Research Service] Report R43201, 'Possible U.S. Intervention in Syria: Issues for "
     "Congress,' coordinated by Jeremy M. Sharp", "Possible U.S. Intervention in Syria: Issues for Congress"),
    ("see CRS Report RS20871, 'Iran Sanctions'; and more", "Iran Sanctions"),
    ("Search Results\n\nIraq: In Brief\nThis report discusses developments in Iraq.", "Iraq: In Brief"),
    ("Iraq: Compliance, Sanctions, and U.S. Policy\nNo Description Available.", "Iraq: Compliance, Sanctions, and U.S. Policy"),
    ("GAO-07-612T \nentitled 'Stabilizing Iraq; Factors Impeding the Development of Capable \nIraqi Security "
     "Forces' which was released", "Stabilizing Iraq; Factors Impeding the Development of Capable \nIraqi Security "
     "Forces"),
    ("In the inspection report, Review of Department of State End-Use Monitoring in Ukraine (ISP-I-24-02), OIG "
     "recommended", "Review of Department of State End-Use Monitoring in Ukraine"),
    ("LC Class | DS79\nFiasco: The American Military Adventure in Iraq (2006) is a book by a correspondent",
     "Fiasco: The American Military Adventure in Iraq"),
])
def test_a_cited_title(text, title):
    assert title in titles(text)


def test_a_quotation_is_no_title():
    assert titles('He said "we will stay in Iraq" and left for Baghdad.') == []


@pytest.mark.parametrize("text", [
    "The CRS Report R43612 says Iraq is unstable; its authors went to Baghdad.",  # a report's number, no title after it
    "The report's findings on Iraq were clear. This report discusses Syria.",  # a sentence above a description
])
def test_a_reports_number_or_description_without_a_title(text):
    assert titles(text) == []


def test_a_units_nickname_where_given_and_where_used_again():
    text = ("the 138th Field Artillery Brigade, “Kentucky Thunder,” left Kentucky. The Kentucky Thunder will deploy. "
            'The 15th Infantry Regiment "Old China Hands" served in China.')
    assert [text[a:b] for a, b in unit_nicknames(text)] == ["Kentucky Thunder", "Kentucky Thunder", "Old China Hands"]
    assert unit_nicknames('He said "we stay in Kentucky".') == []
