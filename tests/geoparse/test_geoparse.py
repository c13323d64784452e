"""The rules on made-up sentences (a small test gazetteer), then on the real gazetteer."""

import pytest


def parse(geoparser, text):
    return [(text[m.start:m.end], m.site_id or "|".join(m.candidates), m.status, m.literal)
            for m in geoparser.parse("t", text)]


def sites(geoparser, text):
    """The places a text cites: resolved or ambiguous names read literally."""
    return [(s, site) for s, site, status, literal in parse(geoparser, text) if status != "unresolved" and literal]


def readings(geoparser, text):
    return [(m.surface, m.reading) for m in geoparser.parse("t", text) if m.status == "resolved"]


@pytest.mark.parametrize("text", [
    "Muqtada al-Sadr called for calm.",
    "Moqtada al-Sadr called for calm.",
    "Abu Bakr al-Baghdadi was killed.",
    "The Washington Institute published it.",
    "Mustafa al-Kadhimi resigned.",
    "Khalid al-Walid spoke.",
    "The Islamic Resistance in Iraq claimed it.",
    "the Islamic Resistance of Iraq claimed it.",
    "President Al-Baghdadi spoke.",
])
def test_people_and_organisations_are_not_places(mini_geoparser, text):
    assert sites(mini_geoparser, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Protesters gathered in Sadr City.", [("Sadr City", "sadr-city")]),
    ("Troops near Al-Walid were hit.", [("Al-Walid", "walid-town")]),
    ("He lives in Kadhimiya.", [("Kadhimiya", "kadhimiya")]),
    ("Rockets hit the Victoria military base.", [("Victoria", "victory-base")]),
    ("Queen Victoria visited.", []),
    ("US forces at Harir bases.", [("Harir", "harir-air-base")]),
    ("The town of Harir.", [("Harir", "harir")]),
    ("the At-Tanf crossing", [("At-Tanf", "al-tanf-crossing")]),
    ("the al-Tanf base", [("al-Tanf", "al-tanf-garrison")]),
    ("forces at al-Tanf", [("al-Tanf", "al-tanf-garrison")]),  # declared default
    ("A drone hit Elat.", [("Elat", "eilat")]),
])
def test_places_resolve(mini_geoparser, text, expected):
    assert sites(mini_geoparser, text) == expected


def test_undecided_shared_alias_is_ambiguous(mini_geoparser):
    assert parse(mini_geoparser, "Troops near Al-Baghdadi.") == [
        ("Al-Baghdadi", "ain-al-asad|al-baghdadi", "ambiguous", True)]


@pytest.mark.parametrize("text, surface", [
    ("a consequence of Washington’s support for Israel", "Washington"),
    ("Tehran prefers a limited front.", "Tehran"),
    ("Baghdad expects strikes soon.", "Baghdad"),
    ("growing pressure on Baghdad which is trying", "Baghdad"),
    ("to pressure Amman to open the passage", "Amman"),
    ("Baghdad, which has repeatedly warned of it", "Baghdad"),
    ("the Baghdad government", "Baghdad"),
])
def test_metonyms_are_not_literal(mini_geoparser, text, surface):
    found = [(s, literal) for s, _, _, literal in parse(mini_geoparser, text) if s == surface]
    assert found == [(surface, False)]


@pytest.mark.parametrize("text, surface", [
    ("the US embassy in Baghdad", "Baghdad"),
    ("Baghdad's Sadr City", "Baghdad"),
    ("officials in Baghdad said", "Baghdad"),
    ("Blinken arrived in Baghdad late on Sunday", "Baghdad"),
    ("Baghdad’s streets were calm", "Baghdad"),
])
def test_literal_capitals_stay_literal(mini_geoparser, text, surface):
    found = [(s, literal) for s, _, _, literal in parse(mini_geoparser, text) if s == surface]
    assert found == [(surface, True)]


def test_adjectival_country_names_name_a_side_not_a_place(mini_geoparser):
    text = "US forces and Jordan-backed groups met the US-led coalition at the Iraq-Jordan border in Syria."
    assert readings(mini_geoparser, text) == [
        ("US", "associative_modifier"), ("Jordan", "associative_modifier"), ("US", "associative_modifier"),
        ("Iraq", "literal_modifier"), ("Jordan", "literal_modifier"), ("Syria", "literal")]
    assert sites(mini_geoparser, text) == [("Iraq", "iraq"), ("Jordan", "jordan"), ("Syria", "syria")]


