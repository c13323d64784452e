"""Event extraction from one document: kinds, dates, places, actors, counts, statuses."""

import pytest
from helpers import one_document

from geo.corpus import open_corpus
from geo.events.extraction import EventExtractor
from geo.gazetteer import load_actors
from geo.text import TextIndex


def extract(geoparser, tmp_path, text, published="2024-10-01", title="T"):
    corpus = open_corpus(one_document(tmp_path, text, published, title=title))
    doc = next(iter(corpus))
    return EventExtractor(geoparser, load_actors()).extract(doc, corpus.read(doc))


@pytest.mark.parametrize("alias", ["Kataib Hezbollah", "Kata'ib Hezbollah", "Kataib Hizbullah",
                                   "Iraqi Hezbollah Brigades", "KH"])
def test_actor_aliases(alias):
    [hit] = load_actors().find(TextIndex(f"On Monday {alias} fired rockets."))
    assert hit.actor.name == "Kataib Hezbollah"


@pytest.mark.parametrize("text, actors", [
    ("a drone attack by an Iran-affiliated militant group", ["Iran-backed militias"]),
    ("an Iran-backed attack on the base", []),  # the state backs, it does not act
    ("Iran launched missiles", ["Iran"]),
])
def test_a_state_that_backs_a_group_is_not_the_actor(text, actors):
    assert [h.actor.name for h in load_actors().find(TextIndex(text))] == actors


def test_lower_case_acronym_is_not_an_actor():
    assert load_actors().find(TextIndex("ask kh about it")) == []


def test_an_attack_is_dated_located_typed_and_quoted(geoparser, tmp_path):
    text = "Intro line.\n\nOn Monday, Kataib Hezbollah fired three rockets at Ain al-Asad, wounding two soldiers."
    [e] = extract(geoparser, tmp_path, text)
    assert (e.kind, e.weapon, e.date, e.time_precision) == ("shelling", "rocket", "2024-09-30", "day")
    assert (e.site_ids, e.actor, e.wounded, e.killed) == (("ain-al-asad",), "Kataib Hezbollah", 2, None)
    assert text[e.start:e.end] == e.quote and e.quote.startswith("On Monday")


def test_number_words_count(geoparser, tmp_path):
    [e] = extract(geoparser, tmp_path, "On 28 January, a drone attack on Tower 22 killed three American soldiers.")
    assert (e.kind, e.weapon, e.killed, e.date) == ("air-drone", "drone", 3, "2024-01-28")


def test_claimed_and_confirmed(geoparser, tmp_path):
    text = ("On Sunday, the Islamic Resistance in Iraq claimed a drone attack on Eilat, "
            "and the Israeli army said it intercepted it.")
    [e] = extract(geoparser, tmp_path, text)
    assert e.status == "claimed|confirmed"


@pytest.mark.parametrize("text", [
    "Since 17 October, militias carried out 50 attacks on US bases in Iraq.",  # aggregate over a period
    "American bases in Syria would be attacked if the US gave support to Israel.",  # hypothetical
    "Drones struck Ain al-Asad.",  # undated
    "On Monday there was a general cessation in attacks against US forces in Iraq.",  # negated
])
def test_not_events(geoparser, tmp_path, text):
    assert [e for e in extract(geoparser, tmp_path, text) if e.kind in ("shelling", "air-drone")] == []


@pytest.mark.parametrize("text", [
    # tallies over a period, whatever the unit counted
    "Between 7 October and 27 January, Iran-backed groups launched rockets at US forces in Iraq on 160 occasions.",
    "Starting on 17 October 2023, militias initiated a series of more than 170 attacks on U.S. forces in Iraq.",
    # an operation's name opening a headline; a word of medicine
    "Operation Inherent Resolve Quarterly Report to Congress, October 1, 2023",
    "On 18 October, a contractor at Ain al-Asad died of cardiac arrest.",
])
def test_tallies_names_and_other_senses_are_no_events(geoparser, tmp_path, text):
    assert extract(geoparser, tmp_path, text) == []


@pytest.mark.parametrize("text, date", [
    # of a clause's dates, the one its trigger has: the first after it, else the nearest before it
    ("The Islamic State held Tikrit from June 2014 until its recapture by Iraqi forces in March 2015.", "2015-03-01"),
    ("Baiji, a town in Iraq that ISIS held in 2014, was recaptured by Iraqi forces on 22 October 2015.", "2015-10-22"),
    ("In 2003 he fled, and in May 2007 he was arrested near Basra.", "2007-05-01"),
    ("On 4 June 2014, the Islamic State attacked Samarra, a city it had raided in 2012.", "2014-06-04"),
])
def test_the_date_of_the_trigger(geoparser, tmp_path, text, date):
    [e] = extract(geoparser, tmp_path, text)
    assert e.date == date, e


