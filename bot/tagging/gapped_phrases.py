"""Cyber context written as a phrase whose words may stand apart, in a sentence that names the DPRK: mail sent under
a false name (사칭 메일, なりすましメール, "기자 사칭해 ... 메일"), accounts taken over ("hijacked the social media
accounts of"), machines taken over or used as relays (PC 장악, PCを遠隔操作, "servers as relays"), a network broken
into (not by missiles), a server or mail broken into in Korean (서버 뚫, 뚫린 메일), communications stolen (not by a
human spy), operatives inside companies (the IT-worker scheme), a breach of personal or customer data blamed on the
DPRK, AI misused in scams, cryptocurrency seized, the DPRK's IT unit (북한 IT 조직), deepfakes in job interviews.

Rules: each phrase is one pattern, tried on each DPRK sentence in the order below; the first that matches adds one
"cyber" Hit for the sentence (frames.add_cyber), so signals.py pairs it with the DPRK signal. A pattern runs only when
the text holds one of its words (a substring test, far cheaper than the pattern); a sentence its guard matches (missiles
for a network breach, a human spy for stolen communications) is passed over.
"""

from __future__ import annotations

import re

from bot.tagging.context import Context
from bot.tagging.frames import ARMS, add_cyber
from bot.tagging.nlp import Hit


def add_gapped_phrases(ctx: Context) -> None:
    """Add a cyber Hit for each sentence naming the DPRK that holds one of the phrases below."""
    dprk_sents = ctx.sents_of(ctx.hits("dprk"))
    if not dprk_sents:
        return
    lower = ctx.text.lower()
    gapped = [(value, pattern, unless) for value, words, pattern, unless in _GAPPED if any(w in lower for w in words)]
    added = []
    for s in sorted(dprk_sents):
        for value, pattern, unless in gapped:
            m = pattern.search(ctx.sent_text(s))
            if m and unless is not None and unless.search(ctx.sent_text(s)):
                continue
            if m:
                start = ctx.starts[s] + m.start()
                added.append(Hit("cyber", value, start, start + len(m.group()), m.group(), -1, -1))
                break
    add_cyber(ctx, added)