@pytest.mark.parametrize("text, surface, reading", [
    ("Jordan denied any role.", "Jordan", "metonymic"),
    ("Syria's attacks went on.", "Syria", "metonymic"),
    ("He held talks with Jordan.", "Jordan", "metonymic"),
    ("troops massed along the border with Jordan", "Jordan", "literal"),
    ("sentiment against the US presence in Iraq putting the country at risk", "Iraq", "literal"),
    ("patrols along the Syria border", "Syria", "literal_modifier"),
    ("the Baghdad embassy", "Baghdad", "literal_modifier"),
    ("Baghdad officials said", "Baghdad", "associative_modifier"),
    ("drones hit Syria days later", "Syria", "literal"),
])
def test_readings(mini_geoparser, text, surface, reading):
    assert [r for s, r in readings(mini_geoparser, text) if s == surface] == [reading]


@pytest.mark.parametrize("text", ["the US State Department said", "U.S. Central Command announced",
                                  "the US Army Reserve unit", "the U.S.-Iraq Higher Military Commission met",
                                  "U.S. CENTCOM announced", "the Armed Forces of the United States",
                                  "IN THE SENATE OF THE UNITED STATES", "said U.S. Army Staff Sgt. Daniel Bach",
                                  "the U.S.-Iraq Joint Security Cooperation Dialogue",
                                  "the Local Coordination Committees of Syria",
                                  "U.S. Army Europe underwent a reorganization", "the Kaiserslautern Military Community"])
def test_a_country_in_an_organisations_name_is_no_mention(mini_geoparser, text):
    assert readings(mini_geoparser, text) == []


def test_places_listed_after_a_commands_opening_words_are_the_commands(geoparser):
    text = "He took command of U.S. Navy Region Europe, Africa, Central in Naples."
    assert [surface for surface, _ in readings(geoparser, text)] == ["Naples"]
    text = "the Combined Joint Task Force-Horn of Africa, based in the Horn of Africa"  # a region after a dash
    assert readings(geoparser, text) == [("Horn of Africa", "literal")]


def test_lower_case_words_are_not_names(mini_geoparser):
    assert sites(mini_geoparser, "let us go; he said baghdad in lower case") == []


def test_unresolved_place_like_phrases(mini_geoparser):
    text = "Fighting in Farzeh and near the Kharab al-Jir base; talks in October in Baghdad."
    unresolved = [s for s, _, status, _ in parse(mini_geoparser, text) if status == "unresolved"]
    assert unresolved == ["Farzeh", "Kharab al-Jir"]


def test_without_unresolved_names_the_other_mentions_stay(mini_geoparser):
    text = "Fighting in Farzeh and near the Kharab al-Jir base; talks in October in Baghdad."
    everything = mini_geoparser.parse("t", text)
    known = mini_geoparser.parse("t", text, unresolved=False)
    assert known == [m for m in everything if m.status != "unresolved"] and len(known) < len(everything)


def test_mentions_carry_offsets_and_sentence(mini_geoparser):
    text = "First sentence here. Then drones struck Ayn al-Assad. Last one."
    [m] = mini_geoparser.parse("doc", text)
    assert text[m.start:m.end] == m.surface == "Ayn al-Assad"
    assert m.sentence == "Then drones struck Ayn al-Assad."
    assert text[m.sentence_start:].startswith(m.sentence)
    assert (m.site_id, m.precision, m.layer) == ("ain-al-asad", 1, "curated")


@pytest.mark.parametrize("variant, site", [
    ("Ain al-Assad", "ain-al-asad"), ("Ayn al-Asad", "ain-al-asad"), ("Al Asad Airbase", "ain-al-asad"),
    ("At-Tanf", "al-tanf-garrison"), ("Trebil", "trebil-crossing"), ("Turaibil", "trebil-crossing"),
    ("Eilat", "eilat"), ("Elat", "eilat"), ("Irbil", "erbil"), ("Deir Ezzor", "deir-ez-zor"),
    ("Dayr az-Zawr", "deir-ez-zor"), ("Abu Kamal", "albukamal"), ("Al-Bukamal", "albukamal"),
    ("Ain al-Arab", "kobani"), ("Kobane", "kobani"), ("ٱلْبُوكَمَال", "albukamal"), ("بغداد", "baghdad"),
    ("Jalula", "jalawla"), ("Tuz Khurma", "tuz-khurmatu"), ("Khasham", "khasham"), ("شەنگال", "sinjar"),
    ("Serê Kaniyê", "ras-al-ayn"), ("FOB Ridgeway", "taqaddum-air-base"), ("Babylon", "babylon"),
])
def test_real_gazetteer_resolves_variants(geoparser, variant, site):
    text = f"Drones struck {variant} again."
    assert sites(geoparser, text) == [(variant, site)]