def test_a_verb_whose_object_is_an_attack_tells_that_attack(geoparser, tmp_path):
    [e] = extract(geoparser, tmp_path, "On 2 March, the militia executed a drone attack on Ain al-Asad.")
    assert e.kind == "air-drone"


@pytest.mark.parametrize("text, told", [
    ("He served in Baghdad until the 2003 U.S. invasion of Iraq.", False),  # a known event named by its year: a time
    ("Life in Tikrit changed after the 2003 US invasion.", False),
    ("In March 2003, the United States invaded Iraq.", True),  # told
])
def test_a_known_event_named_by_its_year_is_a_time(geoparser, tmp_path, text, told):
    assert bool(extract(geoparser, tmp_path, text)) == told


def test_relative_clause_keeps_its_own_event(geoparser, tmp_path):
    text = ("Mourners march for Hassan Nasrallah who was killed in an Israeli air strike in Beirut days earlier, "
            "in Baghdad's Sadr City on September 29, 2024.")
    events = {(e.kind, e.site_ids, e.time_precision) for e in extract(geoparser, tmp_path, text)}
    assert events == {("protest", ("sadr-city",), "day"), ("air-drone", ("beirut",), "week")}


def test_coordinated_attacks_are_separate(geoparser, tmp_path):
    text = ("On October 19, 2023, they targeted the T-4 Airbase in Syria with drone strikes and conducted a "
            "missile attack on the Conoco gas field.")
    events = {(e.weapon, e.site_ids) for e in extract(geoparser, tmp_path, text)}
    assert events == {("drone", ("tiyas-air-base",)), ("missile", ("conoco-gas-field",))}


def test_a_clause_after_comma_while_keeps_its_own_place(geoparser, tmp_path):
    text = "An official told reporters in Tel Aviv that calm is needed, while protesters gathered in Amman on 8 November."
    events = {(e.kind, e.site_ids) for e in extract(geoparser, tmp_path, text, published="2023-11-10")}
    assert events == {("protest", ("amman",))}


def test_coordinated_noun_phrases_keep_their_own_dates(geoparser, tmp_path):
    text = ("A switch was flipped after the 7 October resistance operation and Israel's merciless attacks "
            "on besieged Gaza.")
    events = [(e.kind, e.date, e.site_ids) for e in extract(geoparser, tmp_path, text, "2023-11-16")]
    assert events == [("shelling", "2023-10-07", ())]


def test_a_date_borrowed_from_the_previous_sentence_is_a_week(geoparser, tmp_path):
    text = "On 3 November the group announced a new phase. It began with a drone attack on Eilat."
    [attack] = [e for e in extract(geoparser, tmp_path, text, "2023-11-16") if e.kind == "air-drone"]
    assert (attack.date, attack.date_end, attack.time_precision) == \
        ("2023-11-03", "2023-11-09", "week")


@pytest.mark.parametrize("sentence, actor", [
    # the agent after "by", past the trigger
    ("On 27 December, U.S. forces were attacked near Kirkuk by Kataeb Hezbollah.", "Kataib Hezbollah"),
    # the subject of the trigger, a state as well as a faction
    ("On 29 December, the United States carried out airstrikes against Kataib Hezbollah in Iraq.", "United States"),
    ("On 31 December, Iran-backed militias attacked the U.S. Embassy in Baghdad.", "Iran-backed militias"),
    # an adjective that makes the event a state's
    ("On 3 January, a U.S. airstrike near Baghdad International Airport killed two men.", "United States"),
    ("On 8 January, an Iranian missile attack struck Ain al-Asad.", "Iran"),
    # ... of any of the clause's triggers, not only of the first
    ("He was killed in a US drone attack in Baghdad on 3 January.", "United States"),
    # groups described, not named: an unnamed actor's adjective before an armed group's noun, or the trigger
    ("On 12 March, an Iranian-backed Shia militia group fired rockets at Camp Taji.", "Iran-backed militias"),
    ("On 28 January, three soldiers were killed in the Iran proxy drone attack at Tower 22.", "Iran-backed militias"),
    # the officials who act for a state: a visit, a call
    ("On 5 March, Blinken visited Baghdad.", "United States"),
    ("On 5 November, Sudani visited Tehran.", "Iraq"),
    # the target is no actor: after "on", or the subject of a passive
    ("On 28 January, a drone attack on U.S. forces at Tower 22 killed three soldiers.", ""),
    ("On 28 January, U.S. forces were attacked at Tower 22.", ""),
])
def test_the_actor_is_who_did_it_not_whom_it_hit(geoparser, tmp_path, sentence, actor):
    [e] = extract(geoparser, tmp_path, sentence)
    assert e.actor == actor, e


