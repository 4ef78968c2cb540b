"""Korean and Japanese vocabulary, matched on characters by korean.py (substrings: compounds and particles count).

Rules: the same kinds as lexicon.py (DPRK signals, cyber words, sector nouns, target words, agents, other states),
plus lure and source markers. In Korean and Japanese these follow the noun they mark ("통일부를 사칭한",
"研究員を名乗り", "보안업체에 따르면") or precede it ("가짜 ... 스타트업"). Sector nouns name organisations or
people who were hit, never the security firm that reports the attack.
"""

# fmt: off
# The DPRK's hacking units by number: DPRK signals and cyber words at once.
HACKING_UNITS = ["121국", "121局", "180부대", "180部隊", "110호 연구소", "110号研究所"]
DPRK = [
    "북한", "북측", "북한발", "대북", "조선민주주의인민공화국", "정찰총국", "김정은", "평양", "北朝鮮",
    "北韓",
    "朝鮮民主主義人民共和国",
    # the leader in Japanese; "the North" written 北の or 北 glued to a cyber word (北のハッカー, 北サイバー部隊)
    "金正恩", "偵察総局", "北のサイバー", "北のハッカー", "北のハッキング", "北サイバー", "北ハッカー",
    *HACKING_UNITS,
    # tenth round: the leader by his title in Japanese (金総書記); North Korea as NHK's Korean service writes it
    "金総書記", "북조선",
    # sixteenth round: the earlier leaders, and the schools named after them (김일성대 서버)
    "김일성", "김정일", "金日成", "金正日",
]
# Scheme words (cyber words too): with a DPRK signal near, the companies hiring these workers (technology) were hit.
# Sentence openers that change the subject (lexicon.SHIFTS): "한편, ...", "그런가 하면 ..." (fifteenth round)
SHIFTS = ("한편", "그런가 하면")
SCHEME = [
    "IT 노동자", "IT 인력", "IT 근로자", "IT 개발자", "정보기술 노동자", "정보·기술 노동자", "기술 노동자", "위장 취업",
    "원격 취업", "IT労働者", "IT技術者", "노트북 농장", "偽装就職", "リモートワーク", "リモート勤務", "IT 기술자",
    "偽装就業", "ラップトップファーム", "IT 직원", "IT직원", "IT 외화벌이", "IT 일꾼", "ITワーカー", "IT ワーカー",
    "IT 전문가",  # twelfth round: 北 IT전문가들 ... 美기업서 거액
    "潜入した技術労働者", "潜入した技術者",  # fourteenth round: 北朝鮮から潜入した技術労働者 (tech workers infiltrated)
    "IT공작원", "IT 공작원", "北朝鮮の応募者", "北朝鮮人応募者",  # sixteenth round: IT operatives, the applicants
]
CYBER = [
    "해킹", "해커", "사이버", "악성코드", "악성 코드", "랜섬웨어", "피싱", "취약점", "백도어", "공격그룹",
    "공격 그룹", "해킹조직", "해킹 조직", "정보탈취", "APT",
    "보안업계", "보안업체", "보안 업체", "보안기업", "사이버보안", "정보보호", "침해사고", "디도스", "DDoS",
    "가상자산 탈취", "암호화폐 탈취", "ハッカー", "サイバー",
    "トルネードキャッシュ", "토네이도 캐시",  # the mixer, as "tornado cash" in the English list (twelfth round)
    "マルウェア", "ハッキング", "標的型", "脆弱性", "不正アクセス",
    # eighth session: the kinds of malware and attack in Japanese and Korean news
    "ランサムウェア", "フィッシング", "バックドア", "スパイウェア", "ゼロデイ", "トロイの木馬", "ボットネット",
    "스파이웨어", "제로데이", "트로이목마", "봇넷",
    # the IT-worker scheme (IT workers hired under false identities)
    *SCHEME,
    # false identities (the IT-worker scheme), intrusions, virus mail
    "偽の身元", "偽の身分", "身元を偽", "身分を偽", "신분 위장", "신분을 위장", "不正侵入", "ウイルスメール",
    # eleventh round: a threat actor and its attack techniques in Japanese
    "脅威アクター", "攻撃手法",
    "ウイルス付きメール", "コンピューターウイルス", "바이러스 메일", "プログラマー", "프로그래머",
    # job lures (fake job offers, fake interviews)
    "偽の求人", "偽求人", "가짜 채용", "허위 채용", "가짜 구인", "偽の採用", "偽の面接",
    "偽の就職", "偽の履歴書", "가짜 이력서", "가짜 면접", "허위 이력서",
    # attackers and unauthorized outflows or acquisitions in Japanese
    "攻撃グループ", "攻撃者", "不正流出", "不正取得", "不正に取得", "IT要員", "身分偽", "身元偽", "在宅勤務",
    "北朝鮮技術者", "北朝鮮人技術者", "アプリ開発", "IT기업 취업", "원격 IT", "불법 원격",
    "IT工作員", "サーバーダウン", "サーバーがダウン", "서버 다운", "リモートワーカー", "원격 근무자",
    "ITエンジニア", "IT 엔지니어",
    # eighth session: a computer network broken into (侵入 alone may be troops')
    "ネットワーク侵入", "ネットワークに侵入", "システムに侵入", "サーバーに侵入", "전산망 침투", "전산망에 침투",
    "전산망 침입", "전산망에 침입", "내부망 침투", "내부망에 침투", "내부망에 침입",
    # tenth round: foreign currency earned online (the hacking units' revenue)
    "온라인 외화벌이", "사이버 외화벌이", "인터넷 외화벌이", "온라인으로 외화벌이", "해킹으로 외화벌이",
    # tenth round: a development environment, a cloud, a PC broken into; the scheme's "IT warriors"
    "開発環境に侵入", "クラウドに侵入", "パソコンに侵入", "端末に侵入", "社内網に侵入", "개발 환경에 침투",
    "클라우드에 침투", "IT戦士", "IT 전사",
    # a software maker breached to reach its customers
    "공급망 공격", "공급망 해킹", "サプライチェーン攻撃",
    # a theft of information or technical data (in a headline with 北: the DPRK's hackers took it)
    "정보 탈취", "자료 탈취", "기술 탈취", "기술자료 탈취", "기밀 탈취", "정보 빼돌", "자료 빼돌",
    "情報を窃取", "技術を窃取", "データを窃取", "機密を窃取", "情報窃取", "技術窃取", "情報が盗", "情報を盗", "情報盗",
    # malicious mail and programs, illicit transfers (online-banking theft)
    "악성 메일", "악성메일", "해킹 메일", "악성 프로그램", "악성프로그램", "偽メール", "なりすましメール",
    "악성 전자우편", "악성 이메일", "악성이메일", "ネット障害", "전산망 마비", "전산망이 마비",
    "不正プログラム", "不正送金", "ITスパイ",
    # ninth session: accounts taken over, passwords stolen, wallet addresses
    "계정 탈취", "계정을 탈취", "계정 해킹", "계정을 해킹", "계정 도용", "アカウント乗っ取", "アカウントを乗っ取",
    "アカウントの乗っ取", "비밀번호 탈취", "비밀번호를 탈취", "비밀번호 빼내", "비밀번호를 빼내", "비밀번호를 빼돌",
    "パスワードを盗", "パスワード盗", "パスワードを窃取", "パスワード窃取", "지갑 주소", "ウォレットアドレス",
    # a fourth battery by kind: smishing, malicious apps and packages, watering holes, defacement, zombie PCs,
    # browser extensions, VPNs, ransomware's Japanese name
    "스미싱", "スミッシング", "악성 앱", "악성앱", "不正アプリ", "悪質なアプリ", "悪意あるアプリ", "악성 패키지",
    "悪意あるパッケージ", "悪意のあるパッケージ", "不正なパッケージ", "워터링홀", "워터링 홀", "水飲み場攻撃",
    "홈페이지 변조", "홈페이지를 변조", "웹사이트 변조", "ホームページ改ざん", "ホームページが改ざん", "サイト改ざん",
    "サイトが改ざん", "좀비PC", "좀비 PC", "ゾンビPC", "확장 프로그램", "拡張機能", "VPN", "身代金要求型",
    "欠陥を悪用",
    # a fifth battery by kind: AI misused (not the DPRK's own AI work), scam coins and rug pulls
    "AIを悪用", "AI悪用", "AI 악용", "AI를 악용", "인공지능 악용", "인공지능을 악용", "ChatGPT", "チャットGPT",
    "챗GPT", "オープンAI", "OpenAI", "오픈AI", "スキャムコイン", "스캠 코인", "스캠코인", "ラグプル", "러그풀",
    # the DPRK's hacking units; hiring fraud; foreign currency seized
    *HACKING_UNITS, "採用詐欺",
    "求人詐欺", "就職詐欺", "채용 사기", "채용사기", "구인 사기", "外貨奪取", "外貨を奪", "外貨を略奪", "資金を奪取",
    "위장 앱", "위장앱", "偽装アプリ",
    # a sixth battery by kind: files, addresses and certificates of an intrusion
    "악성 파일", "악성파일", "不正ファイル", "悪意あるファイル", "電子証明書",
    "디지털 인증서", "コード署名証明書",
    # a seventh battery: network separation breached, an intranet broken into
    "망분리", "망 분리", "内部網に侵入", "内部ネットワークに侵入", "イントラネットに侵入",
    # a ninth battery (Korean headline idioms): account credentials, an intranet broken into, fake apps
    "계정 정보 노", "계정 정보를 노", "계정정보 노", "계정정보를 노", "인트라넷 침투", "인트라넷에 침투",
    "인트라넷 해킹", "가짜 앱", "가짜앱",
    # sixteenth round: mail robbed (북한, 장성 '개인 이메일' 털었다)
    "이메일' 털", "이메일’ 털", "이메일 털", "이메일을 털", "메일 계정 털", "메일을 털",
    # sixteenth round: DDoS as Japanese and Korean news also case it; machines infected with a computer virus or
    # made bots (a virus alone may be a disease's)
    "DDos", "DDOS", "ＤＤｏＳ", "ボット化", "コンピューターウィルス", "コンピュータウイルス", "コンピュータウィルス",
    *(f"{machine}{particle}{virus}" for machine in ("パソコン", "PC", "端末", "サーバー", "サーバ", "コンピューター")
      for particle in ("が", "は", "も") for virus in ("ウイルス", "ウィルス")),
    *(f"{machine}{particle}바이러스" for machine in ("PC", "컴퓨터", "서버")
      for particle in ("가", "이", "는", "도", "가 ", "이 ", "는 ")),
]
# Cryptocurrency laundered (가상자산 세탁, 暗号資産の資金洗浄): the proceeds of the DPRK's thefts; money laundering
# alone (자금세탁, 資金洗浄: ships, banks, front companies) is not cyber.
CYBER += [
    f"{asset}{link}{word}"
    for asset in ("가상자산", "가상화폐", "암호화폐", "코인")
    for link in (" ", "", "을 ", "를 ")
    for word in ("세탁", "돈세탁", "자금세탁")
] + [
    f"{asset}{link}{word}"
    for asset in ("暗号資産", "仮想通貨", "ブロックチェーン企業", "ブロックチェーン")
    for link in ("", "の", "を", "を利用した", "を使った", "を通じた", "を利用した“", "を利用した「")
    for word in ("資金洗浄", "洗浄", "マネロン", "マネーロンダリング")
]
# A software maker breached to reach its customers: technology was hit (as lexicon.SUPPLY_CHAIN).
SUPPLY_CHAIN = ["공급망 공격", "공급망 해킹", "サプライチェーン攻撃"]
# North Korea written as one Hanja in Korean headlines (北 해커, 美·北): a DPRK signal only standing alone, not
# inside a Han or kana word (北京, 北米, 東北, 北部) nor after 탈 (탈北자, a defector). See korean.py.
DPRK_HANJA = "北"
# In Japanese, 北 as the subject (北が, 北は) counts only before a cyber word in its clause (see korean.py).
JA_NORTH_CYBER = r"(?=[^。\n]{0,30}(?:サイバー|ハッキング|ハッカー|不正アクセス|マルウェア|ランサムウェア|窃取))"
# In Japanese, 北 glued to (or with が/の before) the culprit's words: 北の犯行, 北が関与, 北工作員, 北ハッキング部隊.
JA_NORTH_CULPRIT = r"(?=(?:が|の)?(?:関与|犯行|仕業|背後|工作員|ハッキング|ハッカー|サイバー|活動拠点))"
# In Japanese, 北に as the agent of a passive cyber verb in its clause: 北にハッキングされ, 北に盗まれた (not 北に対する
# サイバー攻撃, an attack on the North, nor 北に向かう).
JA_NORTH_AGENT = (
    r"(?=[^。\n]{0,20}?(?:(?:ハッキング|サイバー攻撃|不正アクセス|侵入)(?:され|を受け)|盗まれ|奪われ|窃取され))"
)
# North Korea as one Hangul syllable (북, 北's reading) only where nothing else can be meant: standing alone before a
# comma or a middle dot, or before the words hacker/hacking/a provocation, behind/linked/suspected, malware, cyber,
# the RGB, ransomware, crypto, operatives, IT workers, its workers abroad, ministries and army, backed hacking groups
# ("북, 南겨냥 ...", "북 해커 조직", "북 배후 조직", "북 체신성 소행", "북 지원 해킹 그룹"); not a book (북 콘서트,
# 북 추천, 전자북) nor aid to the North (북 지원 단체).
DPRK_SYLLABLE = (
    r"(?<![\uac00-\ud7a3A-Za-z])북(?=\s?[,·]|\s?(?:해커|해킹|도발|소행|배후|연계|추정|악성코드|사이버|정찰총국|랜섬웨어"
    r"|가상자산|암호화폐|가상화폐|공작원|위장\s?취업|IT\s?(?:인력|노동자|기술자|개발자|조직)|체신성|당국|정권|인민군|보위성"
    r"|노동자|근로자|세력"
    r"|제작\s?(?:악성코드|악성|랜섬웨어|해킹|앱)"  # sixteenth round: 북제작 악성코드 (North-made malware)
    r"|지원\s?(?:해킹|해커|사이버)))"
)
# Space research institutes and agencies (the modifier decides its head; not inside 항공우주연구원: NOT_AFTER)
SPACE_INSTITUTES = ("우주연구소", "우주연구원", "우주연구기관", "宇宙研究機関", "宇宙研究所")
# Sector nouns: Korean, then Japanese.
NOUNS = {
    "cryptocurrency": [
        "가상자산", "가상화폐", "암호화폐", "코인 거래소", "거래소", "디파이", "블록체인", "비트코인", "이더리움",
        "코인", "핫월렛", "暗号資産", "仮想通貨", "交換業者", "取引所", "ビットコイン", "暗号通貨",
        # systematic coverage (issue 16, fourth session): the sector's common news nouns, not a text's
        "디지털자산", "디지털 자산", "가상자산사업자", "크로스체인", "ウォレット", "暗号資産交換業者",
        "ブロックチェーン", "デジタル資産", "DeFi",
        # eighth session: decentralised finance in Japanese
        "分散型金融",
        # eleventh round: the asset's longer Korean names
        "암호화 자산", "암호화자산", "암호자산",
        # ninth session: crypto firms in Japanese shorthand
        "暗号企業", "暗号関連企業", "クリプト企業",
    ],
    "finance": [
        "은행", "금융기관", "금융회사", "금융권", "금융사", "증권사", "카드사",
        "저축은행", "보험사", "핀테크", "은행권", "시중은행", "현금자동입출금기", "현금인출기", "現金自動出入機",
        "現金自動預け払い機", "現金自動預払機",
        "銀行", "金融機関", "証券会社", "保険会社", "フィンテック",
    ],
    "defense": [
        "방산", "방위산업", "방산업체", "군사기관", "국방부", "국방 분야", "군사 분야", "군 관계자", "국군", "공군",
        "육군", "해군", "군부대", "지휘관", "합참", "합동참모본부", "방위사업청", "군 당국", "군당국",
        "防衛産業", "防衛関連", "防衛省", "国防省", "国防部", "韓国軍", "米軍", "自衛隊", "軍当局", "軍の基地",
        "軍基地",
        # fifth session: the military's commands and people
        "사이버사령부", "사이버작전사령부", "장병", "軍関係者", "군부",
        # eighth session: military commands and bases
        "사령부", "司令部", "空軍基地", "海軍基地", "공군기지", "해군기지",
        # tenth round: defense science (국방과학연구소, 국방과학기술): the military's research
        "국방과학",
        # twelfth round: officers (陸軍士官学校出身の軍将校, 군 장교)
        "軍将校", "将校", "자위관", "自衛官",
    ],
    "aerospace": [
        "항공우주", "항공사", "항공",
        "航空宇宙", "航空会社", "航空機メーカー",
    ],
    "space": [
        "위성 운영", "우주항공청", "발사체", "宇宙機関", "宇宙航空研究開発機構", "宇宙局", "우주국", "航空宇宙局",
        "항공우주국",
        # tenth round: a space research institute or agency (the modifier decides its head)
        *SPACE_INSTITUTES,
    ],
    "government": [
        "정부기관", "정부 기관", "공공기관", "국가기관", "외교부", "통일부", "외교관", "부처", "国家機関", "공무원",
        "안보기관", "안보 기관", "안보관련 기관", "안보 관련 기관", "안보관련기관",  # eleventh round: security agencies
        "정치인", "정치권", "政治家",
        "公務員", "지자체", "지방자치단체", "행정안전부", "대통령실", "청와대", "首相官邸", "自治体",
        "政府機関", "外務省", "省庁", "官公庁", "大統領府", "外交部", "大使館", "外交官", "대사관",
        "公的機関", "公共機関",
        # fifth session: the aides of who governs
        "대통령 보좌관", "의원 보좌관", "보좌진", "議員秘書", "안보 라인", "안보라인",
        # sixteenth round: the foreign-affairs and security officials as one compound
        "외교안보라인", "외교안보 라인", "외교·안보라인", "외교·안보 라인",
        # and the government's websites attacked (政府系ウェブサイトを狙ったDDoS攻撃, 정부 웹사이트 공격)
        "政府系ウェブサイト", "政府系サイト", "政府のウェブサイト", "政府ウェブサイト", "政府サイト", "정부 웹사이트",
        "정부 홈페이지", "정부웹사이트", "정부홈페이지", "政府のホームページ", "政府系ホームページ",
        # eighth session: lawmakers
        "국회의원", "国会議員", "要人", "政府高官", "고위 공직자", "고위공직자",
        "선거관리위원회", "선관위", "選挙管理委員会", "選管", "외무부", "영사관", "領事館", "総領事館",
        # tenth round: government employees in Japanese
        "政府職員",
    ],
    "think-tanks-academia": [
        "싱크탱크", "싱크 탱크", "대학", "연구기관", "연구소", "연구원", "북한 전문가", "교수", "연구자", "학자",
        "학계", "연구진",
        "대북 전문가", "분야 전문가", "안보 전문가", "외교 전문가", "통일 전문가", "국방 전문가",
        "シンクタンク", "大学", "研究者", "研究機関", "学会", "학회", "대학교", "국책연구기관",
        # fifth session: experts in Japanese
        "学識者", "北朝鮮問題の専門家", "北朝鮮専門家", "安全保障専門家", "安全保障の専門家", "外交専門家",
        "朝鮮半島専門家",
    ],
    "healthcare": [
        "병원", "의료기관", "제약사", "보건 분야", "보건분야", "공중보건", "의료 분야", "헬스케어",
        "病院", "医療機関", "제약회사", "바이오", "製薬会社", "医療機器",
        "코로나19 백신", "코로나 백신",  # eleventh round: a vaccine (not 백신, which is also antivirus software)
    ],
    "energy": [
        "에너지", "원자력", "발전소", "한국수력원자력",
        "原子力", "発電所", "電力会社", "エネルギー企業", "エネルギー会社", "정유사", "원전", "原発",
        # tenth round: a sector written as a company-name suffix or a generic company noun
        "전력공사", "전력회사", "전력 회사", "발전사", "발전 공기업", "전력 공기업",
        "전기 회사", "전기회사",
    ],
    "technology": [
        "IT 기업", "소프트웨어 기업", "소프트웨어 업체", "소프트웨어 개발사", "소프트웨어 회사",
        "IT기업", "개발자", "유지보수 업체", "유지보수업체", "유지관리 업체", "IT 업체", "유지 보수 업체",
        "IT업체", "솔루션 업체", "솔루션업체",
        "IT企業", "ソフトウェア企業", "開発者", "금융보안업체", "금융보안 업체", "보안솔루션 업체", "보안솔루션업체",
        "게임사", "ソフトウェア会社", "IT会社",
        "開発会社", "ソフト開発",
        # tenth round: a sector written as a company-name suffix or a generic company noun
        "소프트웨어 제작사", "소프트웨어 제작업체", "SW 개발사", "SW 업체", "SW업체", "SW 기업", "SW기업",
        "시스템 개발업체",
        # sixteenth round: game makers and security-software vendors by their other names
        "게임업체", "게임 업체", "게임회사", "게임 회사", "ゲーム会社", "ゲーム企業", "금융보안인증 업체",
        "금융보안인증업체", "보안인증 업체", "보안인증업체", "보안소프트웨어 업체", "보안 소프트웨어 업체",
        "보안소프트웨어 제작업체", "보안 SW업체", "보안SW업체", "보안 SW 업체",
    ],
    "telecommunications": [
        "통신사", "이동통신", "이통사", "통신업체", "통신 3사", "이통 3사", "이통3사",
        "通信会社", "通信事業者", "携帯電話会社", "インターネット・サービス・プロバイダ",
        "インターネットサービスプロバイダ",
        # tenth round: a sector written as a company-name suffix or a generic company noun
        "텔레콤", "통신 회사", "통신회사",
    ],
    "media": [
        "언론", "기자", "방송사", "언론사", "전문매체", "언론매체", "언론 매체", "뉴스 매체",
        "報道関係者", "報道機関", "報道各社", "テレビ局",
        "記者", "ジャーナリスト", "저널리스트", "放送局", "言論界", "報道界", "신문사",
        "방송국", "언론인", "新聞社",
        # tenth round: a newspaper by its name's suffix (중앙일보, 한국일보)
        "일보",
    ],
    "judiciary": [
        "법원", "사법", "법원행정처", "대법원", "검찰청", "사법부", "법무법인", "로펌",
        "裁判所", "法律事務所",
    ],
    "manufacturing": [
        "조선업", "조선소", "반도체", "제조업", "제조사", "조선업체", "중공업", "부품업체", "장비업체",
        "製造業", "造船", "半導体", "製造会社", "重工業",
        # tenth round: a sector written as a company-name suffix or a generic company noun
        "조선해양", "조선 업체",
    ],
}
# The military as one syllable (군, 軍), a sector noun only standing alone before a particle or one of its
# networks or people: 우리 군을 노려, 군 전산망에 침투, 政府や軍を標的に, 軍の関係者 (not 국군/북한군/軍事/米軍's own
# word, nor the DPRK's: 북한 군, 北朝鮮の軍 is the owner rule's).
MILITARY_BARE = (
    r"(?<![\uac00-\ud7a3])(?<!북한 )(?<!북 )(?<!북한의 )군"
    r"(?=\s?(?:전산망|내부망|인트라넷|관계자|간부|장병|서버|통신망|지휘부|정보망|책임자|수뇌부|고위|기관)|·관"
    r"|(?:을|의|이|에|과|와)(?![\uac00-\ud7a3]))",
    r"(?<![\u4e00-\u9fff\u30a0-\u30ff])軍(?=[をにのやと、]|関係者)",
)
# Sector modifiers: a sector only joined to an organisation head (국방 분야, 방위 계약업체, 의료서비스 업체, IT 관리
# 회사, 防衛関連企業), across a coordinated list (외국·안보·국방 등 분야, 정부나 정치계, 학계 ... 주요 인사), or right
# before a target marker (중국 정부 등을 대상으로, 政府を狙った). See sectors/cjk.py.
MODIFIERS = {
    "defense": ["국방", "방위", "군사", "군수", "미사일", "무기", "防衛", "国防", "軍事", "ミサイル", "兵器", "武器"],
    "government": ["정부", "공공", "외교", "행정", "정계", "政府", "行政", "外交", "政界", "政治"],
    "finance": ["금융", "증권", "보험", "金融", "保険"],
    "healthcare": ["의료", "보건", "제약", "医療", "製薬", "保健", "ワクチン", "ヘルスケア", "헬스케어"],
    "energy": ["원전", "전력", "電力", "エネルギー", "석유", "가스", "石油", "ガス"],
    "technology": ["IT", "ICT", "SW", "소프트웨어", "솔루션", "클라우드", "ソフトウェア", "ＩＴ"],
    "telecommunications": ["통신", "通信", "携帯電話"],
    "media": ["방송", "미디어", "언론계", "報道", "メディア", "マスコミ"],
    "space": ["우주", "위성", "宇宙", "衛星"],
    "aerospace": ["航空", "航空宇宙", "항공우주", "ロケット", "로켓"],
    "manufacturing": ["제조", "자동차", "화학", "엔지니어링", "기계", "製造", "自動車", "化学", "エンジニアリング"],
    "think-tanks-academia": ["학술", "교육", "学術", "教育", "研究", "学界", "연구"],  # 연구 분야 종사자 (24th)
    "judiciary": ["법률", "法律"],
}
# Organisation heads a modifier attaches to (a head may end a compound: 계약업체, 방위산업체).
HEADS = [
    "업체", "기업", "회사", "기관", "분야", "업계", "산업", "부문", "인사", "종사자", "단체", "시설", "부처",
    "전산망", "기지", "개발사", "企業", "業界", "分野", "機関", "産業", "会社", "業者", "組織", "団体", "部門",
    "関係者", "施設", "メーカー", "人物", "大手",
    "社",  # eleventh round: companies counted (メディア8社, 金融各社)
    "部署",
    "직원",  # twenty-third round: 정부 직원 (government staff), as 政府職員
]
# Words that join the items of a list (and particles ending an item).
LIST_WORDS = (
    "및", "또는", "등", "주요", "각", "각종", "관련", "다양한", "여러", "민간", "など", "や", "と", "関連", "及び",
    "様々な", "民間", "さまざまな", "および", "ならびに", "そして",
)
AGENTS = [
    "해커", "해커들", "해킹조직", "해킹 조직", "해킹그룹", "공격그룹", "공격 그룹", "북한", "북측", "공격자",
    "攻撃者", "ハッカー", "攻撃グループ", "北朝鮮",
]
TARGET = [
    "공격", "해킹", "표적", "겨냥", "탈취", "침투", "유출", "피해", "노려", "노린", "노렸", "노리", "빼돌", "타깃",
    "대상으로", "상대로", "감염", "발송", "보냈", "보낸", "암호화", "채용", "취업", "털린", "털었", "털어", "털려",
    "정보 수집", "정보를 수집", "情報収集", "情報を収集", "마비", "麻痺", "ネット障害", "システム障害",
    "動かなくなった",
    "훔쳐", "훔친", "훔쳤", "절취", "도난", "강탈", "첩보", "목표로 삼",
    "標的", "ハッキング", "狙", "攻撃", "窃取", "侵入", "盗", "感染", "奪取", "強奪", "流出", "を対象に", "ターゲット",
    "略奪", "약탈", "절도",
    # fifth session: mail sent to its targets, a fraudulent transfer
    "送り付け", "送りつけ", "を送っ", "を送信", "送付", "不正送金", "유포", "뚫",
    "장악", "潜入", "잠입", "潜り込", "악성코드를 설치", "악성코드 설치", "악성코드를 심", "에 접근", "에 접촉",
    "に連絡", "に接触", "に接近",
    "身代金を要求", "몸값을 요구", "몸값 요구", "被害を受", "被害に遭", "被害にあ", "不正アクセス", "停止",
    # tenth round: phishing aimed at someone (미국 전기 회사에 피싱을 시도)
    "피싱을 시도", "피싱 공격", "フィッシング攻撃",
    # eighth session: taken over, robbed (passive)
    "乗っ取", "털렸", "奪っ", "奪い", "奪わ", "강도사건", "강도 사건", "빼내", "襲撃",
    "被害者", "被害企業", "被害組織", "被害が出", "被害が確認",
    "対象となっ", "対象になっ", "も対象",
    "목표로 잡",  # twenty-third round: 정부·싱크탱크·대학 직원 등을 목표로 잡았다
]
# Targeting and theft words after which a sector's organisations are what the DPRK aimed at (see frames.py).
# Theft words (a target word starting with one of these is a theft).
THEFT = (
    "탈취", "빼돌", "훔", "절취", "절도", "窃取", "盗", "奪取", "略奪", "약탈", "奪っ", "奪い", "奪わ",
    "강도사건", "강도 사건",
)  # fmt: skip
AIMED = THEFT + (
    "겨냥", "노려", "노린", "노렸", "노리", "표적", "타깃", "狙", "標的", "ターゲット", "潜入", "侵入", "잠입", "침투",
    "潜り込",
    # ninth session: a company attacked (북, 방산업체 공격; 暗号資産企業を攻撃); missiles' targets are ruled out
    "공격", "攻撃",
)
# Organisation heads that make a state sector's noun a company or an industry (방산업체, 防衛関連企業).
COMPANY_HEADS = ("업체", "기업", "회사", "업계", "산업", "사", "企業", "会社", "業界", "産業", "メーカー", "業者")
# Target words that make a sentence naming cryptocurrency a theft of it (see frames.py).
CRYPTO_THEFT = THEFT + ("襲撃", "털린", "털었", "털어", "털려", "流出", "해킹", "도난", "強奪", "강탈")
# Words after a supply-chain word, in its clause, that make it the method ("サプライチェーン攻撃や...といった手法").
MEANS = ("手法", "手口", "수법", "기법")
# Possessors before a sector noun that make it the DPRK's own (북한의 가상자산, 北朝鮮のビットコイン).
OWN_BEFORE = ("북한의", "북한이 보유한", "北朝鮮の", "北朝鮮が保有", "북한", "북측의", "北の")  # 북한 군부 (16th)
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
# Words that another sector's word glued before them makes that sector's institute, not a think tank: 원자력연구원
# (energy), 항공우주연구원 (aerospace), 국방과학연구소 (defense), 宇宙研究機関 (space): the modifier decides its head.
SECTOR_INSTITUTE_BEFORE = (
    "원자력", "핵융합", "항공우주", "우주", "국방과학", "에너지", "전력", "原子力", "核融合", "航空宇宙", "宇宙",
    "防衛", "国防", "エネルギー",
)
NOT_AFTER = {word: SECTOR_INSTITUTE_BEFORE for word in ("연구원", "연구소", "연구기관", "研究機関", "研究所")}
NOT_AFTER["언론"] = ("국영 ", "관영 ", "국영", "관영")  # 국영 언론: the DPRK's state media speaks, no victim
# 수석연구원, 선임연구원: a researcher's title (the one who speaks), not an institute
NOT_AFTER["연구원"] = (*NOT_AFTER["연구원"], "수석", "선임", "책임", "전임", "객원", "수석 ", "선임 ", "책임 ")
# a space institute inside an aerospace one (항공우주연구원 is aerospace)
NOT_AFTER |= {word: ("항공", "航空") for word in SPACE_INSTITUTES}
# social engineering is a technique, not an engineering firm (fourteenth round)
NOT_AFTER["엔지니어링"] = ("소셜 ", "소셜")
NOT_AFTER["エンジニアリング"] = ("ソーシャル・", "ソーシャル", "ソーシャル ")
# the ministries concerned (関係省庁が連携して対応, 관계부처 합동): the government responding, no victim (19th round)
NOT_AFTER |= {word: ("関係", "関係 ", "관계", "관계 ") for word in ("省庁", "부처", "府省庁")}
NOT_BEFORE = {
    # a ministry's accredited reporters (통일부 출입기자): the press, not the ministry
    "통일부": ("출입", "기자단", "를 현재 출입", "를 출입"),
    "외교부": ("출입", "기자단"), "국방부": ("출입", "기자단", "사이버범죄센터", " 사이버범죄센터"),
    "外交部": ("出入り",),
    "国防部": ("出入り",),
    # the Defense Department's Cyber Crime Center (DC3) investigates and attributes: no defence victim (thirteenth)
    "国防省": ("サイバー犯罪センター",), "国防総省": ("サイバー犯罪センター",),
    "국방 분야": ("교수", "전문가", "학자", "연구자"), "군사 분야": ("교수", "전문가", "학자", "연구자"),  # its experts
    # a newspaper that reports (국민일보가 10일 보도했다, 중앙일보에 따르면) is the source, not a victim
    "일보": ("전진", "후퇴", "가", "는", "은", "에 따르면", "의 보도", "보도"),
    # reporters a speaker meets (기자들과 만난 자리에서): the audience, not a victim (fourteenth round)
    "기자": (
        "회견", "간담", "와 통화", "와의 통화", "설명회", "브리핑", "들과 만난", "들과 만나", "들을 만나", "와 만난",
    ),
    "記者": ("会見", "クラブ", "団", "懇談"),
    "대학": ("병원", "교병원", "교 병원", "동창회", "동문회"), "대학교": ("병원",),  # 대학교병원: a hospital (13th)
    "大学": ("病院",), "해군": ("력",),
    "안보기관": ("들은", "은 "), "안보 기관": ("들은", "은 "),  # security agencies that speak (eleventh round)
    "언론": ("보도", "브리핑", "에 공개", "에 밝", "에 알려"), "가상자산": ("지갑 주소", "지갑주소"),
    "사법": ("공조",), "공격": ("자",),
    "은행": ("강도",), "銀行": ("強盗",),
    # a regulator (금융위원회, 금융감독원, 金融庁): the watchdog speaks, no finance victim (thirteenth round)
    "금융": ("위원회", "위원장", "감독원", "감독 당국", "감독당국", "당국", "정보분석원", "위는", "위가"),
    "金融": ("庁", "監督", "当局", "情報"),
    "블록체인": ("기술을 이용", "을 이용", "를 이용", "기술을 활용", "을 활용"),  # the means (eleventh round)
    "항공": ("정찰", "기", "모함"),  # 항공정찰기, 항공기 설계도: aircraft (stolen data), not an airline
}
# Lure markers after a sector noun (its particle may sit between) and before it, within the same clause.
LURE_AFTER = (
    "사칭", "위장", "행세", "도용", "명의", "가장한", "가장해", "가장하", "인 것처럼", "인것처럼", "인 척", "흉내",
    "로고", "처럼 꾸", "을 빙자", "를 빙자", "빙자",
    "を装", "になりすま", "に成りすま", "に成り済ま", "を名乗", "名乗", "を詐称", "詐称", "を騙", "を装っ", "のロゴ",
    "を偽", "の名前を使", "の名前で", "の名義",
    "의 이름으로", "의 이름을", "이름을 도용", "가 되고", "가 되어", "가 되겠", "가 돼",
)
LURE_BEFORE = ("가짜", "허위", "위장한", "사칭한", "偽の", "偽")
# Markers after a sector noun that make it the topic of stolen data (発電所に関する情報, 원전에 관한 자료).
TOPIC_AFTER = ("に関する", "に関わる", "에 관한", "에 관련된", "관련 정보", "관련 자료", "関連情報", "関連の情報")
# A body's capability as the topic (FBIなどの政府機関の能力が高まって): it acts, it was not hit (eleventh round).
CAPACITY_AFTER = ("の能力", "の対応能力", "의 능력", "의 역량", "의 대응 능력", "의 대응능력")
# Markers that cite a source ("보안업체에 따르면", "...によると"); sectors/frames also reads them past an outlet name.
SOURCE_CITED = ("에 따르면", "는 밝혔", "은 밝혔", "가 밝혔", "이 밝혔", "によると")
# Source markers after a sector noun: the organisation reports, it was not hit ("보안업체에 따르면").
# A byline ("[... 기자]", "기자 =") and the issuers of a joint alert ("부처 합동") too.
SOURCE_AFTER = SOURCE_CITED + (
    "は発表", "]", "=", "합동", "에 공유", "과 공유", "와 공유",
    "に共有", "소식통", "가 보도", "이 보도", "의 보도", "で開催", "에서 열린", "에서 개최", "によって明らか",
    "たちによって", "報道官", "대변인", "に聞", "에게 물", "が伝え", "が報じ", "の話として", "の話では",
)
# Impersonation markers that may follow the noun at a distance, past a list ("VOA 기자, NYT 채용담당자로 위장",
# "외신 통신사의 서울 지국 기자라고 소개하며", "政府機関であるかのように"): the nouns before them are the bait.
LURE_LATER = (
    "사칭", "미끼", "詐称", "로 위장", "으로 위장", "라고 소개", "이라고 소개", "라며 접근", "이라며 접근", "라고 속",
    "이라고 속", "것처럼 속", "처럼 속여", "처럼 속인", "것처럼 위장", "보낸 것처럼",
    "を装", "になりすま", "に成りすま", "に成り済ま", "であるかのよう", "を名乗", "と名乗", "を偽",
)
# What an issuer does (a statement, an advisory, a sanction listing): a body doing it in its own sentence, with no
# attack word in between, speaks; it was not hit ("통일부는 성명에서", "외교부가 독자제재 대상으로 지정",
# "외교부와 국가정보원 ... 공동으로 주의보를 내고").
ISSUER_ACTS = (
    "성명", "주의보", "권고문", "당부", "제재 대상", "독자제재", "제재를 부과", "규탄", "경보를 발령", "보도자료",
    "声明", "注意喚起", "制裁対象", "制裁を科", "警戒を促", "注意を促", "경계를 당부", "주의를 당부",
    "분석했", "분석한 결과",
    # sixteenth round: the bodies attending a meeting (14개 부처가 참석한 가운데 개최한 회의), not its victims
    "참석한", "참석해", "참석하는", "出席した", "出席して", "出席する",
    # twenty-third round (recurring in AI and AJ): the investigators' partners ("... 경찰청과 협력하고"), not victims
    "과 협력", "와 협력", "과 공조", "와 공조", "과 함께 수사", "와 함께 수사", "と協力", "と連携", "と共同で捜査",
    # twenty-fourth round: the bodies that jointly issue a statement (6府省庁連名), or hold a briefing (보고회)
    "連名", "보고회",
)
ISSUER_REACH = 60  # characters after the body within which its act is read
# Negations right after a sector noun: "정부·기관이 아닌 개인을 상대로" (not the government but individuals).
NOT_THIS = ("이 아닌", "가 아닌", "이 아니라", "가 아니라", "ではなく", "ではない")
# ... but a question that suspects it: "政府機関ではないか", "ハッキングしたのではないか" (may well have), not a
# negation. The endings are declared once; NOT_A_QUESTION is the lookahead the negation patterns put after ない.
QUESTION_ENDINGS = ("か", "だろう", "でしょう")
QUESTION = f"(?:{'|'.join(QUESTION_ENDINGS)})"
NOT_A_QUESTION = f"(?!{QUESTION})"
SUSPECTED = tuple(f"ではない{e}" for e in QUESTION_ENDINGS)
# The hackers' own unit: a noun right before these, then a hacker word, is the agent's affiliation
# ("사이버사령부 소속 해커들", "偵察総局傘下のハッカー"), not a victim.
AFFILIATION = ("소속", "산하", "예하", "所属", "傘下")
# Judiciary nouns acting (a court issuing a warrant, an indictment in a court): not a victim.
COURT_ACTS = (
    "기소", "영장", "발부", "선고", "재판", "판결", "起訴", "令状", "判決", "당국", "수사", "捜査", "공조", "宣告",
    "無罪", "무죄", "控訴", "항소",
    "언급", "言及",  # 미 사법성(법무부)이 언급한 행위들: the ministry that spoke (fourteenth round)
    # a suit filed with the court (twenty-fourth round): 연방법원에 고소장을 제출, 裁判所に提訴
    "고소", "소송", "소장을", "提訴", "訴訟", "訴え",
)  # fmt: skip
# Markers later in a noun's clause that make it the route of an attack, not its victim (eleventh round): "국내 특정
# 대학 서버는 ... 해킹에 이용됐는데", "大学のサーバーを踏み台に".
ROUTE_LATER = (
    "에 이용됐", "에 이용되", "에 악용됐", "에 악용되", "경유지", "踏み台", "を経由", "に悪用され", "に利用され",
    "우회 침투", "우회침투",
    # twenty-fifth round: mail sent by way of it ("통일부나 산하 단체를 통해서 발송된 것은 아니고"), not to it
    "통해서 발송", "통해 발송",
    # sixteenth round: broken into by way of it (IT 유지보수 업체의 PC를 점거, 우회해 침투)
    "우회해 침투", "우회해서 침투", "우회하여 침투", "우회해 내부망", "を経由して侵入",
    # money laundered through it (해외 금융회사를 통해 돈세탁된, 取引所を通じて資金洗浄): the route (thirteenth round)
    "통해 돈세탁", "통해 자금세탁", "통해 세탁", "を通じて資金洗浄", "を通じてマネーロンダリング", "経由で資金洗浄",
)  # fmt: skip
# fmt: on