def test_a_short_name_stands_for_a_site_the_document_named_in_full(geoparser):
    full = "Rockets struck Ain al-Asad Air Base. Patrols now circle the edges of Al Asad."
    assert [s for s, _ in sites(geoparser, full)] == ["Ain al-Asad Air Base", "Al Asad"]
    assert sites(geoparser, "Patrols now circle the edges of Al Asad.") == []


def test_a_named_base_outranks_a_world_town_of_its_stem(geoparser):
    text = "Bombers left Ellsworth Air Force Base. Crews from Ellsworth flew home."
    assert sites(geoparser, text)[-1] == ("Ellsworth", "ellsworth-air-force-base")
    assert sites(geoparser, "He grew up in Ellsworth, Maine.")[0][1] != "ellsworth-air-force-base"


def test_a_base_before_a_model_and_its_crews_is_associative(geoparser):
    text = "Bombers left Dyess Air Force Base. Dyess B-1 crews flew for 30 hours."
    assert ("Dyess", "associative_modifier") in readings(geoparser, text)


def test_a_persons_nisba_alone_stays_the_person(geoparser):
    text = "Abu Bakr al-Baghdadi was killed in 2019. Baghdadi had led the group. Troops in al-Baghdadi were hit."
    assert [s for s, _ in sites(geoparser, text)] == ["al-Baghdadi"]
    assert geoparser.parse("t", text)[0].start == text.index("in al-Baghdadi") + 3


def test_two_places_joined_by_a_hyphen_are_no_persons_name(geoparser):
    text = "The Akashat-al-Qaim road was secured. Forces liberated al-Qaim."
    assert ("al-Qaim", "al-qaim") in sites(geoparser, text)


@pytest.mark.parametrize("text, surface, reading", [
    ("He spoke at the Pentagon on Friday.", "Pentagon", "literal"),
    ("The Pentagon said the strikes worked.", "Pentagon", "metonymic"),
    ("Pentagon Press Secretary Pat Ryder said the base was hit.", "Pentagon", "associative_modifier"),
    ("Pentagon spokesman John Kirby said so.", "Pentagon", "associative_modifier"),
    ("Soldiers of the Fort Wainwright, Alaska-based battalion.", "Fort Wainwright", "associative_modifier"),
    ("Israel struck Lebanon, Iraq-based militias answered.", "Lebanon", "literal"),
])
def test_readings_of_facilities_and_compounds(geoparser, text, surface, reading):
    assert (surface, reading) in readings(geoparser, text)


@pytest.mark.parametrize("text, surface, reading", [
    ("Iraq's sovereignty must be respected.", "Iraq", "metonymic"),
    ("Iran's Revolutionary Guard trained them.", "Iran", "metonymic"),
    ("Iraq's second-largest city fell.", "Iraq", "literal"),
    ("The embassy sits in Baghdad's heavily fortified Green Zone.", "Baghdad", "literal"),
    ("Israel's assault on Gaza went on.", "Israel", "metonymic"),
    ("The United States will defend its personnel.", "United States", "metonymic"),
    ("Iran has long backed these groups.", "Iran", "metonymic"),
    ("The United States is reducing its troop levels.", "United States", "metonymic"),
    ("A partnership between the United States and Iraq.", "Iraq", "metonymic"),
    ("Strikes were flown by the United Kingdom, France, and Jordan.", "Jordan", "metonymic"),
    ("Strikes hit targets in Iraq, Syria and Jordan.", "Jordan", "literal"),
    ("They fear a war with Iran.", "Iran", "metonymic"),
    ("The border with Jordan was closed.", "Jordan", "literal"),
    ("Obama called Prime Minister Haidar Al-Abadi of Iraq today.", "Iraq", "metonymic"),
    ("Attacks against U.S. and coalition forces continued.", "U.S.", "associative_modifier"),
    ("Attacks against Israel and US forces continued.", "Israel", "literal"),
    ("The US-led coalition struck.", "US", "associative_modifier"),
    ("The Iraq-Syria border was closed.", "Iraq", "literal_modifier"),
    ("The U.S.-Iraq talks resumed.", "Iraq", "associative_modifier"),
    ("The Pentagon on Thursday hailed the strike.", "Pentagon", "metonymic"),  # a time before the verb
    ("Iran yesterday warned its neighbours.", "Iran", "metonymic"),
    ("Baghdad on Monday was quiet.", "Baghdad", "literal"),
    ("The United States deeply values its cooperation with Jordan.", "United States", "metonymic"),  # attitudes
    ("Yesterday, the United States lost one of her finest warriors.", "United States", "metonymic"),
    ("He studied at the Hawza of Najaf.", "Najaf", None),  # a seminary's name
    ("the Lions of the Tigris brigade fought there", "Tigris", None),  # a militia's name
    ("the Sons of Iraq patrolled the town", "Iraq", None),
])
def test_readings_of_countries_in_context(geoparser, text, surface, reading):
    if reading is None:
        assert surface not in dict(readings(geoparser, text))
    else:
        assert (surface, reading) in readings(geoparser, text)