@pytest.mark.parametrize("text, kinds", [
    ("The embassy opened on July 1, 2004 in Baghdad's Green Zone.", [("other", ("green-zone",))]),  # an opening
    ("The new shop opened on July 1, 2004.", []),  # only with its place
    ("On 30 March 2012, soldiers opened fire on a demonstration in Ramadi.", [("protest", ("ramadi",))]),  # no opening
])
def test_an_opening_is_told_with_its_place(geoparser, tmp_path, text, kinds):
    assert [(e.kind, e.site_ids) for e in extract(geoparser, tmp_path, text)] == kinds


def test_a_visit_to_the_province_named_before_is_there_not_at_home(geoparser, tmp_path):
    text = "Anbar is Iraq's largest province. King Faisal I of Iraq visited the province on July 31, 1921."
    [e] = [e for e in extract(geoparser, tmp_path, text, published="1930") if e.kind == "other"]
    assert e.site_ids == ("anbar-governorate",)


@pytest.mark.parametrize("text, sites", [
    ("On January 8, Iran launched ballistic missiles at two Iraqi bases where U.S. forces are stationed.", ("iraq",)),
    ("On January 8, militias launched a rocket attack on U.S. bases.", ()),  # a state's own bases abroad
])
def test_an_attack_on_a_host_countrys_bases_is_in_that_country(geoparser, tmp_path, text, sites):
    [e] = extract(geoparser, tmp_path, text)
    assert e.site_ids == sites


@pytest.mark.parametrize("title, sites", [("Makhmur, Iraq", ("makhmur",)), ("T", None)])
def test_a_battle_with_no_place_of_its_own_is_in_the_place_an_article_is_on(geoparser, tmp_path, title, sites):
    text = "Makhmur is a town in Iraq. On 24 May 2016, clashes between the Islamic State and the Peshmerga killed two men."
    found = [e.site_ids for e in extract(geoparser, tmp_path, text, title=title) if e.kind == "clash"]
    assert found == ([sites] if sites else [])


@pytest.mark.parametrize("sentence, status", [
    ("On 2 March, Iraqi forces recaptured Tikrit, Prime Minister al-Abadi said.", "confirmed"),  # its own official
    ("On 2 March, Iraqi forces recaptured Tikrit, the Islamic State said.", "reported"),  # another side
])
def test_an_event_its_own_state_tells_is_confirmed(geoparser, tmp_path, sentence, status):
    [e] = extract(geoparser, tmp_path, sentence)
    assert (e.actor, e.status) == ("Iraq", status)


@pytest.mark.parametrize("subject, actor", [
    ("they", "Kataib Hezbollah"),  # the armed group named last
    ("the group", "Kataib Hezbollah"),
    ("Coalition forces", "coalition"),  # a subject of its own
])
def test_they_or_the_group_stand_for_the_armed_group_named_before(geoparser, tmp_path, subject, actor):
    text = ("The Islamic Resistance in Iraq grew in 2023. On 28 January, Kataib Hezbollah struck Tower 22. "
            f"On 2 February, {subject} targeted Al-Asad Air Base with drones.")
    [e] = [e for e in extract(geoparser, tmp_path, text) if e.date == "2024-02-02"]
    assert e.actor == actor, e