_HUMAN_SPY = re.compile(r"\b(?:spy|spies|agent|agents)\b|간첩|공작원|スパイ|工作員", re.IGNORECASE)
# (value, words one of which the text holds when the pattern can match (lower case), pattern, and a pattern that
# rules the sentence out, or None)
_GAPPED = (
    # 사칭 메일, なりすましメール, "기자 사칭해 ... 메일"
    (
        "impersonation mail",
        ("사칭", "위장", "なりすま", "成り済ま", "を装", "名乗"),
        re.compile(
            r"(?:사칭|위장|なりすま|成り済ま|を装|名乗)[^.!?。\n]{0,30}?(?:메일|이메일|전자우편|문자|メール)"
            r"|(?:메일|이메일|メール)[^.!?。\n]{0,6}?(?:사칭|なりすま)"
        ),
        None,
    ),
    # "hijacked the social media accounts of", "took over email accounts", "hijacked South Korean PCs"
    (
        "account takeover",
        ("hijack", "took over", "take over", "takes over", "taking over"),
        re.compile(
            r"\b(?:hijack\w*|took over|take over|takes over|taking over)\b[^.!?\n]{0,40}?"
            r"\b(?:accounts?|PCs|computers|servers)\b",
            re.I,
        ),
        None,
    ),
    # PC 100여대 장악, PCを遠隔操作, 서버 경유, "used South Korean servers as relays": machines taken over or used
    (
        "machines taken over",
        ("pc", "컴퓨터", "서버", "サーバ", "パソコン", "端末", "server"),
        re.compile(
            r"(?:PC|컴퓨터|서버|サーバー|サーバ|パソコン|端末)[^.!?。\n]{0,10}?(?:장악|원격\s?조종|경유|악용|乗っ取|遠隔操作|踏み台|悪用)"
            r"|\bservers?\b[^.!?\n]{0,10}?\bas\s+(?:relays?|proxies|proxy|launch\s?pads?|stepping stones?)\b",
            re.I,
        ),
        None,
    ),
    # "breached the networks of defense firms" (not "a network of defectors")
    (
        "network breach",
        (
            "breach",
            "infiltrat",
            "penetrat",
            "broke into",
            "break into",
            "breaks into",
            "compromis",
            "tapped into",
            "hacked into",
            "gained access to",
        ),
        re.compile(
            r"\b(?:breach\w*|infiltrat\w*|penetrat\w*|broke into|break into|breaks into|compromis\w*|tapped into|"
            r"hacked into|gained access to)\b"
            r"[^.!?\n]{0,40}?\b(?:networks?|systems|servers?|computers)\b(?!\s+of\s+(?:defectors|spies|agents))",
            re.I,
        ),
        ARMS,  # "missiles that could penetrate defense systems"
    ),
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
    # "spies on officials' phones", "snooped on e-mails": devices and mail spied on (a verb: not the noun after an
    # adjective, "North Korean spies on trial")
    (
        "devices spied on",
        ("spies on", "spied on", "spying on", "snoop", "eavesdrop"),
        re.compile(
            r"(?<!korean\s)\b(?:spies|spied|spying|snoops?|snooped|snooping|eavesdrop\w*)\s+on\b[^.!?\n]{0,40}?"
            r"\b(?:phones|smartphones|mobile phones|e-?mails|computers|messages|chats|communications|inboxes)\b",
            re.I,
        ),
        None,
    ),
    # 서버 뚫었다, 北에 뚫린 청와대 메일: a server, a network or mail broken into (not a border: 철책 뚫려)
    (
        "network broken into",
        ("뚫",),
        re.compile(
            r"(?:서버|전산망|내부망|인트라넷|메일|이메일|홈페이지|보안망|망분리|방화벽)[^.!?。\n]{0,6}?뚫"
            r"|뚫(?:린|렸|려)[^.!?。\n]{0,12}?(?:서버|전산망|내부망|인트라넷|메일|이메일|홈페이지|보안망|망분리|방화벽)"
        ),
        None,
    ),
    # "stole the messages of diplomats", 통화내역·문자메시지 빼내, 高官のメール盗み出す: communications stolen
    (
        "communications stolen",
        ("stole", "steal", "theft of", "intercept", "빼내", "빼돌", "탈취", "훔", "盗", "窃取", "抜き取", "털"),
        re.compile(
            r"\b(?:stole|stolen|steal\w*|theft of|intercept\w*)\b[^.!?\n]{0,20}?\b(?:messages|e-?mails|"
            r"communications|call records|text messages|data)\b"
            r"|(?:통화\s?(?:내역|내용)|문자\s?메시지|메시지|이메일|메일|通話内訳|通話記録|メッセージ|メール|データ|ファイル)"
            r"[^.!?。\n]{0,12}?(?:빼내|빼돌|탈취|훔|盗み出|盗ん|盗ま|窃取|抜き取)"
            # 신용카드 정보 털었다 (eleventh round): data robbed (not 털어놓다, to confide)
            r"|(?:정보|자료|데이터)(?:를|을)?\s?털(?!어\s?놓|어놨)",
            re.I,
        ),
        _HUMAN_SPY,  # "a North Korean spy stole data on troop movements": a human agent's theft
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
    # 個人情報流出、背後に北朝鮮か; 고객정보 유출 배후는 북한: a breach of personal or a company's data blamed on the
    # DPRK (not secrets leaked by spies: 機密, 군사기밀 are no such data)
    (
        "data breach blamed",
        ("背後", "배후", "関与", "소행", "犯行", "仕業", "blamed", "behind"),
        re.compile(
            r"(?:(?:個人|顧客|会員|グループ|企業|会社|社)情報(?:が|の)?流出|(?:개인|고객|회원)\s?정보\s?유출|"
            r"data (?:breach|leak))[^.!?。\n]{0,30}?(?:背後|배후|関与|소행|犯行|仕業|blamed|behind)"
            r"|(?:背後|배후|関与|소행|犯行|仕業)[^.!?。\n]{0,30}?(?:(?:個人|顧客|会員)情報(?:が|の)?流出|"
            r"(?:개인|고객|회원)\s?정보\s?유출)",
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
        ("seiz", "forfeit"),
        re.compile(
            r"\b(?:seiz\w*|forfeit\w*)\b(?:[^.!?\n]|\.(?=\d)){0,30}?\b(?:crypto\w*|bitcoin|ether|tether|usdt|stablecoins?|"
            r"tokens)\b",
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
    # 비트코인 스위스서 환수, 暗号資産を押収: the proceeds of the DPRK's thefts recovered (eleventh round)
    (
        "crypto recovered",
        ("환수", "압수", "몰수", "押収", "没収", "回収"),
        re.compile(
            r"(?:비트코인|가상자산|암호화폐|가상화폐|이더리움|暗号資産|仮想通貨|ビットコイン)[^.!?。\n]{0,20}?"
            r"(?:환수|압수|몰수|押収|没収|回収)"
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
)