@pytest.mark.parametrize("text, expected", [
    # A governorate named after its capital is the governorate, a known or an unknown one.
    ("Rockets hit an airbase in Kirkuk province.", [("Kirkuk province", "kirkuk-governorate")]),
    ("The raid was in Idlib Governorate.", [("Idlib Governorate", "idlib-governorate")]),
    ("Shelling hit the Damascus countryside.", [("Damascus countryside", "rif-dimashq-governorate")]),
    ("The Baghdad provincial council met.", [("Baghdad", "baghdad-governorate")]),  # and its governor's
    ("He was the Governor of Babylon until 2009.", [("Babylon", "babil-governorate")]),
    # A district, a kaza, a road named after towns is none of the towns.
    ("It is the centre of the Abu Kamal District.", []),
    ("The kaza of Abu Kamal had 15,000 people.", []),
    ("The M2 Baghdad–Damascus Highway was closed.", []),
    ("Trucks drove from Baghdad to Damascus.", [("Baghdad", "baghdad"), ("Damascus", "damascus")]),
])
def test_areas_named_after_a_town_are_not_the_town(geoparser, text, expected):
    assert sites(geoparser, text) == expected


@pytest.mark.parametrize("text, surface, reading", [
    ("The Middle East is tense.", "Middle East", "literal"),
    ("Militias along the Euphrates River fired rockets.", "Euphrates River", "literal"),
    ("It is in the Al-Qa'im District of Iraq's Anbar Governorate.", "Iraq", "literal"),
    ("According to Iraq, the strike was illegal.", "Iraq", "metonymic"),
    ("Last night the United States conducted a strike.", "United States", "metonymic"),
    ("It hit a depot in eastern Syria affiliated with the IRGC.", "Syria", "literal"),
    # a compass word between the preposition and the name; a second one is no side's modifier
    ("Strikes hit bases in western Iraq and western Syria.", "Iraq", "literal"),
    ("Strikes hit bases in western Iraq and western Syria.", "Syria", "literal"),
    ("A town in Syria located on the river.", "Syria", "literal"),
    ("A response is due, according to Middle East Deputy Editor Jane Roe.", "Middle East", "associative_modifier"),
])
def test_readings_of_regions_and_sources(geoparser, text, surface, reading):
    assert (surface, reading) in readings(geoparser, text)


def test_a_common_word_opening_a_militias_name_is_no_town(geoparser):
    assert sites(geoparser, "Fighters of Liwa al-Tafuf and Saraya Awliya al-Dam fired rockets.") == []


@pytest.mark.parametrize("text, expected", [
    ("Israel Katz said the strikes would go on.", []),
    ("Jordan Bardella spoke in Paris.", [("Paris", "paris")]),
    ("Rockets flew from Israel toward Jordan.", [("Israel", "israel"), ("Jordan", "jordan")]),
    ("Israel Gaza talks stalled.", [("Gaza", "gaza-strip")]),
])
def test_a_place_that_is_a_first_name_before_a_surname_is_a_person(geoparser, text, expected):
    assert [(s, site) for s, site in sites(geoparser, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Tower 22 map.svg", []),
    ("File:Al-Tanf garrison 2017.jpg", []),
    ("The map (Tower 22.png) shows that Tower 22 lies in Jordan.", [("Tower 22", "tower-22"), ("Jordan", "jordan")]),
    ("Image: Deir ez-Zor (2017) skyline.jpg shows Baghdad", [("Baghdad", "baghdad")]),  # a name holds parentheses
])
def test_a_name_in_a_file_name_is_no_mention(geoparser, text, expected):
    assert [(s, site) for s, site, _, _ in parse(geoparser, text)] == expected