@pytest.mark.parametrize("publisher, sentence, status", [
    # a state's own release on its forces' strike, or on an attack on its forces: confirmed
    ("U.S. Central Command", "On 2 February, U.S. forces conducted airstrikes against Kataib Hezbollah in Iraq.", "confirmed"),
    ("U.S. Department of Defense", "On 28 January, a drone attack on U.S. forces at Tower 22 killed three soldiers.",
     "confirmed"),
    # a member of Congress on an attack on US forces; a Guard story of its unit's deployment
    ("Office of U.S. Senator Jane Doe", "On 7 January, Iran fired missiles at U.S. forces at Ain al-Asad.", "confirmed"),
    ("DVIDS (New York National Guard)", "On 2 February, the 101st Signal Battalion deployed to Kuwait.", "confirmed"),
    # the same told by others, or a state's release on others' fight: reported
    ("Voice of America", "On 2 February, U.S. forces conducted airstrikes against Kataib Hezbollah in Iraq.", "reported"),
    ("Congressional Research Service", "On 7 January, Iran fired missiles at U.S. forces at Ain al-Asad.", "reported"),
    ("U.S. Central Command", "On 2 February, Israel struck a depot in Beirut.", "reported"),
])
def test_a_states_own_release_confirms_what_its_forces_did_or_suffered(tmp_path, geoparser, publisher, sentence, status):
    from helpers import write_corpus

    corpus = open_corpus(write_corpus(tmp_path, {"d1.txt": sentence}, [f"d1,d1.txt,T,{publisher},,2024-02-05,http://x"]))
    doc = next(iter(corpus))
    [e] = EventExtractor(geoparser, load_actors()).extract(doc, corpus.read(doc))
    assert e.status == status, e


@pytest.mark.parametrize("text, kind, sites, actor", [
    # battles: fighting, and places taken (by a group) or retaken (by a state's forces)
    ("On 3 May 2016, Kataib Hezbollah fighters clashed with the Islamic State near Baiji.", "clash", ("baiji",),
     "Kataib Hezbollah"),
    ("In June 2014, the Islamic State captured Tikrit.", "capture", ("tikrit",), "Islamic State"),
    ("The town of Tikrit was captured by the Islamic State in June 2014.", "capture", ("tikrit",), "Islamic State"),
    ("In March 2015, Iraqi forces recaptured Tikrit.", "recapture", ("tikrit",), "Iraq"),
    # a capture of people is an arrest; a bomb by the road is a remote explosive
    ("On 2 March, U.S. forces captured an ISIS leader near Raqqa.", "arrest", ("raqqa",), "United States"),
    ("On 2 March, a roadside bomb killed two soldiers near Baiji.", "explosive", ("baiji",), ""),
    # a state's designation of a group, dated, with no place
    ("On 17 November 2023, the Department of State designated Kataib Sayyid al-Shuhada as a Foreign "
     "Terrorist Organization.", "other", (), "United States"),
    # a deployment is where the forces went
    ("On 2 March, 300 soldiers of the 34th Infantry Division deployed to Kuwait.", "change", ("kuwait",), ""),
    ("On 4 May, the last battalion departed to Kuwait.", "change", ("kuwait",), ""),
    # violence against civilians; a base set up
    ("On 12 June 2014, the Islamic State massacred cadets near Tikrit.", "violence", ("tikrit",), "Islamic State"),
    ("In October 2019, the Popular Mobilization Forces attacked Iraqi civilians demonstrating in Baghdad.", "violence",
     ("baghdad",), "Popular Mobilization Forces"),
    ("Al-Asad Air Base was built in 1987 near Baghdadi.", "base", ("ain-al-asad",), ""),
    # a call, a ceremony: ACLED's Other
    ("On 2 March, the Secretary of State spoke with the Prime Minister of Iraq.", "other", (), "United States"),
    ("On 2 March, the brigade held a departure ceremony at Fort Bliss.", "other", ("fort-bliss",), ""),
])
def test_battles_captures_arrests_explosives_designations_and_deployments(geoparser, tmp_path, text, kind, sites,
                                                                          actor):
    [e] = extract(geoparser, tmp_path, text)
    assert (e.kind, e.site_ids, e.actor) == (kind, sites, actor)


@pytest.mark.parametrize("text", [
    "On 2 March, an army outpost designated for the distribution of aid stood near Rukban.",  # not a designation
    "In 2011, US forces withdrew.",  # a deployment without its place
    "The governorate of Halabja was established in 2014.",  # no base
    "Today, Rep. Smith announced the committee's schedule of hearings.",  # a government's announcement: no change
])
def test_not_strategic_developments(geoparser, tmp_path, text):
    assert extract(geoparser, tmp_path, text, published="2024-03-02") == []


