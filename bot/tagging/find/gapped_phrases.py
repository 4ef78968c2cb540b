"""Cyber context written as a phrase whose words may stand apart, in a sentence that names the DPRK: mail sent under
a false name (사칭 메일, なりすましメール, "기자 사칭해 ... 메일"), accounts taken over ("hijacked the social media
accounts of"), machines taken over or used as relays (PC 장악, PCを遠隔操作, "servers as relays"), a network broken
into (not by missiles), a server or mail broken into in Korean (서버 뚫, 뚫린 메일), communications stolen (not by a
human spy), a breach of personal or customer data blamed on the DPRK; and, from bot.tagging.find.gapped_schemes, the
phrases of its money and job schemes (IT workers placed in companies, cryptocurrency stolen, laundered or seized).

Rules: each phrase is one pattern, tried on each DPRK sentence in the order below (then the schemes'); the first that
matches adds one "cyber" Hit for the sentence (frames.add_cyber), so signals.py pairs it with the DPRK signal. A
pattern runs only when the text holds one of its words (a substring test, far cheaper than the pattern); a sentence its
guard matches (missiles for a network breach, a human spy for stolen communications) is passed over.
"""

from __future__ import annotations

import re

from bot.tagging.find.frames import ARMS, add_cyber
from bot.tagging.find.gapped_schemes import SCHEMES
from bot.tagging.read.context import Context
from bot.tagging.read.nlp import Hit


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
_GENERAL = (
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
    # "email scams", "phishing scams" (twelfth round): fraud by mail or online
    (
        "scam mail",
        ("scam",),
        re.compile(r"\b(?:e-?mail|phishing|online|text|sms|messaging|investment|romance)\s+scams?\b", re.I),
        None,
    ),
    # 北朝鮮に털린 개인정보 (twelfth round): robbed by the DPRK
    (
        "robbed by the north",
        ("털",),
        re.compile(r"(?:북한|北|북)(?:에|에게|에게서)\s?털(?:린|렸|려|리)"),
        None,
    ),
    # コインチェックの流出事件は北朝鮮が絡んでいた (twelfth round): an outflow incident the DPRK had a hand in
    (
        "outflow involvement",
        ("流出", "流失"),
        re.compile(r"(?:流出|流失)(?:事件|問題|被害)[^。\n]{0,15}?(?:絡ん|関与|関わ|仕業|犯行|背後)"),
        None,
    ),
    # 金融システムへの攻撃, サーバーへの攻撃 (twelfth round): computer systems attacked
    (
        "systems attacked",
        ("攻撃",),
        re.compile(
            r"(?:システム|サーバー?|ネットワーク|ホームページ|ウェブサイト|電算網)(?:へ|に対する|を狙った)の?\s?攻撃"
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
)
_GAPPED = (*_GENERAL, *SCHEMES)