def test_an_airport_code_is_no_mention(geoparser):
    assert parse(geoparser, "Al Asad Airbase (ICAO: ORAA) and Erbil (IATA: EBL, ICAO: ORER)")[0][:2] == \
        ("Al Asad Airbase", "ain-al-asad")
    assert [s for s, *_ in parse(geoparser, "ICAO: ORAA, ORER, OJMS")] == []


@pytest.mark.parametrize("text, expected", [
    ("officials said Pentagon Press Secretary Pat Ryder", [("Pentagon", "associative_modifier")]),
    ("Attacks\n\nAl-Asad air base\n\nIt was hit.", [("Al-Asad air base", "literal")]),
    ("Gen. Jordan said", []),
    ("in Iraq. Jordan said", [("Iraq", "literal"), ("Jordan", "metonymic")]),
    ("Iran's Islamic Revolutionary Guard Corps launched missiles", [("Iran", "metonymic")]),
    ("ties with the Revolutionary Guard Corps-Qods Force's commander", []),
])
def test_titles_headings_and_possessive_organisations(geoparser, text, expected):
    assert readings(geoparser, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("USS Carney and U.S. forces", [("U.S.", "united-states")]),  # a ship's prefix is no "US"
    ("SANA reported the strike", []),  # the agency, not Sanaa: capitals spell a name exactly
    ("IRAQ AND SYRIA", [("IRAQ", "iraq"), ("SYRIA", "syria")]),
    ("at the Clive E. Beck Center", []),  # a given name before an initial
    ("said Dana Stroul", []),
    ("the U.S. 5th Fleet and the United States Code", []),
    ("Mission Support Site Conoco, a.k.a. MSS Euphrates, near the Conoco gas field",
     [("Mission Support Site Conoco", "mission-support-site-conoco"), ("MSS Euphrates", "mission-support-site-conoco"),
      ("Conoco gas field", "conoco-gas-field")]),
    ("SOUTHWEST ASIA — Near East, South Asia", [("SOUTHWEST ASIA", "western-asia"), ("Near East", "middle-east"),
                                              ("South Asia", "south-asia")]),
])
def test_acronyms_initials_and_regions(geoparser, text, expected):
    assert [(s, site) for s, site, status, _ in parse(geoparser, text) if status == "resolved"] == expected


@pytest.mark.parametrize("text, surface, reading", [
    ("spoke today with King Abdullah II of Jordan to convey", "Jordan", "metonymic"),
    ("the Amir of the State of Kuwait", "State of Kuwait", "metonymic"),
    ("condolences to the people of Kuwait", "Kuwait", "metonymic"),
    ("the city of Erbil", "Erbil", "literal"),
    ("amid the Israel–Hamas war, militants", "Israel", "associative_modifier"),
    ("the Iraq–Syria border", "Syria", "literal_modifier"),
    ("14,616 U.S. and allied airstrikes", "U.S.", "associative_modifier"),
    ("no U.S. or coalition casualties", "U.S.", "associative_modifier"),
    ("fight against the US and the coalition forces", "US", "associative_modifier"),
    ("Iran and its proxies", "Iran", "metonymic"),  # a state with what it has
    ("Baghdad and its suburbs", "Baghdad", "literal"),  # a place with its parts
    ("aggression against the United States", "United States", "metonymic"),
    ("missiles and drones against Israel", "Israel", "literal"),  # a blow on its territory
    ("hostilities in or against Iran", "Iran", "literal"),
    ("sanctions against Iran", "Iran", "metonymic"),
    ("the key highway between Damascus and Baghdad", "Damascus", "literal"),
    ("Location of Erbil", "Erbil", "literal"),
    ("one of Tehran's earliest Iraqi proxies", "Tehran", "metonymic"),
    ("permit Iran to set an agenda", "Iran", "metonymic"),
    ("Tehran has long shown disregard for lives", "Tehran", "metonymic"),
])
def test_readings_of_titles_compounds_and_coordinations(geoparser, text, surface, reading):
    assert [r for s, r in readings(geoparser, text) if s == surface] == [reading]


def test_a_pipeline_named_after_two_cities_is_neither(geoparser):
    assert parse(geoparser, "the Kirkuk–Haifa oil pipeline and the Hejaz Railway") == []