@pytest.mark.parametrize("text, kind", [
    ("On 2 March, the United States conducted a strike on a facility near Abu Kamal.", "air-drone"),  # a state's strike
    ("On 2 March, Iran conducted a strike on a facility near Erbil.", "shelling"),  # its strikes are missiles
    ("On 2 March, the Islamic Resistance in Iraq fired rockets at Erbil, and US airstrikes hit Abu Kamal.", "shelling"),
])
def test_a_strike_of_unstated_means_is_from_the_air_for_the_states_whose_strikes_are(geoparser, tmp_path, text, kind):
    assert extract(geoparser, tmp_path, text)[0].kind == kind


@pytest.mark.parametrize("text, kind, weapon", [
    # a military report's words for a strike and its weapons
    ("On 2 March, the militia engaged and destroyed a checkpoint near Mayadin.", "shelling", ""),
    ("On 29 November, A-10s struck a hostile target near Mayadin.", "air-drone", "aircraft"),
    ("He was killed near Baiji on 11 March when his unit was engaged by indirect enemy fire.", "shelling", "rocket"),
    ("On 7 January, Al-Asad Air Base was under rocket fire.", "shelling", "rocket"),
    # a US aircraft shot down is attacked (ACLED: a missile attack); an incoming drone shot down is intercepted
    ("On 6 June, a U.S. MQ-9 was shot down over Yemen by a Houthi surface-to-air missile.", "shelling", "missile"),
    ("On 6 June, the Houthis shot down an American drone over Yemen.", "shelling", ""),
    ("On 6 June, U.S. forces shot down a Houthi drone over Yemen.", "interception", "drone"),
])
def test_a_military_reports_words_for_strikes_and_weapons(geoparser, tmp_path, text, kind, weapon):
    [e] = extract(geoparser, tmp_path, text)
    assert (e.kind, e.weapon) == (kind, weapon)


