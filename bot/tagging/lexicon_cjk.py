"""Korean and Japanese vocabulary, matched on characters by korean.py (substrings: compounds and particles count).

Rules: the same kinds as lexicon.py (DPRK signals, cyber words, sector nouns, target words, agents, other states),
plus lure and source markers. In Korean and Japanese these follow the noun they mark ("통일부를 사칭한",
"研究員を名乗り", "보안업체에 따르면") or precede it ("가짜 ... 스타트업"). Sector nouns name organisations or
people who were hit, never the security firm that reports the attack.
"""

# fmt: off
DPRK = [
    "북한", "북측", "북 해킹", "북한발", "대북", "조선민주주의인민공화국", "정찰총국", "김정은", "평양", "北朝鮮",
    "朝鮮民主主義人民共和国",
]
CYBER = [
    "해킹", "해커", "사이버", "악성코드", "악성 코드", "랜섬웨어", "피싱", "취약점", "백도어", "공격그룹",
    "공격 그룹", "해킹조직", "해킹 조직", "정보탈취", "APT",
    "보안업계", "보안업체", "보안 업체", "보안기업", "사이버보안", "정보보호", "침해사고", "디도스", "DDoS",
    "가상자산 탈취", "암호화폐 탈취", "ハッカー", "サイバー",
    "マルウェア", "ハッキング", "標的型", "脆弱性", "不正アクセス",
    # the IT-worker scheme (IT workers hired under false identities)
    "IT 노동자", "IT 인력", "IT 근로자", "IT 개발자", "정보기술 노동자", "정보·기술 노동자", "기술 노동자", "위장 취업",
    "원격 취업", "IT労働者", "IT技術者",
]
# North Korea written as one Hanja in Korean headlines (北 해커, 美·北): a DPRK signal only standing alone, not
# inside a Han or kana word (北京, 北米, 東北, 北部) nor after 탈 (탈北자, a defector). See korean.py.
DPRK_HANJA = "北"
# Scheme words: with a DPRK signal near, the companies hiring these workers (technology) were hit.
SCHEME = [
    "IT 노동자", "IT 인력", "IT 근로자", "IT 개발자", "정보기술 노동자", "정보·기술 노동자", "기술 노동자", "위장 취업",
    "원격 취업", "IT労働者", "IT技術者",
]
# Sector nouns: Korean, then Japanese.
NOUNS = {
    "cryptocurrency": [
        "가상자산", "가상화폐", "암호화폐", "코인 거래소", "거래소", "디파이", "블록체인", "비트코인", "이더리움",
        "코인", "핫월렛", "暗号資産", "仮想通貨", "交換業者", "取引所", "ビットコイン", "暗号通貨",
    ],
    "finance": [
        "은행", "금융기관", "금융회사", "금융권", "금융사", "증권사", "카드사",
        "銀行", "金融機関",
    ],
    "defense": [
        "방산", "방위산업", "방산업체", "군사기관", "국방부", "국방 분야", "군사 분야", "군 관계자",
        "防衛産業", "防衛関連", "防衛省",
    ],
    "aerospace": [
        "항공우주", "항공사", "항공",
        "航空宇宙", "航空会社",
    ],
    "space": [
        "위성 운영", "우주항공청",
    ],
    "government": [
        "정부기관", "정부 기관", "공공기관", "외교부", "통일부", "외교관", "부처",
        "政府機関", "外務省", "省庁",
    ],
    "think-tanks-academia": [
        "싱크탱크", "대학", "연구기관", "연구소", "연구원", "북한 전문가", "교수", "연구자", "학자", "학계",
        "대북 전문가",
        "シンクタンク", "大学", "研究者", "研究機関",
    ],
    "healthcare": [
        "병원", "의료기관", "제약사", "보건 분야", "보건분야", "공중보건", "의료 분야", "헬스케어",
        "病院", "医療機関",
    ],
    "energy": [
        "에너지", "원자력", "발전소", "한국수력원자력",
        "原子力", "発電所", "電力会社", "エネルギー企業", "エネルギー会社",
    ],
    "technology": [
        "IT 기업", "소프트웨어 기업", "소프트웨어 업체", "소프트웨어 개발사", "소프트웨어 회사",
        "IT기업", "개발자", "유지보수 업체", "유지보수업체", "유지관리 업체", "IT 업체",
        "IT업체", "솔루션 업체", "솔루션업체",
        "IT企業", "ソフトウェア企業", "開発者",
    ],
    "telecommunications": [
        "통신사", "이동통신",
        "通信会社", "通信事業者",
    ],
    "media": [
        "언론", "기자", "방송사", "언론사",
        "報道関係者", "報道機関", "記者", "放送局",
    ],
    "judiciary": [
        "법원", "사법", "법원행정처", "대법원",
        "裁判所",
    ],
    "manufacturing": [
        "조선업", "조선소", "반도체", "제조업",
        "製造業", "造船", "半導体",
    ],
}
AGENTS = [
    "해커", "해커들", "해킹조직", "해킹 조직", "해킹그룹", "공격그룹", "공격 그룹", "북한", "북측", "공격자",
    "攻撃者", "ハッカー", "攻撃グループ", "北朝鮮",
]
TARGET = [
    "공격", "해킹", "표적", "겨냥", "탈취", "침투", "유출", "피해", "노려", "노린", "노렸", "노리", "빼돌", "타깃",
    "대상으로", "상대로", "감염", "발송", "보냈", "보낸", "암호화", "채용", "취업", "털린", "털었", "털어", "털려",
    "훔쳐", "훔친", "훔쳤",
    "標的", "狙", "攻撃", "窃取", "侵入", "盗", "感染", "奪取", "流出",
]
# Target words that make a sentence naming cryptocurrency a theft of it (see frames.py).
CRYPTO_THEFT = (
    "탈취", "빼돌", "털린", "털었", "털어", "털려", "훔쳐", "훔친", "훔쳤", "窃取", "盗", "奪取", "流出", "해킹",
)
# Other states' hackers: a sentence naming them (and no DPRK agent) does not give DPRK sectors.
OTHER_STATES = [
    "중국", "러시아", "이란", "中国", "ロシア", "イラン",
]
# Games, anime, characters: an ambiguous name in a text with these and no DPRK evidence is the character.
FICTION = [
    "보스", "캐릭터", "애니메이션", "시즌", "게임", "팝업", "웹툰", "드라마", "ゲーム", "アニメ", "キャラクター",
]
# Continuations that make a vocabulary word another word: 기자회견 (a press conference), 언론 보도 (press reports as
# the source), 공격자 (the attacker, not a target).
NOT_BEFORE = {"기자": ("회견", "간담"), "언론": ("보도",), "공격": ("자",)}
# Lure markers after a sector noun (its particle may sit between) and before it, within the same clause.
LURE_AFTER = (
    "사칭", "위장", "행세", "도용", "명의", "가장한", "가장해", "가장하", "인 것처럼", "인것처럼", "인 척", "흉내",
    "로고", "처럼 꾸", "을 빙자", "를 빙자", "빙자",
    "を装", "になりすま", "を名乗", "名乗", "を騙", "を装っ", "のロゴ", "を偽", "の名前を使", "の名前で", "の名義",
    "의 이름으로", "의 이름을", "이름을 도용",
)
LURE_BEFORE = ("가짜", "허위", "위장한", "사칭한", "偽の", "偽")
# Source markers after a sector noun: the organisation reports, it was not hit ("보안업체에 따르면").
# A byline ("[... 기자]", "기자 =") and the issuers of a joint alert ("부처 합동") too.
SOURCE_AFTER = ("에 따르면", "는 밝혔", "은 밝혔", "によると", "は発表", "]", "=", "합동")
# fmt: on