@pytest.mark.parametrize("text, surface, reading", [
    ("The Adjutant General of New Jersey, left", "New Jersey", "metonymic"),
    ("the capabilities and influence of Israel, Iran", "Iran", "metonymic"),
    ("the invasion of Iraq in 2003", "Iraq", "literal"),
    ("February 2024 United States bombing of Iraq", "United States", "associative_modifier"),
    ("attacks on U.S. armed forces stationed there", "U.S.", "associative_modifier"),
    ("Iran\u2011affiliated militia groups", "Iran", "associative_modifier"),
])
def test_readings_of_states_attributes_and_modifiers(geoparser, text, surface, reading):
    assert [r for s, r in readings(geoparser, text) if s == surface] == [reading]


@pytest.mark.parametrize("text, expected", [
    ("COMMITTEE ON FOREIGN RELATIONS JAMES E. RISCH, Idaho, Chairman MARCO RUBIO, Florida",
     [("Idaho", "associative_modifier"), ("Florida", "associative_modifier")]),
    ("The PRESIDING OFFICER. The Senator from Texas.", [("Texas", "associative_modifier")]),
    ("Mr. Wilson of South Carolina introduced the bill", [("South Carolina", "associative_modifier")]),
    ("born in COLUMBUS, Georgia", [("COLUMBUS", "literal"), ("Georgia", "literal")]),
])
def test_a_state_a_member_of_congress_represents_is_associative(geoparser, text, expected):
    assert readings(geoparser, text) == expected


@pytest.mark.parametrize("text, surface, reading", [
    ("He regards Iran's Supreme Leader Ali Khamenei as his guide.", "Iran", "metonymic"),
    ("supporting a stable, secure, and independent Iraq.", "Iraq", "metonymic"),
    ("Baghdad's Green Zone was hit.", "Baghdad", "literal"),
])
def test_readings_of_office_holders_and_statehood(geoparser, text, surface, reading):
    assert (surface, reading) in readings(geoparser, text)


def test_a_roster_names_states_not_the_cities_that_bear_their_names(geoparser):
    text = "ELIOT L. ENGEL, New York BRAD SHERMAN, California ADAM SMITH, Washington, Chairman"
    found = [(m.surface, m.site_id, m.reading) for m in geoparser.parse("t", text)]
    assert found == [("New York", "us-ny", "associative_modifier"), ("California", "us-ca", "associative_modifier"),
                     ("Washington", "us-wa", "associative_modifier")]  # and SHERMAN is no town in Texas


def test_one_member_and_the_state_by_its_name_is_the_members(geoparser):
    assert readings(geoparser, "MITT ROMNEY, Utah, spoke.") == [("Utah", "associative_modifier")]


def test_one_name_and_state_is_no_roster(geoparser):
    # a dateline, or a single "NAME, State": the state's city stays the city
    found = [(m.surface, m.site_id) for m in geoparser.parse("t", "FORT STEWART, Georgia -- Soldiers flew to New York.")]
    assert found == [("FORT STEWART", "fort-stewart"), ("Georgia", "us-ga"), ("New York", "new-york")]


def test_names_listed_after_an_organisations_own_name_end_it_too(geoparser):
    text = "the Subcommittee on Near East, South Asia, Central Asia, and Counterterrorism met on Iraq."
    assert readings(geoparser, text) == [("Iraq", "literal")]
    # but a place listed after an organisation named by its first words is a place
    assert [s for s, _ in readings(geoparser, "U.S. Central Command, Iraq and Syria")] == ["Iraq", "Syria"]


def test_a_hearings_title_under_the_publishing_offices_header_is_no_place(geoparser):
    text = ("[From the U.S. Government Publishing Office]\nS. Hrg. 118-380\nTEHRAN'S SHADOW ARMY: ADDRESSING IRAN'S "
            "PROXY NETWORK IN THE MIDDLE\nEAST\n=========\nHEARING\nBEFORE THE\nCOMMITTEE\nThe attacks in Iraq went on.")
    assert readings(geoparser, text) == [("Iraq", "literal")]


@pytest.mark.parametrize("text", ["the United States Constitution", "50 U.S.C. 1541",
                                  "the Authorization for Use of Military Force Against Iraq", "al-Qaida in Iraq"])
def test_laws_codes_and_groups_named_after_a_country(geoparser, text):
    assert readings(geoparser, text) == []


def test_threats_to_a_state_and_to_its_forces(geoparser):
    assert readings(geoparser, "threats to the United States and threats to U.S. forces") == [
        ("United States", "metonymic"), ("U.S.", "associative_modifier")]