def test_an_actor_strikes_column_takes_only_air(tmp_path):
    from geo.errors import InputError
    from geo.gazetteer.actors import read_actors
    path = tmp_path / "factions.csv"
    path.write_text("id,name,kind,country,aliases,adjectives,strikes,note\nx,X,state,US,,,sea,\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_actors(path)
    assert "factions.csv:2:" in str(info.value)


@pytest.mark.parametrize("text, sites", [
    # where it hit, not where it was launched from (nor the state that locates the launch base)
    ("On 2 February, bombers launched from Dyess Air Force Base, Texas, as part of airstrikes in Syria.", ("syria",)),
    # "the base": the facility the document named last
    ("Al-Asad Air Base hosts coalition troops. On 5 March, the base was struck by rockets.", ("ain-al-asad",)),
    # rockets that landed near a base: an attack with a weapon
    ("On 13 March, two rockets landed near the Green Village in northeast Syria.", ("green-village",)),
    # "the dam", "the airport": the facility named before
    ("IS seized the Mosul Dam in August. On 16 August, aircraft struck IS positions near the dam.", ("mosul-dam",)),
    # not where the speaker said it; "striking" is the verb's
    ('"We responded on 29 December by striking KH bases in western Iraq," Esper said during a press gaggle in the '
     'Pentagon.', ("iraq",)),
    # and whatever letters spell the verb that a case-blind match reads as its own ("saıd", a dotless i)
    ('"Rockets hit Ain al-Asad on 2 March," the general said at the Al-Tanf garrison.', ("ain-al-asad",)),
    ('"Rockets hit Ain al-Asad on 2 March," the general saıd at the Al-Tanf garrison.', ("ain-al-asad",)),
])
def test_the_place_an_attack_hit(geoparser, tmp_path, text, sites):
    [e] = [e for e in extract(geoparser, tmp_path, text) if e.kind in ("shelling", "air-drone")]
    assert e.site_ids == sites


@pytest.mark.parametrize("text, kind, sites", [
    # an article on a place: "the town", "it" stand for it
    ("Baiji is a town in Iraq. The town was captured by the Islamic State in June 2014.", "capture", ("baiji",)),
    ("Tikrit lies on the Tigris. It was captured by the Islamic State in June 2014.", "capture", ("tikrit",)),
    ("In August 2014, the Siege of Amirli began when the Islamic State surrounded Amirli.", "clash", ("amirli",)),
])
def test_the_place_a_battle_took(geoparser, tmp_path, text, kind, sites):
    [e] = [e for e in extract(geoparser, tmp_path, text) if e.kind in ("clash", "capture", "recapture")]
    assert (e.kind, e.site_ids) == (kind, sites)


@pytest.mark.parametrize("title, sites", [
    ("Makhmur, Iraq", ("makhmur",)),  # an article on the town: "the town" is it, not the town named last
    ("Towns of the north", ("mosul",)),  # no subject: the town named last
])
def test_the_town_of_an_article_on_a_town(geoparser, tmp_path, title, sites):
    text = "Makhmur is a town in Iraq, between Erbil and Mosul. In 2014, the town was captured by the Islamic State."
    [e] = [e for e in extract(geoparser, tmp_path, text, title=title) if e.kind == "capture"]
    assert e.site_ids == sites




def test_an_operations_name_is_no_attack_even_in_a_headline(geoparser, tmp_path):
    text = "Lead Inspector General for Operation Inherent Resolve I Quarterly Report to the United States Congress I " \
           "July 1, 2018 - September 30, 2018"
    assert extract(geoparser, tmp_path, text) == []


@pytest.mark.parametrize("text, killed, wounded", [
    ("On 27 December, rockets hit a base near Kirkuk, killing an American contractor.", 1, None),
    ("On 28 January, a drone attack on Tower 22 killed three U.S. soldiers who were sleeping.", 3, None),
    ("On 28 January, a drone hit Tower 22; three U.S. soldiers were killed.", 3, None),
    ("On 7 January, Iran fired missiles at Ain al-Asad; no American or allied forces were harmed.", 0, 0),
    ("On 3 December, five rockets landed on Ain al-Asad, with no injuries.", None, 0),
    ("On 3 December, rockets hit Ain al-Asad, killing a number of soldiers.", None, None),
])
def test_killed_and_wounded(geoparser, tmp_path, text, killed, wounded):
    [e] = [e for e in extract(geoparser, tmp_path, text) if e.kind in ("shelling", "air-drone")]
    assert (e.killed, e.wounded) == (killed, wounded)


def test_a_figure_no_toll_can_be_is_no_toll(geoparser, tmp_path):
    [e] = extract(geoparser, tmp_path, "On 2 March, rockets hit Ain al-Asad, killing 12345678901234567890123 people.")
    assert e.killed is None


def test_a_statement_tells_of_the_week_before_it(geoparser, tmp_path):
    text = ("WASHINGTON - Rep. Jane Doe released the following statement after Iran fired missiles at U.S. forces "
            "at Ain al-Asad:")
    [e] = extract(geoparser, tmp_path, text, published="2020-01-08")
    assert (e.date, e.date_end, e.time_precision, e.site_ids) == ("2020-01-02", "2020-01-08", "week", ("ain-al-asad",))
    [e] = extract(geoparser, tmp_path, text, published="2020-01")
    assert (e.date, e.date_end, e.time_precision) == ("2020-01-01", "2020-01-31", "month")


@pytest.mark.parametrize("opening, dated", [
    ("TAMPA, Fla., Sept. 24, 2014 — U.S. forces conducted five airstrikes Tuesday and today.", True),
    ("U.S. forces conducted five airstrikes Tuesday and today.", False),  # no dateline: no release's week
    ("FILE - U.S. forces conducted five airstrikes Tuesday and today.", False),  # a photo's caption
])
def test_an_undated_attack_in_a_news_release_is_in_its_week_and_not_at_its_dateline(geoparser, tmp_path, opening,
                                                                                   dated):
    text = opening + "\n\nTwo airstrikes west of Baghdad destroyed two vehicles."
    found = [(e.date, e.date_end, e.time_precision, e.site_ids)
             for e in extract(geoparser, tmp_path, text, published="2014-09-24")]
    assert found == ([("2014-09-18", "2014-09-24", "week", ("baghdad",))] if dated else [])


def test_a_planned_attack_is_no_attack(geoparser, tmp_path):
    assert extract(geoparser, tmp_path, "On 2 March, members were told of a planned missile attack on Ain al-Asad.") == []


@pytest.mark.parametrize("text, published, found", [
    # a statement of the month on last night's strikes in a country: the month, the country (an area)
    ("Senator Jane Doe released a statement on last night's U.S. airstrikes conducted in Syria.", "2021-02",
     [("2021-02-01", "2021-02-28", "month", ("syria",))]),
    # a year and a country only: too vague to map
    ("In 2020, Iran-backed groups attacked U.S. forces in Iraq.", "2024-02", []),
])
def test_an_attack_dated_to_the_month_may_be_in_a_country(geoparser, tmp_path, text, published, found):
    assert [(e.date, e.date_end, e.time_precision, e.site_ids)
            for e in extract(geoparser, tmp_path, text, published=published)] == found
