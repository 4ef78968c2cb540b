"""Table-driven tagger cases: aliases, confusers, DPRK verdicts, sectors, evidence. Sentences are our own."""

import pytest

from bot.records import Tags
from bot.tagging import get_tagger


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


def tag(tagger, title: str, text: str = "", language=None) -> Tags:
    return tagger.tag(title, text, language=language)


ALIASES = [
    ("Researchers tie the intrusion to Hidden Cobra operators.", "Lazarus Group"),
    ("Microsoft says Diamond Sleet exploited the flaw.", "Lazarus Group"),
    ("ZINC hackers sent trojanized PDF readers.", "Lazarus Group"),
    ("BlueNoroff malware targets macOS users.", "APT38"),
    ("The BeagleBoyz emptied ATMs in a cash-out scheme.", "APT38"),
    ("Stardust Chollima used fake venture capital sites in a phishing wave.", "APT38"),
    ("Onyx Sleet deployed ransomware against hospitals.", "Andariel"),
    ("APT45 has shifted from espionage to ransomware.", "Andariel"),
    ("Emerald Sleet phishing emails impersonated journalists.", "Kimsuky"),
    ("The THALLIUM group registered lookalike domains for phishing.", "Kimsuky"),
    ("ScarCruft spread a backdoor through a hijacked website.", "APT37"),
    ("InkySquid exploited a browser bug to install malware.", "APT37"),
    ("Storm-1789 pushed a malicious tank game to developers.", "Moonstone Sleet"),
    ("Jade Sleet compromised a software vendor, researchers said.", "TraderTraitor"),
    ("UNC4736 operators exploited a Chromium zero-day.", "Citrine Sleet"),
    ("Nickel Tapestry fake developers applied for remote jobs.", "Famous Chollima"),
    ("Opal Sleet spear-phishing lures mention unification policy.", "Konni"),
    ("CERIUM hackers targeted defense media.", "Ruby Sleet"),
    ("LAWRENCIUM phishing hit South Korean officials.", "Pearl Sleet"),
    ("DEV-0530 ransomware encrypted small businesses.", "H0lyGh0st"),
]


@pytest.mark.parametrize(("text", "actor"), ALIASES)
def test_english_alias_resolves_to_canonical(tagger, text, actor):
    tags = tag(tagger, text)
    assert actor in tags.actors
    assert tags.dprk_cyber


KOREAN = [
    ("북한 해킹조직 김수키가 국방부 직원을 노린 피싱 메일을 보냈다.", "Kimsuky"),
    ("보안업계는 이번 공격의 배후로 라자루스를 지목했다.", "Lazarus Group"),
    ("북한 해커 조직 ‘라자루스’는 가상자산 거래소를 해킹했다.", "Lazarus Group"),
    ("북한 연계 해킹그룹 라자루스(Lazarus)가 악성코드를 유포했다.", "Lazarus Group"),
    ("「안다리엘」은 방산업체를 겨냥한 랜섬웨어 공격을 벌였다.", "Andariel"),
    ("북한 해킹조직 안다리엘의 악성코드가 발견됐다.", "Andariel"),
    ("킴수키는 외교부 사칭 피싱 공격을 이어가고 있다.", "Kimsuky"),
    ("스카크루프트가 유포한 악성코드는 북한 인권단체를 노렸다.", "APT37"),
    ("“스카크러프트”와 북한 해킹 조직들의 공격이 늘었다.", "APT37"),
    ("라사루스 해커들이 은행 전산망을 해킹했다고 북한 전문가가 밝혔다.", "Lazarus Group"),
    ("『블루노로프』 그룹은 가상자산 업체를 노린 해킹을 벌였다.", "APT38"),
]


@pytest.mark.parametrize(("text", "actor"), KOREAN)
def test_korean_alias_with_particles_quotes_brackets(tagger, text, actor):
    tags = tag(tagger, "", text)
    assert actor in tags.actors, tags.evidence
    assert tags.dprk_cyber