@pytest.mark.parametrize("text, expected", [
    ("in Baghdad's Green Zone", [("Baghdad", "baghdad"), ("Green Zone", "green-zone")]),
    ("part of the Roman vassal states", []),
    ("the organization Badr and the Badr Brigade", []),
    ("along the Yarmouk River", [("Yarmouk River", "yarmouk-river")]),
])
def test_possessives_adjectives_organisations_and_rivers(geoparser, text, expected):
    assert [(s, site) for s, site, status, _ in parse(geoparser, text) if status == "resolved"] == expected


@pytest.mark.parametrize("text, expected", [
    ("the Office of Security Cooperation-Iraq (OSC-I)", []),
    ("Multi-National Corps – Iraq and United States Forces – Iraq", []),
    ("the U.S. House of Representatives", []),
    ("Congress Should Act\n\nWASHINGTON – U.S. Senator Todd Young said", [("WASHINGTON", "literal"),
                                                                        ("U.S.", "associative_modifier")]),
    ("the Iraq-Syria border", [("Iraq", "literal_modifier"), ("Syria", "literal_modifier")]),
])
def test_a_country_after_a_dash_that_ends_an_organisations_name(geoparser, text, expected):
    assert readings(geoparser, text) == expected


def test_a_roster_member_whose_name_is_a_towns_is_a_member(geoparser):
    text = "DAVID N. CICILLINE, Rhode Island JEFF DUNCAN, South Carolina AMI BERA, California MO BROOKS, Alabama"
    assert [(m.surface, m.site_id) for m in geoparser.parse("t", text)] == [
        ("Rhode Island", "us-ri"), ("South Carolina", "us-sc"), ("California", "us-ca"), ("Alabama", "us-al")]


@pytest.mark.parametrize("text, expected", [
    ("funded by the Iraq Train and Equip Fund in 2016", []),
    ("the Popular Mobilization Forces (Iraq) and the Ministry of Defence (Iraq)", []),
    ("the M4 highway (Aleppo–Mosul), the road", []),
    ("the Council of Representatives of Iraq voted", []),
    ("a professor at the University of Southern Denmark", []),
    ("Alma materUniversity of Baghdad\n", []),  # an infobox label run into the name by copied text
    ("Liwa al-Sayyida Ruqayya and Saraya al-Quds fought", []),  # armed groups' names (brigade, companies)
    ("the Treaty of Versailles and the Baghdad Pact", []),  # treaties
    ("درس في جامعة بابل", []),  # the University of Babylon: Arabic writes the kind before the name
    ("IRAN WAR POWERS RESOLUTION\n\nMr. McGOVERN. Madam Speaker", []),
    # but an acronym in parentheses is the facility's, and a place in them after a place is a place
    ("The Landstuhl Regional Medical Center (LRMC), also", [("Landstuhl Regional Medical Center", "literal"),
                                                           ("LRMC", "literal")]),
    ("Camp Taji (Iraq) was hit", [("Camp Taji", "literal"), ("Iraq", "literal")]),
])
def test_names_inside_longer_names_of_organisations_funds_and_roads(geoparser, text, expected):
    assert readings(geoparser, text) == expected


def test_a_name_on_a_line_of_its_own_is_no_organisations(geoparser):
    text = "Camp Arifjan\n\nCoordinates: 28.878; 48.1579\n\nCamp Arifjan\nPatton Army Heliport\nKuwait\n"
    assert [m.site_id for m in geoparser.parse("t", text)] == ["camp-arifjan"] * 3 + ["kuwait"]


def test_a_name_after_a_tribes_albu_is_the_tribes(geoparser):
    assert readings(geoparser, "fighters of the Albu Khabur tribe") == []
    assert sites(geoparser, "Drones struck Albu Kamal again.") == [("Albu Kamal", "albukamal")]


@pytest.mark.parametrize("text, expected", [
    ("The White House\n\nOffice of the Vice President", [("White House", "the-white-house")]),  # a heading
    ("in 2172 Rayburn House Office Building\nSubcommittee on Africa", [("Rayburn House Office Building",
                                                                         "rayburn-house-office-building")]),
    ("of the United States \n     Constitution.", []),  # a wrapped line goes on
])
def test_a_name_goes_on_to_the_next_line_only_where_the_text_wraps(geoparser, text, expected):
    assert [(s, site) for s, site, _, _ in parse(geoparser, text)] == expected


