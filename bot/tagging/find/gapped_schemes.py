"""Cyber context of the DPRK's money and job schemes, written as phrases whose words may stand apart (the patterns
bot.tagging.find.gapped_phrases tries on each sentence naming the DPRK): operatives placed in companies as IT workers,
cryptocurrency stolen, laundered, mixed, seized or recovered, gambling sites, AI misused in scams.

Each entry is (value, words one of which the text holds when the pattern can match (lower case), pattern, and a
pattern that rules the sentence out, or None).
"""

from __future__ import annotations

import re

SCHEMES = (
    # "Treasury sanctions mixer used by North Korea to launder stolen funds", "OFAC designates Sinbad mixer": a
    # cryptocurrency mixer (not a kitchen or an audio mixer: laundering, funds or a sanction must be there)
    (
        "crypto mixer",
        ("mixer", "믹서", "ミキサー"),
        re.compile(
            r"\bmixers?\b[^.!?\n]{0,60}?\b(?:launder\w*|stolen|funds|crypto\w*|bitcoin|ether)\b"
            r"|\b(?:OFAC|Treasury|sanction\w*|designat\w*)\b[^.!?\n]{0,40}?\bmixers?\b"
            # 가상화폐 '믹서' 제재
            r"|(?:가상화폐|가상자산|암호화폐|暗号資産|仮想通貨)[^.!?。\n]{0,6}?[‘'“\"]?(?:믹서|ミキサー)",
            re.I,
        ),
        None,
    ),
    # "companies unknowingly hired North Korean developers", "a North Korean developer infiltrated a blockchain
    # project": the IT-worker scheme
    (
        "workers hired",
        ("hired", "hiring", "employed", "infiltrat"),
        re.compile(
            r"\b(?:hired|hiring|employed)\b[^.!?\n]{0,30}?\b(?:developers?|engineers?|programmers?|freelancers?|coders?)\b"
            r"|\b(?:developers?|engineers?|programmers?|coders?)\b[^.!?\n]{0,10}?\binfiltrat\w*",
            re.I,
        ),
        None,
    ),
    # "blocks 1,800 job applications from suspected North Korean agents" (nineteenth round): the scheme's
    # applicants screened out or named as agents (not "job seekers" alone: defectors seek jobs too)
    (
        "applicants screened",
        ("applica",),
        re.compile(
            r"\b(?:job\s+)?applica(?:tions?|nts?)\b[^.!?\n]{0,40}?\b(?:agents|operatives|impostors|imposters)\b"
            r"|\b(?:block\w*|reject\w*|flag\w*|screen\w*)\s+(?:more\s+than\s+|over\s+|some\s+)?(?:[\d,.]+\s+)?"
            r"(?:job\s+)?applica(?:tions|nts)\b",
            re.I,
        ),
        None,
    ),
    # "operatives lure crypto developers with fake companies": the fake-recruiter campaigns against developers
    (
        "developers lured",
        ("lur",),
        re.compile(
            r"\blur(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:developers|engineers|programmers|job\s+seekers)\b", re.I
        ),
        None,
    ),
    # "operatives pose as Japanese freelancers": posing as the workers the scheme places
    (
        "posing as workers",
        ("pose", "posing", "posed"),
        re.compile(
            r"\bpos(?:e|es|ed|ing)\s+as\b[^.!?\n]{0,25}?\b(?:freelancers?|developers?|engineers?|programmers?|"
            r"it workers?|remote workers?|job seekers|applicants|candidates)\b",
            re.I,
        ),
        None,
    ),
    # "operatives infiltrate Western companies", 日本企業に潜り込む北朝鮮工作員: the IT-worker scheme
    (
        "operatives in companies",
        ("operatives", "工作員", "infiltrat"),
        re.compile(
            r"\b(?:operatives|north koreans|workers|nationals)\b[^.!?\n]{0,30}?\binfiltrat\w*[^.!?\n]{0,30}?"
            r"\b(?:compan\w+|firms|businesses|employers)\b"
            r"|(?:企業|会社|外注)[^。\n]{0,8}?(?:潜り込|入り込|潜む|潜入|送りこ|送り込)[^。\n]{0,8}?工作員"
            r"|工作員[^。\n]{0,12}?(?:企業|会社|外注)[^。\n]{0,6}?(?:潜り込|潜む|潜入|に送)"
            r"|(?:開発者|エンジニア|プログラマー)[^。\n]{0,20}?工作員|工作員[^。\n]{0,12}?(?:開発者|エンジニア|プログラマー)"
            r"|(?:企業|会社)[^。\n]{0,8}?に[^。\n]{0,4}?工作員",  # 仮想通貨企業の2割に北朝鮮工作員
            re.I,
        ),
        None,
    ),
    # "uses generative AI in scams" (not AI in weapons: a scam, a job or a hack must follow)
    (
        "ai misuse",
        (" ai", "artificial intelligence", "llm"),
        re.compile(
            r"\b(?:us(?:e|es|ed|ing)|leverag\w*|exploit\w*|abus\w*|misus\w*|weaponi\w*)\s+(?:generative\s+)?"
            r"(?:AI|artificial intelligence|LLMs?)\b[^.!?\n]{0,40}?\b(?:scams?|fraud\w*|phishing|jobs?|hack\w*|"
            r"interviews?|résumés?|resumes?|malware|crypto\w*)\b",
            re.I,
        ),
        None,
    ),
    # "U.S. seizes crypto tied to North Korea", "seize $1.7M in crypto": the proceeds of the DPRK's thefts, forfeited
    (
        "crypto seized",
        ("seiz", "forfeit", "freez", "froze"),
        re.compile(
            r"\b(?:seiz\w*|forfeit\w*|freez\w*|froze|frozen)\b(?:[^.!?\n]|\.(?=\d)){0,30}?"
            r"\b(?:crypto\w*|bitcoin|ether|tether|usdt|stablecoins?|tokens)\b",
            re.I,
        ),
        None,
    ),
    # "North Koreans worked remotely for US firms", "helped North Koreans obtain telecommuting jobs", "helped North
    # Korea access U.S. tech companies", "helping North Koreans defraud US companies": the IT-worker scheme
    (
        "remote work",
        ("remotely", "telecommut", "remote job", "remote work", "access", "defraud"),
        re.compile(
            r"\bwork(?:s|ed|ing)?\s+remotely\b|\btelecommut\w*|\bremote\s+(?:jobs?|work|positions?|employment)\b"
            r"|\baccess(?:es|ed|ing)?\s+(?:[\w.]+\s+){0,2}?(?:tech(?:nology)?\s+)?(?:companies|firms)\b"
            r"|\bdefraud\w*\s+(?:[\w.]+\s+){0,2}?(?:companies|firms|employers|businesses)\b",
            re.I,
        ),
        None,
    ),
    # 비트코인 스위스서 환수, 暗号資産を押収: the proceeds of the DPRK's thefts recovered (eleventh round); 仮想通貨口座
    # の凍結, 가상자산 계좌 동결: frozen (fourteenth round)
    (
        "crypto recovered",
        ("환수", "압수", "몰수", "押収", "没収", "回収", "凍結", "동결"),
        re.compile(
            r"(?:비트코인|가상자산|암호화폐|가상화폐|이더리움|暗号資産|仮想通貨|ビットコイン)[^.!?。\n]{0,20}?"
            r"(?:환수|압수|몰수|押収|没収|回収|凍結|동결)"
        ),
        None,
    ),
    # 불법 도박사이트 운영, "online gambling sites": the DPRK's IT units' revenue (eleventh round)
    (
        "gambling sites",
        ("도박", "賭博", "gambling", "カジノ", "카지노", "casino"),
        re.compile(
            r"도박\s?사이트|賭博サイト|オンラインカジノ|온라인\s?카지노|\bgambling\s+(?:sites?|websites?|apps?|programs?)\b"
            r"|\bonline\s+(?:gambling|casinos?)\b",
            re.I,
        ),
        None,
    ),
    # "TV shows unknowingly used North Korean animators", "unwittingly hired North Koreans": the scheme
    (
        "unknowingly hired",
        ("unknowingly", "unwittingly", "inadvertently"),
        re.compile(r"\b(?:unknowingly|unwittingly|inadvertently)\s+(?:hired|employed|used|paid|contracted)\b", re.I),
        None,
    ),
    # 북한 IT 조직 적발: the DPRK's IT unit named as such (not a company's own IT 조직: only after the DPRK's name)
    (
        "dprk it unit",
        ("it 조직", "it조직"),
        re.compile(r"(?:북한|北|북)(?:의)?\s?IT\s?조직"),
        None,
    ),
    # "deepfakes in job interviews", 딥페이크로 화상 면접, ディープフェイクで採用面接 (the IT-worker scheme)
    (
        "deepfake applicant",
        ("deepfake", "deep-fake", "딥페이크", "ディープフェイク"),
        re.compile(
            r"(?:deep-?fakes?|딥페이크|ディープフェイク)[^.!?。\n]{0,30}?(?:interview|job|hiring|recruit|applicant|"
            r"면접|채용|취업|구직|面接|採用|就職|求人|応募)"
            r"|(?:interview|job|hiring|applicant|면접|채용|취업|面接|採用|就職|応募)[^.!?。\n]{0,30}?"
            r"(?:deep-?fakes?|딥페이크|ディープフェイク)",
            re.I,
        ),
        None,
    ),
    # "the remote IT person at your company might be working for North Korea", "North Korea's infiltration into
    # American IT" (twelfth round): the IT-worker scheme's staff (IT in capitals: not the pronoun)
    (
        "it staff",
        (
            "it person",
            "it people",
            "it guy",
            "it staff",
            "it employee",
            "it hire",
            "it contractor",
            "it freelancer",
            "it professional",
            "infiltrat",
        ),  # fmt: skip
        re.compile(
            r"\bIT\s+(?:person|people|guys?|staff(?:ers)?|employees?|hires?|contractors?|freelancers?|professionals?)\b"
            r"|\binfiltrat\w*\s+(?:into|of)\s+(?:\S+\s+){0,2}?IT\b"
        ),
        None,
    ),
    # 북 노동자 "신원 위장해 미국 IT업체도 취업" (twelfth round): jobs under a false identity
    (
        "disguised employment",
        ("위장", "취업"),
        re.compile(
            r"(?:신원|신분|국적)\s?(?:을|를)?\s?위장[^.!?\n]{0,20}?(?:취업|채용|일자리)"
            r"|IT\s?(?:업체|기업|회사)[^.!?\n]{0,8}?취업"
        ),
        None,
    ),
    # 暗号資産230億円を資金洗浄, 가상자산 자금세탁 (twelfth round): cryptocurrency laundered
    (
        "crypto laundered",
        ("洗浄", "マネーロンダリング", "マネロン", "세탁"),
        re.compile(
            r"(?:暗号資産|仮想通貨|ビットコイン|가상자산|암호화폐|가상화폐|비트코인)[^.!?。\n]{0,20}?"
            r"(?:資金洗浄|マネーロンダリング|マネロン|洗浄|자금\s?세탁|세탁)"
        ),
        None,
    ),
    # "North Korea Emerges as Major Cryptocurrency Threat" (twelfth round): a threat to, or thieves of, crypto
    (
        "crypto threat",
        ("crypto", "bitcoin", "blockchain", "defi"),
        re.compile(
            r"\b(?:crypto\w*|bitcoin|blockchain|defi)\s+(?:threats?|thie(?:f|ves)|theft|heists?|attackers?|criminals?)\b",
            re.I,
        ),
        None,
    ),
    # 仮想通貨詐欺で荒稼ぎ, 가상자산 사기, "crypto scams" (twelfth round): fraud for cryptocurrency
    (
        "crypto fraud",
        ("詐欺", "사기", "scam", "fraud"),
        re.compile(
            r"(?:暗号資産|仮想通貨|暗号通貨|ビットコイン|가상자산|암호화폐|가상화폐|코인)\s?(?:投資)?(?:詐欺|사기)"
            r"|\bcrypto(?:currency)?\s+(?:scams?|frauds?|investment\s+scams?)\b",
            re.I,
        ),
        None,
    ),
    # 暗号業界への巧妙な攻撃, 仮想通貨取引所を狙った攻撃 (twelfth round): attacks on the crypto industry
    (
        "crypto industry attacked",
        ("攻撃",),
        re.compile(
            r"(?:暗号|仮想通貨|暗号資産|ビットコイン)[^\s。、]{0,6}?(?:への|を狙った|を標的とした|を標的に)[^。、]{0,6}?攻撃"
        ),
        None,
    ),
)