def test_japanese_alias(tagger):
    tags = tag(tagger, "北朝鮮のハッカー集団ラザルスが暗号資産を窃取", "", language="ja")
    assert tags.actors == ("Lazarus Group",)
    assert tags.dprk_cyber


def test_hangul_detected_without_language(tagger):
    tags = tag(tagger, "김수키 공격", "북한 해킹조직 김수키가 통일부를 사칭한 피싱 메일을 보냈다.")
    assert tags.actors == ("Kimsuky",)


CONFUSERS = [
    ("Zinc prices climb", "Zinc rose to a two-month high as smelters cut output and zinc stocks fell."),
    ("Drone lost", "An MQ-9 Reaper crashed during a surveillance flight over the sea, officials said."),
    ("Malawi", "President Lazarus Chakwera opened parliament and promised to fight corruption."),
    ("Travel", "Konni is a small town in Kerala known for its elephant training centre and river walks."),
    ("Weather", "Freezing rain and sleet will make roads slick; Diamond Head beach stays sunny."),
    ("Weapons plant", "The laboratory will cast plutonium pits; PLUTONIUM handling rules were updated."),
    ("게임 소식", "디아블로의 보스 안다리엘이 새 시즌에 돌아온다. 라자루스 대주교도 등장한다."),
    ("Bible study", "Jesus raised Lazarus from the dead, the gospel says."),
]


@pytest.mark.parametrize(("title", "text"), CONFUSERS)
def test_confusers_do_not_trigger(tagger, title, text):
    tags = tag(tagger, title, text)
    assert not tags.dprk_cyber
    assert tags.actors == ()
    assert tags.score < 0.5


NON_CYBER_DPRK = [
    ("North Korea fires missile", "Pyongyang launched a ballistic missile into the sea on Sunday."),
    ("Sanctions on tankers", "Treasury sanctioned vessels for ship-to-ship transfers of oil with North Korea."),
    ("Spy satellite", "North Korea put a reconnaissance satellite into orbit, state media said."),
    ("Reactor", "The DPRK is running its plutonium reactor at Yongbyon again, inspectors said."),
    ("Troops", "North Korean soldiers were deployed to the front line, officials said."),
    ("Launch", "North Korea fired a rocket on Monday. Separately, Japan passed a cybersecurity law."),
    ("미사일", "북한이 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다."),
]


@pytest.mark.parametrize(("title", "text"), NON_CYBER_DPRK)
def test_non_cyber_dprk_news_is_related_only(tagger, title, text):
    tags = tag(tagger, title, text)
    assert tags.dprk_related
    assert not tags.dprk_cyber
    assert tags.sectors == ()


OTHER_STATES = [
    ("Volt Typhoon", "Chinese state hackers hid in water utilities and pipelines for years, the advisory says."),
    ("APT28 profile", "Russia's APT28, also tracked as STRONTIUM, Forest Blizzard and Group 74, targets ministries."),
    ("Iranian hackers", "IRGC-linked hackers defaced industrial controllers at hospitals and energy firms."),
    ("LockBit", "Police seized ransomware servers and 200 cryptocurrency accounts of the gang."),
]


@pytest.mark.parametrize(("title", "text"), OTHER_STATES)
def test_other_state_actors_are_not_dprk(tagger, title, text):
    tags = tag(tagger, title, text)
    assert not tags.dprk_related
    assert not tags.dprk_cyber
    assert tags.actors == () and tags.sectors == ()


def test_subgroup_and_umbrella_both_named(tagger):
    tags = tag(tagger, "BlueNoroff, a Lazarus subgroup, stole funds from a crypto exchange.")
    assert tags.actors == ("APT38", "Lazarus Group")


def test_malware_raises_score_without_inventing_actor(tagger):
    tags = tag(tagger, "Maui ransomware", "North Korean hackers used Maui ransomware against hospitals.")
    assert tags.malware == ("Maui",)
    assert tags.actors == ()
    assert tags.sectors == ("healthcare",)