def test_a_seat_of_government_heading_a_release_is_its_issuer(geoparser):
    assert readings(geoparser, "The White House\n\nOffice of the Press Secretary\n\nHe spoke at the White House.") \
        == [("White House", "metonymic"), ("White House", "literal")]
    assert readings(geoparser, "Camp Arifjan\nKuwait\n") == [("Camp Arifjan", "literal"), ("Kuwait", "literal")]


@pytest.mark.parametrize("text, expected", [
    ("sites developed by the American company Conoco.", []),
    ("the newspaper Al Anbar Daily reported", []),
    ("missiles launched from East Azerbaijan province, Iran", [("Iran", "literal")]),
    ("a professor of the University of North Texas", []),
    # but the company's place, and a country before its own province word, stay places
    ("the company's office in Baghdad", [("Baghdad", "literal")]),
])
def test_names_after_an_organisations_kind_and_provinces_named_after_a_country(geoparser, text, expected):
    assert readings(geoparser, text) == expected


def test_a_head_noun_names_a_lower_layers_site_of_its_kind(geoparser):
    # the curated city shadows the world layer's state of its name, but "the state of" names the state
    assert sites(geoparser, "They represent the state of New York.") == [("New York", "us-ny")]
    assert sites(geoparser, "They flew to New York.") == [("New York", "new-york")]


def test_a_states_postal_code_is_a_members_state_or_a_places_parent(geoparser):
    text = "Senators Kevin Cramer (R-ND) and Ted Cruz (R-TX) met at Fort Irwin, CA, and in NE Syria."
    assert [(m.surface, m.site_id, m.reading) for m in geoparser.parse("t", text)] == [
        ("ND", "us-nd", "associative_modifier"), ("TX", "us-tx", "associative_modifier"),
        ("Fort Irwin", "fort-irwin", "literal"), ("CA", "us-ca", "literal"), ("Syria", "syria", "literal")]


def test_a_lower_layers_town_outside_the_country_named_as_its_parent_is_another_place(geoparser):
    # the fallback layer's Sahab lies in Jordan; "Sahab, Iraq" is another town
    assert sites(geoparser, "The rockets fell in Sahab, Iraq.") == [("Iraq", "iraq")]
    assert sites(geoparser, "The rockets fell in Sahab, Jordan.") == [("Sahab", "gn-247105"), ("Jordan", "jordan")]


@pytest.mark.parametrize("text, surface, reading", [
    ("The population of Baghdad in 2011 was large", "Baghdad", "literal"),  # its inhabitants, not its state
    ("condolences to the people of Kuwait", "Kuwait", "metonymic"),
])
def test_the_population_of_a_capital_is_the_place(geoparser, text, surface, reading):
    assert (surface, reading) in readings(geoparser, text)


def test_a_dynastys_name_is_no_place(geoparser):
    assert readings(geoparser, "under the kings of the First Dynasty of Babylon.") == []


@pytest.mark.parametrize("text, expected", [
    ("the Azraq oasis, the only permanent source of water", []),  # an area named after the town, not it
    ("Talabani was President and Da’wa (Shiite party) leader al-Jafari", []),  # a party
    ("They met in Azraq on Monday.", [("Azraq", "literal")]),
])
def test_an_oasis_or_a_basin_named_after_a_town_and_a_party_are_not_the_town(geoparser, text, expected):
    assert readings(geoparser, text) == expected


INFOBOX = ("Kata'ib X\nAllegiance Iran (IRGC)\nActive regionsSouthern Iraq, Baghdad\nAllies Syria\nRussia\n"
           "Opponents United States\nIsrael\nLocationErbil, Iraq\n\nJordan is a country.")


@pytest.mark.parametrize("surface, reading", [
    ("Iran", "metonymic"),  # the field's label glued or spaced before the state
    ("Syria", "metonymic"), ("Russia", "metonymic"),  # a list of states, one a line
    ("United States", "metonymic"), ("Israel", "metonymic"),
    ("Iraq", "literal"),  # a place field's value: the list ended at its label
    ("Jordan", "literal"),  # after a blank line: prose
])
def test_states_in_an_infobox_field_of_actors_are_metonymic(geoparser, surface, reading):
    assert dict(readings(geoparser, INFOBOX))[surface] == reading


def test_a_country_named_after_its_airport_stays_the_country(geoparser):
    text = "Camp Lemonnier adjoins Djibouti–Ambouli International Airport. Djibouti hosts US forces."
    assert ("Djibouti", "djibouti") in sites(geoparser, text)