SECTORS = [
    ("Lazarus hackers targeted defense and aerospace companies with fake job offers.", {"aerospace", "defense"}),
    ("North Korean hackers stole $40m from banks and financial institutions.", {"finance"}),
    ("Kimsuky spear-phishing targeted think tanks, universities and journalists.", {"think-tanks-academia", "media"}),
    ("The DPRK group breached a cryptocurrency exchange and a DeFi bridge.", {"cryptocurrency"}),
    ("Andariel attacked hospitals and nuclear power plants with ransomware.", {"healthcare", "energy"}),
    (
        "The North Korean hacking group Lazarus, known for the heist at Bangladesh's central bank, struck again.",
        {"finance"},
    ),
    (
        "North Korean hackers compromised a court network and stole medical certificates and financial records.",
        {"judiciary"},
    ),
    (
        "Kimsuky phishing emails disguised as messages from a bank and a university were sent to diplomats.",
        {"government"},
    ),
    ("North Korea's space agency launched a satellite; Lazarus malware was found on a laptop.", set()),
    ("North Korean IT workers were hired by U.S. companies under fake identities.", {"technology"}),
    ("북한 해킹조직 라자루스가 법원 전산망을 해킹해 자료를 빼돌렸다.", {"judiciary"}),
]


@pytest.mark.parametrize(("text", "sectors"), SECTORS)
def test_sectors_only_when_targeted(tagger, text, sectors):
    assert set(tag(tagger, "", text).sectors) == sectors


def test_sectors_merely_mentioned_do_not_count(tagger):
    text = "Lazarus malware was analysed. Banks reported record profits this quarter and hospitals hired nurses."
    assert tag(tagger, "", text).sectors == ()


def test_indicators(tagger):
    text = (
        "North Korean hackers exploited cve-2024-21338 (T1566.001, T1059) per AA24-207A, ICSA-24-123-01 and "
        "JVNVU#12345678. Funds went to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, "
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, 0x098B716B8Aaf21512996dC57EB0615e2383E2f96 and "
        "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW; not 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb."
    )
    tags = tag(tagger, "IOCs", text)
    assert tags.cves == ("CVE-2024-21338",)
    assert tags.techniques == ("T1059", "T1566.001")
    assert tags.advisories == ("AA24-207A", "ICSA-24-123-01", "JVNVU#12345678")
    assert set(tags.wallets) == {
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
        "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW",
    }


def test_evidence_offsets_point_at_the_substring(tagger):
    title, text = "Alert: Kimsuky returns", "Pyongyang's hackers, aka 김수키가, hit 외교부 staff. BlueNoroff too."
    tags = tag(tagger, title, text)
    full = title + "\n" + text
    assert tags.evidence
    for e in tags.evidence:
        assert full[e.start : e.end] == e.text
    assert {e.value for e in tags.evidence if e.label == "actor"} == {"Kimsuky", "APT38"}


def test_lists_are_sorted_without_duplicates(tagger):
    tags = tag(tagger, "Lazarus and Kimsuky", "Kimsuky and Lazarus Group hackers; Lazarus again. CVE-2023-1 CVE-2023-1")
    assert tags.actors == ("Kimsuky", "Lazarus Group")
    assert list(tags.evidence) == sorted(tags.evidence, key=lambda e: (e.start, e.end, e.label, e.value))


def test_tag_many_matches_tag_and_keeps_order(tagger):
    items = [
        ("Zinc", "zinc prices", None),
        ("김수키", "북한 해킹조직 김수키가 공격했다.", None),
        ("APT37", "ScarCruft malware", "en"),
    ]
    many = tagger.tag_many(items)
    assert many == [tagger.tag(*i) for i in items]
    assert [t.actors for t in many] == [(), ("Kimsuky",), ("APT37",)]


def test_get_tagger_is_cached():
    assert get_tagger() is get_tagger()
