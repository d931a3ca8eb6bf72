"""Find site chrome in the plain text of a news page: mark it, never delete it.

Web text copied or extracted from a news site carries navigation and UI words, donation
appeals, newsletter boxes, "Read next" lists with unrelated teasers, photo credits and
machine-translation credits. Each paragraph is judged on generic features (length, sentence
punctuation, a vocabulary of interface words, dates, script, who it addresses), then block
rules extend a recognised header ("Read next", "A message from ...", "Sign up for our
newsletter") over the paragraphs that carry the same block's signals.

The hard rule is that no paragraph of the article body is marked, so every rule that can mark
prose needs positive evidence in that paragraph itself (an appeal addressed to the reader, a
newsletter word, a teaser introduced by a timestamp); length alone never marks prose.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from corpus import chrome_words as words_of_sites
from corpus.regex_gate import any_opening, factored, gated
from corpus.text import MARK_RANGES, Paragraph, count_words, paragraphs

# Interface words of news sites in general (menus, players, share bars, paywalls), lower case.
# A short line made only of these is navigation; a subheading always has a content word.
_UI_WORDS = frozenset(
    """
    skip to main content navigation menu search home sections section top back next previous
    prev more less show hide open close expand collapse toggle on off yes no ok cancel
    advertisement advert ad ads sponsored promoted partner content live broadcast stream
    video audio photo photos gallery slide slideshow main beginning end of the this article
    story page text listen play pause mute voice read aloud select important highlight
    share shares tweet email print copy link save bookmark like follow us comments comment
    reply log login logout sign in up out register account profile subscribe subscription
    unsubscribe settings language english edition newsletter newsletters alerts notifications
    once monthly annual yearly weekly daily other continue submit send donate support
    accept cookies cookie privacy policy terms use contact about feedback help faq
    rss feed app download mobile desktop version full screen fullscreen view all loading
    facebook twitter x whatsapp telegram vk viber linkedin reddit instagram youtube tiktok
    key events only image caption source republish reuse scroll below above go
    accessibility shortcuts copiar enlace kopieren lien copia collegamento kopiuj kopyala
    копировать скопировать ссылку копіювати посилання одноклассники вконтакте ok odnoklassniki
    וואטסאפ פייסבוק טוויטר טלגרם העתקת קישור שיתוף その他 ライン はてな 링크 복사 카카오톡
    페이스북 트위터 نسخ الرابط واتساب فيسبوك تويتر
    anzeige werbung publicité publicidad pubblicità реклама
    aller au contenu principal zum inhalt springen ir al contenido saltar перейти к
    содержанию cet cette views vues aufrufe просмотры перегляди
    teilen kommentieren merken drucken antworten anmelden abonnieren startseite impressum
    datenschutz kontakt partager réagir répondre écouter imprimer abonnés accueil
    compartir responder imprimir portada condividi rispondi stampa partilhar udostępnij
    odpowiedz drukuj paylaş yanıtla yazdır delen поделиться ответить печать главная
    поділитися відповісти друк головна сподели отговори печат κοινοποίηση απάντηση
    εκτύπωση αρχική 共有 保存 印刷 返信 ログイン 会員登録 新規登録 はてなブックマーク はてブ pocket
    トップ
    分享 回复 打印 首页 首頁 登录 登入 注册 註冊 訂閱 订阅 공유 답글 로그인 회원가입 구독 홈
    مشاركة رد طباعة الرئيسية שתפו הגיבו
    הדפסה शेयर जवाब होम
    """.split()
)
# "Read also", "Most read", "More on this" and the like in the languages of the news: alone,
# they head a list of links; before a colon, one link.


def _fold(text: str) -> str:
    """Text without its accents, as headers are matched: Greek capitals drop their accents
    ("ΔΙΑΒΑΣΤΕ ΑΚΟΜΑ" is "Διαβάστε ακόμα"), and "ढ़" is written as one character or two."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if _PAST_BASIC_PLANE.search(decomposed):
        return decomposed.translate(_UNCOMBINED)  # (each character looked up)
    # (a class of characters drops them at a tenth of a lookup's cost a character: folding
    # was a twentieth of a line's marks)
    return _COMBINING.sub("", decomposed)


class _Uncombined(dict[int, int | None]):
    """`str.translate`'s table that drops combining characters, filled as characters come
    (a character's verdict is looked up once; a generator over every character cost a
    quarter of the marks' time)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_UNCOMBINED = _Uncombined()


def _marks() -> Iterable[str]:
    """Every character of `MARK_RANGES` (its ranges and its single characters)."""
    for first, last in re.findall(r"(.)(?:-(.))?", MARK_RANGES):
        yield from map(chr, range(ord(first), ord(last or first) + 1))


# The combining characters of Unicode's basic plane (all of them marks), which `_fold` drops;
# past the plane, `_UNCOMBINED` looks each character up.
_COMBINING = re.compile(
    "[" + "".join(re.escape(c) for c in _marks() if unicodedata.combining(c)) + "]"
)
_PAST_BASIC_PLANE = re.compile("[\U00010000-\U0010ffff]")


_READ_ALSO_PHRASES = _fold(
    r"most read|ещё по теме|еще по теме|популярное|читайте також"
    r"|читайте (?:также|ещё|еще)|читать (?:также|ещё|еще)|смотрите также|самое читаемое"
    r"|дивіться також|вижте още|прочетете още|още по темата|διαβάστε (?:επίσης|ακόμα|ακόμη)"
    r"|τα πιο δημοφιλή|δημοφιλή|lesen sie auch|meistgelesen"
    r"|les plus lus|à lire aussi|lire aussi|à lire également|te puede interesar|lo más leído"
    r"|leggi anche|i più letti|leia também|veja também|mais lidas|czytaj (?:też|także|również)"
    r"|zobacz (?:też|także)|najczęściej czytane|ayrıca okuyun|ilginizi çekebilir"
    r"|en çok okunanlar|lees ook|meest gelezen|関連記事|関連ニュース|アクセスランキング"
    r"|相关阅读|相關閱讀|延伸閱讀|延伸阅读|推荐阅读|相关新闻|相關新聞|熱門新聞|热门新闻|热点新闻"
    r"|관련기사|관련 기사|많이 본 뉴스|اقرأ أيضا|اقرأ أيضاً|الأكثر قراءة|קראו גם|הכי נקראים"
    r"|यह भी पढ़ें|इसे भी पढ़ें|ये भी पढ़ें|આ પણ વાંચો|सबसे ज्यादा पढ़ी गई|আরও পড়ুন|بیشتر بخوانید"
    r"|پربازدیدترین|อ่านข่าวที่เกี่ยวข้อง|ข่าวแนะนำ|ข่าวยอดนิยม|อ่านเพิ่มเติม|ข่าวที่เกี่ยวข้อง"
    r"|संबंधित समाचार|संबंधित खबरें"
    r"|सबसे ज़्यादा पढ़े गए|सबसे ज्यादा पढ़े गए|ज़रूर पढ़ें|जरूर पढ़ें"
    r"|noticias? relacionadas?|artículos relacionados|lo más visto|leer más|lee también"
    r"|ver también|articles? liés|sur le même sujet|articoli correlati|notícias relacionadas"
    r"|ilgili haber(?:ler)?|çok okunanlar|ilginizi çekebilecek haberler|热门推荐|热点推荐"
    r"|猜你喜欢|相关推荐|相關推薦|熱門推薦|人気記事|おすすめ記事|많이 본 기사|추천 기사"
    r"|ข่าวล่าสุด|ข่าวเกี่ยวข้อง|σχετικά άρθρα|σχετικά θέματα|この記事の関連ニュース"
    r"|ランキング|כתבות נוספות(?: באתר)?|עוד כתבות|हेही वाचा|हे पण वाचा|आणखी वाचा"
    r"|المزيد من الأخبار|أخبار ذات صلة|اخبار مرتبط|مطالب مرتبط"
)
# With a site or a place: "Popular on <Site>", "Mehr aus <Ort>" (they head lists).
_READ_ALSO = (
    rf"popular on [^.!?]{{1,40}}|mehr aus [^.!?]{{1,40}}|{_READ_ALSO_PHRASES}"
    # "Weitere Artikel aus dem Lesachtal:" ("More news from Trump expected on Friday" is news)
    r"|weitere (?:artikel|nachrichten|meldungen) aus (?:[^\s.!?:]+ ){0,2}[^\s.!?:]+:?$"
)
# A newsletter's or a channel's pitch opens by telling the reader to sign up, in any language,
# and names what to sign up to: "Sign up for our morning newsletter and get ...",
# "Підписуйтеся на наш Telegram-канал ...", "Apúntate a nuestra newsletter y recibe ...".
# "Sign up" as a verb is followed ("Sign up rates for the newsletter rose" is news)
_SIGN_UP = r"sign up(?= (?:for|to|now|today|here|and|at|free|with)\b|\s*[.!:,]|\s*$)"
_PITCH_VERBS = _fold(
    rf"(?:{_SIGN_UP}|subscribe|get (?:our|the) [\w ]{{0,30}}newsletter|abonnez-vous|inscrivez-vous"
    r"|abonnieren sie|melden sie sich|подпишитесь|подписывайтесь|підписуйтеся|підпишіться"
    r"|абонирайте се|apúntate|suscríbete|iscriviti|zapisz się|abone ol|εγγραφείτε|падпішыцеся"
    r"|γίνετε συνδρομητής|訂閱|订阅|구독하세요|הירשמו|सब्सक्राइब करें"
    # ("اشترك ممثلو الفصائل في اجتماع": took part in, not subscribe)
    r"|اشترك(?= (?:في|الآن|مجانا|معنا)\b|\s?ب)"
    r"|tilmeld dig|meld deg på|anmäl dig|prenumerera på|schrijf je (?:nu |gratis )?in|abonneer je"
    r"|inscríbase|suscríbase|regístrese|reciba en su correo|recevez|erhalten sie"
    r"|inscreva-se|assine|berlangganan|đăng ký|tilaa|zapisz się na|přihlaste se"
    r"|prihláste sa|feliratkozás|iratkozzon fel|iratkozz fel|abonează-te|pretplatite se"
    r"|naročite se|telli|skráðu þig"
    r"|пријавите се|prijavite se|բաժանորդագրվեք|გამოიწერეთ)\b"
)
_PITCH = gated("^" + _PITCH_VERBS, re.IGNORECASE)
_PITCH_OPENS = ("get", "receive", "sign up", "subscribe", "join")  # (`_DELIVERED_PITCH`'s)
# A pitch of stories "delivered straight to your phone": what the reader gets, and where.
_DELIVERED_PITCH = gated(
    r"^(?:get|receive|sign up for|subscribe to|join)\b[^.!?]{0,140}\b(?:delivered|sent)"
    r" (?:straight |directly |right )?to your (?:phone|inbox|e-?mail|device|whatsapp)\b",
    re.IGNORECASE,
)
# The pitch after a hook, opening the line's second sentence: "Missa inga nyheter om din
# ekonomi. Prenumerera på vårt nyhetsbrev …", "Bạn có đang tìm vé về quê ăn Tết? Đăng ký …"
# (Arabic's question mark: "هل تريد أن تصلك أهم الأخبار؟ اشترك في نشرتنا البريدية")
_PITCH_AFTER_HOOK = gated(r"(?:[.!?؟]\s+|[。！？]\s*)" + _PITCH_VERBS, re.IGNORECASE)
# A channel to follow, with what the reader gets from it: "Sigue a <Site> en WhatsApp y
# recibe ...", "关注…公众号，每天为您推送…" ("Sigue a la espera la reforma" is news).
_FOLLOW = gated(
    _fold(
        r"^(?:follow us|follow (?-i:[A-Z])[^.!?]{0,40} on|síguenos|sigue a|suivez(?:-nous)?"
        r"|folgen sie|seguici|segui|siga(?:-nos)?|obserwuj|takip edin|следите за|стежте за"
        r"|ακολουθήστε|关注|關注|扫码关注|掃碼關注|扫描二维码关注|เพิ่มเพื่อน|ติดตาม|팔로우|تابعوا|تابعونا|עקבו"
        r"|फॉलो करें|हमें फॉलो|следете|пратите|pratite|sledite nam|sledujte nás|i-follow"
        r"|sundan"
        r"|kövess(?:en)? minket|urmăriți-ne|urmărește-ne|volg ons|volg (?-i:[A-Z])|följ oss"
        r"|følg os|følg oss|seuraa meitä|ikuti kami|theo dõi|последвайте ни|ما را دنبال کنید)"
        r"(?:\b|(?=[\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]))"
    ),
    re.IGNORECASE,
)
_FOLLOW_PAYOFF = factored(
    _fold(
        r"recib|receiv|\bget\b|stay (?:up|informed)|erhalt|recev|ricev|receb|получа|отрима"
        r"|λάβ|ενημέρ|\bnews\b|noticias|nachrichten|actualit|notizie|notícias|новост|новин"
        r"|ειδήσ|每天|为您|為您|第一时间|第一時間|最新|ข่าว|소식|뉴스|أخبار|חדשות|खबर|समाचार"
        r"|вести|vijesti|vesti|novice|wiadomości|zprávy|správy|hírek|știri|nieuws|nyheter"
        r"|uutiset|berita|balita|tin tức|haberler|новини|اخبار|обавештења|резултати уживо"
        r"|المستجدات|التنبيهات|توصلوا|értesítés|ειδοποιήσ"
        r"|добиј|dobij|добива|dobiva|լուր|ծանուցում|სიახლ|შეტყობინებ|primești|primiți"
    ),
    re.IGNORECASE,
)
# A pitch that opens telling the reader to receive the news: "Get the Business Daily Digest in
# your inbox …", "Receba as notícias do Agreste no seu WhatsApp", where the reader's channel
# is named (`_YOUR_CHANNEL`).
_RECEIVE = gated(
    _fold(
        # (after Spanish's opening mark: "¡Recibe las noticias más calientes en tu celular!")
        r"^[¡¿]?(?:get (?:the|our|all (?:the|our)|breaking|daily|weekly|free)|receive"
        r"|sign up to get|receba|recebe|reciba|recibe|recevez|ricevi|erhalten sie|bekommen sie"
        r"|получайте|отримуйте|otrzymuj|ontvang)\b"
    )
)
_YOUR_CHANNEL = factored(
    _fold(
        r"\b(?:your|seu|sua|su|tu|votre|ta|ton|ihr\w*|dein\w*|tuo|tua|ваш\w*|твій|твою|swoj\w*)"
        r"\s+(?:inbox|e-?mail|mailbox|whatsapp|telegram|correo|caixa de entrada|boîte"
        r"|postfach|posta|почт\w*|пошт\w*|skrzynk\w*|celular|móvil|telemóvel|cellulare)"
        # (not "your phone": "Get the app on your phone, the council said, …" is news)
    )
)
_CHANNEL = factored(
    _fold(
        r"newsletter|bulletin|бюлетин|билтен|bilten|рассылк|розсилк|boletín|e-?mail|inbox|mailbox"
        r"|telegram|whatsapp"
        r"|boîte mail|boîte de réception|courriel|տեղեկագ|ნიუსლეთერ|ბიულეტენ"
        r"|nyhedsbrev|nyhetsbrev|nieuwsbrief|uutiskirje|hírlevél|infolettre|boletim|e-novic"
        r"|póstlist"
        r"|morgonbrev|kvällsbrev|veckobrev|morgenbrev|aftenbrev|ugebrev"
        r"|viber|канал|каналу|電子報|メルマガ|뉴스레터|النشرة|نشرتنا|ניוזלטר|न्यूज़लेटर|bản tin"
        r"|вајбер|вайбер|инстаграм|фејсбук|фейсбук|јутјуб|ютуб"
        r"|google news|google haberler|youtube|facebook|instagram|公众号|公眾號|微信|微博|ไลน์"
        r"|line\s?@"
        r"|카카오톡|카카오 ?채널|유튜브|네이버|sähköpost"
        # the same channels written in other scripts
        r"|واتساب|واتس اب|تيليجرام|تلغرام|تليجرام|جوجل نيوز|فيسبوك|يوتيوب|انستجرام|قناة"
        r"|واتساپ|تلگرام|اینستاگرام|کانال|واٹس ایپ|ٹیلی گرام|וואטסאפ|ווטסאפ|טלגרם|ערוץ|bülten"
        r"|zalo|ચેનલ|व्हाट्सएप|व्हॉट्सऐप|टेलीग्राम|चैनल|न्युजलेटर|uudiskiri|නාලිකා|হোয়াটসঅ্যাপ|চ্যানেল|വാട്സാപ്|വാട്സ്ആപ്|ചാനൽ"
        r"|வாட்ஸ்அப்|சேனல்|వాట్సాప్|ఛానల్|ವಾಟ್ಸ್‌ಆ್ಯಪ್|телеграм|вотсап|ватсап|τηλεγράφ"
    ),
    re.IGNORECASE,
)
# Reprint and licensing notices: "All rights reserved" in the languages of the news.
_RIGHTS = factored(
    _fold(
        r"all rights reserved|alle rechte vorbehalten|tous droits réservés"
        r"|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados"
        r"|все права защищены|усі права захищені|всички права запазени"
        r"|wszelkie prawa zastrzeżone|tüm hakları saklıdır"
        r"|alle rechten voorbehouden"
        r"|με επιφύλαξη παντός δικαιώματος|無断(?:転載|複製)[^。]{0,20}(?:禁|お断り)"
        r"|版权所有|版權所有|不得轉載|未经授权|giữ bản quyền"
        r"|무단 ?전재|재배포 금지|جميع الحقوق محفوظة|כל הזכויות שמורות|सर्वाधिकार सुरक्षित"
        r"|کلیه حقوق[^.!?]{0,60}محفوظ|تمامی حقوق[^.!?]{0,60}محفوظ|جملہ حقوق محفوظ"
        r"|转载请注明|轉載請註明|如涉及版权|如涉及版權"
    ),
)
# "Матеріал підготовлено за підтримки …", "This story was produced with support from …": the
# sponsor of the story, named under it
_MADE_WITH_SUPPORT = gated(
    _fold(
        r"^(?:(?:матеріал|цей матеріал|материал|этот материал) (?:підготовлено|підготовлений"
        r"|створено|подготовлен|создан) (?:за|при) (?:фінансової )?(?:підтримки|поддержке)"
        r"[^,.;]*(?:[.;]|$)"
        r"|this (?:article|story|report|reporting|content) (?:was|is) (?:produced|published"
        r"|made possible|funded) (?:with|by|thanks to) (?:the )?(?:support|funding|a grant)"
        r" (?:of|from|by) (?:the )?(?-i:[A-Z])(?:(?! and )[^,.;])*(?:[.;]|$))"
    ),
    re.IGNORECASE,  # (matched in the folded line: the sponsor's name is capitalised)
)
_RIGHTS_TURKISH = factored(_fold(r"(?:tüm|her türlü) hak(?:ları|kı) saklıdır"))
# Notices of a site's rights and its press regulator, beyond "all rights reserved": "Queda
# prohibida la reproducción total o parcial ...", "Использование материалов ... разрешено
# только с ...", "The Gazette is a member of the Independent Press Standards Organisation".
_NOTICE = factored(
    _fold(
        r"member of the independent press standards organisation|regulated by (?:ipso|impress)"
        r"|subscribes to the press code"
        r"|auto-published from a syndicated|generated from a syndicated feed"
        r"|published from a syndicated feed"
        # "(यह ख़बर … फ़ीड से सीधे प्रकाशित की गई है। …)": the wire's copy, run unedited
        r"|खबर[^।]{0,40} फीड से (?:सीधे प्रकाशित|ऑटो-प्रकाशित)"
        r"|समाचार[^।]{0,40} फीड से (?:सीधे प्रकाशित|ऑटो-प्रकाशित)"
        r"|기사의 섹션 정보는|არ არის პასუხისმგებელი"
        r"|queda prohibida (?:la|su) reproducción|prohibida (?:la|su) reproducción"
        r"|reproduction (?:interdite|totale ou partielle)|toute reproduction"
        r"|riproduzione riservata|nachdruck (?:nur|verboten)|é proibida a reprodução"
        r"|weiterverbreitung (?:nur|ist nur|nicht)|\| copyright "
        r"|skyddat enligt upphovsrätts|vidarepublicering (?:utan|är|endast)|textlängd \d+ ord"
        r"|eftertryck (?:i övrigt )?förbjud|ettertrykk (?:ellers )?forbudt|eftertryk forbudt"
        r"|protegid[ao]s por (?:los )?derechos de autor|protegides per drets d'autor"
        r"|yayın hakları|kaynak gösterilmeden|izinsiz kullanılamaz"
        r"|izin alınmaksızın (?:kısmen veya tamamen )?(?:kullanılamaz|yayımlanamaz)"
        r"|this (?:story|article|material) may not be (?:reproduced|republished)"
        r"|news agencies (?:which|that) (?:cannot|may not|must not) be (?:reproduced|republished)"
        # "Tekstin ja kuvien kopiointi … on kielletty", "Uutistoimisto …n uutisia saavat julkaista
        # vain …", "ဤသတင်းကို ပြန်လည်ဖော်ပြလိုပါက … ကိုးကား…" ("to republish this news, cite …")
        r"|tekstin (?:ja kuvien )?kopiointi[^.]{0,80}(?:kielletty|ei ole sallittu)"
        r"|sisällön kopiointi[^.]{0,80}(?:kielletty|ei ole sallittu)|uutisia saavat julkaista vain"
        r"|ပြန်လည်ဖော်ပြလိုပါက[^။]{0,60}ကိုးကား"
        # "მასალის გამოყენებისას წყაროს მითითება სავალდებულოა.": citing the source is required
        r"|მასალ(?:ის|ების) გამოყენებ(?:ა|ისას)[^.]{0,60}(?:წყარო|მითითებ)"
        r"|использование материалов"
        r"|при (?:полном или частичном )?использовании материалов"
        r"|перепечатка (?:материалов|запрещена)|при (?:полной или частичной )?перепечатке"
        r"|при (?:повному або частковому )?передруку|материалдарын колдонууда"
        r"|bez písemného souhlasu vydavatele|bez písomného súhlasu vydavateľa|issn \d{4}-\d{3}[\dx]"
        r"|е публикуван с любезното съдействие"
        r"|материалдарын пайдаланғанда"
        r"|використання матеріалів|передрук матеріалів|απαγορεύεται η αναδημοσίευση"
        r"|при (?:повному або частковому )?використанні матеріалів|свидетельство о регистрации сми"
        r"|регистрационный номер эл|зарегистрировано роскомнадзор"
        r"|非经授权|未经许可|不得转载|禁止转载|転載を禁|複製を禁|無断(?:複写|転載)[^。]{0,20}禁"
        r"|무단 복제"
        r"|إعادة النشر"
        r"|אין להעתיק|पुनर्प्रकाशन|icp备|icp证|icp証|公网安备|公網安備|本网转载|本網轉載"
        r"|不代表本网|不代表本網|不代表本平台|不代表本站|仅代表作者本人|僅代表作者本人"
        r"|并不意味着赞同其观点|並不意味著贊同其觀點|giay phep so|so giay phep"
        r"|tong bien tap:|本平台仅提供信息存储服务|本平臺僅提供資訊儲存服務"
        r"|互联网新闻信息服务许可证|互聯網新聞信息服務許可證|如有侵权[，,]?请联系|如有侵權[，,]?請聯繫"
        r"|غير مسؤول عن محتواه|सूचना विभाग दर्ता|republished with permission"
        # no reprint without leave: Urdu, Persian, Bengali, Thai
        # (a reprint named, and forbidden: "عدالت نے … بغیر اجازت تصاویر شائع کیں" is news)
        # ("عدالت نے … دوبارہ اشاعت ممنوع قرار دے دی", "…را ممنوع کرد": a ban, reported)
        r"|دوبارہ اشاعت ممنوع ہے|بغیر اجازت دوبارہ (?:اشاعت|شائع)|بازنشر[^.]{0,40}ممنوع (?:است|می)"
        r"|استفاده از مطالب[^.]{0,60}(?:تنها|فقط) با ذکر منبع|යළි පළ කිරීමට අවසර"
        r"|পুনঃপ্রকাশ[^।]{0,20}নিষিদ্ধ\s*(?:[।.]|$)|অনুমতি (?:ছাড়া|ব্যতীত)[^।]{0,60}পুনঃপ্রকাশ করা যাবে না"
        r"|ห้ามคัดลอก[^ ]{0,30}(?:โดยไม่ได้รับอนุญาต|ก่อนได้รับอนุญาต)"
        r"|imechapishwa tena kwa idhini|granskas av medieombudsmannen|ansvarig utgivare:"
        # a Hungarian agency's: "A HHÜ anyagai kizárólag … használhatók fel", "A fotó külön díj
        # ellenében használható fel."
        r"|anyagai[^.]{0,60}előfizetői szerződés|fotó[^.]{0,20}külön díj ellenében"
    ),
)
# A Chinese platform's statement under a repost ("特别声明：以上内容…"), matched at the line's
# start apart from `_NOTICE`: an anchored branch there made its search three times slower.
_STATEMENT = factored(r"(?:特别|免责|特別|免責)[声聲]明[:：]")
# Two buttons or more, each in its brackets, alone on a line
_BRACKETED_BUTTONS = factored(r"(?:[\[［〔][^\]］〕\[［〔]{1,20}[\]］〕][\s|｜/・]*){2,}$")
# A box that asks how the story made the reader feel, over its buttons ("खुसी", "दुःखी", …)
_REACTION_ASK = gated(
    r"how (?:do|did) you feel (?:about|after reading) this|what(?:'s| is) your reaction to this"
    r"|(?:que|qué) (?:te|le) pareció (?:esta|la) (?:noticia|nota)"
    r"|o que (?:você )?achou d(?:esta|a) notícia"
    r"|comment (?:vous sentez-vous|avez-vous trouvé cet article)"
    r"|как вам (?:эта )?(?:новость|статья)|какие эмоции (?:у вас )?вызвала"
    r"|कस्तो महसुस (?:भयो|गर्नुभयो)|आपको (?:यह|ये) (?:खबर|ख़बर|समाचार|लेख) कैसी लगी"
    r"|पढ़कर (?:आपको )?कैसा लगा|এই খবরটি পড়ে আপনার কেমন লাগল"
    r"|この記事(?:を読んで|について)(?:どう|どのように)(?:思い|感じ)|이 기사를 (?:읽고|어떻게)"
    r"|你(?:对|對)(?:这|這)篇(?:文章|新闻|新聞)的(?:感受|看法)|读完(?:这|這)篇",
    re.IGNORECASE,
)
# "Advertise with <Site>", "Werben bei uns": the link to the site's ad sales
_ADVERTISE_WITH = gated(
    _fold(
        r"^(?:advertise (?:with|on|in)|advertising (?:with|on)|annoncez (?:avec|sur|dans)"
        r"|faire de la publicité (?:avec|sur)|werben (?:sie )?(?:bei|auf|im|in)"
        r"|anuncie (?:en|no|na|conosco|con)|anúnciate (?:en|con)|adverteren (?:bij|op|in))(?: \S|$)"
    )
)
# A Russian or Ukrainian online outlet's masthead: "Сетевое издание «Урал.Сити». Регистрационный …"
_MASTHEAD = factored(
    r"(?:сетевое издание|мережеве видання)\b"
    # "<Site> is a member of the New Zealand Media Council. If you have a complaint, …"
    r"|[^.]{2,60} is a member of the [^.]{0,40}(?:media|press) council\.(?=.*\bcomplain)"
)
# The agencies a story was written from, in a line of its own at its end: "Con información de
# EFE", "With reporting from Reuters", "Com informações da Agência Brasil". In a long line
# the words open a sentence of news ("Con información de la Secretaría de Salud, el ...").
_SOURCES = gated(
    r"^(?:con (?:informacion|datos) de|with (?:information|reporting|files) from"
    r"|com informacoes d[aeo]s?|avec (?:l'|les )?(?:afp|reuters|ap|agences)\b"
    r"|mit material (?:von|der)|con (?:informazioni|fonti) d"
    r"|(?:\(|\[)?(?:with|con|com|avec|mit) (?:afp|ap|efe|reuters|dpa|ansa)\b)"
)
SOURCE_LINE = 12  # words
_BRACKETED_BYLINE = factored(r"^[\[［][^\[\]［］\d]{2,30}[，,、][^\[\]［］\d]{2,30}[\]］]$")
# A Japanese or Chinese paper's writer in brackets under the article: "（岡田良介）",
# "（経済部・森田さやか）", "（记者 张明）".
# "本报记者 周嘉宁 兰州报道", "記者 王冠宇／台南報導": a Chinese paper's writer, where from.
_CHINESE_REPORTER = factored(
    r"^(?:本报|本報|新华社|新華社|中新网|中新網)?(?:记者|記者|通讯员|通訊員)\s?"
    r"[\u4e00-\u9fff·]{2,4}(?:[\s、，/／][\u4e00-\u9fff·]{2,4}){0,3}"
    r"(?:\s?[\u4e00-\u9fff]{2,4}\s?(?:报道|報導|报导|電|电))?$"
)
_REPORTED_FROM = factored(r"(?:报道|報導|报导|電|电)\s*$")
# "Download" at the line's end, where Hindi, Nepali and Bengali put the verb
_APP_DOWNLOAD_LAST = factored(r"(?:डाउनलोड|ডাউনলোড)\s?(?:गर्नुहोस्|गर्नुस्|करें|करा|করুন)[\s!]*$")
# The reader told to turn on the site's notifications, at the line's start
_NOTIFY_ASK = factored(
    _fold(
        r"(?:abonează-te|activează|abonnez-vous|activez|aktivieren sie|turn on|enable"
        r"|subscribe to|sign up for|allow|включите|подпишитесь на|увімкніть|підпишіться на"
        r"|włącz|activa|activá|attiva|ative|ativar)\b"
    )
)
_NOTIFICATIONS = factored(
    _fold(
        r"notificări|notifications?|benachrichtigungen|push|уведомлен|сповіщен|powiadomie"
        r"|notificaciones|notifiche|notificações|ειδοποιήσεις|bildirim"
    )
)
# An advert's responsible-gambling notice: its "18+" and another of its phrases ("18+" alone
# is a film's age)
_GAMBLING_NOTICE = factored(
    _fold(
        r"spil ansvarligt|spela ansvarsfullt|spill ansvarlig|play responsibly|gamble responsibly"
        r"|begambleaware|juega con responsabilidad|gioca responsabilmente"
        r"|jogue com responsabilidade"
        r"|spiele verantwortungsbewusst|stopspillet|rofus|spelpaus|(?<!\w)18\+"
        r"|игре на срећу|igre na sreću|изазову зависност|izazovu zavisnost|izazvati ovisnost"
        r"|играјте одговорно|igrajte odgovorno"
        r"|азартные игры|παίξτε υπεύθυνα|graj odpowiedzialnie|pariază responsabil|joacă responsabil"
        r"|jouez responsable|jouez de manière responsable|sorumlu oynayın|играйте ответственно"
        r"|jocurile de noroc sunt interzise"
        # the prohibition to minors, worded as the notice words it
        r"|proibido a menores de 18|prohibido (?:a|para) menores de 18|vietato ai minori"
        r"|interdit aux (?:moins de 18 ans|mineurs)|sub 18 ani interzis"
    )
)
# A player's, a gallery's or a link's label in capitals before its title: "WATCH | …",
# "VIDEO: …", "READ: …"
_TEASER_LABEL = factored(
    r"(?:WATCH|LISTEN|VIDEO|PHOTOS|GALLERY|AUDIO|PODCAST|READ|ALSO READ|READ MORE|READ ALSO"
    r"|RELATED|SEE ALSO|ВИДЕО|ВІДЕО|ΒΙΝΤΕΟ)\s*[|｜:]\s*\S"
)
_GET_APP_LINE = factored(r"(?:get|download|install|try) (?:the|our) (?:\S+ ){0,3}app$")
# A Japanese page's furniture, by its own phrases (kana or kanji in the line first: quick).
JAPANESE_CHROME = 60  # characters
_KANA_KANJI = factored(r"[\u3040-\u30ff\u4e00-\u9fff]")
_JA_SHARE = factored(  # "Facebookでシェア", "X(Twitter)でポスト", "LINEで送る"
    r"^(?:X|Twitter|Facebook|LINE|はてな(?:ブックマーク)?|Pocket|Threads|Bluesky|メール)"
    r"(?:\s?[(（]旧?Twitter[)）])?\s?(?:で|に)(?:シェア|ポスト|送る|共有|投稿|ツイート)(?:する)?$"
)
# "画像はメロディア・ジャパンのプレスリリースより": where the picture comes from
_JA_IMAGE_CREDIT = factored(
    r"^(?:画像|写真|図|イラスト|映像)(?:は|：|:)[^。]{1,40}(?:より|から|提供)$"
)
# "経済部　小松隼人": the writer's desk and name under the headline
_JA_DESK_BYLINE = factored(
    # (the site's name may come first: "北陸ニュースオンライン　経済部　吉村 拓海")
    r"^(?:[^\s。、]{2,16}\s)?"
    r"[\u4e00-\u9fff\u30a0-\u30ff]{1,6}(?:部|支局|総局|報道室)[\s・／/]+[\u4e00-\u9fff\u3040-\u30ff]{2,5}"
    r"(?:\s[\u4e00-\u9fff\u3040-\u30ff]{1,4})?$"
    # "2024年6月13日（木）　【潮見支局・森下真理子】": the desk and the writer in brackets, the
    # date before them
    r"|^(?:\d{4}年\d{1,2}月\d{1,2}日(?:[（(][月火水木金土日][）)])?\s*(?:\d{1,2}時\d{1,2}分\s*)?)?"
    r"【[\u4e00-\u9fff\u30a0-\u30ff]{1,8}(?:部|支局|総局|通信部|支社|取材班|報道室)"
    r"(?:[・／/=＝\s][\u4e00-\u9fff\u3040-\u30ff\s、]{2,20})?】$"
)
# "LINEで友だち追加すると、朝のニュースをお届けします", "…ニュースレター「けさの経済」 登録はこちら"
_JA_PITCH = factored(
    r"友だち追加|友達追加|加入?\s?LINE\s?好友|LINE公式アカウントで[^。]{0,30}お届け|(?:ニュースレター|メルマガ|メールマガジン|LINE)[^。]{0,30}"
    r"(?:登録|購読|追加)(?:はこちら|する|して)"
)
_JA_SIGN_UP = factored(r"(?:登録|購読)はこちら(?:[（(]無料[)）])?$")
_JA_TRIAL = factored(
    r"初月無料|無料体験|\d+(?:日間|カ月|か月)無料|無料キャンペーン|無料お試し|お試し読み|新規ご購読"
    r"|月額[\d,]+円で(?:お読み|ご利用)|電子版のご案内"
)
# "（写真をクリックすると拡大します）", "クリックで拡大": a picture's button
_JA_ENLARGE = factored(
    r"^[（(]?(?:(?:写真|画像)を)?(?:クリック|タップ)(?:すると|して|で)拡大(?:します|表示(?:します)?)?"
    r"[）)]?$"
)


def _japanese_chrome(text: str) -> str | None:
    if _JA_SIGN_UP.search(text):
        return "newsletter"  # "毎朝7時に届く「TechFrontメール」登録はこちら（無料）"
    if _JA_SHARE.match(text) or _JA_ENLARGE.match(text):
        return "navigation"
    if _JA_IMAGE_CREDIT.match(text) or text.startswith(
        ("［画像］", "[画像]", "［写真］", "[写真]")
    ):
        return "photo credit"
    if _JA_DESK_BYLINE.match(text) or _JA_AUTHOR.match(text):
        return "credits"
    if len(text) <= JA_CAPTION and _JA_CAPTION.search(text):
        return "photo credit"  # "記者会見する両信用金庫の理事長（21日午後、港北市）"
    if _JA_GALLERY.search(text):
        return "related link"  # "【写真特集】県市町村対抗駅伝　タスキに込めた思い（全24枚）"
    if _quote_mark(text) or (text.endswith("。") and not text.endswith("ます。")):
        return None  # a sentence of the article (a pitch speaks to the reader: "お届けします。")
    if _JA_PITCH.search(text):
        return "newsletter"
    if _JA_TRIAL.search(text) and not (text.startswith("- ") and _FACT_ROW.match(text[2:])):
        return "paywall"  # (a list's row of prices, "- 電子版単独：月額980円（初月無料）", is news)
    return None


# A newspaper's caption: what the photo shows, then its day and place in brackets, and no
# sentence's stop ("合併について記者会見する両理事長（21日午後、港北市）").
_JA_CAPTION = factored(
    r"[^。！？]\s?[（(]\d{1,2}日(?:午前|午後|朝|夜|未明|夕)?[、，,]\s?[^（）()、。]{1,14}[）)]$"
)
JA_CAPTION = 80  # characters
# A gallery's link: labelled a photo feature, or counting its photos ("（全24枚）").
_JA_GALLERY = factored(
    r"^【(?:写真特集|フォト特集|写真|フォト|動画|ギャラリー|あわせて読みたい|こちらもおすすめ)】"
    r"|[（(]全\d+枚[）)]$"
)
# "字級設定：小中大特", "글자 크기": the buttons that set the text's size.
_FONT_SIZE = factored(
    r"^(?:字級(?:設定)?|字體大小|字体大小|字号|文字サイズ|文字の大きさ|글자\s?크기|글씨\s?크기)"
    r"\s*[:：]?\s*(?:[小中大特標标准準]\s*){0,5}$"
)
# An agency's name, then its editors' initials and the story's code, joined by slashes
_DESK_CODE = factored(r"[^\W\d_][^/\s]{1,19}(?:/[^/\s]{1,6}){2,4}")
# "ats/cm", "(dpa/lnw)", "APA/red": an agency and its editors' initials closing a story.
_AGENCY_INITIALS = factored(
    r"^\(?(?i:ats|sda|apa|dpa|afp|ap|ansa|efe|kna|epd|kap|awp|sid|lusa|bta|reuters|red)"
    r"(?:\s?/\s?[a-z]{1,5}){1,3}\)?\.?$"
    # the editors' initials alone, closing a wire's story, one of them with no vowel: "szaj/kgy"
    # ("tur/retur", "és/vagy", "he/him" are words)
    r"|^(?-i:(?=(?:[a-záéíóöőúüű]{2,5}/)*[b-df-hj-np-tv-z]{2,5}(?:/|$))"
    r"[a-záéíóöőúüű]{2,5}/[a-záéíóöőúüű]{2,5}(?:/[a-záéíóöőúüű]{2,5})?)$"
    # the writer's initials first, the desk or the agency last, in brackets: "(sok/red)"
    r"|^\((?:[a-z]{2,5}\s?/\s?){1,3}(?i:red|apa|dpa|ats|sda|afp|ap|ansa|efe|kna|epd|kap|sid|reuters)"
    r"\)\.?$"
)
# "We value your privacy", "Nous respectons votre vie privée": a consent box's heading.
_PRIVACY_HEADING = factored(
    _fold(
        r"^(?:we (?:value|respect|care about) your privacy|your privacy matters"
        r"|nous respectons votre vie privée|votre vie privée (?:nous importe|est importante)"
        r"|wir respektieren ihre privatsphäre|ihre privatsphäre ist uns wichtig"
        r"|valoramos tu privacidad|respetamos tu privacidad|rispettiamo la tua privacy"
        r"|szanujemy twoją prywatność|мы ценим вашу конфиденциальность"
        r"|ние уважаваме вашата поверителност|your privacy is important to us"
        r"|η ιδιωτικότητά σας είναι σημαντική για εμάς|tu privacidad es importante para nosotros"
        r"|la tua privacy è importante per noi|a sua privacidade é importante para nós"
        r"|uw privacy is belangrijk voor ons|din integritet är viktig för oss"
        r"|twoja prywatność jest dla nas ważna|ваша конфиденциальность важна для нас"
        r"|ваша конфіденційність важлива для нас|gizliliğiniz bizim için önemli)[.!]?$"
    )
)
# "sponsored by Kaze Card": an advertiser's label.
_SPONSORED_BY = factored(
    r"^[【\[(（]?\s*(?:sponsored|presented|powered|ads?) by\s+\S", re.IGNORECASE
)  # (and "【Ads by 北陸テレビ】")
# A Korean broadcaster's video player, read out: "동영상 영역 시작", "동영상 영역 끝".
_PLAYER_REGION = factored(r"^동영상 영역 (?:시작|끝)|동영상 영역 끝$")
# "Transport Correspondent", "Senior Political Editor": a writer's beat on a line of its own.
_BEAT = factored(
    r"^(?!(?:The|A|An|Our|Your)\s)[A-Z][\w&'’-]*\s(?:[\w&'’-]+\s){0,2}"
    r"(?i:correspondent|editor|reporter|writer|columnist|producer)$"
)
# A byline with the writer's beat before the name: "By political reporter Jane Doe", "By chief
# economics correspondent Sam Lee" ("by the end of May" has no beat, nor a name after one)
_BY_BEAT_THEN_NAME = factored(
    # (the outlet first, "By ABC political reporter …"; no verb first: "By hiring veteran
    # analyst Mark Zandi", "By sacking editor Piers Morgan")
    r"^(?i:(?:posted |written |reported )?by)\s+(?:[A-Z]{2,}\s+)?(?![a-z]+ing\s)"
    r"(?:[a-z][\w&'’-]*\s+){0,3}"
    r"(?:reporter|correspondent|editor|writer|columnist|producer|journalist|analyst)"
    r"\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
    r"(?:\s+(?:and|&)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
    # "… in Canberra", "…, ABC News"
    r"(?:\s+in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?(?:,\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})?$"
)
# A role alone under the byline: "Journaliste", "Redakteurin", "Staff Writer"
_ROLE_ALONE = factored(
    _fold(
        r"^(?:journaliste|journalist(?:e|in)?|reporter(?:in)?|redakteur(?:in)?|rédact(?:eur|rice)"
        r"|periodista|giornalista|jornalista|dziennikarz|dziennikarka|novinář|novinářka|toimittaja"
        r"|staff writer|staff reporter|correspondent|correspondante?|корреспондент|журналист(?:ка)?"
        r"|журналіст(?:ка)?|(?:redaccion|redacao|redazione|redaction|redaktion)(?: \w+)?)$"
    ),
    re.IGNORECASE,
)
# "If you liked this article, recommend it": a Korean site's button under the article
_KOREAN_RECOMMEND = factored(
    r"이 기사가? (?:좋으셨다면|유익하셨다면|도움이 되셨다면|마음에 드셨다면)(?:[^.]{0,40}추천|\s*$)"
)
# An agency's app, got from a store, with the news it brings: "اپلیکیشن خبرگزاری … را از
# کافه‌بازار یا Google Play دریافت کنید و اخبار فوری را … دنبال کنید" (the verb last)
_PERSIAN_APP_PITCH = factored(
    r"(?:اپلیکیشن|اپلیکیشین|برنامه|اپ)\s[^.!؟]{0,60}(?:را\s)?(?:از\s[^.!؟]{0,50})?(?:دانلود|دریافت|نصب)"
    r"\sکنید\s[^.!؟]{0,20}(?:اخبار|خبرها|اعلان)"
)
# Roles before their names in Burmese: reporter, editor, photographer, writer.
_BURMESE_ROLES = ("သတင်းထောက်", "တည်းဖြတ်သူ", "ဓာတ်ပုံ", "ရေးသားသူ")
_BURMESE_CREDIT = factored(r"(?:သတင်းထောက်|တည်းဖြတ်သူ|ဓာတ်ပုံ|ရေးသားသူ)\s*[–—:-]\s*\S")
# "최민재 기자 다른 기사 보기": a link to the reporter's other stories.
_REPORTER_MORE = factored(
    r"^[가-힣]{2,4}\s?기자의?\s(?:다른\s?기사|기사\s?(?:더보기|모음))(?:\s?보기)?$"
)
# "著者：編集部 大西 ひかり", "文：山田太郎": a Japanese byline's label.
_JA_AUTHOR = factored(
    r"^(?:著者|筆者|文|執筆|記者)(?:・写真)?\s?[:：]\s?\S{1,12}(?:\s\S{1,8}){0,2}$"
    r"|^[\u4e00-\u9fff\u3040-\u30ff]{1,6}\s?[\u4e00-\u9fff\u3040-\u30ff]{1,6}"
    r"[（(](?:編集部|記者|編集委員|特派員)[)）]$"  # "松岡 遼（編集部）"
)
_BRACKETED_NAME = factored(r"^[（(][\u3040-\u30ff\u4e00-\u9fff・\u3000 ]{3,14}[）)]$")
_SEND_TO = gated(r"(?:\(으\)로 )?기사\s?보내기$|공유하기$")
# A Korean byline: a name of two to four syllables and "기자" (reporter), or "특파원".
_REPORTER = factored(
    r"^[가-힣]{2,4}\s?(?:기자|특파원|선임기자|객원기자)(?:\s|$|의\s?(?:기사\s?모음|다른\s?기사))"
)
# "The rest of this article is for subscribers" and its kin: the paywall's line in the text.
_PAYWALL_REST = factored(
    _fold(
        r"(?:rest|remainder) of (?:this|the) (?:article|story)"
        r"|la suite (?:de cet article )?est réservée|το υπόλοιπο (?:του )?άρθρ"
        r"|el resto (?:del|de este) artículo|il resto dell'articolo"
        r"|o resto d[oa] (?:artigo|matéria|texto)|der rest des artikels"
        r"|остаток статьи|оставшаяся часть статьи|решту статті|続きは有料|この記事の続き"
        r"|残り\d+文字|이 기사의 나머지|本文剩余|剩余\d+%|剩餘內容"
        r"|материал доступен полностью"
    )
)
_SUBSCRIBER = factored(
    _fold(
        r"subscri|abonn|συνδρομ|suscri|assinant|abbonat|подписчик|подписк|передплат|有料|会員"
        r"|구독|유료|订阅|訂閱|会员|會員|مشترك|מנוי|सब्सक्राइब|premium|plus\b|log ?in|sign in"
    )
)
PAYWALL_LINE = 25  # words
PRICED_OFFER = 40  # words: an offer's terms with its price, a sentence or three
# A price for a period: "9,99 €/mois", "$2 a week", "4,99 ευρώ τον μήνα", "499 ₽ в месяц"
# (searched in the line folded and in lower case, where a digit is).
_PER_PERIOD = factored(
    _fold(
        r"(?:\d(?:[.,]\d+)?\s?(?:€|\$|£|₽|₺|¥|円|元|원|zł|kč|ft|kr|lei|chf|fr\.|r\$|euros?|eur"
        r"|ευρώ|евро|рубл\w*|руб\.?|грн|гривен\w*|dollars?|pounds?|francs?|reais|liras?|tl"
        r"|złotych|korun|kronor|kroner|forint|ש\"ח|₪|שקל\w*|دولار|دينار|درهم|ريال|جنيه|تومان|ریال)"
        r"|(?:€|\$|£|₽|r\$|chf|fr\.|₪)\s?\d+"
        r"(?:[.,]\d+)?)"
        r"\s?(?:(?:per|a|an|each|every|τον|το|την|ανά|al|a la|im|pro|je|в|на|за|par|por|pour|om"
        r"|i|pe|mỗi|/)\s?)?(?:month|mois|monat|mes|mês|mese|μήνα|месяц|місяць|miesiąc|měsíc"
        r"|måned|månad|maand|kuukausi|hónap|week|semaine|woche|semana|settimana|εβδομάδα"
        r"|неделю|тиждень|tydzień|year|(?<=par )an|année|jahr|año|anno|ano|χρόνο|год|рік|rok|år"
        r"|jaar|לחודש|בחודש|לשבוע|לשנה|سنويا|شهريا|اسبوعيا|في الشهر|في السنة|ماهانه|سالانه"
        r"|mesačne|měsíčně|miesięcznie|mensualmente|monatlich"
        r"|در ماه|در سال)\b"
    )
)
# the outlet speaking of its own work: "τα ρεπορτάζ μας", "our reporting", "nos journalistes"
# (possessives: "we" and "us" are anyone's, and "US" a country)
_OUR = factored(
    _fold(
        r"(?:^|\s)(?:our|nos|notre|nuestro|nuestra|nuestros|nosso|nossa|nossos|unser\w*|nostr\w*"
        r"|nasz\w*|onze|vores|vår|vårt|náš\w*|naš\w*|наш\w*|μας)(?=\W|$)"
    )
)
# A subscription's own words ("premium" and "plus" name plans and say "more")
_SUBSCRIPTION = factored(
    _fold(
        r"subscri|abonn|abone|συνδρομ|suscri|assina|abbona|подпис|передплат|prenumer|předplat"
        r"|pretplat|有料|会員|구독|订阅|訂閱|اشتراك|מנוי"
    )
)
# A tip line: "Got a story? Email ...", "Есть новость? Присылайте в наш Telegram-бот ...".
_TIP_PHRASES = _fold(
    r"(?:got a (?:story|news tip|tip)|(?:do you )?have (?:you got )?a (?:story|tip|news tip)"
    r"|heb je (?:een )?(?:tip|nieuwstip)|har du (?:et|ett) tips?|máte tip"
    # told to send them to the newsroom: "Küldje el nekünk a fotót …", "عکس‌ها و ویدئوهای خود …
    # را برای ما بفرستید"
    r"|küldj(?:e|ék|d) el nekünk|send (?:dem|det) til oss"
    r"|schreiben sie uns (?:an|unter|eine)|write to us at|écrivez-nous (?:à|a|sur)"
    r"|عکس[^.!؟]{0,60}برای ما (?:بفرستید|ارسال کنید)"
    r"|ai (?:o știre|un pont)|bạn có (?:thông tin|tin)|punya (?:informasi|berita|info)"
    r"|avez-vous une info"
    r"|know something|есть (?:новость|тема|что рассказать|фото или видео)|маєте (?:новину|тему)"
    r"|хотите (?:сообщить|рассказать|поделиться)|хочете (?:повідомити|розповісти)"
    r"|want to share (?:a|your) story"
    r"|¿?tienes (?:una historia|una noticia|información)|vous avez une info"
    r"|haben sie (?:einen )?(?:hinweis|tipp)|hai una notizia|tem uma (?:história|notícia|dica)"
    r"|haber ihbar|ihbar hattı|έχετε (?:μια )?(?:είδηση|ιστορία)|제보|情報提供|爆料|報料"
    r"|لديك خبر|יש לכם (?:סיפור|מידע)|आपके पास कोई खबर|masz (?:informacje|temat|newsa)"
    r"|wiesz coś|imate (?:li )?(?:vijest|vest|priču|pricu|informacij[ue])"
    # ("Imate li fotografije starog Zagreba? Muzej ih prikuplja …" is news)
    r"|imate (?:li )?(?:fotografij\w*|fotku|video|snimk\w*)[^?]{0,60}\?\s*(?:pošaljite|šaljite"
    r"|javite) nam"
    r"|имате (?:ли )?(?:вест|новина)"
    # told to send it: "Send us your photos …", "Изпратете ни вашите снимки и видео на Viber …"
    r"|send us (?:your )?(?:photos|pictures|videos?|news|tips?|stories|story)"
    r"|envíanos (?:tus )?(?:fotos|vídeos|videos|noticias)"
    r"|envoyez-nous (?:vos )?(?:photos|infos)"
    r"|schicken sie uns (?:ihre )?(?:fotos|hinweise|videos)|stuur (?:ons )?je (?:foto|tip)"
    r"|inviaci (?:le tue )?(?:foto|segnalazioni)|envie-nos (?:suas )?(?:fotos|notícias)"
    r"|присылайте (?:нам )?(?:фото|новости|видео)|надсилайте (?:нам )?(?:фото|новини|відео)"
    r"|изпратете ни (?:вашите )?(?:снимки|новини|видео)|pošaljite nam (?:vaše )?(?:fotografije"
    r"|vijesti|vesti|video)|пошаљите нам (?:ваше )?(?:фотографије|вести|видео))"
)
# The reader asked for pictures: "Har du bilder eller filmer från stormen? Ladda upp dem här."
# (told where they go, `_TO_US`: a police appeal gives its own number)
_PICTURES_PHRASES = _fold(
    r"(?:har du (?:bilder|filmer|videor?|billeder|video)[^?]{0,60}\?"
    r"|have you (?:got )?(?:an? |any )?(?:photos?|pictures?|videos?)[^?]{0,60}\?"
    r"|haben sie (?:fotos|bilder|videos)[^?]{0,60}\?"
    r"|tem (?:fotos|vídeos|imagens)[^?]{0,60}\?|¿?tienes (?:fotos|vídeos|videos)[^?]{0,60}\?"
    r"|hai (?:foto|video)[^?]{0,60}\?|vous avez des (?:photos|vidéos)[^?]{0,60}\?)"
)
_TIP = factored("^" + _TIP_PHRASES)
_TIP_AT = factored(f"{_TIP_PHRASES}|{_PICTURES_PHRASES}")
_PICTURES = factored("^" + _PICTURES_PHRASES)
# A live blog's pinned post's label before it: "Fixado: Tem fotos ou vídeos da greve? Envie para
# o WhatsApp …" (any other label is a speaker's: "Mayor: Have you got pictures …?")
TIP_LABEL_CHARS = 16  # the label and its colon: "angeheftet:"
_TIP_LABEL = factored(
    r"(?:fixado|fixo|fijado|pinned|épinglé|epingle|festet|fäst|angeheftet|em destaque"
    r"|destacado)\s?:\s+"
)
# The same after a sentence: "Olvasói sztori: Ön is megdöbbent egy blokkon? Küldje el nekünk
# a fotót a …@… címre" (searched only in a line that asks; "The museum asked: have you got
# photos …? …" reports an appeal), told to the newsroom or the page (`_TO_US`)
_TIP_AFTER = re.compile(rf"(?<=[.!?؟] )(?:{_TIP_PHRASES}|{_PICTURES_PHRASES})")
# Who the pictures go to: "us", the page ("Ladda upp dem här"); a police appeal gives its own
# number ("Haben Sie Fotos vom Unfall? Hinweise unter 0911 …")
_TO_US = factored(  # (searched in the line lowered, not folded: "här" is "here", "har" "has")
    r"\b(?:us|uns|oss|ons|nous|nós|nekünk|här|here|aquí|ici)\b|برای ما|\bнам\b|\bнас\b"
)
_TIP_WAY = factored(
    r"@|\+?\d[\d ()-]{6,}\d|whatsapp|telegram|e-?mail|viber|почт|пошт|correo|kakao|카카오|電話"
    r"|메일|ईमेल|ايميल|מייל|ladda upp|upload|hochladen|messenger|واتس|تلگرام",
)
# A link to a clip: its label, its title and its length ("Watch: The mayor on the fares
# (2:31)", "Lyssna: Hedlund direkt efter målgången (1 min)")
_MEDIA_LINK = factored(
    r"^(?:listen|lyssna|lytt|hor|horen|ecouter|escucha|ascolta|ouvir|ouca|luister|watch|titta"
    r"|kijk|regarder|mira|guarda|assista|video|ljud|audio|слушать|смотреть|видео|відео"
    r"|дивіться|слухайте)\s*[:：]\s*[^()]{3,100}\((?:[^()\d]{1,12},\s*)?\d+(?:[:.]\d{2}){0,2}\s*"
    r"(?:min\w*|мин\w*|хв\w*|sek\w*|sec\w*|s)?\.?(?:\s*\d+\s*(?:s|sek\w*|sec\w*|с)\.?)?\s*\)$"
)
# "Listen to this article" and the read-aloud buttons of other sites.
_LISTEN = factored(
    _fold(
        r"^(?:listen to this (?:article|story)|listen(?: now)?|écouter (?:cet )?article"
        r"|artikel (?:anhören|vorlesen)|escuchar (?:esta )?(?:noticia|artículo)"
        r"|ascolta (?:l'articolo|articolo)|ouvir (?:a )?(?:notícia|artigo)"
        r"|прослушать (?:статью|новость)|послушать (?:статью|новость)|слухати (?:статтю|новину)"
        r"|озвучить текст|ακούστε το άρθρο|이 기사를? 듣기|기사 듣기"
        r"|텍스트 음성 변환 서비스 사용하기"
        r"|音声を聞く|記事を読み上げる|听新闻|收聽新聞|इस (?:समाचार|खबर) को सुनें"
        r"|استمع (?:إلى )?(?:المقال|الخبر)|האזינו לכתבה|ฟังข่าว|luister naar (?:dit|het) artikel"
        r"|lyssna på artikeln|lyt til artiklen|hør artikkelen|posłuchaj artykułu"
        r"|ascultă articolul|dengarkan artikel|sikiliza habari)\W*$"
    ),
)
# Joining a channel, told to the reader: "Únete a nuestro canal de WhatsApp", "הצטרפו לערוץ
# הוואטסאפ", "... WhatsApp चॅनेल फॉलो करा".
# Languages that put the verb last end a pitch with it: "… WhatsApp ग्रुपमध्ये सामील व्हा".
# (searched in the folded line: "फ़ॉलो करें" is written with its nukta or without)
_JOIN_AT_END = factored(
    _fold(
        r"(?:ചേരൂ|ചേരുക|ജോയിൻ ചെയ്യൂ|जुड़ें|जुड़िए|सामील व्हा|जॉइन करा|जॉइन करें|फॉलो करें"
        r"|फॉलो करा|যোগ দিন|ফলো করুন|சேருங்கள்|இணையுங்கள்|చేరండి|ಸೇರಿ|katılın|takip edin"
        r"|abone olun|kaydolun|kayıt olun"
        r"|フォローしてください|登録してください|추가하세요|구독하세요|구독해 ?주세요"
        r"|참여하세요|بپیوندید|کریں|सदस्य बन्नुहोस्|जोडिनुहोस्|सब्स्क्राइब गर्नुहोस्"
        r"|окуңуз|жазылыңыз|кошулуңуз|оқыңыз|қосылыңыз)"
        r"(?:\W*$|[।.!]\s)"
    )
)
SPEAKER_LABEL_CHARS = 32  # a speaker's name or role and its colon: "Belediye Başkanı:"
# "… Google Haberler'de takip edin, gündemi ilk siz öğrenin.": the verb, then what it brings
_JOIN_THEN_PAYOFF = factored(r"(?:takip edin|abone olun|katılın),\s[^,.!?]{0,60}[.!]?$")
_JOIN_THEN = ("edin, ", "olun, ", "lın, ")  # (looked for first: most lines have none)
_JOIN = factored(
    _fold(
        r"(?:^|\s)(?:join (?:us|our)|únete|unirme|rejoignez|treten sie|unisciti|junte-se|dołącz"
        r"|bergabung(?:lah)?|gabung|sumali"
        r"|katılın|abone olun|присоединяйтесь|приєднуйтесь|підписуйтесь|підпишіться|подпишитесь"
        r"|εγγραφείτε|הצטרפו|միացեք"
        r"|انضم(?:وا)?"
        r"|जुड़ें|जॉइन करें|फॉलो करा|फॉलो करें|જોડાઓ)(?=\s|$|[.!?,])"
        r"|^(?:ចុច)?ចូលរួម"  # Khmer writes no space between words: "ចូលរួមឆានែល Telegram …"
        r"|(?:^|\s)join လုပ်"  # "… Join လုပ်လိုက်ပါ။" (Burmese: no space after the verb either)
    ),
)
# The outlet asking the reader to join or follow it where the news is shared
_JOIN_US_ON = factored(
    _fold(
        r"(?:dołacz do nas|dolacz do nas|join us|rejoignez-nous|unete a nosotros|unisciti a noi"
        r"|junte-se a nos|folgen sie uns|follow us|sledujte nas|obserwuj nas|pridajte sa k nam"
        r"|připojte se k nam)\s(?:na|on|sur|en|in|auf|su|no|v)\s(?:facebook\w*|tiktok\w*)"
    )
)
_JOIN_CHANNEL = factored(
    _fold(
        r"whatsapp|telegram|viber|google news|youtube|instagram|канал|וואטסאפ|ווטסאפ|טלגרם|واتساب"
        r"|bülten"
        r"|تيليجرام|تلغرام|व्हाट्सएप|चॅनेल|चैनल|newsletter|ניוזלטר|النشرة"
    ),
)
# A paywall's pitch: two of its words, said to the reader ("有料会員になると、すべての記事を
# 読み放題。いまなら初月無料で ..."); a story about a paper's subscribers says them to no one.
_PAYWALL = factored(
    _fold(
        r"有料会員|初月無料|読み放題|会員限定|유료 ?회원|구독하고|付费会员|会员专享|订阅后|訂閱後"
        r"|réservé aux abonnés|abonnez-vous pour|abonnez-vous dès|cet article vous a été offert"
        r"|nur für abonnenten|jetzt abonnieren"
        r"|vous lisez un article gratuit|pour continuer à lire|premier mois"
        r"|exclusivo para (?:suscriptores|assinantes)|suscríbete para|riservato agli abbonati"
        r"|unbegrenzten zugang|jederzeit kündbar|e-paper und"
        r"|только для подписчиков|только подписчикам|оформите подписку|оформить подписку"
        r"|первый месяц за|полный доступ ко всем|notre offre numérique"
        r"|للمشتركين فقط|למנויים בלבד|הצטרפו למינוי|ביטול בכל עת"
        r"|subscribers? only|subscribe (?:now|today)|free trial|first month free"
        r"|unlimited (?:digital )?access|get the full story|cancel (?:at )?any ?time"
        r"|for just [$€£]\s?\d|a week for (?:your )?(?:the )?first|for (?:your|the) first month"
        r"|続きをお読み|有料会員記事|週間無料|日間無料|カ月無料|お試しいただけ|購読しませんか"
        r"|全ての記事をお読み|すべての記事をお読み|記事をお読みいただけ|宅配購読|月額[\d,]+円"
        r"|購読料|月ぎめ|お申し込みいただくと|お申し込みいただいた方"
        r"|お申し込みはこちら"
        r"|ακυρώστε όποτε|απεριόριστη πρόσβαση|τον πρώτο μήνα|στους συνδρομητές μας"
        r"|ψηφιακή συνδρομή|χωρίς περιορισμούς"
        r"|jederzeit kündbar|résiliable à tout moment|sans engagement|cancela cuando quieras"
        r"|disdici quando vuoi|cancele quando quiser|отменить в любой момент|accès illimité"
        r"|obegränsad tillgång|digital prenumeration|ubegrenset tilgang|ubegrænset adgang"
        r"|acceso ilimitado|accesso illimitato|acesso ilimitado|unbegrenzte?n? zugriff"
        r"|безлимитный доступ|неограниченный доступ|premier mois|primer mes|primo mese"
        r"|оформіть передплату|оформити передплату|передплатіть|без обмежень|необмежений доступ"
        r"|primeiro mês|ersten monat|accédez à tous (?:les|nos) articles|journal numérique"
        r"|digitilaus|ensimmäinen kuukausi|milloin tahansa|rajoituksetta"
        r"|första månaden|redan prenumerant|logga in för att läsa|předplaťte si|bez reklam"
        r"|bez ograničenja|prvi mjesec|otkazati|accés il.limitat"
        r"|fes-te subscriptor|euros al mes"
        r"|mit dem digital-abo|einen monat gratis testen|einen monat kostenlos testen"
        r"|lesen sie alle artikel"
        # ("vier Wochen um nur 1 Euro": each branch opens with a letter, or the list is no
        # longer searched by its first characters and takes twice as long)
        r"|wochen (?:für|um) (?:nur )?(?:1|0,99) ?(?:€|euro)"
    ),
)
# A paywall's notice, its first words saying the article is the subscribers'.
_PAYWALL_NOTICE = factored(
    _fold(
        r"(?:this (?:article|story) is (?:only )?(?:for|exclusive to|reserved for) subscribers"
        r"|du leser nå en (?:sak|artikkel) for abonnenter"
        r"|denne (?:saken|artikkelen) er for abonnenter"
        r"|du läser (?:nu )?en (?:artikel|text) för (?:prenumeranter|premiumkunder)"
        r"|du læser (?:nu )?en artikel for abonnenter|denne artikel er for abonnenter"
        r"|dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten"
        r"|cet article est réservé (?:aux abonnés|à nos abonnés)"
        r"|este artículo es (?:exclusivo|solo) para suscriptores"
        r"|questo articolo è riservato agli abbonati|este artigo é exclusivo para assinantes"
        r"|(?:этот|данный) материал доступен только (?:для )?подписчик"
        r"|(?:ця|цей) (?:стаття|матеріал) доступн\w* лише (?:для )?передплатник"
        r"|この記事は(?:有料)?会員限定(?:記事)?です|本記事は(?:有料)?会員限定"
        r"|(?:이|본) 기사는 유료 ?회원|本文(?:为|為)付费(?:会员|會員)?(?:专享|專享|内容|內容))"
    )
)
# A Chinese site's pitch for its app: "打开申江新闻App，阅读更多精彩内容" ("open the … app, read
# more"), "每天早上7点推送当日要闻…已有超过800万用户下载" (pushed every morning, downloaded by …).
_ZH_APP_PITCH = gated(
    r"(?:打开|打開|下载|下載)[^，,。！!]{1,20}(?:app|客户端|客戶端)[，,\s]*(?:阅读|閱讀|查看|获取|獲取|看)更多"
    # "下載本報App，搶先掌握即時地方新聞": the paper's own app ("本報記者" opens news)
    r"|(?:下载|下載|安装|安裝|打开|打開)(?:本报|本報|本台|本网|本網|本站|本刊)[^，,。！!]{0,8}"
    r"(?:app|客户端|客戶端)"
)
# A Chinese site's own lines: its LINE account's pitch, its "more of our news" header and its
# reminder to the reader ("★新視台新聞網提醒您：請理性消費…")
_ZH_LINE_PITCH = factored(
    r"(?:^|[？?！!。]\s*)(?:立即|馬上|马上|快|趕快|赶快|現在|现在)?加入[^，,。]{0,12}LINE\s?"
    r"(?:官方)?(?:好友|帳號|账号)"
)
_ZH_MORE_NEWS = factored(r"^更多[^\s，,。：:]{0,12}(?:新聞|新闻)(?:報導|报道)?\s*[:：》>»]?$")
_ZH_REMINDS_YOU = factored(
    r"^[★☆※◎]?\s?[^\s：:，。]{0,12}(?:新聞網|新闻网|新聞|新闻|電視台|电视台|日報|日报|網|网"
    r"|(?<!气象)(?<!氣象)(?<!天文)台)提醒(?:您|你)\s*[:：\s]"
)
_ZH_PUSH_PITCH = factored(
    r"推送[^。]{0,20}(?:要闻|要聞|新闻|新聞|资讯|資訊)[^。]*。[^。]*(?:下载|下載)"
    # "…，第一时间推送到你的手机。扫码下载，…": pushed to the reader's own phone
    r"|推送(?:到|至)(?:你|您)的手[机機][^。]*。[^。]*(?:下载|下載)"
)
# A paywall's question to the reader who has no subscription, opening its offer ("Noch kein
# Abo? Lesen Sie … für nur Fr. 39.–", "Pas encore abonné ?"): with a price, or as a button.
_NOT_YET_SUBSCRIBED = gated(
    _fold(
        r"(?:not (?:yet )?a subscriber|not subscribed yet|don'?t have a subscription"
        r"|(?:noch )?kein abo(?:nnent)?|noch nicht abonniert|sie sind noch kein abonnent"
        r"|pas encore abonn[ée]e?s?|vous n'êtes pas (?:encore )?abonn[ée]e?s?"
        r"|¿?(?:aún|todavía) no (?:eres|es) suscriptora?|¿?no eres suscriptora?"
        r"|(?:ainda )?não é assinante|non sei (?:ancora )?abbonat[oa]"
        r"|nog geen abonnee|nog geen abonnement|(?:ännu )?inte prenumerant"
        r"|(?:er du )?ikke abonnent|nie masz (?:jeszcze )?(?:subskrypcji|prenumeraty|abonamentu)"
        r"|(?:ještě )?nemáte předplatné|(?:ещё|еще) не (?:подписаны|подписчик)|нет подписки"
        r"|ще не (?:маєте )?передплат\w*|henüz abone değil misiniz|abone değil misiniz)"
        r"\s?[?？]"
    )
)
NOT_YET_BUTTON = 6  # words: the question alone, a button's
# The first characters of `_PAYWALL_NOTICE`'s phrases: most lines open with none, and are
# passed without a call (the match was tried on every line of every page).
_PAYWALL_NOTICE_OPENS = frozenset(_fold(c).lower()[:1] for c in "tdcqeэдцこ本이본")
# A metered paywall's counter: "You're reading one of 3 free articles this month", "Está a ler
# um dos 3 artigos gratuitos deste mês", "Il vous reste 2 articles gratuits".
_FREE_ARTICLES = factored(
    _fold(
        r"\d+\s+(?:\w+\s+)?(?:free (?:articles|stories)|artigos gratuitos|articles gratuits"
        r"|kostenlose(?:n)? artikel|artículos gratuitos|artículos gratis|articoli gratuiti"
        r"|бесплатн\w+ (?:статей|статьи|материал\w*)|безкоштовн\w+ статей|darmowych artykułów"
        r"|ücretsiz (?:haber|makale)|δωρεάν άρθρ\w*|gratis artikelen|bezplatných článků)"
        r"|無料記事|免费文章|免費文章|무료 기사"
        # ("مقالان مجانيان": two free articles, a dual without a digit)
        r"|مقال\w* مجاني\w*|مقاله(?:‌ی)? رایگان|כתבות חינם|இலவசக் கட்டுரை|मुफ्त लेख|मुफ़्त लेख"
    )
)
# A meter's count of what the reader has read, opening its pitch: "You've read 6 articles this
# month. The Daily Ledger has no billionaire owner …", "Vous avez lu 3 articles ce mois-ci".
_READ_COUNT = factored(
    _fold(
        r"(?:you(?:'|’)ve read|you have read|vous avez (?:deja )?lu|sie haben(?: bereits| schon)?"
        r"|has leido|hai (?:gia )?letto|voce (?:ja )?leu|je hebt|вы (?:уже )?прочитали"
        r"|ви (?:вже )?прочитали|przeczytał(?:eś|aś))\s"
        r"(?:already )?\d+\s(?:\w+\s)?(?:articles?|stories|artikel(?:en)?|art[ií]culos|articoli"
        r"|artigos|статей|статьи|статті|makale|haber|artykuł\w*)\b"
    )
)
_METER = factored(
    _fold(
        r"\b(?:this|ce|diesen|este|questo|deste|desse)\s+(?:month|mois|monat|mes|mese|mês)\b"
        r"|в этом месяце|цього місяця|\b(?:left|remaining|reste|restent|restam|quedan|rimangono"
        r"|noch|осталось|залишилось|kaldı|pozostało|zbývá)\b|今月|本月|이번 달"
        # (the reader's own count: "تبقّى لك مقالان مجانيان", "נותרו לך", "வாசித்தீர்கள்")
        r"|تبقى لك|تبقت لك|بقي لك|لديك|נותרו לך|נשארו לך|برای شما|வாசித்தீர்கள்|உங்களுக்கு"
        r"|படித்துவிட்டீர்கள்|படித்துள்ளீர்கள்|நீங்கள்"
        r"|आपने|आपके पास"
    )
)
_TO_READER = factored(
    r"いまなら|今なら|いただけ|いただくと|ください|あなた|지금|하세요|立即|您|\b(?:you|your|vous|votre|sie"
    r"|ihre|tu|tú|usted|você|вы|вас|ты|ви|вам|σας|αποκτήστε|γίνετε|ακυρώστε|assine|subscreva"
    r"|tenha|suscríbete|abónate|abonnez-vous|profitez|abonnieren sie|abbonati|подпишитесь"
    r"|оформите|оформіть|підпишіться|abone olun|får du|är du|er du|dig|deg|voit|chcete|možete"
    r"|čitajte|pretplatite|διαβάζετε|απολαύστε|εγγραφείτε|tindràs|fes-te|subscriu-te)\b",
    re.IGNORECASE,
)
# A paywall's pitch tells the reader what to do: "Get the full story. Unlimited digital ..."
_IMPERATIVE = factored(r"^(?:get|subscribe|start|try|unlock|join|become|read|sign up)\b")
_HOW_TO = factored(r"^(?:here['’]?s how|here is how|this is how|how to)\b")
_EMAIL = factored(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Source, author and editor lines of Chinese and Japanese sites: "本文来源：…", "责任编辑：…".
# (with a colon or in brackets: "记者了解到" opens a sentence, "the reporter learned")
_CREDIT_WORDS = (
    r"本文来源|来源|來源|作者|责任编辑|責任編輯|编辑|編輯|编者按|編者按|原标题|原標題|記者|记者"
    r"|撰文|摄影|攝影|文"
)
_CREDITS_OTHER = gated(
    rf"^(?:[【〔（(](?:{_CREDIT_WORDS})(?:[】〕）)]|\s*[:：])|(?:{_CREDIT_WORDS})\s*[:：｜|])"
)
# "#人工智能 #大模型 #订阅制": a line of hashtags and nothing else is a tag list.
# Two or more "role: name" credits in a row, split by slashes or bars.
_ROLE = r"[^\W\d_][^\W\d_ ]{1,12}(?: [^\W\d_]{1,12})?\s?[:：]\s?[^\W\d_][^\W\d:：/|]{1,30}"
_ROLE_CREDITS = factored(rf"^(?:{_ROLE}?\s?[/|]\s?){{1,5}}{_ROLE}$")
# One of a Korean broadcast's role credits on its line: "그래픽 : 윤서아", "영상편집:한지민"
_KO_ROLE_CREDIT = factored(
    r"^(?:그래픽|영상편집|촬영기자|영상취재|영상디자인|CG)\s?[:：]\s?[가-힣]{2,4}"
    r"(?:\s?기자)?$"
)
# A short line naming the outlet's own channel: "our Telegram", "у нашому Telegram".
_OUR_CHANNEL = factored(
    _fold(
        r"(?:^|\s)(?:our|наш\w*|notre|nos|nuestro|nuestra|nosso|nossa|unser\w*|nostr\w*|nasz\w*"
        r"|onze|vores|vår|vårt|náš\w*|našem|naš\w*)\s+(?:\S+\s+)?(?:telegram|whatsapp|viber"
        r"|newsletter|канал\w*|instagram|youtube|facebook|tiktok|app)(?:\W|$)"
    )
)
# The site's app and what it brings the reader, or the stores it is in: "…アプリなら、速報を
# プッシュ通知でお知らせ。App Store・Google Playで配信中。" (news says "…で配信中だ。")
_JA_APP_PITCH = factored(
    r"アプリなら[、,]?[^。]{0,40}(?:お知らせ|お届け|配信中)"
    # what it brings, then that it is free: "…公式アプリでは、…プッシュ通知でお知らせしています。
    # アプリは無料でダウンロードできます。"
    r"|アプリ[^。]{0,60}(?:お知らせ|お届け)(?:します|しています)。[^。]{0,20}"
    r"(?:無料でダウンロード|ダウンロードは無料|無料でご利用)"
    # ("同社のゲームアプリ「星の旅団」は、App Store、Google Playで配信中。" is news)
)
_FOLLOW_BUTTON = factored(r"をフォロー(?:する)?$|に「いいね！?」しよう$")
# ("…野菜をお届けしますと説明した" reports what someone said)
_DELIVERED = factored(
    r"(?:毎日|毎週|毎朝|毎晩|平日の朝|週に?\d回|プッシュ通知で)[^。]{0,40}お届けします(?:[。！!]|$)"
    # "…メールマガジンでは、…を、毎晩9時にお届けしています。": the newsletter names itself
    r"|(?:メールマガジン|メルマガ|ニュースレター)[^。]{0,60}お届けしています(?:[。！!]|$)"
    r"|메일로 받아\s?보세요"  # "… 오늘의 핵심 뉴스를 매일 아침 메일로 받아보세요."
)
# A live page's note that it refreshes itself: "This page updates automatically every minute.",
# "Diese Seite aktualisiert sich automatisch.", "این صفحه … به‌طور خودکار به‌روز می‌شود."
# (searched in the folded line, its cue first: "automatically" is rare in a line)
AUTO_REFRESH_LINE = 20


def _auto_cued(low: str) -> bool:
    """Whether a line has a word of `_AUTO_REFRESH`'s (looked up as substrings, one by one: a
    regular expression's search over every short line, or a generator over the words, cost
    more)."""
    return (
        "automat" in low
        or "refresh" in low
        or "خودکار" in low
        or "تلقائي" in low
        or "otomatik" in low
        or "автоматич" in low
        or "自動" in low
        or "自动" in low
    )


_AUTO_REFRESH = factored(
    _fold(
        r"(?:this|the) (?:page|blog|live ?blog|feed) (?:will )?(?:updates?|refresh(?:es)?)"
        r" automatically|auto-?refresh(?:es)? every"
        r"|(?:diese|die) seite (?:aktualisiert sich|wird) automatisch"
        r"|(?:der|dieser) (?:ticker|liveblog|live-ticker) aktualisiert sich automatisch"
        r"|cette page (?:se met à jour|se rafraîchit|est actualisée) automatiquement"
        r"|esta página se actualiza automáticamente|esta página (?:é atualizada|se atualiza)"
        r" automaticamente|questa pagina si aggiorna automaticamente"
        r"|deze pagina (?:wordt )?automatisch (?:ververst|vernieuwd|bijgewerkt)"
        r"|sidan uppdateras automatiskt|siden (?:oppdateres|opdateres) automatisk"
        r"|strona (?:odświeża|aktualizuje) się automatycznie"
        r"|sayfa otomatik olarak (?:yenilenir|güncellenir)"
        r"|страница обновляется автоматически|сторінка оновлюється автоматично"
        r"|این صفحه[^.]{0,40}(?:به[\u200c ]?طور )?خودکار به[\u200c ]?روز"
        r"|(?:يتم )?تحديث (?:هذه )?الصفحة تلقائي"
        r"|(?:このページは|ページは)自動(?:で|的に)?更新|(?:本页|此页面)(?:将)?自动(?:刷新|更新)"
    )
)
# A reader's comment copied as one line: "Montse - 21/11/2025 12:40 182 euros d'escombraries …"
_COMMENT_LINE = factored(
    r"^[^\W\d_][\w .'’-]{1,30}\s[-–·|]\s(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s\d{1,2}:\d{2})?\s+\S"
    # or its date and time in brackets: "Ниш-лија (12.04.2025 12:39) На Кичемској су …"
    r"|^[^\W\d_][\w.'’-]{1,30}(?: [\w.'’-]{1,20})?\s\((?:\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}),?\s\d{1,2}:\d{2}\)\s+\S"
)
# A comment that says its author "wrote on" its date at its time (tried on a line with a colon
# after its time, the form's last: most lines of digits are no comment)
_COMMENT_WROTE = factored(
    # "wrote on" its date at its time: "pericotera escribió el 05/08/2008 a las 10:45: …",
    # "sbg_pendler schrieb am 12.11.2024 um 17:32:Und …"
    # ("The mayor wrote on 12.11.2024 at 17:32: …" reports a post)
    r"^(?!(?i:the|der|die|das|el|la|le|il|lo|os|as|o|a)\s)"
    r"[^\W\d_][\w.'’-]{1,30}(?: [\w.'’-]{1,20}){0,2}\s(?:escribió|schrieb|wrote|a écrit"
    r"|ha scritto|escreveu|napisał|napisała|написал|написала|написав|skrev|schreef|kirjoitti"
    r"|írta)\s(?:\w{1,3}\s)?(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}),?"
    r"(?:\s\w{1,5}(?:\s\w{1,3})?)?\s\d{1,2}[:.]\d{2}\s?:\s?\S"
)
# "Comments are the responsibility of their authors" in the languages of the news.
_COMMENTS_DISCLAIMER = factored(
    _fold(
        r"comments are (?:the )?(?:sole )?responsibility|comentarios son (?:de )?(?:exclusiva )?"
        r"responsabilidad|comentaris són responsabilitat|commentaires (?:sont|relèvent) (?:sous )?"
        r"(?:la )?responsabilité|kommentare (?:geben|sind)|commenti (?:sono|rappresentano)"
        r"|comentários são de responsabilidade|комментари\w* .{0,30}ответственност|коментар\w* "
        r".{0,30}відповідальн|yorumlar(?:dan)? .{0,30}sorumlu"
        r"|geben nicht (?:die|unbedingt die) meinung der redaktion wieder"
        # "نظرات حاوی توهین … منتشر نخواهد شد": what will not be published
        r"|نظرات .{0,40}منتشر نخواهد شد"
    )
)
# The same opening the line (a court's ruling on a paper's comments is reported so):
# "Komentarze są prywatnymi opiniami użytkowników portalu. Redakcja nie ponosi …"
_COMMENTS_DISCLAIMER_OPENS = factored(
    r"komentarze (?:sa|stanowia) (?:prywatnymi )?opiniami (?:uzytkownikow|internautow"
    r"|czytelnikow)|redakcja nie ponosi odpowiedzialnosci za (?:tresc )?(?:komentarzy|opinii"
    r"|wpisow)|komentare (?:su|jsou) nazor|diskusn\w* prispevky (?:su|jsou) nazor"
)
# "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter", an age rating ("18+").
_SITE_KEYS = factored(r"ctrl\s?\+\s?enter|^\d{1,2}\+$", re.IGNORECASE)
# A Korean broadcaster's tip box: "… 여러분의 제보를 기다립니다." and its ways, "▷ 전화 : 02-…"
_KOREAN_TIP_WAY = factored(
    r"[-•·▷▶ ]*(?:['‘\"“][^'’\"”]{1,20}['’\"”]\s?)?"
    r"(?:전화|카카오톡|이메일|메일|(?:뉴스\s?)?홈페이지)\s?[:：]"
)  # (a label in quotes first: "▶ 'KNB 제보' 카카오톡 : 'KNB뉴스' 검색, 채널 추가")
# "Vous avez trouvé une erreur? Merci de nous la signaler.": a site's error-report box
_ERROR_REPORT = factored(
    _fold(
        r"(?:vous avez (?:trouvé|repéré) une (?:erreur|faute)|signaler une erreur"
        r"|(?:found|spotted) (?:an error|a mistake|a typo)|report an error|нашли ошибку"
        r"|знайшли помилку|fehler gefunden|encontr(?:aste|ó|ou) (?:un|um) erro)"
    )
)
# A short line naming the story's source: "Source: Reuters", "Աղբյուր՝ Բիզնես Էքսպրես".
_SOURCE_LINE = gated(
    _fold(
        r"^(?:source|quelle|fuente|fonte|источник|джерело|πηγή|kaynak|źródło|zdroj|forrás|sursa"
        r"|bron|kilde|lähde|sumber|nguồn|المصدر|منبع|מקור|स्रोत|来源|來源|出典|출처|წყარო|chanzo"
        r"|աղբյուր)\s*[:：՝]\s*\S"
    ),
    re.IGNORECASE,
)
_POSTAL_IMPRINT = factored(r"^〒\s?\d{3}-?\d{4}")
_SUBSCRIBE_TO_US = factored(
    r"を購読する$|を購読しませんか[？?]?$|구독하기$|구독하고 메인에서 (?:바로 )?보세요[!.]?$"
)
_AD_TOKEN = factored(r"(?:^|[,;]\s)(?:реклама\.?\s*)?erid\s*[:：]\s*\w{6,}$", re.IGNORECASE)
# Tags on a line, or one alone (a copied tag list puts one a line: "#駅伝"; "#MeToo运动在各地
# 引发讨论。" is a sentence)
_HASHTAGS = factored(r"^#[^\s#]+(?:\s+#[^\s#]+)+$|^#[^\s#.。!?！？,，、]{1,25}$")
# "阅读 3.2万", "12.4K views", "Сподели 1,2 хил.": a counter of readers or of shares.
_VIEWS = gated(
    r"^(?:(?:阅读|閱讀|浏览|瀏覽|播放|조회수?|閲覧|views?|просмотр\w*|переглядів|いいね|ブックマーク"
    r"|共感(?:する|した)|なるほど|좋아요|공감|赞|讚|點讚|点赞|likes?|bookmarks?|shares?|ნანახია"
    r"|დათვალიერება|դիտումներ|прочитано|переглядів|oqildi|görüntülenme|wyświetle\w*|zobrazen\w*"
    r"|visualizaciones|visualizações|visualizzazioni|aufrufe|vues|προβολές|(?:عدد )?المشاهدات"
    r"|مشاهدات|בצפיות"
    r"|צפיות|बार देखा गया|сподели|споделяния)\s*[:：՝]?\s*"
    r"[\d.,]+\s*(?:[万萬千億kKmM]|хил\.|тыс\.|tys\.)?\+?"
    # "2.318 keer gedeeld", "1,2 хил. споделяния": shares counted, the count first
    r"|[\d.,]+\s*(?:[万萬千kKmM]|хил\.|тыс\.|tys\.)?\s*(?:views|просмотр\w*|переглядів|shares"
    r"|keer gedeeld|mal geteilt|partages|veces compartido|condivisioni|udostępnień|споделяния"
    r"|поширень|репост\w*))$",
    re.IGNORECASE,
)
# "Tags: transport, Lviv", "Schlagworte: ...", "タグ：..."
_TAG_WORDS = _fold(
    r"tags?|topics|content highlights|schlagworte|schlagwörter|themen|теги|теґи|тэги|метки"
    r"|etiquetas|étiquettes"
    r"|mots-clés|etichette|argomenti|tagi|etiketler|ετικέτες|タグ|标签|標籤|关键词|태그|키워드"
    r"|関連キーワード|キーワード|وسوم|الكلمات المفتاحية|תגיות|टैग|ट्रेंडिंग|ស្លាក"
    r"|պիտակներ|etiketa|etiketat|тэгі|témata|štítky|aiheet|tagit|etiketter|címkék"
    r"|súvisiace témy|témy|temos|tēmas"
)
_TAGS = factored(rf"^(?:{_TAG_WORDS})\s*[:：៖՝]\s*\S")
# Before a colon, the tag header of any language `chrome_words` has ("Тегтер:", "თეგები:"),
# on a line that is no sentence ("Теме: школа и цене биће на дневном реду." is an agenda's)
_TAG_HEADERS = "|".join(
    re.escape(phrase)
    for phrase in sorted({_fold(p).lower() for p in words_of_sites.TAGS}, key=len, reverse=True)
)
_TAG_LINE = factored(rf"^(?:{_TAG_HEADERS})\s*[:：៖՝]\s*\S")
_TAG_COLONS = frozenset(":：៖՝")
# "Topics Animals, Dogs, Greater Manchester": the header, then a list with commas.
_TAGS_BARE = factored(rf"^(?:{_TAG_WORDS})\s+[^,.!?]{{1,40}}(?:[,、][^,.!?]{{1,40}})+$")
# "Read next", "More from The Moscow Times", "Related Topics", "Read more: <headline>".
_RELATED_HEADER = gated(
    _fold(
        r"^(?:(?:read (?:next|more|also)|see also|also read|related|recommended(?: for you)?"
        r"|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|trending(?: now)?"
        r"|top stories|latest(?: news| stories| headlines)?|editor'?s picks|you (?:may|might)"
        r" (?:also )?(?:like|be interested in)|don'?t miss|further reading|what to read next"
        r"|(?:suggested|related) (?:topics|articles|stories|content|coverage)|topics|tags"
        r"|more (?:on this(?: story)?|stories|news|like this|to explore))\s*[:→»›]?"
        r"|more (?:from|on|in) (?-i:[A-Z])[^.!?]{0,40}|read (?:more|also|next)\s*[:|]\s*.+"
        r"|(?:още от|више из|više iz) (?-i:[А-ЯA-Z])[^.!?]{0,40}"
        # "Más noticias de Colombia", "Plus d'actualités de Lyon", "Mais notícias de Minas"
        r"|(?:más noticias|mais notícias|plus d'actualités|più notizie|weitere nachrichten"
        r"|altre notizie|otras noticias|outras notícias) (?:de|del|da|do|di|aus|from) "
        r"(?-i:[A-ZÁÉÍÓÚ])[^.!?]{0,40}"
        # "Fler nyheter från NNB Ekonomi": a site's or a section's name, each word capitalised
        # ("More news from Trump expected on Friday" goes on in lower case)
        r"|(?:more news|fler nyheter|flere nyheder|flere nyheter|meer nieuws|mehr nachrichten"
        r"|więcej wiadomości|další zprávy|lisää uutisia|további hírek) (?:from|från|fra|uit"
        r"|van|aus|von|z|ze|innen) (?-i:[A-ZÁÉÍÓÚÅÄÖØÆ])\S*(?: (?-i:[A-ZÁÉÍÓÚÅÄÖØÆ])\S*){0,3}"
        # the same headers on sites in other languages
        r"|читать далее|по теме|mehr zum thema|leer más|lea también"
        rf"|(?:{_READ_ALSO})\s*[:：|]?"
        # in brackets ("【関連記事】"); a CJK ranking with what it ranks ("国内アクセスランキング")
        rf"|[【\[〔〈《]\s*(?:{_READ_ALSO_PHRASES})\s*[】\]〕〉》]"
        r"|[\d\u3040-\u30ff\u4e00-\u9fff]{0,8}(?:ランキング|排行榜?|热榜|熱榜)"
        r"(?:\s?[（(][^()（）]{1,12}[)）])?)$"  # "アクセスランキング（ビジネス）": and of a section
    ),
    re.IGNORECASE,
)
# One link to another story, on a line between paragraphs: "Related: <headline>", "SEE MORE:
# <headline>", "Lesen Sie auch: <headline>". It heads no list. "Related:" and "More:" may
# open a sentence too; "Czytaj też: <a headline that asks?>" is a link all the same.
_RELATED_LINK = gated(rf"^(?:{_READ_ALSO})\s*[:：|]\s*\S.*$")
# The same without a colon ("আরও পড়ুন <headline>"), for the phrases that name no site.
_RELATED_LINK_BARE = gated(
    rf"^(?:(?:{_READ_ALSO_PHRASES})\s+|[【\[〔〈《]\s*(?:{_READ_ALSO_PHRASES}|関連|관련)\s*[】\]〕〉》]\s*)"
    r"\S.*$"
)  # also "【関連記事】住宅街にクマ…", "[관련기사] …", "【関連】甲子園の組み合わせ抽選会はいつ？"
_RELATED_LINK_WEAK = factored(
    r"^(?:related|see more|see also|more)\s*[:：|]\s*\S.*$", re.IGNORECASE
)
# "More »", "Read on →"; a closing guillemet after a word closes a quotation ("«Придется
# переложить на покупателя»" is a subheading).
_LINK_TAIL = gated(r"(?:[→›]|(?:^|\s)»)\s*$")
# An appeal's header names the publisher or the reader: "Support The Moscow Times!",
# "A Message from ...:", "Dear readers,". Subheadings like "Support from the Treasury" do not.
_APPEAL_HEADER = gated(
    r"^(?:(?:please )?(?:support|donate to|subscribe to|contribute to|become an? (?:member|"
    r"supporter|subscriber|patron|friend) of) (?:us|our \w+|(?:the )?(?-i:[A-Z])[\w&.’' -]{1,40})"
    r"\s*[!.:]?|(?:please )?(?:donate|support us|help us|join us)(?: today| now)?\s*[!.:]?"
    r"|(?:a )?(?:message|note|letter|word) from (?-i:[A-Z])[^.!?]{0,60}:?"
    r"|dear (?:readers?|friends?|subscribers?)\b.{0,20})$",
    re.IGNORECASE,
)
# The header of an appeal: the outlet exists thanks to its readers ("Фокус Дня існує завдяки
# читачам", "Made possible by readers like you")
_THANKS_TO_READERS = factored(
    _fold(
        r"(?:існує|існуємо|существует|существуем|istnieje|istniejemy|existiert|existieren|existe"
        r"|existons|existimos|esiste|esistiamo|bestaat|bestaan|finns|eksisterer|exists|exist)"
        r" (?:завдяки|благодаря|dzięki|dank|grâce à|gracias a|graças a|grazie a|dankzij|tack vare"
        r"|takket være|thanks to) (?:нашим |своим )?(?:читачам|читателям|czytelnikom"
        r"|(?:seinen |unseren |ihren )?lesern|(?:ses |nos )?lecteurs|(?:sus |nuestros )?lectores"
        r"|(?:seus |nossos )?leitores|(?:ai suoi |ai nostri )?lettori|(?:zijn |onze )?lezers"
        r"|(?:våra )?läsarna|(?:våre )?leserne|(?:its |our )?readers"
        r"|(?:unserer |unseren )?leserinnen und leser(?:n)?)"
        r"|made possible by readers like you"
    )
)
# Addressing the reader and asking for money or sign-up: the mark of appeal prose.
_ADDRESS = gated(r"\b(?:you|your|we|us|our)\b", re.IGNORECASE)
_ASK = factored(
    r"\b(?:donat\w*|contribut\w*|support (?:us|our|independent|the|quality)|supporting"
    r"|subscri\w*|membership|become a (?:member|supporter)|readers? (?:fund|like you)"
    r"|fund(?:ed|s)? (?:us|by readers)|keep (?:our|reporting|us)|one-off|one-time|recurring"
    r"|independent (?:journalism|media|reporting)|journalism|your support|your help"
    r"|our (?:work|staff|newsroom|journalists|reporters|mission)|before you (?:go|move on|leave)"
    r"|(?:open|free) (?:to|for) (?:everyone|all)|whatever (?:you|they) can (?:give|afford)"
    r"|support (?:my|this) work|thank you for (?:reading|supporting))\b",
    re.IGNORECASE,
)
_APPEAL_UI = factored(
    r"(?:[$€£]\s?\d|/\s?month\b|\bper (?:month|year)\b|\bpayment|\bpaiment|\bremind me\b"
    r"|\bnot ready\b|\bsupport\b|\bdonat)",
    re.IGNORECASE,
)
_ANY_QUOTE_MARK = factored(r'["“”«»]')


def _quote_mark(text: str) -> re.Match[str] | None:
    """The first quotation mark in `text`, or None. The marks are looked for as one class (a
    line's search at a fifth of the cost of an alternation with lookarounds); a straight
    quote that is a gershayim is passed over."""
    found = _ANY_QUOTE_MARK.search(text)
    while found is not None and _is_gershayim(text, found.start()):
        found = _ANY_QUOTE_MARK.search(text, found.end())
    return found


# Who said it, closing the line after a comma or a dash: "…, the health secretary urged.",
# "…, — сказал мэр.", "…, მოუწოდა მინისტრმა." (a pitch reported from someone is news)
_SAID_TAIL = factored(
    r"[,，،]\s*(?:[—–-]\s*)?(?:[^,.!?]{0,60}\s)?(?:said|says|urged|told|added|asked|warned"
    r"|stated|advised|recommended|found|сказал\w*|заявил\w*|призвал\w*|отметил\w*|попросил\w*"
    r"|сообщил\w*|посоветовал\w*|сказав\w*|заявив\w*|закликав\w*|каза\w*|призова\w*|заяви\w*"
    r"|ասել|կոչ|հայտարար\w*|განაცხად\w*|მოუწოდ\w*|თქვა|dijo|pidió|recomendó|afirmó|señaló"
    r"|explicó|a dit|a déclaré|a demandé|a recommandé|sagte|erklärte|forderte|riet|ha detto"
    r"|ha chiesto|disse|pediu|afirmou|rekao|rekla|poručil\w*|kazao|zei|vroeg|powiedział\w*"
    r"|apelował\w*|recomandă|a declarat|a spus|a transmis|anunță|vraagt|roept"
    r"|اپیل کی|کہا|अपील की|कहा|बताया|و?قال|و?قالت|و?أضافت?|و?أكدت?|دعا|دعت|صرحت?"
    r"|أوضحت?|گفت|افزود|אמר|אמרה|הוסיף|הוסיפה|сказаў|сказала|заявіў|заявіла|заклікаў"
    rf"|заклікала|падкрэсліў|подчеркнул\w*)(?![\w{MARK_RANGES}])[^,]{{0,60}}[.!?।۔։]?$",
    re.IGNORECASE,
)
# "… 밝혔다.", "… 말했다.": a Korean report's verb of saying, closing its sentence
_SAID_KOREAN = ("밝혔다", "말했다", "전했다", "설명했다", "당부했다", "강조했다", "덧붙였다")
# "… ने कहा कि …", "… نے کہا کہ …": said that, in Hindi and Urdu (the verb before the clause)
_SAID_THAT = factored(r"ने (?:कहा|बताया) कि|نے کہا کہ|نے بتایا کہ")


def _reported(text: str) -> bool:
    """Whether a line reports someone's words without quotation marks: its speaker closing it
    ("…, the mayor said."), or "said that" before them in Hindi and Urdu."""
    return bool(
        _SAID_TAIL.search(text)
        or _SAID_THAT.search(text)
        or text.rstrip(" .").endswith(_SAID_KOREAN)
    )


# A span in quotation marks, and the words of a name that may stand in them.
_QUOTED_SPAN = factored(r'["“„«]\s?([^"“”„«»]{0,80}?)\s?["”“»]')
NAME_QUOTED = 4  # words: "«Фонтанка»", "« Le Courrier »", "«El Diario de la Costa»"


def _quotes_words(text: str) -> bool:
    """Whether a line with quotation marks quotes someone's words, not a name: it opens with
    a mark, or a mark stands unpaired, or a span in marks is longer than a name ("Скачайте
    приложение «Фонтанка» и получайте новости первыми." names the app)."""
    if text.lstrip().startswith(('"', "“", "„", "«")):
        return True
    if _quote_mark(_QUOTED_SPAN.sub(" ", text)) is not None:
        return True
    return any(count_words(span[1]) > NAME_QUOTED for span in _QUOTED_SPAN.finditer(text))


def _is_gershayim(text: str, at: int) -> bool:
    """Whether the character at `at` is a straight double quote between two Hebrew letters:
    the gershayim of an abbreviation ("ש"ח", "ת"א", "ד"ר"), no quotation mark."""
    return (
        text[at] == '"'
        and 0 < at < len(text) - 1
        and "\u05d0" <= text[at - 1] <= "\u05ea"
        and "\u05d0" <= text[at + 1] <= "\u05ea"
    )


_NEWSLETTER = factored(
    r"\b(?:newsletters?|sign up|sign-up|signup|signing up|inbox|mailbox|e-?mail address"
    r"|subscribe"
    r"|unsubscribe|subscribers?|thanks for reading|privacy (?:policy|notice)"
    r"|terms (?:of|and) (?:use|service"
    r"|conditions)|view (?:this|it|the) (?:post|email|newsletter) (?:on the web|in (?:your|a)"
    r" browser)|forwarded this email)\b"
)
# The outlet's own newsletter, named by its possessive: "Our weekly newsletter helps you keep
# more …", "Recibí cada viernes nuestra newsletter de cultura", "prenumerera på vårt nyhetsbrev"
# (a paper's words about its newsletter in a story are quoted).
_NEWSLETTER_STEM = re.compile("nieuwsbrief|nyhetsbrev|nyhedsbrev|boletin|boletim|uutiskirj")
_OUR_NEWSLETTER = factored(
    r"(?<!\w)(?:our|notre|nuestr[oa]s?|noss[oa]s?|unser\w*|nostr[aeio]|nasz\w*|onze|vores"
    r"|vart|vort)\s(?:[\w-]+\s){0,2}?(?:newsletters?|nieuwsbrie\w*|nyhetsbrev\w*|nyhedsbrev\w*"
    r"|boletin\w*|boletim\w*|uutiskirj\w*)\b"
)


# A sign-up said to the reader with "it's free" beside it: "Каждый понедельник в 8:00 — главное о
# ценах, вкладах и тарифах. Подпишитесь, это бесплатно." (folded: no accents)
_SIGN_UP_FREE = factored(
    r"(?:(?:^|(?<=[.!?—–-] ))(?:sign up|subscribe|register)(?: now| today| here)?[,.!:;]?\s+"
    r"(?:[-–—]\s+)?(?:it['’]s|it is) (?:free|completely free|100% free)"
    r"|(?:подпишитесь|подпишись|підпишіться|підпишись|абонирайте се|претплатите се)"
    r"[,.!:;]?\s+(?:[-–—]\s+)?(?:это |це |то је |е )?(?:бесплатно|безкоштовно|безплатно|бесплатна?)"
    r"|(?:abonnez-vous|inscrivez-vous)[,.!:;]?\s+(?:[-–—]\s+)?c['’]est gratuit"
    r"|(?:suscribete|suscribase|registrate|registrese|assine|inscreva-se|cadastre-se|iscriviti"
    r"|abbonati)[,.!:;]?\s+(?:[-–—]\s+)?(?:es|e) (?:gratis|gratuit[oa])"
    r"|(?:abonnieren sie|melden sie sich an|jetzt anmelden|jetzt abonnieren)[,.!:;]?\s+"
    r"(?:[-–—]\s+)?(?:es ist |das ist )?kostenlos"
    r"|(?:zapisz sie|zasubskrybuj|prihlaste sa|prihlaste se|prihlas se|feliratkozas)"
    r"[,.!:;]?\s+(?:[-–—]\s+)?(?:to nic nie kosztuje|je to zadarmo|je to zdarma|ingyenes)"
    # "Сваког петка шаљемо преглед … Пријава је бесплатна.": what we send, and the sign-up
    r"|(?:шаљемо|saljemo)[^.!?]{0,160}[.!?]\s+(?:пријава|prijava) (?:је|je)"
    r" (?:бесплатна|besplatna))"
    # (the pitch ends there: "… es ist kostenlos für Kinder bis zwölf" is the article's)
    r"\s*(?:[.!…)]|$)"
)
SIGN_UP_FREE = 30  # words: a box's pitch of a sentence or two
# (what `_SIGN_UP_FREE` ends with, looked for first: most lines have none; one pattern of
# words, where a generator over them had cost 2% of the marks)
_FREE_WORD = re.compile(
    "free|бесплатн|безкоштовн|безплатн|gratuit|gratis|kostenlos|zadarmo|zdarma|ingyenes"
    "|nic nie kosztuje"
)


# What a pitch for it says besides (the reader, "free", how often, a question or a cry): "As we
# reported in our Morning Briefing newsletter on Tuesday, …" is the article's.
_PITCH_CUE = factored(
    r"[?!]|\b(?:you|your|vous|votre|sie|ihr\w*|du|je|jij|te|ti|tu|dig|deg|free|gratis|gratuit\w*"
    r"|kostenlos\w*|every|each|cada|elke|ogni|chaque|jede[nrms]?|todas? as|todos? os|tous les)\b"
)


def _names_newsletter(low: str) -> bool:
    """A newsletter's word other than English's in a line folded and in lower case."""
    return _NEWSLETTER_STEM.search(low) is not None


# A newsletter in other languages (a line that names one, short and no sentence: its box's
# header, "Tilaa Lapin uutiskirje", "TechFront メールマガジン").
_NEWSLETTER_NAMED = factored(
    _fold(
        r"uutiskirj|nyhetsbrev|nyhedsbrev|nieuwsbrief|boletín|boletim|hírlevél|bülten|рассылк|розсилк"
        r"|ニュースレター|メールマガジン|メルマガ|뉴스레터|電子報|电子报|ניוזלטר|النشرة البريدية"
        r"|newsletter|տեղեկագ|butlletí|පුවත් ලිපිය"
    ).lower()
)
_COMMENTS = gated(
    _fold(
        r"^(?:\d+\s+)?(?:comments?|leave (?:a|the first|your) comment|add (?:a )?comment"
        # a blog's: "3 thoughts on “<the headline>”", "One response to “…”"
        r"|(?:one |no )?(?:thoughts?|responses?|repl(?:y|ies)) (?:on|to) [\"“«‘'].{0,200}"
        r"|leave a reply(?: cancel reply)?"
        r"|show comments|view comments|post (?:a )?comment|join the (?:discussion|conversation)"
        r"|what (?:is|'s) your opinion\b.*|what do you think\b.*|have your say\b.*"
        r"|(?:(?:your|reader'?s'?|vos|tus|os|ihre|i vostri|uw) )?(?:kommentare?|commentaires?"
        r"|lesermeinungen|leserkommentare|postings"
        r"|comentarios?|commenti|comentários|komentarze?|yorumlar|reacties|comentaris|comentarii"
        r"|komentarai|komentāri|kommentaarid|kommentit|kommentarer|komentáře|komentáre|komentarji"
        r"|komentari|kommentek|hozzászólások|komente|komentar|bình luận|maoni|mga komento)"
        r"|(?:debatt?|dis[ck]uss?i\w*|dyskusja|keskustelu)\s*\(\d+\)"  # "Debat (14)"
        r"|комментари[ийея]|комментариев|коментар[іяів]|коментарів|коментари|каментары|пікірлер"
        r"|σχόλια|コメント|კომენტარები|մեկնաբանություններ|ความคิดเห็น|تبصرے|கருத்துகள்"
        r"|评论|評論|网友评论|網友評論|讀者回應|读者回应|網友回應|网友回应|сэтгэгдэл"
        r"|댓글|التعليقات|תגובות|टिप्पणियां|टिप्पणियाँ|कमेंट्स|कमेंट|মন্তব্য|نظرات|ਟਿੱਪਣੀਆਂ)"
        r"\s*(?:\(\d+\)|\d+\s*(?:件|条|條|개|건)?)?\W*$"
    ),
    re.IGNORECASE,
)
# A comment's word in the languages of the login prompts below (looked for first: the prompt's
# pattern costs seven times as much).
_COMMENT_WORDS = (
    r"comment|коммент|комент|kommentar|comentar|commentaire|commento|komentarz|yorum|σχόλι"
    r"|תגובה|تعليق|टिप्पणी|댓글|응원톡|コメント|评论|評論|留言"
)
_COMMENT_WORD = factored(_fold(_COMMENT_WORDS))
# What a comments box asks before one can comment: "로그인 후 댓글을 남길 수 있습니다", "Log in to
# comment", "Войдите, чтобы оставить комментарий".
_COMMENT_LOGIN = factored(  # (matched in the folded, lowered line)
    _fold(
        r"(?:log ?in|sign in|register|inicia sesión|connectez-vous|melden sie sich an|accedi"
        r"|faça login|zaloguj się|войдите|авторизуйтесь|увійдіть|giriş yapın|συνδεθείτε|התחברו"
        r"|سجل الدخول|लॉग ?इन कर|로그인 ?(?:후|하시면|하셔야|해야)|ログインして|ログインすると"
        r"|登录后|登入後|登錄後)"
        rf".{{0,30}}(?:{_COMMENT_WORDS})"
        r"|(?:コメント|댓글|응원톡|评论|評論|留言)[^。.]{0,12}(?:ログイン|会員登録|로그인|登录|登入|登錄)"
        r"|(?:to|para|pour|um|per|aby|чтобы|щоб) (?:leave a |post a |add a |dejar un |publier un "
        r"|écrire un |einen |lasciare un |deixar um |оставить |залишити |napisać )?"
        r"(?:comment|comentario|commentaire|kommentar|commento|comentário|комментарий|коментар"
        r"|komentarz)\w* ?,? ?(?:you must|please|debes|vous devez|müssen sie|devi|você precisa"
        r"|необходимо|потрібно|musisz)?\s*(?:log ?in|sign in|register|iniciar sesión|vous connecter"
        r"|anmelden|accedere|fazer login|zalogować|войти|авторизоваться|увійти)"
    )
)
FOLLOW_LINE = 12  # words: "Follow us on Telegram and Instagram!" says no more than that
# Credits that name themselves: "Photo: ...", "(AP Photo/Name)", "Photograph: Name/PA",
# "Video by Jane Doe" (a name after "by": "release the video by the end of the week" is news).
_PHOTO_CREDIT_STRONG = factored(
    r"\b(?:photo(?:graph)?s?|picture|image|illustration|video)\s*(?::|(?-i:(?:by|By|BY)\s+[A-Z])|credit\b)"
    r"|\b(?:AP|AFP|EPA|Reuters|Getty|Xinhua)?\s*Photo\s*/|\bphotobank\b|\bgetty images\b"
    r"|\bshutterstock\b|\bimage caption\b|\bcourtesy of\b|©|[.!?]\s*ⓒ\s?[^.!?ⓐⓑⓓ]{1,30}$"
    r"|(?<!\w)(?:foto|fotó|fotografía|fotografia|bild|фото|фота|وێنە"
    r"|φωτ\.?|φωτογραφία|사진|צילום|تصوير|ფოტო"
    r"|फोटो|फ़ोटो|ছবি|fotoğraf|तस्बिर|तस्वीर|صورة|kuva|снимка|кадър|кадр|picha|сүрөт|сурет"
    r"|படம்|చిత్రం|ചിത്രം|ಚಿತ್ರ|તસવીર|ਤਸਵੀਰ|ਫੋਟੋ|छायाचित्र|عکس|فوٹو|ඡායාරූපය|រូបថត)\s*[:：៖]"
    # a chart's title under it: "Графік: кількість кредитних спілок в Україні, 2020–2025"
    r"|(?<!\w)(?:графік|график|chart|infographic|інфографіка|инфографика|gráfico|graphique"
    r"|grafico)\s*[:：]"
    r"|\bphoto d['’]illustration\b|(?:^|[。\s])[图圖]\s?[/／]\s?\S{2,12}$|\bnuotr\.(?:$|\s?/)"
    r"|撮影[:：]|^[（(]?撮影・[^\W\d_]{2,10}[)）]?$"  # "撮影・千葉亮介": "photographed by"
    r"|[摄攝]影[:：]\s?\S{2,12}$|（[^（）]{0,20}撮）|（[^（）]{0,20}攝）|[\s　]摄(?:\s|$)"
    r"|^[（(][^（）()]{1,24}提供[）)]$"  # "（町企画課提供）": the photo "provided by" the office
    r"|/\s?사진\s?=|\(사진\s?=|사진\s?제공\s?=|/\s?[^/\n]{1,20}\s제공$|(?<!\w)ảnh\s*:"
    # "… after her ordeal Credit: SWNS", "… ma ponad pół wieku. Fot. Tomasz Wiśniewski",
    # "… jijini Dar es Salaam. Picha na Maktaba"
    r"|图片来源\s*[:：]|圖片來源\s*[:：]|图源\s*[:：]|\bcredits?\s*:\s*(?-i:[A-Z])"
    # "资料图 视觉中国/供图": a file photo, an agency's, "provided"
    r"|^(?:资料图|資料照|资料图片|資料圖)(?:片)?(?:\s|$)|供[图圖]$"
    r"|[。.]\s*(?:资料图|資料照|資料圖)片?$"
    r"|(?<!\w)fot\.\s*(?-i:[A-Z])|(?<!\w)picha na (?-i:[A-Z])|\bkuha ni (?-i:[A-Z])"
    # "Larawan ni Paolo Bautista, Balita Ngayon News": "picture by", a name and the outlet
    r"|^larawan ni (?:(?-i:[A-Z])[\w.'’-]*,? ?){2,6}$"
    r"|լուսանկար\w*\s*[՝:]"  # Armenian "Photo: …"
    # a file photo's line: "Фото из архива редакции", "Foto de archivo"
    r"|^(?:фото из архива|фото з архіву|photo from the archive|foto de archivo|foto d'archivio"
    r"|foto de arquivo|archivfoto|photo d'archives|zdjęcie archiwalne)\b",
    re.IGNORECASE,
)
# A byline on a line of its own: "By Jane Doe", "Von Jana Meixner", "Текст: Алексей Морозов",
# "Posted by Hannah Pryce".
_BYLINE = gated(
    r"^(?:(?:posted |written |reported |published |edited )?by|von|par|por|di|door|przez|текст"
    r"|автор|от|كتب|كتبت|بقلم|نوشته|տեքստը|լուսանկարները|լուսանկարը|autor|autorka|kirjoittaja"
    r"|författare|szerző|af|av|oleh|toimetaja|autors)\s*[:՝]?\s+"
    r"(?P<name>[^\W\d_][\w.'’\u0900-\u0dff-]*(?:\s+[\w.'’\u0900-\u0dff-]+){0,3})"
    # "By Gemma Thornley, Consumer Reporter", "Por Ana Ruiz y Luis Gil", "By Jane Doe | AP"
    r"(?:\s*(?:,|\||\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b|\bі\b|&)\s*"
    r"[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,3})?"
    # "di Roberta Cecchini - 22/03/2024": the day it was written after the name
    r"(?:\s+[-–—|]\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}[:.]\d{2})?)?$",
    re.IGNORECASE,
)
# A role with its colon and a name: "Muhabir: Elif Karaca", "Editör: Serkan Aydoğdu",
# "Editor: Jane Doe" (`_role_and_name` wants every word of the name capitalised: "Reporter:
# Were you afraid" is an interview's question)
_ROLE_LABEL = gated(
    r"^(?:muhabir|editör|editor|redaktör|redaktor|redakteurin|redakteur|redactora?|reporter"
    r"|reportera|hazırlayan|yazan|yazar)\s*:\s*",
    re.IGNORECASE,
)
ROLE_NAME = 4  # words of a name after its role


def _role_and_name(text: str) -> bool:
    role = _ROLE_LABEL.match(text)
    if role is None:
        return False
    name = text[role.end() :].split()
    return 0 < len(name) <= ROLE_NAME and all(w[:1].isupper() for w in name)


# Credits that are never prose, wherever they stand: "(AP Photo/Jane Doe)", "©".
_CREDIT_ALONE = factored(
    r"\((?:[A-Z]{2,6} )?Photo ?/[^)]*\)|\bPhoto(?:graph)?: [A-Z]|\bGetty Images\b|©"
    # a circled c after the caption's sentence: "… 정차해 있다. ⓒ 경남방송 DB" (Korean lists
    # number their items "ⓐ ⓑ ⓒ")
    r"|[.!?]\s*ⓒ\s?[^.!?ⓐⓑⓓ]{1,30}$"
    # "… a la sala de plens de l'Ajuntament. Foto: D.C.": a credit closing the caption, maybe
    # after the agency's capitals ("… a Váci úton. HHÜ Fotó: Fehér Dániel")
    r"|[.!?]\s+(?:[A-ZÀ-ÖØ-Þ]{2,8}\s)?(?:Foto|FOTO|Fotó|Fotos|FOTOS|Fotografia|Фото|Снимка|Снимки"
    r"|Φωτ\.?|Φωτογραφία|Zdjęcie|Kuva|Bild|Fénykép|Mynd|Argazkia)"
    r"\s?:\s?"
    r"(?:[^\W\d_][^!?:]{0,30}|(?:[^\W\d_][^!?:¡]{0,20})?¡[^\W\d_][^!?:¡]{0,20}!)$"  # "¡Hola!"
    # the same in other scripts, the credit maybe in brackets: "… ក្នុងខេត្តបាត់ដំបង។ (រូបថត៖ ចាន់
    # សុភា)", "… واپس آ رہے ہیں۔ — فوٹو: صبحِ نو"
    r"|[.!?।។۔]\s*(?:[—–-]\s*)?[（(]?(?:រូបថត|ඡායාරූපය|فوٹو|ছবি|फोटो|फ़ोटो|صورة|عکس|צילום|사진)"
    r"\s?[:：៖]\s?[^\W\d_][^!?:()（）។]{0,30}[)）]?$"
)
# (the photo's word and its slash, looked for first in the line's last characters)
_PHOTO_SLASH = re.compile("(?:ಫೋಟೋ|ఫోటో|ഫോട്ടോ|ફોટો|ਫੋਟੋ|फोटो|फ़ोटो|ছবি|படம்|Photo|Foto|Фото) ?/")
SLASH_CREDIT = 60  # characters: the photo's word and the photographer's name after it
# A caption's last words: an agency's photo and the photographer after a slash, "… ಸುರಿದಿರುವ
# ಟೊಮೆಟೊ. ಎಸ್‌ವಿಎಸ್ ಫೋಟೋ / ರವಿ ಕುಮಾರ್", "… the depot. City Herald Photo / Jane Doe"
_PHOTO_SLASH_END = factored(
    r"[.!?।]\s+(?:[^\s.!?/]{1,20}\s){0,2}(?:ಫೋಟೋ|ఫోటో|ഫോട്ടോ|ફોટો|ਫੋਟੋ|फोटो|फ़ोटो|ছবি|படம்|Photo"
    # (a name, no sentence: "Фото/видео публикуют очевидцы." is the article's)
    r"|Foto|Фото)\s?/\s?(?P<name>[^\W\d_][^!?:/().।]{0,30})$"
)
# An agency named on a short line that is no sentence: "REUTERS", "Pool via AP"; a credit's
# common words count beside a slash or a colon ("Pool/Getty"), or on a line of a few words
# (`_CREDIT_WORD`: "File photo"): "Saint-Servais pool to close as ceiling is found unsafe" is
# a headline.
_AGENCIES = (
    r"\b(?:reuters|afp|epa|ap|tass|ria novosti|xinhua|anp|belga|dpa|efe|ansa|pap|čtk|mti|bta)\b"
)
_AGENCY_WORD = gated(_AGENCIES, re.IGNORECASE)
# An agency's name, or a credit's word before a slash or a colon, or after a slash: what
# `_PHOTO_CREDIT_WEAK` looks for on a line with a slash or a colon (`_AGENCY_WORD` alone on
# one with neither)
_PHOTO_CREDIT_WEAK = gated(
    rf"{_AGENCIES}"
    r"|\b(?:photo\w*|picture|image|pool|credit|file)\b(?=\s*[/:])|(?<=/)\s*(?:pool|file)\b",
    re.IGNORECASE,
)
# ("What credit unions offer", a subheading, names no credit; nor does "Un photographe dans
# les sucreries", a subheading naming a photographer: "Photography by …" is a credit)
_CREDIT_WORD = gated(
    r"\b(?:photo(?!graph(?:e|er|es|ers)\b)\w*|picture|image|pool|credit(?! unions?\b)"
    r"|file)\b",
    re.IGNORECASE,
)
CREDIT_WORD_LINE = 5  # words
_CAPTION_MARK = factored(r"^(?:image |photo |video )?caption\W*$", re.IGNORECASE)
_NAME_SLASH_AGENCY = factored(r"[A-Z][\w.’'-]+ ?/ ?[A-Z][\w.’'-]+")
# After the agency's first word, at most three more capitalised words to the line's end.
_LOWER_WORD_BEFORE = factored(r"(?<![^\W\d_])[a-zà-ÿ][^\W\d_]*\s*$")
_CREDIT_AFTER_SLASH = factored(r"(?:\s+[A-Z][\w.’'&-]*){0,3}\s*[)\]]?\s*$")
_CREDITS = gated(
    r"^(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|research) by\b"
    r"|\((?:සංස්කරණය|වාර්තා කළේ)\s*:"  # "(වාර්තා කළේ: …; සංස්කරණය: …)": "(Reporting by …)"
    r"|copyright\s*(?:©|\(c\)|\d{4}|\b.{0,80}\ball rights reserved\b)|\(c\) ?\d{4}"
    r"|our standards:|this (?:article|story) (?:is|was) (?:more than|over) \w+ \w+ old"
    r"|(?:story|article) continues below|advertisement\s*[-–—:]\s*scroll"
    r"|this advertisement has not loaded yet\b"
    r"|(?:please )?(?:turn on|enable) javascript|this (?:article|story) (?:is|was) republished"
    # "Write to Jane Doe at jane.doe@example.com", "This article was originally published on
    # The Conversation. Read the original article."
    r"|write to [^.!?]{2,60} at \S+@|(?:contact|email|e-mail) (?:the )?(?:author|writer|reporter)"
    r"|(?:this|the) (?:article|story|piece|post) (?:was |is )?(?:originally|first) "
    r"(?:appeared|published|ran|posted) (?:on|in|at|by) (?-i:[A-Z])"
    r"|read the original (?:article|story)\b"
    r"|[—–-]\s*ulat ni (?-i:[A-Z])"  # "— Ulat ni Carla Mendoza, …": "report by", in Tagalog
    # a Persian agency's end mark, "انتهای پیام/"
    r"|انتهای پیام\s*/?\s*$"
    r"|[(\-–—]\s*انتهى\s*[)\-–—]\.?$|انتهى\.?$"  # an Arabic agency's "(end)"
    # a Vietnamese site's licence: "Giấy phép hoạt động báo điện tử số 000/GP-BTTTT."
    r"|giấy phép (?:hoạt động|xuất bản|thiết lập)[^.]{0,60}\bsố\s?\d)",
    re.IGNORECASE,
)
# The same credits a line's first 80 characters may lead up to, looked for only when their
# words are there (`_is_credits_line`): trying every start for them cost much.
_CREDITS_WITHIN = factored(
    r"^(?:.{0,80}\bcontributed (?:to )?this (?:report|story|article)\b"
    r"|.{0,80}\ball rights reserved\b|.{0,80}\bcreative commons licen[cs]e)",
    re.IGNORECASE,
)
_CREDITS_WITHIN_WORDS = ("contributed", "rights reserved", "creative commons")
# Everything a photo credit of `_PHOTO_CREDIT_STRONG` holds, one of them at least: searched
# first, as a list of words that each start with a letter is quick to look for.
_PHOTO_CREDIT_CUE = factored(
    r"photo|picture|image|illustration|video|getty|shutterstock|courtesy|©|ⓒ|foto|bild|фото|фота|φωτ"
    r"|사진|צילום|تصوير|फोटो|फ़ोटो|ছবি|撮|攝|摄|제공|提供|ảnh|图片来源|圖片來源|图源|credit|fot\.|picha"
    r"|तस्बिर|तस्वीर"
    r"|kuha ni|larawan ni|供图|供圖|资料图|資料照|資料圖|լուսանկար|ფოტო|صورة|图/|圖/|kuva|снимка"
    r"|nuotr|fotó|وێنە"
    r"|ಚಿತ್ರ|તસવીર|ਤਸਵੀਰ|ਫੋਟੋ|छायाचित्र"
    r"|кадър|кадр|графік|график|chart|infographic|інфографік|инфографик|gráfico|graphique"
    r"|grafico|сүрөт|сурет|படம்|చిత్రం|ചിത്രം|عکس|فوٹو|ඡායාරූප|រូបថត",
)  # searched in the line lowered: with IGNORECASE the search took four times as long


def _is_credits_line(text: str) -> bool:
    if _CREDITS.match(text):
        return True
    head = text[:200].lower()
    if not any(w in head for w in _CREDITS_WITHIN_WORDS):
        return False
    found = _CREDITS_WITHIN.match(text)
    # (the words in quotation marks are news: a picture marked "All rights reserved")
    return found is not None and not _within_quotes(text, found.end() - 1)


# "Click here" in the languages of the news: opening a line, an instruction to the reader's
# mouse ("Click here to subscribe", "येथे क्लिक करा"); anywhere in a line with a channel or an
# app, a pitch ("… வாட்ஸ்அப் சேனலில் பெற இங்கே க்ளிக் செய்யவும்", "點我下載APP").
_CLICK_HERE_ANY = factored(
    _fold(
        r"click here|tap here|press here|येथे क्लिक करा|यहां क्लिक करें|यहाँ क्लिक करें|इथे क्लिक करा"
        r"|இங்கே க்ளிக் செய்யவும்|இங்கே கிளிக் செய்யவும்|এখানে ক্লিক করুন|ক্লিক করুন"
        r"|ഇവിടെ ക്ലിക്ക് ചെയ്യുക"
        r"|ఇక్కడ క్లిక్ చేయండి|点击这里|點擊這裡|点击此处|點我|点我|ここをクリック|여기를 클릭"
        r"|اضغط هنا|انقر هنا|اینجا کلیک کنید|یہاں کلک کریں|לחצו כאן|לחץ כאן|cliquez ici"
        r"|haga clic aquí|haz clic aquí|pincha aquí|clique aqui|clicca qui|hier klicken"
        r"|klicken sie hier|klik hier|kliknij (?:tutaj|tu)|klikněte zde|нажмите (?:здесь|сюда)"
        r"|натисніть (?:тут|сюди)|buraya tıklayın|κάντε κλικ εδώ|bấm vào đây|nhấn vào đây"
        r"|klik di sini"
    )
)
# Told to get the outlet's app: "Download de NPO Nieuws-app en zet meldingen aan."
_GET_THE_APP = factored(
    _fold(
        r"(?:download|get (?:the|our) (?:[\w-]+ ){0,3}app|installeer|laden sie|lade dir|téléchargez"
        r"|télécharge"
        r"|descarga|descargue|descarregue|descarrega|scarica|baixe|pobierz|stáhněte|скачайте|скачивайте|завантажте"
        r"|κατεβάστε|indirin|tải|преузмите|преземете|preuzmite|свалете|изтеглете|töltse le"
        r"|töltsd le|i-download|ներբեռնեք|ჩამოტვირთეთ"
        r"|parsisiųskite|lejupielādējiet|descarcă|descarcati|descărcați|instalează)\b"
    )
)
_AFTER_A_STOP = factored(r"(?:[.!?]|\s[–—])\s+$")  # (or a dash: "… – преузмите апликацију")
# (or a colon after words to the reader: "Get alerts on your phone: download the Meridian News
# app …"; "Officials had one message for residents: download the app …" is news)
_AFTER_A_COLON = factored(r"[:：]\s+$")


def _tells_to_get_the_app(low: str) -> bool:
    """An imperative that opens the line or a sentence of it, and says what the app brings
    besides its own words ("Get the app, the council said" brings nothing; the verb is
    looked up first: a pattern that starts at a sentence's start is slow to search)."""
    return any(
        (
            m.start() == 0
            or _AFTER_A_STOP.search(low, 0, m.start()) is not None
            or (
                _AFTER_A_COLON.search(low, 0, m.start()) is not None
                and _TO_READER.search(low, 0, m.start()) is not None
            )
        )
        and _FOLLOW_PAYOFF.search(f"{low[: m.start()]} {low[m.end() :]}") is not None
        for m in _GET_THE_APP.finditer(low)
    )


_HANDLE = factored(r"(?<![\w@])@\w{2,}")
_COOKIES = factored(
    r"cookie|куки|クッキー|쿠키|ملفات تعريف الارتباط|עוגיות|कुकीज़|คุกกี้|piškot|kolačić"
    r"|ciasteczk|sütik|evästei|evästee|çerez|کوکی|slapuk|sīkdatn|küpsis|galetes|бисквитк"
    r"|колачић|колачињ"
)
_COOKIE_CONTEXT = factored(
    r"\b(?:consent|consens\w*|accept|partners?|preferences|settings|privacy|acept\w*|configur\w*"
    r"|accept\w*|paramètr\w*|paramétr\w*|partenaires|akzeptier\w*|einstellungen|datenschutz\w*"
    r"|accett\w*|aceit\w*|прием\w*|съглас\w*|поверителност\w*"
    r"|privacidad|privacidade|confidentialité|zgod\w*|prywatnoś\w*|kabul|gizlilik"
    r"|соглас\w*|конфиденциальн\w*|конфіденційн\w*|приня\w*|прийня\w*|погод\w*|αποδοχ\w*"
    r"|απόρρητ\w*|strinja\w*"
    r"|uporab\w*|souhlas\w*|súhlas\w*|hozzájárul\w*|elfogad\w*|hyväksy\w*|suostu\w*|onay\w*"
    r"|acord\w*|consimț\w*|samtyck\w*|samtykk\w*|toestemming|akkoord|instellingen"
    r"|slaž\w*|slaže\w*|prihvać\w*|prihvat\w*|postavk\w*"
    r"|polic(?:y|ies)|politique|política|politika\w*|kvkk|aydınlatma"
    r"|zustimm\w*|stimmen sie|weitersurfen"
    r"|прихват\w*|сагласн\w*|подешавањ\w*|прифаќ\w*|nõustu\w*|nõusolek\w*|згаджа\w*"
    r"|համաձայն\w*|توافق|بمتابعتك"
    r"|persetujuan|setuju|menyetujui|kebijakan privasi|dengan melanjutkan|đồng ý|pristan\w*"
    r"|postavk\w*|prihvaća\w*|prihvat\w*|choix|gérer|preferènci\w*|preferenci\w*"
    r"|personnalis\w*|оставаясь на сайте|продолжая|continuing|continuando|continuer"
    r"|αποδ[εέ]χ\w*|συνέχιση|συνεχίζοντας|απορρήτ\w*|ρυθμίσ\w*|sutink\w*|sutikim\w*|nustatym\w*|privatum\w*"
    r"|piekrīt\w*|piekrišan\w*|iestatījum\w*|privātum\w*|макул\w*|келісесіз|unakubali"
    # the site's own policy: "Läs mer i vår kakpolicy" ("en cookiepolitik" is a story's)
    r"|(?:vår|vores|our|notre|nuestra|nossa|unsere|onze) (?:kakpolicy|cookiepolicy|cookiepolitik"
    r"|cookie-?richtlinie)"
    r"|kukubali)\b"
    r"|پذیرش|موافقت"
    r"|同意|設定|동의|설정|موافق|הסכמה|ยอมรับ|सहमत|स्वीकार"
)
# A site's own words about its cookies: "we use" in the languages of the news.
_COOKIE_WE = factored(
    _fold(
        r"\b(?:we use|this (?:web)?site uses|utilizamos|usamos|nous utilisons|ce site utilise"
        r"|utilitzem|fem servir|nos partenaires utilisons|utilisons des cookies|този сайт използва"
        # "SenActu et ses partenaires utilisent des cookies …": the site and its partners
        r"|(?:et ses|and its|y sus|und seine|e i suoi|e os seus) (?:partenaires|partners|socios"
        r"|partner|parceiros) (?:utilisent|use|utilizan|verwenden|nutzen|utilizzano|utilizam)"
        r"|използваме"
        r"|wir verwenden|verwenden wir|wir nutzen|diese website (?:verwendet|nutzt)|utilizziamo"
        r"|questo sito utilizza|używamy|kullanıyoruz|çerezler kullanılmaktadır"
        r"|мы используем|используем|використовуємо"
        r"|(?:ta|naša) spletna stran uporablja|ova (?:web )?stranica koristi|koristimo"
        r"|(?:овај|ovaj) (?:веб |web )?(?:сајт|sajt) (?:користи|koristi)|користимо|kasutame"
        r"|сайт (?:использует|використовує|выкарыстоўвае)|կայքն օգտագործում է"
        r"|(?:сайт|сайтымыз) cookie (?:файлдарын колдонот|файлдарын пайдаланады)"
        r"|tovuti hii inatumia"
        r"|(?:η ιστοσελίδα|ο ιστότοπος) (?:μας )?χρησιμοποιεί"
        r"|este sitio (?:web )?(?:utiliza|usa)|esta (?:página )?web (?:utiliza|usa)"
        r"|ta strona (?:używa|korzysta)|tento web používá|používáme|používame"
        r"|sütiket használ|oldal(?:unk)? sütiket \([^()]{1,20}\) használ|käytämme"
        r"|deze (?:web)?site gebruikt"
        r"|wij gebruiken|we gebruiken|vi använder|vi bruker|vi bruger|kami menggunakan"
        r"|(?:gebruiken|gebruikt|använder|bruker|bruger|verwenden|utilizan|utilizam|usano)"
        r" cookies?"  # "Nieuwsnet en onze partners gebruiken cookies …"
        r"|situs ini menggunakan|chúng tôi sử dụng|folosim|utilizăm|naudojame|mēs izmantojam"
        r"|acest site (?:folosește|utilizează)"
        r"|χρησιμοποιούμε)\b|使用しています|使用しております|我们使用|我們使用|本网站使用|本網站使用|本站使用"
        r"|사용합니다|(?<!\S)हम\s.{0,80}?का (?:उपयोग|इस्तेमाल) करते हैं"
        r"|نستخدم|يستخدم هذا الموقع|אנו משתמשים|(?:เรา|เว็บไซต์นี้|เว็บไซต์ของเรา)(?:มีการ)?ใช้คุกกี้"
    )
)
_TRANSLATION_CREDIT = gated(
    r"\b(?:translated (?:by|with|using|from \w+(?: \w+)? (?:by|with))|machine[- ]translat\w*"
    r"|translation (?:by|service)|google translate|deepl|yandex\.?\s*translat\w*"
    r"|auto-?translated"
    # the same credit in the languages articles are often machine-translated from
    r"|переведено|переводчик\w*|машинный перевод|übersetzt (?:von|mit)|traduit (?:par|avec)"
    r"|traducido (?:por|con)|tradotto (?:da|con)|traduzido (?:por|com))\b"
)
# "Subscribe for free to receive new posts": telling the reader, at a sentence's start.
_IMPERATIVE_SIGN_UP = factored(rf"(?:^|[.!?]\s+)(?:subscribe\b|{_SIGN_UP})", re.IGNORECASE)
_MACHINE_TRANSLATION = factored(
    r"machine[- ]translat|google translate|deepl|yandex\.?\s*translat|auto-?translated"
    r"|машинный перевод|переводчик",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = gated(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"{_MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})\b",
    re.IGNORECASE,
)
# A date without a year ("Jun 18") counts only on a line that is nothing else.
_SHORT_DATE = gated(rf"\b(?:{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTHS})\b", re.IGNORECASE)
# (a clock's hours and minutes: "87:79" is a basketball score; digits of other scripts,
# "१७:४२", are not checked)
TIME = factored(
    r"\b(?![3-9]\d:|2[5-9]:)\d{1,2}:(?![6-9])\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4}T))?",
    re.IGNORECASE,
)
# A time said as a while ago ("2 hours ago", "3小時前") or as yesterday's or today's hour
_AGO = (
    r"(?:\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago|yesterday|today"
    r"|just now|il y a \d+\s+(?:minutes?|heures?|jours?)|hace \d+\s+(?:minutos?|horas?|días?)"
    r"|há \d+\s+(?:minutos?|horas?|dias?)|vor \d+\s+(?:minuten|stunden|tagen)"
    r"|\d+\s+(?:минут\w*|час\w*|хвилин\w*|годин\w*)\s+(?:назад|тому)"
    r"|před (?:hodinou|minutou|\d+ (?:minutami|hodinami|dny))"
    r"|pred (?:hodinou|\d+ (?:minútami|hodinami))"
    r"|(?:\d+ )?(?:godzin[ęy]?|minut[ęy]?) temu"
    # "2時間前", "3小时前", "2시간 전", "3 ชั่วโมงที่แล้ว", "२ घंटे पहले", "၂ နာရီအကြာက", "منذ ساعتين"
    r"|\d+\s?(?:分|時間|日|分钟|分鐘|小时|小時|天)前|\d+\s?(?:분|시간|일)\s?전"
    r"|\d+\s?(?:นาที|ชั่วโมง|วัน)(?:ที่แล้ว|ก่อน)|\d+\s(?:मिनट|घंटे|घंटा|दिन)\s(?:पहले|अघि)"
    r"|\d+\s?(?:မိနစ်|နာရီ|ရက်)\s?အကြာက|منذ (?:\d+ )?(?:دقيقة|دقائق|ساعة|ساعات|ساعتين|يوم|أيام)"
    r"|לפני (?:\d+ )?(?:דקות|שעות|שעה|ימים)|\d+\s(?:मिनेट|घण्टा|दिन)\s(?:अगाडि|अघि)"
    r"|\d+\s(?:ਮਿੰਟ|ਘੰਟੇ|ਘੰਟਾ|ਦਿਨ)\s(?:ਪਹਿਲਾਂ)"
    # "I går kl. 14:12", "gestern, 18:05 Uhr", "вчера в 14:12": yesterday or today at a time
    r"|(?:i går|igår|i dag|idag|i forgårs|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi"
    r"|ontem|hoje|вчера|сегодня|вчора|сьогодні|dün|bugün|wczoraj|dzisiaj|včera|dnes|tegnap"
    r"|eilen|tänään|gisteren|vandaag|astăzi|azi|χθες|σήμερα)"
    r",?\s*(?:(?:kl\.?|klokken|um|à|a las|alle|às|в|о|saat|o|om|la|klo|στις)\s*)?"
    r"\d{1,2}[.:h]\d\d(?:\s*(?:uhr|h))?)"
)
_RELATIVE_TIME = gated(
    r"^(?:(?:last )?(?:updated|published|posted|first published)(?: on)?:?\s*"
    r"|(?:mis à jour|publié|actualizado|publicado|atualizado|aktualisiert|aggiornato"
    r"|обновлено|оновлено)\s*:?\s*)?" + _AGO + "$",
    re.IGNORECASE,
)
# A reader's comment's header: a name of three words at most, then when it was written, set
# apart by a wide gap or a dot ("阿偉  2小時前", "Mei · 1 hour ago")
_AUTHOR_GAPS = frozenset("·•|\u3000\t")
# A reader's comment's header with the address it came from: "Бат-Очир (IP: 202.131.x.x)
# 2024.02.13 11:02"
_AUTHOR_IP = factored(r"^[^\W\d_][\w.'’ -]{0,30}\s\(IP:\s?[\d.x*]+\)")
# Persian: a channel to follow ("…کانال پارس‌نگار را در تلگرام، بله و ایتا دنبال کنید"), the
# comments' rules over them ("نظرات حاوی توهین و افترا منتشر نمی‌شود"), the reporter and editor
_FA_FOLLOW = factored(
    r"کانال[^.!؟]{0,40}در (?:تلگرام|بله|ایتا|اینستاگرام|روبیکا|پیام\u200c?رسان)[^.!؟]{0,30}"
    r"دنبال کنید"
)
_FA_COMMENT_RULES = factored(
    r"^نظرات (?:حاوی|پس از|شما)[^.]{0,60}منتشر (?:نمی‌شود|نمی شود|خواهد شد)"
)
_FA_CREDITS = factored(
    r"^(?:گزارش(?: از)?|خبرنگار|ویرایش|ویراستار|عکس|تنظیم)\s*:\s*[^/:]{2,40}"
    r"(?:/\s*(?:گزارش(?: از)?|خبرنگار|ویرایش|ویراستار|عکس|تنظیم)\s*:\s*[^/:]{2,40})*$"
)
# Sinhala: "register to get the top news by email" ("ලියාපදිංචි වන්න": register)
_SI_SIGN_UP = factored(r"(?:ඊමේල්|විද්‍යුත් තැපෑල)[^.]{0,60}ලියාපදිංචි වන්න")
_AUTHOR_AGO = factored(
    r"^[^\W\d_][\w.'’-]*(?: [\w.'’-]+){0,2}(?:\s{2,}|[\u3000\t]|\s?[·•|]\s?)" + _AGO + "$",
    re.IGNORECASE,
)
# "Temps de lecture 4 min.", "Lesedauer: 3 Min.", "読了時間 5分", "5 min read": a header's
# reading time, a number of minutes beside a word for reading.
_MINUTES = factored(
    r"\d{1,3}\s*(?:(?:min(?:ut\w*)?|мин\w*|хв\w*|λεπτ\w*|dakika|dk|perc|phút|menit|분"
    r"|דקות|دقائق|دقيقة|دقیقه|मिनट|นาที|րոպե)(?![^\W\d_])|分)",
    re.IGNORECASE,
)
_READING = factored(
    r"read|lectur|lese|lettura|leitura|czytani|чтени|читанн|ανάγνωσ|okuma|leestijd|lästid"
    r"|læsetid|čtení|citire|đọc|baca|読了|読め|阅读|閱讀|읽|קריאה|قراءة|مطالعه|पढ़|lukuaika|olvasás"
    r"|อ่าน|կարդալ",
    re.IGNORECASE,
)
_MIN_DOT = factored(r"\b(?:min|мин|хв)\.$", re.IGNORECASE)
READING_TIME = 8  # words
# "17:00–21:00", "8.30-12.00", "9時〜17時": hours from and to, a timetable's or a schedule's.
_TIME_RANGE = factored(
    r"\d{1,2}[:.h時]\d{0,2}\s*(?:[-–—~〜～]|to|until|till|до|bis|à|a|al|hasta|até|حتى|إلى|الى)"
    r"\s*\d{1,2}[:.h時]\d{0,2}"
    # "من 20:00 حتى منتصف الليل", "From 22:00 until the last train": hours from, to a word
    r"|^(?:from|von|ab|de|desde|dalle|dès|с|від|od|από|من)\s+\d{1,2}[:.h]\d{2}\b",
    re.IGNORECASE,
)
# A trail of sections: three or more short items joined by ">" or "›".
_BREADCRUMBS = factored(
    r"^[^>›»＞\n]{1,30}(?:\s[>›»＞]\s[^>›»＞\n]{1,30}){2,6}$"  # ("ホーム ＞ ニュース ＞ 決済")
    # (a trail's first item has a letter: "16.05 / 16.35 / 17.05 Uhr" are departures)
    r"|^(?=[^/\n]*?[^\W\d_])[^/\n]{1,30}(?:\s/\s[^/\n]{1,30}){2,6}$"
)
# Dates and times as other languages write them: "2025年10月17日", "2025.10.27.", "31 мая
# 2025", "22/05/2025 à 17h05", "2025년 10월 27일".
_OTHER_DATE = factored(
    r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{4}년\s?\d{1,2}월\s?\d{1,2}일"
    r"|\b\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\b\.?|\b\d{4}/\d{1,2}/\d{1,2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b"
    r"|\b\d{4}\.\s[^\W\d_]{3,12}\s\d{1,2}\.,?"  # "2024. március 21., csütörtök": the year first
    r"|\b\d{1,2}/\d{1,2}\s?[(（][月火水木金土日][)）]"  # "2/22(木)": a Japanese portal's date
    # "17 June 2024", "১৭ জুন ২০২৪": a month's name has its vowel signs
    rf"|\b\d{{1,2}}\.?\s+(?:[^\W\d_]|[{MARK_RANGES}]){{3,12}}\.?,?\s+\d{{4}}\b"
    r"|\b\d{1,2}\s+(?:كانون|تشرين)\s+(?:الأول|الثاني)\s+\d{4}\b"  # Levantine month names
    # "9 de enero de 2025", "9 de janeiro de 2025", "9 d'abril de 2025"
    r"|\b\d{1,2}\s+(?:de\s+|d['’])[^\W\d_]{3,12}\s+(?:de|del)\s+\d{4}\b"
    # "मंसिर १८, २०८१": Nepal's months (Bikram Sambat), the day after the month
    r"|(?:बैशाख|वैशाख|जेठ|असार|साउन|भदौ|असोज|कात्तिक|कार्तिक|मंसिर|पुस|माघ|फागुन|चैत)\s+\d{1,2},?\s+\d{4}"
    # "2024 ජුනි 01": Sinhala's months, the year first
    r"|\d{4}\s+(?:ජනවාරි|පෙබරවාරි|මාර්තු|අප්‍රේල්|මැයි|ජුනි|ජූනි|ජූලි|අගෝස්තු|සැප්තැම්බර්"
    r"|ඔක්තෝබර්|නොවැම්බර්|දෙසැම්බර්)\s+\d{1,2}"
)
# What every date of `_OTHER_DATE` holds: a year's four digits, 月, or a bracket ("2/22(木)").
# A day, a month and two digits of a year, then a bar or a comma before the time taken out
_TWO_DIGIT_YEAR_DATE = factored(
    r"\s*(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d{2}\s*[|,·•/-]?\s*"
)
_DATE_CUE = re.compile(r"\d{4}|[月(（]")
_TIME_WORD_CUE = re.compile(r"kl|godz|ore|às|um")  # (the words of `_OTHER_TIME` before a time)
_OTHER_TIME = factored(
    r"\b\d{1,2}h\d{2}\b|\b\d{1,2} h \d{2}\b|\d{1,2}時\d{1,2}分"  # (Quebec: "21 h 14")
    r"|\b(?:kl|klo|godz|ore|às|um)\.?\s?\d{1,2}[.:]\d{2}\b"
    r"|\b\d{1,2}\.\d{2}\s?(?:Uhr|h)\b"
)
# "12:47h." as Spanish sites write a time; Thai dates with abbreviated months ("15 ก.ย. 2568").
_HOUR_H = factored(r"\b\d{1,2}[:.]\d{2}\s?h\b")
_THAI_DATE = factored(r"\d{1,2}\s+[\u0e00-\u0e7f]{1,4}\.[\u0e00-\u0e7f]{1,3}\.\s+\d{2,4}")
# Stamp words of other languages, matched without word boundaries (CJK has none).
_OTHER_STAMP_WORDS = factored(
    r"更新|公開|配信|发布|發布|입력|수정|업데이트|오전|오후|опубликовано|обновлено|publié le"
    r"|mis à jour le|veröffentlicht am|aktualisiert am|actualizado|publicado|pubblicato"
    r"|aggiornato|yayınlanma|güncelleme|δημοσίευση|ενημέρωση|प्रकाशित|अपडेटेड|نشر في|עודכן"
    r"|פורסם|เผยแพร่|อัปเดต|son güncelleme|atualizado|zaktualizowano|opublikowano|publié"
    r"|modifié|mis à jour|aktualisiert|veröffentlicht|aangepast|bijgewerkt|gepubliceerd"
    r"|uppdaterad|publicerad|opdateret|publiceret|aktualizováno|publikováno|actualizat"
    r"|publicat|cập nhật|diperbarui|diterbitkan|ažurirano|objavljeno|оновлено|опубліковано"
    r"|актуализирана|публикувана|обновена|ажурирано|објављено|päivitetty|julkaistu|oppdatert"
    r"|publisert|frissítve|közzétéve|güncellendi|обновено|ενημερώθηκε|تحديث|aktualizované"
    r"|publikované|posodobljeno|objavljeno|atnaujinta|paskelbta|atjaunots|publicēts|uuendatud"
    r"|avaldatud|පෙ\.ව\.|ප\.ව\.",
    re.IGNORECASE,
)
# Days of the week in the languages that write them in lower case ("петък, 14 ноември 2025",
# "mardi 4 mars 2025"): in a line that is a date, they are part of it.
_WEEKDAYS = gated(
    r"\b(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|понеділок|вівторок"
    r"|середа|четвер|п'ятниця|пʼятниця|субота|неділя|понеделник|сряда|четвъртък|петък|събота"
    r"|неделя|четврток|петок|сабота|недела|понедељак|уторак|четвртак|петак|недеља|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado"
    r"|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira"
    r"|terça-feira|quarta-feira|quinta-feira|sexta-feira|poniedziałek|wtorek|środa|czwartek"
    r"|piątek|sobota|niedziela|pondělí|úterý|středa|čtvrtek|pátek|neděle|ponedjeljak|utorak"
    r"|srijeda|četvrtak|petak|subota|nedjelja|luni|marți|miercuri|joi|vineri|sâmbătă|duminică"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|måndag|tisdag|onsdag"
    r"|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag|dilluns|dimarts|dimecres"
    r"|dijous|divendres|dissabte|diumenge|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap"
    r"|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai)\b",
    re.IGNORECASE,
)
_STAMP_WORDS = factored(
    r"\b(?:updated|published|posted|first published|last updated|ago|gmt|utc|bst|est|msk)\b",
    re.IGNORECASE,
)
# A sentence's end in the scripts of the news: the full stops of Chinese and Japanese (also
# half-width), of Devanagari and Bengali (danda), Arabic and Urdu, the Greek question mark,
# then any closing quotation marks or brackets.
# Lower-case words a timestamp may hold: "Published on 12/05/2025", "Mis à jour le ...".
_STAMP_JOINERS = frozenset({"on", "at", "am", "um", "le", "el", "à", "в", "o", "alle", "às"})
# (Armenian "։", Ethiopic "።", Burmese "။", Khmer "។" and Tibetan "།" end sentences too)
_STOP_MARKS = ".!?…。！？｡।॥؟۔;\u037e\u0589\u1362\u104b\u17d4\u0f0d"
_CLOSERS = "'\"’”»)」』）】〕›"
_SENTENCE_END = factored(f"[{re.escape(_STOP_MARKS)}][{re.escape(_CLOSERS)}]*$")
_STOPS = frozenset(_STOP_MARKS)


# A quotation's opening and closing marks, curly and angle ("“" closes a German „…“), as
# `_within_quotes`, `_OPENING_QUOTES` and `_CLOSING_QUOTES` read them (and '"' either way)
_OPENERS = "“«「『„‘"
_CLOSING = "”»」』“’"


def _within_quotes(text: str, at: int) -> bool:
    """Whether position `at` of `text` stands inside quotation marks opened before it (a
    curly or angle quotation's opening mark with no closing one after it; an odd count of
    straight double quotes)."""
    before = text[:at]
    opened = max(before.rfind(mark) for mark in _OPENERS)
    if opened >= 0 and not any(mark in before[opened + 1 :] for mark in _CLOSING):
        return True
    if '"' not in before:
        return False
    straight = [i for i, c in enumerate(before) if c == '"' and not _is_gershayim(text, i)]
    return len(straight) % 2 == 1


def _stopped(text: str) -> bool:
    """`_SENTENCE_END.search(text)` of a paragraph's text (no line break at its end): its last
    character but the closing quotes is a stop. (Once or twice for every line of a page: a
    search ran through the whole line.)"""
    return text.rstrip(_CLOSERS)[-1:] in _STOPS


def _signed(p: Paragraph) -> bool:
    """A paragraph of prose whose last sentence's stop a tag in brackets follows: a wire's
    agency ("… wie das Unternehmen mitteilte. (sda)"), or a caption's credit ("… (Foto: İHA)",
    which is marked by then)."""
    text = p.text
    opened = text.rfind("(", -AGENCY_TAG) if text.endswith(")") else -1
    return p.words > SHORT and opened > 0 and text[:opened].rstrip()[-1:] in _STOPS


AGENCY_TAG = 12  # characters of "(dpa/AFP)" with its brackets, at most


_LETTER_OR_DIGIT = factored(r"[^\W_]")
_LETTERS = factored(r"[^\W\d_]+")

SHORT = 8  # words: a line at most this long may be interface text
COOKIE_HEADING = 8  # words
CLICK_BUTTON = 5  # words: a button that says what clicking does, then "click here"
COOKIE_LIST_ITEM = 6  # words: a list's item about cookies as long as a sentence
_NUMBERED_ITEM = factored(r"\d{1,2}[.)]\s")  # "2. 광고·분석용 쿠키는 …": a numbered list's item
BYLINE = 10  # words: "By Gemma Thornley, Consumer Reporter"
ARTICLE_PARAGRAPH = 20  # words: a paragraph of the article more likely than a reader's comment
MENU_ITEM = 3  # words: a menu entry ("World", "My News") is at most this long
TEASER = 80  # words: longest paragraph taken for a teaser in a "Read next" list
CAPTION = 60  # words: longest paragraph taken for a photo caption ending in a credit


@dataclass(frozen=True, slots=True)
class Judged:
    """A paragraph and why it is boilerplate (`reason` None: article body)."""

    paragraph: Paragraph
    reason: str | None


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """`[start, end)` ranges of site chrome in `text`, merged, in order."""
    return merge_ranges(text, classify(text))


def merge_ranges(text: str, judged: Sequence[Judged]) -> list[tuple[int, int]]:
    """Join marked paragraphs separated only by white space into one range."""
    ranges: list[tuple[int, int]] = []
    for item in judged:
        if item.reason is None:
            continue
        start, end = item.paragraph.start, item.paragraph.end
        if ranges and not text[ranges[-1][1] : start].strip():
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def classify(text: str) -> list[Judged]:
    """Every paragraph of `text` with the reason it is boilerplate, or None for body."""
    paras = paragraphs(text)
    script = dominant_script(text)
    others = _other_letters(text, script)
    # (a line the page repeats, a menu's entry in its footer, is judged once)
    judged: dict[str, str | None] = {}
    reasons: list[str | None] = []
    for p in paras:
        if p.text not in judged:
            judged[p.text] = _line_reason(p, script, others)
        reasons.append(judged[p.text])
    stamped = {k for k, p in enumerate(paras) if reasons[k] is None and _is_stamp_line(p)}
    prose = [
        k
        for k, p in enumerate(paras)
        if (is_prose(p) or _leads_in(p)) and reasons[k] is None and k not in stamped
    ]
    body = _body_span(prose, len(paras))
    _keep_timetables(paras, reasons, body)
    _keep_list_items(paras, reasons, body)
    _apply_header(paras, reasons, stamped, body[0])
    _apply_headline_again(paras, reasons, body[0])
    _apply_comment_heads(paras, reasons, body[0])
    _apply_comments(paras, reasons, body[0])
    _apply_one_links(paras, reasons, text)
    _apply_continued(paras, reasons)
    _apply_author_box(paras, reasons)
    _apply_blocks(paras, reasons, body[0], text)
    _apply_menus(paras, reasons, body)
    _apply_stamped_links(paras, reasons)
    _apply_caption_over_credit(paras, reasons)
    _apply_app_pitch(paras, reasons)
    _apply_wire_sign_off(paras, reasons)
    _apply_pull_quotes(paras, reasons, text)
    _apply_tail(paras, reasons)
    if _apply_box_pitch(paras, reasons, body[1]):
        _apply_tail(paras, reasons)  # (from the box up: more of the page's furniture)
    headline = _apply_head(paras, reasons)
    _apply_poll(paras, reasons)  # (last: its question may have stood as the headline)
    _keep_post_times(paras, reasons)
    _apply_headline(paras, reasons, headline)
    return [Judged(p, r) for p, r in zip(paras, reasons, strict=True)]


PULL_QUOTE = 5, 40  # words: a pull quote's, a sentence at least and no paragraph's length
PULL_QUOTE_CHARS = 25  # of the words it repeats: a sentence's, not a phrase's
PULL_QUOTE_MORE = 10  # characters: the paragraph it is taken from says more than it
# paragraphs above it where the paragraph it repeats may be: a pull quote stands beside its
# source (one further down, "「現在のダイヤを維持することは…」" eleven paragraphs under the
# quotation, was the article saying it again)
PULL_QUOTE_BACK = 3
_PULL_QUOTE_EDGES = "\"'“”„«»‘’‚‹›「」『』 \u00a0"


POLL_QUESTION = 30  # words
POLL_CHOICE = 6  # words
POLL_CHOICES = 2, 8  # a poll's least and most choices
_QUESTION_MARKS = frozenset("?？؟;")  # (the Greek question mark is ";")
# The reasons a poll's lines may have had by their place or their few words alone
_PLACED = frozenset({None, "navigation", "page header", "article header", "page furniture"})


def _apply_poll(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A readers' poll: its header ("Poll", "Опрос", "Umfrage", "استطلاع"), right under it a
    question, then two to eight choices of a few words that are no sentence, and the votes
    cast ("Проголосовали: 1 207", "1,207 votes"), a line of a few words with a figure. The
    header alone is no poll: a subheading "Poll" over the article's paragraph stays."""
    for i in range(len(paras) - 3):
        if reasons[i] not in _PLACED or paras[i].words > 3:
            continue
        question = paras[i + 1]  # (looked at first: a line's key costs more)
        if (
            reasons[i + 1] not in _PLACED
            or question.words > POLL_QUESTION
            or question.text.rstrip(_CLOSERS)[-1:] not in _QUESTION_MARKS
        ):
            continue
        if _phrase_key(paras[i].text) not in _POLL_KEYS:
            continue
        end = i + 2
        while (
            end < len(paras)
            and end - i - 2 < POLL_CHOICES[1]
            and reasons[end] in _PLACED  # ("Yes", "No": a button's words too)
            and paras[end].words <= POLL_CHOICE
            and _CRUMB_MARKS.isdisjoint(paras[end].text)  # (a trail under the poll: "Home » …")
            and not _stopped(paras[end].text)
            and not _DIGIT.search(paras[end].text)
        ):
            end += 1
        if end - i - 2 < POLL_CHOICES[0]:
            continue
        if end < len(paras) and paras[end].words <= 5 and _DIGIT.search(paras[end].text):
            end += 1  # the votes cast
        for k in range(i, end):
            reasons[k] = "poll"


def _apply_pull_quotes(paras: Sequence[Paragraph], reasons: list[str | None], text: str) -> None:
    """A short paragraph that repeats, word for word, part of a longer paragraph of the
    article just above it: a sentence set apart in large type, the page's pull quote («Δεν την
    είχε δει ποτέ τυπωμένη σε μεγάλο μέγεθος. Έκλαψε» under "«… Έκλαψε», θυμάται η κ.
    Αλεξίου."). Its quotation marks and its stop are left out of the words looked for. A
    subheading quoting the paragraph under it („Wir wollen unser Stammpublikum nicht
    bestrafen“) comes before the words it repeats: the article's."""
    starts: list[int] = []
    for k, p in enumerate(paras):
        if reasons[k] is not None or not PULL_QUOTE[0] <= p.words <= PULL_QUOTE[1]:
            continue
        core = p.text.strip(_PULL_QUOTE_EDGES).rstrip(".!?。！？…").strip(_PULL_QUOTE_EDGES)
        if len(core) < PULL_QUOTE_CHARS:
            continue
        top = paras[max(k - PULL_QUOTE_BACK, 0)].start
        pos = text.rfind(core, top, p.start)
        while pos >= 0:
            if not starts:
                starts = [q.start for q in paras]
            m = bisect.bisect_right(starts, pos) - 1
            other = paras[m]
            if (
                reasons[m] is None
                and pos + len(core) <= other.end
                and len(other.text) >= len(p.text) + PULL_QUOTE_MORE
            ):
                reasons[k] = "pull quote"
                break
            pos = text.rfind(core, top, pos + len(core) - 1)


NAMED_NEWSLETTER = 6  # words: a newsletter's box header that names it
BODY_GAP = 5  # paragraphs: prose further than this from other prose is a banner's
# Thai and Lao write a lead-in's colon as words, "as follows": "อัตราค่าบริการใหม่ มีดังนี้"
# (two of their words, a sentence all the same); Japanese, Chinese, Korean and Hindi often
# do too, closing the sentence: "主な改定内容は次の通り。", "票价如下。", "오늘 아침 주요 지역의
# 최저기온은 다음과 같습니다." (the 106th set's list of towns' temperatures read as a menu)
_AS_FOLLOWS_WORDS = (
    r"ดังนี้|ดังต่อไปนี้|ດັ່ງນີ້"
    r"|(?:次|以下|下記)の(?:通り|とおり)(?:です)?。|如下(?:所示)?。"
    r"|(?:다음과|아래와) 같(?:습니다|다)\.|इस प्रकार (?:है|हैं)।"
)
_LEAD_IN = factored(rf"(?:[:：]|{_AS_FOLLOWS_WORDS})$")
_AS_FOLLOWS = factored(rf"(?:{_AS_FOLLOWS_WORDS})$")


def ends_with_lead_in(text: str) -> bool:
    """A line that leads in to what comes under it: its colon ("The fares from 1 July:"), or
    words for "as follows" (Thai's "อัตราค่าบริการใหม่ มีดังนี้", Korean's "… 다음과 같습니다.")."""
    return bool(_LEAD_IN.search(text.rstrip()))


def _leads_in(p: Paragraph) -> bool:
    """A paragraph of the article's length that ends with a colon: it leads in to a list
    ("…以华东地区某农商银行为例：" over six rates), which keeps it from the prose after."""
    if p.words >= ARTICLE_PARAGRAPH:
        return bool(_LEAD_IN.search(p.text))
    return bool(_AS_FOLLOWS.search(p.text))


LIST_ROWS = 2  # rows under a lead-in at least: a list
# words: a list's lead-in ("The last ferries leave:"), not a label ("Updated:") or a box's
# one-word header ("Related:")
LEAD_IN = 3
TIMETABLE_ROWS = 3  # lines in a row: a page's header has a date and an update, not three


_CODE_ROW_REASONS = frozenset({"photo credit", "navigation"})


LIST_ITEM_KEPT = 4  # words: an item of the article's list, not a button's label
LIST_KEPT_AROUND = 2  # the list's other items, all read as the article's


def _keep_list_items(
    paras: Sequence[Paragraph], reasons: list[str | None], body: tuple[int, int]
) -> None:
    """One item of a list inside the article read as a pitch ("- 구청 누리집에서 이메일
    뉴스레터 신청 (매주 금요일 오전 발송)", the e-mail newsletter among the ways a council's
    news will now reach residents), where the list's other items, with the same bullet and
    two at least, are all read as the article's: the article's list. (A box's list of
    pitches has its other items read as pitches too.)"""
    start, end = max(body[0], 0), body[1]
    k = start
    while k <= end:
        bullet = paras[k].text[:2]
        if bullet not in _LIST_BULLETS:
            k += 1
            continue
        run = k
        while run <= end and paras[run].text[:2] == bullet:
            run += 1
        marked = [m for m in range(k, run) if reasons[m] is not None]
        if (
            len(marked) == 1
            and run - k - 1 >= LIST_KEPT_AROUND
            and reasons[marked[0]] == "newsletter"
            and paras[marked[0]].words >= LIST_ITEM_KEPT
        ):
            reasons[marked[0]] = None
        k = run


def _keep_timetables(
    paras: Sequence[Paragraph], reasons: list[str | None], body: tuple[int, int]
) -> None:
    """Lines taken one by one for timestamps, three or more in a row inside the article,
    are a timetable's ("देवास – शाम 4:28 बजे", "उज्जैन – शाम 5:25 बजे", …): left as body. So
    are those of a list under a lead-in's colon ("各渡輪航線最後班次如下：", then
    "中環／長洲：下午2時15分", "中環／梅窩：下午2時", …), whatever lines of the list read as
    no time."""
    start, end = body
    for k in range(max(start, 0), end + 1):
        if reasons[k] is None and paras[k].words >= LEAD_IN and ends_with_lead_in(paras[k].text):
            row = k + 1
            while (
                row <= end
                and (
                    reasons[row] in (None, "timestamp")
                    # a code with its slash or a number alone read as a credit or a menu's
                    # entry ("K1156/K1157次", "Z98次": trains under "涉及车次如下：")
                    or (reasons[row] in _CODE_ROW_REASONS and _DIGIT.search(paras[row].text))
                )
                and paras[row].words <= FACT_ROW
                and not is_prose(paras[row])
                # (a time alone, "19:32", is the next entry's of a live blog)
                and _LETTERS.search(paras[row].text)
                # (and "प्रकाशित : वैशाख १४, २०८१ १४:२५", "published", the page's stamp under it)
                and not (reasons[row] == "timestamp" and _stamp_worded(paras[row].text))
            ):
                row += 1
            if row - k > LIST_ROWS:  # (a comment's "Jane says:" over its date is no list)
                for m in range(k + 1, row):
                    reasons[m] = None
    k = max(start, 0)
    while k <= end:
        if reasons[k] != "timestamp":
            k += 1
            continue
        run = k
        while run <= end and reasons[run] == "timestamp":
            run += 1
        if run - k >= TIMETABLE_ROWS:
            for row in range(k, run):
                reasons[row] = None
        k = run


POST_TIMES = 3  # a clock alone over prose, this many times: a live blog's posts' times
POST_HEAD_STAMP = 2  # words after a post's clock where a stamp's word says it is a stamp
# A clock as a live blog writes a post's time, in lower case: "23:40", "9.15 am", "18h05",
# "14:05 uhr", "오후 5:40", "午後3:20" (the suffix backs off before a title's word: "20:55 hamas
# says …").
POST_CLOCK = re.compile(
    r"(?:(?:오전|오후|午前|午後|上午|下午|อัปเดต)\s?)?"
    r"\d{1,2}[:.：h]\d{2}(?:\s?(?:[ap]\.?m\.?|uhr|h|ч\.?|год\.?|น\.)(?!\w))?"
)


def _keep_post_times(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A live blog's posts each under their time ("23:40", then what came in then): the
    times, each a clock alone on its line, or opening its post's title ("20:55 台鐵南迴線明
    停駛"), right over the article's text, are its news's order: all of them are left as
    body when POST_TIMES of them at least stand over prose, or over a title and its prose
    (`_post_under`), a short post's time with the others. Judged last, when the boxes are
    known: a box of latest stories has its times over its teasers, and a page's header one
    time ("18:42 Updated" is a stamp)."""
    times = [
        k
        for k in range(len(paras) - 1)
        if reasons[k] in ("timestamp", None)
        and reasons[k + 1] is None
        and _is_post_head(paras[k].text)
    ]
    if sum(1 for k in times if _post_under(paras, reasons, k)) >= POST_TIMES:
        for k in times:  # (a short post's time too: "18h40" over "禁渔仍将继续。")
            reasons[k] = None


def _is_post_head(text: str) -> bool:
    """A clock alone, or a clock opening a title that is no stamp's words."""
    low = text.strip().lower()
    if POST_CLOCK.fullmatch(low):
        return True
    found = POST_CLOCK.match(low)
    if found is None or low[found.end() : found.end() + 1] != " ":
        return False
    after = " ".join(low[found.end() :].split()[:POST_HEAD_STAMP])
    return not _stamp_worded(after)  # ("18:42 updated": a stamp; "… le bilan est de 3" is news)


def _post_under(paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int) -> bool:
    """Whether the body under line k opens with prose, or with a title over prose."""
    if is_prose(paras[k + 1]):
        return True
    return k + 2 < len(paras) and reasons[k + 2] is None and is_prose(paras[k + 2])


def article_start(prose: Sequence[int]) -> int | None:
    """Where the article's prose begins, given the indexes of the prose paragraphs: at the
    first with more prose within BODY_GAP paragraphs after it. A cookie banner's sentence
    above the menu stands alone: taken for the article's start, it left the menu between it
    and the article unmarked, as if it were a list inside the article."""
    if not prose:
        return None
    return next((a for a, b in itertools.pairwise(prose) if b - a <= BODY_GAP), prose[0])


def _body_span(prose: Sequence[int], count: int) -> tuple[int, int]:
    """The first and the last paragraph of the article's prose. (At the end, the test of
    `article_start` would cut off a closing paragraph under a long list.)"""
    start = article_start(prose)
    return (count, -1) if start is None else (start, prose[-1])


def is_prose(p: Paragraph) -> bool:
    """A paragraph of running text: long enough and ending like a sentence; in Thai, Lao,
    Khmer or Burmese, which put no full stop at a sentence's end and no space between words
    (a paragraph is a few "words" to `count_words`), long enough alone."""
    if p.words > SHORT and _stopped(p.text):
        return True
    return _unstopped_prose(p.text)


def _unstopped_prose(text: str) -> bool:
    """Sixty letters or more of a script that puts no stop at a sentence's end."""
    return (
        len(text) >= UNSTOPPED_PROSE
        and not text.isascii()
        and (len(_UNSTOPPED.findall(text)) >= UNSTOPPED_PROSE)
    )


UNSTOPPED_PROSE = 60  # characters of Thai (or Lao, Khmer, Burmese): a sentence, not a line
UNSTOPPED_SENTENCE = 30  # of their letters, on the last lines: a sentence, not furniture
_UNSTOPPED = factored(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _is_short(p: Paragraph) -> bool:
    return p.words <= SHORT


def _line_reason(p: Paragraph, script: str | None, others: frozenset[str]) -> str | None:
    """The reason a line is chrome by its own words, or None (`script`: the page's, as
    `dominant_script` has it; `others`: the page's letters of other scripts than its own and
    Latin, `_other_letters`)."""
    text = p.text
    if not _LETTER_OR_DIGIT.search(text):
        return "symbols"
    if text.isdecimal() and len(text) <= 4:
        return None  # a number alone, a rank or a counter: the lines around it tell its box
    words = p.words
    # Headers are matched without accents (`_fold`).
    folded = _fold(text)
    low = folded.lower()  # (searched without IGNORECASE: ten times faster on these lists)
    # the line as the phrases of `chrome_words` are looked up (`_site_words_reason`)
    key = _line_key(low) if words <= SITE_PHRASE else ""
    # (a menu's entry, most lines of a copied page, is found at once by its phrase)
    if words <= MENU_ITEM and key in _MENU_KEYS and _ARTICLE.sub("", key) not in _BOX_HEADER_KEYS:
        return "navigation"
    # (what many of the rules below ask of the line, asked once)
    mark = _ANY_QUOTE_MARK.search(text)  # (`_quote_mark`, inline: every line asks; the rest
    # only where the first mark is a straight quote)
    quoted = mark is not None and (mark.group() != '"' or _quote_mark(text) is not None)
    stopped = _stopped(text)
    prose = (words > SHORT and stopped) or _unstopped_prose(text)  # (`is_prose`, its stop known)
    stripped = text.strip()
    digits = words <= 40 and _DIGIT.search(text) is not None  # (the rules that ask are shorter)
    lowered = text.lower()
    # (whether the line opens as any of the rules matched from its start do, asked once for
    # each string they are tried on: most lines open as none)
    # (past the most words any of a group's rules asks for, the group is not asked)
    opens_low = words > 80 or _OPENS_LOW.match(low) is not None
    opens_text = words > 40 or _OPENS_TEXT.match(text) is not None
    opens_stripped = words > 20 or _OPENS_STRIPPED.match(stripped) is not None
    opens_folded = words > 60 or _OPENS_FOLDED.match(folded) is not None
    if words <= CAPTION and _credited(text, lowered, prose):
        return "photo credit"
    if (
        words <= CAPTION
        and not prose
        and (")" in text or "）" in text)
        and _LEFT_RIGHT.search(text)
        # ("- Zone rouge (centre) : 2,40 € l'heure": a list's item, a zone and its fare)
        and stripped[:2] not in _LIST_BULLETS
    ):
        return "photo credit"  # "「Kiso X2」（左）と「Kiso X2 Pro」（右）。カラーはそれぞれ3色"
    if words <= 40 and _is_credits_line(text):
        return "credits"
    rights = _RIGHTS.search(low) if words <= 80 else None
    if rights is None and words <= 80 and "saklıdır" in low:
        # "… her türlü hakkı saklıdır" (a branch of `_RIGHTS` opening with its "her" was tried
        # at every "h" of every line)
        rights = _RIGHTS_TURKISH.search(low)
    if rights and not (quoted and _within_quotes(low, rights.start())):
        # a reprint or licensing notice, in any language (a photo "marked “版权所有，禁止商用”"
        # is news)
        return "credits"
    if words <= 8 and "@" in text and _EMAIL.search(text) and not stopped:
        return "credits"  # "정민재 기자 mjjung@example.kr": a reporter's address
    if words <= 40 and opens_text and _CREDITS_OTHER.match(text):
        return "credits"
    notice = (
        (opens_low and (_MASTHEAD.match(low) or _STATEMENT.match(low))) or _NOTICE.search(low)
        if words <= 60
        else None
    )
    # ("При використанні матеріалів посилання на «Полтавський вісник» обов'язкове" names the
    # site in quotation marks; a quotation that mentions reprints opens with its speaker)
    if notice and (notice.start() == 0 or not quoted):
        return "credits"  # a reprint notice or the press regulator, in any language
    if (
        words <= 30
        and _MADE_WITH_SUPPORT.match(folded)
        and not _REPORTING.search(text)
        and not _reported(text)
    ):
        return "credits"
    if words <= SOURCE_LINE and opens_low and _SOURCES.match(low):
        return "credits"  # "Con información de EFE y Reuters."
    if (
        words <= 60
        and (
            (opens_low and _TIP.match(low))
            or (
                ":" in low[:TIP_LABEL_CHARS]
                and (label := _TIP_LABEL.match(low)) is not None
                and _TIP_AT.match(low, label.end()) is not None
            )
            # (pictures asked for, or a tip after a question to the reader: "… ? Send us …",
            # looked for in lines that ask; told where they go)
            or (
                ("?" in text or "؟" in text)
                and (_PICTURES.match(low) or _TIP_AFTER.search(low))
                and _TO_US.search(lowered) is not None
            )
        )
        and _TIP_WAY.search(low)
        and not _reported(text)
    ):
        return "news tip"
    if (
        words <= PAYWALL_LINE
        and _PAYWALL_REST.search(low)
        and _SUBSCRIBER.search(low)
        and not quoted
    ):
        return "paywall"  # ("The rest of the article was censored" is news)
    if (
        words <= 25
        and (digits or not low.isascii())  # (its counter's digit, or its Asian words)
        and _FREE_ARTICLES.search(low)
        and (_METER.search(low) or _TO_READER.search(text))
        and not quoted
    ):
        return "paywall"  # ("The paper offered 3 free articles a month until 2019" is news)
    if words <= 80 and opens_low and _READ_COUNT.match(low) and not quoted:
        return "paywall"  # "You've read 6 articles this month. …": the meter, then its pitch
    if words <= 12 and ("/" in text or "|" in text) and _ROLE_CREDITS.match(stripped):
        return "credits"  # "촬영기자:정현우/영상편집:한지민/그래픽:김소연", "Text: A / Photos: B"
    if words <= 4 and (":" in text or "：" in text) and _KO_ROLE_CREDIT.match(stripped):
        return "credits"
    if (
        words <= 12
        and _OUR_CHANNEL.search(low)
        and not quoted
        and not stopped  # "Our app crashed twice, the mayor admitted."
    ):
        return "newsletter"  # "Найважливіше — у нашому Telegram"
    paywall: set[str] = set()  # (a paywall's words in the line, looked for below)
    if words <= 60 and not quoted:
        if _JOIN_CHANNEL.search(low) and _JOIN.search(low) and not _reported(text):
            return "newsletter"
        if ("facebook" in low or "tiktok" in low) and _JOIN_US_ON.search(low):
            return "newsletter"  # "Dołącz do nas na Facebooku i bądź na bieżąco …"
        if low[:1] in _PAYWALL_NOTICE_OPENS and _PAYWALL_NOTICE.match(low):
            return "paywall"  # "Du leser nå en sak for abonnenter.", "この記事は有料会員限定です。"
        if (
            (digits or words <= NOT_YET_BUTTON)
            and ("?" in text or "？" in text)
            and _NOT_YET_SUBSCRIBED.match(low)
        ):
            return "paywall"  # "Noch kein Abo? Lesen Sie … für nur Fr. 39.–": the offer
        # (the list of a paywall's words is looked through only when one of them is there)
        paywall = _paywall_words(low)
        if len(paywall) >= 2 and (_TO_READER.search(text) or _IMPERATIVE.match(low)):
            return "paywall"
    byline = _BYLINE.match(text) if words <= BYLINE and opens_text else None
    # "Von Montag an gilt." is a sentence; "by the end of May", no name
    # (a name in a script without capitals counts as capitalised: "Published by: अमित शर्मा")
    first = byline["name"][0] if byline else ""
    if byline and not first.islower() and not stopped:
        return "credits"
    if words <= BYLINE and not stopped and _BY_BEAT_THEN_NAME.match(text):
        return "credits"  # "By consumer affairs reporter Jessica Tran"
    if words <= ROLE_NAME + 1 and not stopped and _role_and_name(text):
        return "credits"  # "Muhabir: Elif Karaca"
    if opens_text and (
        (words <= 4 and _REPORTER.match(text)) or (words <= 7 and _REPORTER_MORE.match(text))
    ):
        return "credits"  # "박준영 기자", "김서연 기자 syk@…" (the address alone is above)
    if words <= 8 and opens_text and (_BRACKETED_BYLINE.match(text) or _BRACKETED_NAME.match(text)):
        return "credits"  # "[佐藤拓海，テックプラス]": the writer and the site in brackets
    if words <= 30 and text.startswith("이 기사") and _KOREAN_RECOMMEND.match(text):
        return "navigation"  # "이 기사가 좋으셨다면 오늘 이 뉴스를 추천해 주세요. 추천 318"
    if words <= 40 and "کنید" in text and _PERSIAN_APP_PITCH.search(text) and not quoted:
        return "newsletter"  # "اپلیکیشن خبرگزاری … را از کافه‌بازار … دریافت کنید و اخبار فوری را …"
    if words <= 6 and text.startswith("ដោយ៖"):
        return "credits"  # "ដោយ៖ សុខ ពិសី": "By:" in Khmer
    if (
        words <= 12
        and text.startswith(_BURMESE_ROLES)
        and _BURMESE_CREDIT.match(text)
        and not text.rstrip().endswith(("။", "?"))  # (an interview's question: "သတင်းထောက် – …။")
    ):
        return "credits"  # "သတင်းထောက် – …၊ တည်းဖြတ်သူ – …": reporter and editor, in Burmese
    if words <= 16 and text[:1] in "[［〔" and _BRACKETED_BUTTONS.match(stripped):
        return "navigation"  # "[この記事を印刷する]　[ご意見・ご感想]": a row of buttons
    if words <= 15 and text.rstrip()[-1:] in "?？" and _REACTION_ASK.search(text):
        return "navigation"  # "यो समाचार पढेर तपाईंलाई कस्तो महसुस भयो ?", then its buttons
    if words <= 40 and "LINE" in text and not quoted and _ZH_LINE_PITCH.search(text):
        return "newsletter"  # "喜歡這篇文章嗎？加入新視台LINE好友，每天推播5則重點新聞"
    if words <= 4 and text.startswith("支持") and _ZH_SUPPORT_US.match(stripped):
        return "appeal"  # "支持快報網": support the site, its appeal under it
    if words <= 6 and text.startswith("更多") and _ZH_MORE_NEWS.match(stripped):
        return "related links"  # "更多新視台新聞報導": the site's other stories under it
    if words <= 60 and "提醒" in text and _ZH_REMINDS_YOU.match(stripped):
        return "credits"  # "★新視台新聞網提醒您：請理性消費…": the site's reminder
    if words <= 8 and opens_low and _ADVERTISE_WITH.match(low) and not stopped:
        return "navigation"  # "Advertise with Canterbury Daily Press": the ad sales' link
    if (
        words <= 24
        and not quoted
        and (
            (("app" in low or "客" in low) and _ZH_APP_PITCH.match(low))
            or ("推送" in text and _ZH_PUSH_PITCH.search(text))
        )
    ):
        return "navigation"  # "打开申江新闻App，阅读更多精彩内容": the site's app, its pitch
    if words <= 8 and opens_low and _GET_APP_LINE.match(low):
        return "navigation"  # "Get the APM app": a button to the site's own app
    if words <= 12 and not stopped and _APP_DOWNLOAD_LAST.search(text) and _APP.search(low):
        return "navigation"  # "हिमाल खबरको मोबाइल एप डाउनलोड गर्नुहोस्": the verb comes last
    if words <= 25 and text[:1] in "WLVPGARSВΒ" and _TEASER_LABEL.match(text):
        # "WATCH | Island commuters react to the fare increase:", "READ: Diesel prices up …"
        return "related link"
    if (
        words <= 20
        and not quoted
        and opens_low
        and _NOTIFY_ASK.match(low)
        and _NOTIFICATIONS.search(low)
        # (a pitch exclaims, or is a button; "Turn on notifications in settings, the
        # company told users." reports)
        and (words <= 6 or not text.rstrip().endswith("."))
    ):
        return "newsletter"  # "Abonează-te la notificări și află primul ce se întâmplă!"
    if words <= 40 and "?" in text and not quoted and _NOTIFICATIONS.search(low):
        # the question first: "Sie wollen keine Unwetterwarnung mehr verpassen? Aktivieren Sie
        # die Push-Benachrichtigungen in unserer App …"
        asked = low[low.index("?") + 1 :].lstrip()
        if asked and _NOTIFY_ASK.match(asked):
            return "newsletter"
    if (
        words <= 30
        and "18" in text  # (its age, looked for first: the phrases' search on every line cost)
        and len(set(_GAMBLING_NOTICE.findall(low))) >= 2
        # (without its "18+", two of its phrases, the first opening the line: "Pariază
        # responsabil! Jocurile de noroc sunt interzise persoanelor sub 18 ani.")
        and ("18+" in text or _GAMBLING_NOTICE.match(low) is not None)
        and not _reported(text)
    ):
        return "navigation"  # "Spil ansvarligt. 18+. Stopspillet.dk | ROFUS. Reklame."
    if len(text) <= JAPANESE_CHROME and _KANA_KANJI.search(text):
        found = _japanese_chrome(stripped)
        if found:
            return found
    reporter = _CHINESE_REPORTER.match(stripped) if len(text) <= 40 and opens_stripped else None
    if reporter and not _REPORTED_FROM.search(text):
        # "本报记者 陈思远 上海报道" says where the story comes from, as a dateline does: the
        # article's own first line (the gold pages that have one keep it two times of four)
        return "credits"
    if words <= 6 and _SEND_TO.search(text):
        return "navigation"  # "페이스북(으)로 기사보내기": a share button
    if words <= 6 and opens_stripped and _FONT_SIZE.match(stripped):
        return "navigation"
    if "동영상 영역" in text and _PLAYER_REGION.search(text):
        return (
            "navigation"  # "동영상 영역 시작 · 동영상 설명 … · 동영상 영역 끝": a player's labels
        )
    if words <= 2 and _ROLE_ALONE.match(folded.strip()):
        return "credits"  # "Journaliste" under the byline
    if words <= 4 and opens_stripped and _BEAT.match(stripped):
        return "credits"
    if words <= 4 and "/" in text and _AGENCY_INITIALS.match(stripped):
        return "credits"
    if words <= 4 and text.count("/") >= 2 and _DESK_CODE.match(stripped):
        return "credits"  # "বার্তা২৪/এমএইচ/আরকে/১৩৪৫": the agency, its editors' initials, a code
    if words <= 6 and opens_stripped and _SPONSORED_BY.match(stripped) and not stopped:
        return "navigation"
    if words <= 8 and _PRIVACY_HEADING.match(low.strip()):
        return "cookie notice"
    if words <= 80 and opens_low and _WE_AND_PARTNERS.match(low):
        return "cookie notice"  # "We and our partners store and/or access information on a …"
    if words <= 80 and _COOKIES.search(lowered):
        # (a list's item of a sentence's length is the article's list, "- 쿠키 수집 동의 화면의
        # 첫 단계에 '모두 거부' 버튼 배치", unless it speaks as the site does)
        listed = (
            words >= COOKIE_LIST_ITEM
            and (
                stripped[:2] in _LIST_BULLETS
                or _NUMBERED_ITEM.match(stripped) is not None
                # an item of a list the sentence over it runs on into ("… a bírság oka:", then
                # "a hozzájárulás előtt betöltött hirdetési sütiket;")
                or (stripped[:1].islower() and stripped[-1:] in ";,")
            )
        )
        if stripped[:1] in _OPENING_QUOTES and not prose:
            pass  # a headline that opens with a quotation: '"쿠키 거부 버튼, 동의만큼 크게"…'
        elif _COOKIE_CONTEXT.search(lowered) and (
            # a story about consent rules is news
            not (prose or listed) or _ADDRESS.search(text) or _COOKIE_WE.search(low)
        ):
            return "cookie notice"
        if words <= COOKIE_HEADING and not prose and _COOKIE_WE.search(low):
            return "cookie notice"  # the banner's heading: "Nous utilisons des cookies"
    if words <= 60 and not quoted and _is_appeal_prose(text):
        return "appeal"
    site_words = _site_words_reason(low, words, text, key)
    if site_words is not None:
        return site_words
    if words <= 30 and opens_low and _RELATED_LINK.match(low):
        return "related link"
    if (
        words <= 20
        and (not stopped or text[:1] in _LABEL_BRACKETS)
        and opens_low
        and _RELATED_LINK_BARE.match(low)
    ):
        # "আরও পড়ুন এইচএসসির ফল যেভাবে জানা যাবে", no colon; a label in brackets opens no
        # sentence: "【関連記事】…被害に遭ったらどうする？"
        return "related link"
    if words <= 30 and (
        (opens_low and (_TAGS.match(low) or _TAGS_BARE.match(low)))
        or (not stopped and not _TAG_COLONS.isdisjoint(text) and _TAG_LINE.match(low))
        or (opens_text and _HASHTAGS.match(text))
    ):
        return "tags"
    if words <= 8 and _FOLLOW_BUTTON.search(stripped):
        return "newsletter"  # "XでTechWatchをフォロー", "@techwatch_jp をフォロー"
    if (
        words <= 40
        and ("お届け" in text or "메일로" in text)
        and _DELIVERED.search(text)
        and not quoted
    ):
        return "newsletter"  # "FinTechの最新動向を毎週お届けします。無料で登録する"
    if words <= 40 and "アプリ" in text and not quoted and _JA_APP_PITCH.search(text):
        return "navigation"  # "…アプリなら、速報をプッシュ通知でお知らせ。": the site's app
    if words <= 20 and opens_stripped and _POSTAL_IMPRINT.match(stripped):
        return "credits"  # "〒950-0888 三津川市本町2丁目7番11号 三津川新報社 TEL …"
    if words <= 8 and _SUBSCRIBE_TO_US.search(stripped):
        return "paywall"  # "三津川新報を購読する"
    if words <= 40 and digits and _COMMENT_LINE.match(text):
        return "comments"
    if words <= 40 and digits and ":" in text and _COMMENT_WROTE.match(text):
        return "comments"  # "pericotera escribió el 05/08/2008 a las 10:45: …"
    if words <= 40 and (
        _COMMENTS_DISCLAIMER.search(low)
        or (low[:1] in "krd" and _COMMENTS_DISCLAIMER_OPENS.match(low))
    ):
        return "comments"
    if words <= 80 and ("(" in text[:40] or "（" in text[:40]) and _glued_comments(text):
        return "comments"
    if words <= 12 and "+" in text and _SITE_KEYS.search(stripped):
        return "navigation"
    if words <= 12 and low.endswith("(opens in new window)"):
        return "navigation"  # "Click to share on X (Opens in new window)": a share button
    if words <= 12 and (
        "제보를 기다립니다" in text or (opens_text and _KOREAN_TIP_WAY.match(text))
    ):
        return "news tip"  # "… 여러분의 제보를 기다립니다.", "▷ 카카오톡 : '…' 검색, 채널 추가"
    if (
        words <= 40
        and "제보를 기다립니다" in text
        and ("보내주세요" in text or "보내주시면" in text or "보내 주세요" in text)
        and not quoted
        and not _reported(text)
    ):
        return "news tip"  # "제보를 기다립니다. … 카카오톡 채널 ‘…’나 이메일로 보내주세요."
    if words <= 15 and opens_low and _ERROR_REPORT.match(low) and not quoted:
        return "navigation"
    if words <= 8 and opens_folded and _SOURCE_LINE.match(folded) and not stopped:
        return "credits"
    if words <= 8 and _AD_TOKEN.search(stripped):
        return "navigation"  # "erid: 2VtzqwKpL3x": the token a Russian advert carries
    if words <= AUTO_REFRESH_LINE and stopped and _auto_cued(low) and _AUTO_REFRESH.search(low):
        return "navigation"  # "این صفحه هر پنج دقیقه به‌طور خودکار به‌روز می‌شود.": a live page's
    if words <= 6 and opens_stripped and _VIEWS.match(stripped):
        return "navigation"
    if words <= 60 and not quoted and low.startswith(_PITCH_OPENS) and _DELIVERED_PITCH.match(low):
        return "newsletter"  # "Get the biggest stories … delivered straight to your phone …"
    if (
        words <= 60
        and opens_folded
        and _PITCH.match(folded)
        and _CHANNEL.search(folded)
        and not _reported(text)
    ):
        return "newsletter"
    if (
        words <= 40
        and not quoted
        and _PITCH_AFTER_HOOK.search(folded)
        and _CHANNEL.search(folded)
        and not _reported(text)
    ):
        return "newsletter"
    if (
        words <= 30
        and (
            _JOIN_AT_END.search(folded)
            or (any(v in text for v in _JOIN_THEN) and _JOIN_THEN_PAYOFF.search(text))
        )
        and _CHANNEL.search(folded)
        # ("Belediye Başkanı: Acil durum SMS bülteni için hemen kaydolun." is the mayor's)
        and not (":" in text[:SPEAKER_LABEL_CHARS] and _LABELLED_LINE.match(text))
        and not _reported(text)
    ):
        return "newsletter"  # "… വാട്സാപ് ചാനലിൽ ചേരൂ": the verb comes last
    click = words <= 40 and _CLICK_HERE_ANY.search(low) is not None
    if (
        words <= 40
        and _pitch_with_a_channel(low, click)
        and not ((quoted and _quotes_words(text)) or _reported(text))
    ):
        return "newsletter"  # "… வாட்ஸ்அப் சேனலில் பெற இங்கே க்ளிக் செய்யவும்"
    if (
        words <= 40
        and opens_low
        and _RECEIVE.match(low)
        and _YOUR_CHANNEL.search(low)
        and not quoted
        and not _reported(text)
    ):
        return "newsletter"  # "Receba as notícias do Agreste no seu WhatsApp. Entre no …"
    if words <= 60 and opens_folded and _FOLLOW.match(folded):
        channel = _CHANNEL.search(folded)
        if (channel and _FOLLOW_PAYOFF.search(folded)) or _HANDLE.search(text):
            return "newsletter"  # also "Follow Jane Doe on X: @janedoe"
        if channel and words <= FOLLOW_LINE:
            return "newsletter"  # "Пратите нас и на Телеграму и Инстаграму!": short, says no more
    if words <= 30 and click and _CLICK_HERE_ANY.match(low) and not quoted:
        return "navigation"
    if words <= CLICK_BUTTON and click and not stopped and not quoted:
        return "navigation"  # "இணைய இங்கே கிளிக் செய்யவும்": "to join, click here", a button
    # (by its length in characters: digits and kanji make many words of a date)
    if len(text) <= 80 and _is_dateline_only(text, digits):
        return "timestamp"
    if (
        words <= READING_TIME
        and digits
        and _MINUTES.search(text)
        and _READING.search(lowered)
        and not (stopped and not _MIN_DOT.search(text))
    ):
        return "timestamp"  # the reading time beside it ("He read for 5 minutes." is news)
    # (a newsletter's words, found once for the two rules that count them)
    newsletter = set(_NEWSLETTER.findall(lowered)) if words <= NEWSLETTER_PITCH else set()
    if len(newsletter) >= 3 and _ADDRESS.search(text) and not quoted:
        return "newsletter"  # "Get the latest news delivered to your inbox. Sign up for our …"
    if (
        len(newsletter) >= 2
        and _IMPERATIVE_SIGN_UP.search(text)
        and _ADDRESS.search(text)
        and not quoted
    ):
        return "newsletter"  # "… Sign up to our free Canterbury Morning newsletter to get …"
    if (
        words <= NEWSLETTER_PITCH
        and not quoted
        and ("newsletter" in newsletter or "newsletters" in newsletter or _names_newsletter(low))
        and _OUR_NEWSLETTER.search(low)
        and _PITCH_CUE.search(low)
    ):
        return "newsletter"  # "Our weekly newsletter helps you …", "Meld je aan voor onze …"
    if (
        words <= SIGN_UP_FREE
        and not quoted
        and _FREE_WORD.search(low)
        and _SIGN_UP_FREE.search(low)
    ):
        return "newsletter"  # "… Подпишитесь, это бесплатно.", "Sign up – it's free."
    if words <= 60 and _is_appeal_elsewhere(low, text):
        return "appeal"
    # (an offer has a paywall's word or a subscription's, looked for first: most lines with a
    # digit have neither, and the price's pattern has no first characters to search by)
    priced = (
        _PER_PERIOD.search(low)
        if words <= PRICED_OFFER
        and digits
        and (paywall or _SUBSCRIPTION.search(low) or (quoted and _PAYWALL.search(low)))
        else None
    )
    if (
        priced
        # (the outlet's name may be in quotation marks, "Γίνετε συνδρομητές της «…» με 3,90
        # ευρώ τον μήνα": the price is not)
        and not (quoted and _within_quotes(low, priced.start()))
        and _priced_offer(text, low, _paywall_words(low) if quoted else paywall)
    ):
        return "paywall"  # "1 € le premier mois, puis 9,99 €/mois sans engagement"
    if words <= 4 and opens_stripped and _OWN_CORRESPONDENT.match(stripped):
        return "credits"
    if (
        words <= 40
        # (the outlet's name in quotation marks is no quotation: "… «Կամուրջի» … թղթակից։")
        and not (quoted and _quotes_words(text))
        and (
            _AUTHOR_BIO.match(stripped)
            or ("취재합니다" in stripped and _COVERS_KO.search(stripped))
            or ("記者。" in stripped and _JA_BIO.match(stripped))
        )
    ):
        return "credits"  # "Журналістка, пише про енергетику…", "…을 취재합니다."
    if words <= 40 and text[:1] in "КкЖжОоРр" and _DESK_BIO.match(stripped):
        return "credits"
    if words <= 60 and stripped[:1] in "(（डअDd" and _DISCLAIMER.match(stripped):
        return "credits"
    if words <= 40 and not quoted:
        pitch = _worded_pitch(text)
        if pitch is not None:
            return pitch
    if (
        words <= NEWSLETTER_PITCH
        and ("spam" in low or "ספאם" in text or "مزعجة" in text)
        and _promises_no_spam(low)
        and not quoted
        and not _reported(text)
        and not _REPORTING.search(text)
    ):
        return "newsletter"  # "Every Thursday: the new places … No spam, we promise."
    if words <= 60 and "cknowledge" in text and _ACKNOWLEDGE_COUNTRY.match(stripped):
        return "credits"
    if (
        words <= UPDATE_NOTE
        and (
            _UPDATE_NOTE.match(stripped)
            or _CORRECTION_LABEL.match(stripped)
            or _CORRECTION_OF_DAY.match(stripped)
            # "Update, 11.02am: This story has been updated to include …": its label and time first
            or (
                (label := _UPDATE_LABEL.match(stripped))
                and _UPDATE_NOTE.match(stripped[label.end() :])
            )
        )
    ):
        return "credits"  # "This article was updated to correct …", "※この記事は…更新しました。"
    if words <= 8 and not stopped and opens_stripped and _GALLERY_LINK.match(stripped):
        return "navigation"  # "この記事の画像を見る（2枚）", "View gallery (12 photos)"
    if len(text) <= 16 and "の" in text and _SECTION_NEWS.match(stripped):
        return "related links"  # "経済のニュース": a box of the section's headlines
    if words <= 20 and text.rstrip().endswith(")") and _MEDIA_LINK.match(low):
        return "navigation"  # "Lyssna: Hedlund direkt efter målgången (1 min)": a clip's link
    if words <= 40 and "دنبال کنید" in text and not quoted and _FA_FOLLOW.search(text):
        return "newsletter"  # "برای دریافت سریع‌ترین اخبار، کانال … را در تلگرام … دنبال کنید"
    if words <= 30 and text.startswith("نظرات") and _FA_COMMENT_RULES.match(stripped):
        return "comments"  # the comments' rules: the comments begin
    if words <= 30 and "ලියාපදිංචි" in text and _SI_SIGN_UP.search(text):
        return "newsletter"  # "සෑම සවසකම ප්‍රධාන පුවත් 10 ඊමේල් මඟින් … ලියාපදිංචි වන්න."
    if words > 16:
        return None
    credit = _TRANSLATION_CREDIT.search(lowered)
    # "The novel was translated by Anna Smith, who ..." is news; "Translated by DeepL" not.
    if credit and (not prose or _MACHINE_TRANSLATION.search(text)):
        return "translation credit"
    if opens_folded and _COMMENTS.match(folded):
        return "comments"
    if (words <= SHORT or not prose) and _COMMENT_WORD.search(low) and _COMMENT_LOGIN.search(low):
        return "comments"  # "Log in to comment": the comments box begins
    # ("« Un effet d’annonce »" closes a quotation, French style, with a space)
    link_tail = _LINK_TAIL.search(text) and "«" not in text
    if (opens_folded and _RELATED_HEADER.match(folded)) or (words <= SHORT and link_tail):
        return "related links"
    if opens_text and _RELATED_LINK_WEAK.match(text) and not prose:
        return "related link"
    if words <= 12 and script and others and _foreign(text, script, others):
        return "untranslated fragment"  # "Озвучить текст" on an English page
    if words <= 12 and opens_text and _APPEAL_HEADER.match(text):
        return "appeal"
    if (
        words <= 12
        # (a newsletter's name heads its box, "Newsletter L'Écho de Ploërmel", or its pitch
        # tells the reader to sign up; a headline that names one quotes or counts, "“메일함으로
        # 뉴스 받아요”…2030 뉴스레터 구독 3년 새 두 배")
        and (
            newsletter
            or (
                (words <= NAMED_NEWSLETTER or not (quoted or digits))
                and _NEWSLETTER_NAMED.search(low)
            )
        )
        and not prose
        and not _LISTED.search(text)
        # (an article's subheading asks: "Subscribe or save?" over the fees it weighs)
        and not (newsletter and text.rstrip()[-1:] in "?？")
        # (nor does its lead-in to a list tell the reader to: "Residents will be able to sign
        # up in three ways:")
        and not (
            newsletter
            and ends_with_lead_in(text)
            and not low.startswith(tuple(newsletter))
            and not _IMPERATIVE.match(low)
            and not _HOW_TO.match(low)
            and not _TO_READER.search(text)
        )
        # (an article's list item, its label and what it says: "- Newsletter: alle zwei
        # Wochen, Anmeldung auf der Gemeinde-Website")
        and not (
            text[:2] in _LIST_BULLETS
            and _LABELLED_LINE.match(text, 2)
            and not _PITCH_CUE.search(low)
            and not _IMPERATIVE_SIGN_UP.search(text)
        )
    ):
        return "newsletter"
    # Two of a newsletter's words, to the reader: "Readers can subscribe to the newsletter,
    # the paper said" is news.
    # (the newsletter's words are looked for first: most lines have none)
    if (
        len(newsletter) >= 2
        and (_ADDRESS.search(text) or _IMPERATIVE_SIGN_UP.search(text))
        and not quoted
    ):
        return "newsletter"
    if opens_low and _LISTEN.match(low):
        return "navigation"
    if _is_share_row(text):
        return "navigation"  # "Поделиться  ВКонтакте  Telegram  WhatsApp", copied as a row
    if (
        words <= SHARE_LABEL_ROW
        and not digits
        and not _TAG_COLONS.isdisjoint(text)
        and _shared_to(text, low)
    ):
        return "navigation"  # "分享：微信 微博 复制链接": the share bar's label and its channels
    if words <= 8 and _STORE_NAMES.search(low) and _is_store_row(low):
        return "navigation"  # "App Store｜Google Play": the stores' badges
    if (
        words <= 8
        and ("  " in text or not _AUTHOR_GAPS.isdisjoint(text))
        and _AUTHOR_AGO.match(stripped)
    ):
        return "comments"  # "阿偉  2小時前": a reader's comment, its name and its time
    if words <= 10 and "(IP:" in text and _AUTHOR_IP.match(stripped):
        return "comments"  # "Бат-Очир (IP: 202.131.x.x) 2024.02.13 11:02"
    if words <= 16 and ":" in text and _FA_CREDITS.match(stripped):
        return "credits"  # "گزارش از: نگار صدری / ویرایش: علی نظری"
    if words <= SHARE_ROW and _SHARE_ROW_LABEL.match(lowered) and _shared_counted(lowered):
        return "navigation"  # "この記事をシェア Xでポスト 128 Facebook 46 LINEで送る はてブ 12"
    if (
        words <= BAR_MENU
        and stripped[:1] in "|｜"
        and stripped[-1:] not in "|｜"  # ("| Утренний | 7:30 | 9:10 |" is a table's row)
        and _is_bar_row(stripped)
    ):
        return "navigation"  # "｜ 社会 ｜ 経済 ｜ 政治・行政 ｜ 教育": a menu, its bar first
    if words <= 12 and not stopped and not text.startswith("- ") and _weak_credit(text, words):
        return "photo credit"
    # (each way of writing crumbs has its separator: looked for before the pattern is tried)
    if (
        words <= 12
        and not _CRUMB_MARKS.isdisjoint(text)
        and _BREADCRUMBS.match(text)
        # "Lasalgaon: min 2,800 / max 4,611 / avg 4,150": a list's row of figures
        and sum(1 for item in _CRUMB_SPLIT.split(text) if _DIGIT.search(item)) < 2
    ):
        return "navigation"  # "Home > News > World", "首頁 > 藝文 > 文化新聞"
    if words <= SHORT:
        ui_words = _LETTERS.findall(lowered)
        if ui_words and all(w in _UI_WORDS for w in ui_words):
            return "navigation"
    return None


# An author's bio under the article: "Jane Doe is a reporter covering housing for …",
# "Redactor de fútbol. Sigue a …", "Журналістка, пише про енергетику…", "…을 취재합니다."
_AUTHOR_BIO = gated(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,3}(?:reporter|journalist"
    r"|correspondent|editor|writer|columnist)(?: (?:at|for|with) (?:the )?[A-Z][^,.]{1,50}?)?"
    r",? (?:who )?(?:cover(?:s|ing)|writ(?:es|ing) about|report(?:s|ing) on)\b"
    # "Ο Θανάσης Κοντογιάννης γράφει για την τεχνολογία …": "… writes about …" in Greek
    r"|^(?:Ο|Η) (?:[Α-ΩΆ-Ώ][\w'’-]+ ){1,3}γράφει (?:για|στην|στο)\b"
    # "Пишет о транспорте и городской инфраструктуре с 2015 года. …": under the writer's name
    r"|^(?:Пишет|Пише) (?:о|об|про) [^.]{3,100}\.\s+\S"
    # "Журналістка економічного відділу. Пише про аграрний сектор, …": the role, then the beat
    r"|^(?:Журналіст(?:ка)?|Журналист(?:ка)?|Кореспондент(?:ка)?|Корреспондент|Редактор(?:ка)?)"
    r" [^.]{3,60}\.\s+(?:Пише|Пишет) (?:о|об|про) "
    # "Дарья Мельникова пишет о потребительском рынке … Прежде работала в деловом еженедельнике."
    r"|^(?:[А-ЯЁІЇЄҐ][\w'’-]+ ){2,3}(?:пишет|пише) (?:о|об|про) [^.]{3,100}\.\s+(?:(?:Прежде"
    r"|Ранее|Раньше|До этого|Раніше|До цього) )?(?:[Рр]аботал|[Пп]рацювал|Пишите (?:ей|ему)"
    r"|Пишіть (?:їй|йому))"
    # "Η Μαρίνα Αποστολίδου είναι συντάκτρια του τμήματος Τεχνολογίας. Καλύπτει θέματα …"
    r"|^(?:Ο|Η) (?:[Α-ΩΆ-Ώ][\w'’-]+ ){1,3}είναι (?:συντάκτ\w*|δημοσιογράφος|ρεπόρτερ"
    r"|αρχισυντάκτ\w*|αναλυτ\w*)\b[^.]{0,80}\.\s+(?:Καλύπτει|Γράφει|Ασχολείται|Παρακολουθεί)\b"
    # "Լիլիթ Գրիգորյան՝ «Կամուրջի» տնտեսական թղթակից։ Գրում է … մասին։": an Armenian bio
    r"|^(?:[\u0531-\u0556][\u0561-\u0587]+ ){1,2}[\u0531-\u0556][\u0561-\u0587]+՝ [^։]{2,60}"
    r"(?:թղթակից|լրագրող|խմբագիր)։ Գրում է "
    # "Tom Gallagher covers business and local government for the Riverina Advertiser."
    r"|^(?:[A-Z][\w.'’-]+ ){1,3}(?:covers|reports on|writes about) [^.]{3,80} for (?:the )?"
    r"(?-i:[A-Z])[^.]{0,40}\."
    # "Wambui Njoroge covers personal finance and banking. She joined the Ledger in 2019 …"
    r"|^(?:[A-Z][\w.'’-]+ ){2,3}(?:covers|reports on|writes about) [^.]{3,80}\. (?:He|She|They)"
    r" (?:joined|has (?:covered|reported|written|worked)|previously)\b"
    # "Hamish Ruddock is the Daily Press transport reporter. He has covered …"
    r"|^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) (?:a|an|[Tt]he) (?:[\w'’-]+ ){0,5}(?:reporter|journalist"
    r"|correspondent|editor|writer|columnist)\. (?:He|She|They) (?:has|have) (?:covered|reported"
    r"|written|worked)\b"
    # "Priya Marchetti is the Daily Ledger’s consumer affairs correspondent. She previously …"
    r"|^(?:[A-Z][\w.'’-]+ ){1,3}is (?:a|an|[Tt]he) (?:[\w'’-]+ ){0,5}(?:reporter|journalist"
    r"|correspondent|editor|writer|columnist)\. (?:He|She|They) previously (?:covered|reported"
    r"|wrote|worked)\b"
    r"|^(?i:redactora?|periodista|rédact(?:eur|rice)|journaliste|giornalista|jornalista)"
    r"(?: (?:de|d'|di) [^.]{1,40})?\.\s+(?:[^.]{1,80}\.\s+)?(?i:sigue|cubre|escribe|suit"
    r"|couvre|écrit|segue|cobre|escreve|cobreix|escriu|segueix)\b"
    # "კახეთის კორესპონდენტი. წერს სოფლის მეურნეობის …": "… correspondent. Writes on …", Georgian
    r"|^[^.]{0,40}(?:კორესპონდენტი|ჟურნალისტი|რედაქტორი)\.\s+(?:წერს|აშუქებს)\s[^.]{3,120}"
    r"(?:შესახებ|თემებზე|საკითხებზე)\."
    # "Новинар спортске рубрике од 2015. године. Прати домаћу кошарку …"
    r"|^(?i:новинар(?:ка)?|novinar(?:ka)?|уредни(?:к|ца)|urednik|urednica)\b[^.]{0,40}"
    r"(?i:рубрик|редакциј|портал|rubrik|redakcij|portal)[^.]{0,40}\."
    r"(?:\s+[^.]{1,20}\.)?\s+(?i:прати|пише|покрива|следи|prati|piše|pokriva|sledi)\b"
    # "महर्जन हिमाल खबरकी उपत्यका संवाददाता हुन्। उनी … लेख्छिन्।": "… is the paper's correspondent"
    r"|^[^।.]{2,80}(?:संवाददाता|पत्रकार|सम्पादक)\s(?:हुन्|हुनुहुन्छ|हैं|है)\s?।\s*(?:उनी|वे|वह)\s"
    r"[^।]{2,120}(?:लेख्छिन्|लेख्छन्|लेख्नुहुन्छ|लिखती हैं|लिखते हैं|रिपोर्टिङ गर्छिन्|रिपोर्टिङ गर्छन्)"
    # "थापा हिमाल खबरमा प्रविधि … विषयमा लेख्छिन्।": "… writes on … at the paper"
    r"|^[^।.]{2,80}(?:विषयमा|बारे|बारेमा)\s(?:लेख्छिन्|लेख्छन्|रिपोर्टिङ गर्छिन्|रिपोर्टिङ गर्छन्"
    r"|लिखती हैं|लिखते हैं)\s?।$"
    r"|^(?i:журналіст(?:ка)?|журналист(?:ка)?|кореспондент(?:ка)?|корреспондент(?:ка)?"
    r"|редактор(?:ка)?),\s+(?:пише|пишет|висвітлює|освещает)\b"
    # "Економічна журналістка, пише про споживчий ринок …": the desk's adjective first
    r"|^[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]*(?:ічн|ичес|спортивн|культурн|міжнародн|международн"
    r"|регіональн|региональн|військов|военн|судов)[а-яёіїєґ]{1,3} (?i:журналіст(?:ка)?"
    r"|журналист(?:ка)?|кореспондент(?:ка)?|корреспондент(?:ка)?|редактор(?:ка)?),\s+(?:пише про"
    r"|пишет (?:о|об|про)|висвітлює|освещает) (?!це\b|это\b|том\b)"
)
_COVERS_KO = factored(r"(?:을|를) 취재합니다")  # "…산업을 취재합니다": "I cover …"
# "通信・モバイル担当記者。携帯料金…などを取材。", "まちナビ編集部記者。札幌市出身。…を取材。":
# the writer's desk, then what they cover or where they are from (a bio under the article)
_JA_BIO = factored(
    r"[^。「」]{1,30}(?:担当|部|局|班|支社|編集部)記者。(?:[^。「」]{1,60}。){0,3}?"
    r"[^。「」]{0,60}(?:を(?:中心に)?取材|を担当|出身。)"
)


# A bio by the writer's desk, its name in quotation marks: "Корреспондент отдела «Город». Пишет о
# транспорте, ЖКХ и городском благоустройстве."
_DESK_BIO = factored(
    r"(?i:корреспондент|кореспондент|журналист|журналіст|обозреватель|оглядач|редактор)(?:ка)?"
    r" (?:отдела|рубрики|редакции|відділу|редакції) «[^»]{1,30}»\.\s+(?:Пишет|Пише) (?:о|об|про)\b"
)
# A disclaimer in brackets or under its label: "(डिस्क्लेमर: यह खबर … पर आधारित है। …)"
_DISCLAIMER = factored(r"[(（]?\s*(?:डिस्क्लेमर|अस्वीकरण|disclaimer)\s*[:：]", re.IGNORECASE)
# An Indian paper's e-paper offered at a price a month or a year: "இ-பேப்பரை … படிக்க ஆண்டுச்
# சந்தா ₹999 மட்டுமே" (the e-paper's word, then its price in rupees within a sentence)
_EPAPER_PRICE = factored(
    r"(?:e-?paper|ई-?पेपर|ইপেপার|ই-পেপার|இ-?பேப்பர்|ಇ-?ಪೇಪರ್|ఈ-?పేపర్|ഇ-?പേപ്പർ|ઈ-?પેપર|ਈ-?ਪੇਪਰ)"
    r"[^!?।]{0,80}(?:₹|\bRs\.?)\s?\d",
    re.IGNORECASE,
)
# The offer's "only" closing its price, or the reader told to subscribe ("The e-paper edition
# now costs just ₹99 a month, the publisher said" is news)
_OFFER_ONLY = factored(
    r"(?:मात्र|ಮಾತ್ರ|மட்டுமே|মাত্র|మాత్రమే|മാത്രം|માત્ર)[\s.!।]*$|subscribe (?:to|now)|सब्सक्राइब करें"
    r"|ಚಂದಾದಾರರಾಗಿ|சந்தா செலுத்துங்கள்|গ্রাহক হন",
    re.IGNORECASE,
)
# A subscription's price with its "only": "ஆண்டுச் சந்தா ₹1,200 மட்டுமே — அச்சு இதழ், …"
_SUBSCRIPTION_ONLY = factored(
    r"(?:சந்தா|सदस्यता|চাঁদা|ಚಂದಾ|చందా|വരിസംഖ്യ|લવાજમ|ਚੰਦਾ)[^!?।]{0,30}(?:₹|\bRs\.?)\s?"
    r"[\d,]+(?:\.\d+)?\s*(?:மட்டுமே|मात्र|মাত্র|ಮಾತ್ರ|మాత్రమే|മാത്രം|માત્ર|ਸਿਰਫ਼)"
    r"\s*(?:[—–-]|[.!।]|$)"  # (closing its phrase: "… ₹199 मात्र में मिलेगी" is a price's news)
)
# "हमारा न्यूज़लेटर सब्सक्राइब करें …", "ہمارا نیوز لیٹر سبسکرائب کریں …": "subscribe to our
# newsletter", the verb last and in the imperative
_OUR_NEWSLETTER_HINDUSTANI = factored(
    r"(?:हमारा|हमारे|ہمارا|ہمارے)\s(?:\S+\s){0,2}(?:न्यूज़लेटर|न्यूजलेटर|نیوز لیٹر|نیوزلیٹر)\s"
    r"(?:को\s|کو\s)?(?:सब्सक्राइब|سبسکرائب)\s(?:करें|कीजिए|करिए|کریں|کیجیے|کیجئے)"
    # "'किसान पत्र' न्यूज़लेटर मुफ़्त है, बस अपना ईमेल डालें।": free, the reader's address asked
    r"|(?:न्यूज़लेटर|न्यूजलेटर)[^।]{0,20}(?:मुफ़्त|मुफ्त) है[^।]{0,20}अपना ई-?मेल (?:डालें|दर्ज करें)"
)
# "भारत समाचार ऐप डाउनलोड करें और पाएं …": the app's pitch, its verb in the imperative; in Urdu,
# "our" app: "… دیکھنے کے لیے ہماری موبائل ایپ ڈاؤن لوڈ کریں" ("download our mobile app to watch …")
_APP_DOWNLOAD_HINDUSTANI = factored(
    r"(?:ऐप|एप)\s(?:को\s)?डाउनलोड\s(?:करें|करे|करिए|कीजिए)\s(?:और|व)\s(?:पाएं|पढ़ें|जानें)"
    r"|(?:ہماری|ہمارا|ہمارے)\s(?:\S+\s){0,2}(?:ایپ|ایپلیکیشن|ایپلی کیشن)\s(?:کو\s)?ڈاؤن\s?لوڈ"
    r"\s(?:کریں|کیجیے|کیجئے)"
)


# A Chinese appeal asks whether the reader liked the story, and speaks for the newsroom to
# them: "喜歡這篇報導嗎？每月新臺幣99元支持在地新聞，讓我們持續為您記錄家鄉大小事。"
_ZH_LIKED_IT = factored(
    r"(?:喜[欢歡]|覺得|觉得)(?:這篇|这篇|本文|我們的|我们的)[^？?。，,]{0,6}(?:吗|嗎)?[？?]"
)
_ZH_FOR_YOU = factored(r"(?:讓|让)我[們们][^。]{0,20}(?:為|为)?您|(?:為|为)您")
# A subscription offered by the newsroom: "我們的記者通宵守在前線。訂閱快報Plus每月只需$38"
_ZH_ONLY_A_MONTH = factored(r"每月(?:只需|僅需|仅需|只要)|月費(?:只需|僅|仅)")
# "डिजिटल सदस्यता सिर्फ़ ₹999 सालाना या ₹99 मासिक में": an offer's two prices, a year's and a
# month's ("… सदस्यता अब सिर्फ़ ₹99 प्रति माह में मिलेगी" is news of one price)
_HINDI_OFFER = factored(
    r"डिजिटल (?:सदस्यता|सब्सक्रिप्शन)[^।]{0,40}₹\s?[\d,]+ (?:सालाना|वार्षिक|प्रति वर्ष)[^।]{0,12}"
    r"₹\s?[\d,]+ (?:मासिक|प्रति माह|प्रति महीना)"
)
# "獨立報導需要您的支持。每月小額贊助100元，…": the newsroom's need, and the reader's monthly sum
_ZH_NEEDS_YOU = factored(r"需要(?:您|你)的(?:支持|贊助|赞助)")
_ZH_MONTHLY_SUM = factored(r"每月[^。，,]{0,8}\d+\s?元")
# "אהבתם את הכתבה? … מנוי דיגיטלי … 9.90 ₪ לחודש הראשון": liked it, then the offer
_HE_LIKED_IT = factored(r"אהבת(?:ם|ן)? את (?:הכתבה|הכתבה הזאת|המאמר)")
_HE_SUBSCRIPTION = factored(r"מנוי")
_ZH_WE = factored(r"我[們们]的(?:記者|记者|新聞|新闻|編輯|编辑|採訪|采访|報道|报道)")
# "…我们会把前一天最重要的科技新闻送到你的邮箱": the site sends the news to the reader's inbox
_ZH_TO_YOUR_INBOX = factored(
    r"(?:送到|发送到|發送到|寄到|送达|送達|推送到)(?:你|您)的(?:邮箱|信箱|郵箱|電郵信箱|电邮)"
)
_ZH_WE_SEND = factored(r"我[们們](?:会|會|将|將|每|把)")
# (the pitch opens its line: "订阅《…》，…"; a warning that quotes a scam's words reports it)
_ZH_PITCH_OPENS = factored(r"^(?:订阅|訂閱|每天|每日|每周|每週|每个|每個)")
# A newsletter's promise to send no spam, in the languages of the news: "No spam, we promise.",
# "בלי ספאם, מבטיחים.", "Kein Spam." (the phrase, then the promise or the sentence's end)
_NO_SPAM = factored(
    _fold(
        r"(?:^|[\s.,:;–—(-])(?:no spam|never spam|zero spam|kein spam|pas de spam|jamais de spam"
        r"|sin spam|nada de spam|sem spam|niente spam|nessuno spam|geen spam|ingen spam"
        r"|bez spamu|без спама|без спаму|בלי ספאם|ללא ספאם|بدون رسائل مزعجة|بدون اسپم"
        r"|spam yok|χωρίς spam)"
        r"(?:\s*[.!,)]|\s*[–—-]|\s+(?:ever|we promise|promise|versprochen|promis|promesso"
        r"|prometido|prometemos|beloofd|lovat|lover|обещаем|обіцяємо|מבטיחים|نعدكم))"
    )
)
NO_SPAM_END = 3  # words after the promise, at most: "we promise", "versprochen"


def _promises_no_spam(low: str) -> bool:
    """A newsletter's pitch closing on its promise of no spam: the phrase after the pitch's
    words, at the line's end ("No spam, no scams: the new law …" opens a story; "users report
    almost no spam. Complaints fell …" goes on)."""
    found = _NO_SPAM.search(low)
    if found is None or not low[: found.start()].strip():
        return False
    return count_words(low[found.end() :]) <= NO_SPAM_END


# "支持快報網": the appeal's header, the site's name after "support"
_ZH_SUPPORT_US = factored(r"^支持[^\s，,。：:！!]{1,8}(?:網|网|報|报)$")
# Pitches told by patterns each looked for where one of its words stands, in a line of forty
# words at most that quotes and reports no one: its words, its patterns (all must match), its
# reason.
_WORDED_PITCHES = (
    (("डाउनलोड", "ڈاؤن"), (_APP_DOWNLOAD_HINDUSTANI,), "navigation"),
    (("₹", "Rs"), (_EPAPER_PRICE, _OFFER_ONLY), "paywall"),
    (("₹", "Rs"), (_SUBSCRIPTION_ONLY,), "paywall"),
    (("लेटर", "لیٹر"), (_OUR_NEWSLETTER_HINDUSTANI,), "newsletter"),
    (("支持", "贊助", "赞助"), (_ZH_LIKED_IT, _ZH_FOR_YOU), "appeal"),
    (("訂閱", "订阅"), (_ZH_ONLY_A_MONTH, _ZH_WE), "appeal"),
    (("訂閱", "订阅"), (_ZH_TO_YOUR_INBOX, _ZH_WE_SEND, _ZH_PITCH_OPENS), "newsletter"),
    (("贊助", "赞助"), (_ZH_NEEDS_YOU, _ZH_MONTHLY_SUM), "appeal"),
    (("₪",), (_HE_LIKED_IT, _HE_SUBSCRIPTION), "paywall"),
    (("सदस्यता", "सब्सक्रिप्शन"), (_HINDI_OFFER,), "paywall"),
)


_PITCH_WORDS = re.compile(
    "|".join(re.escape(word) for words, _patterns, _reason in _WORDED_PITCHES for word in words)
)


def _worded_pitch(text: str) -> str | None:
    """The reason of the first of `_WORDED_PITCHES` a line is ("भारत समाचार ऐप डाउनलोड करें और
    पाएं …", "ಇ-ಪೇಪರ್ ಓದಲು ಚಂದಾದಾರರಾಗಿ: ತಿಂಗಳಿಗೆ ₹149, ವರ್ಷಕ್ಕೆ ₹1,499 ಮಾತ್ರ.", "हमारा न्यूज़लेटर
    सब्सक्राइब करें …"), or None; the caller has left out quoted lines."""
    found = _PITCH_WORDS.search(text)
    if found is None:
        return None  # (most lines hold none of the words: one search for them all)
    for words, patterns, reason in _WORDED_PITCHES:
        if (
            any(word in text for word in words)
            and all(pattern.search(text) for pattern in patterns)
            and not _reported(text)
        ):
            return reason
    return None


# The consent framework's sentence: "We and our partners store and/or access information on a
# device, such as cookies …", in the languages of the news.
_WE_AND_PARTNERS = gated(
    _fold(
        r"^(?:we and our (?:\d+ )?partners|wir und unsere (?:\d+ )?partner|nous et nos (?:\d+ )?"
        r"partenaires|nosotros y nuestros (?:\d+ )?socios|noi e i nostri (?:\d+ )?partner"
        r"|nós e os nossos (?:\d+ )?parceiros|wij en onze (?:\d+ )?partners|vi och våra partner"
        r"|my i nasi partnerzy|мы и наши партнеры|ми та наші партнери|εμείς και οι συνεργάτες μας"
        r"|biz ve iş ortaklarımız) (?:store|use|process|speichern|verwenden|stockons|utilisons"
        r"|almacenamos|utilizamos|memorizziamo|utilizziamo|armazenamos|slaan|gebruiken"
        r"|lagrar|använder|przechowujemy|używamy|храним|используем|зберігаємо|використовуємо"
        r"|αποθηκεύουμε|χρησιμοποιούμε|saklıyoruz|kullanıyoruz)"
    )
)


# An acknowledgement of the land's first peoples in an Australian, New Zealand or Canadian
# site's footer: "We acknowledge the Wiradjuri people who are the Traditional Custodians …"
_ACKNOWLEDGE_COUNTRY = factored(
    r"^(?:we|[A-Z][^.]{0,40}) acknowledges? (?:the |that )?[^.]{0,120}(?:traditional (?:custodians"
    r"|owners|territor)|first nations|first australians|unceded)"
    r"|^acknowledge?ment of country$",  # (its header)
    re.IGNORECASE,
)
# A note that the story was changed after it ran, in the languages of the news.
_UPDATE_NOTE = gated(
    r"^[※*＊•(\[（【]?\s*(?:"
    r"correction\s*:\s*an? (?:earlier|previous) version of this (?:article|story|report)\b"
    # "Updated 15 October: An earlier version of this article gave the wrong start date …"
    r"|(?:updated|update|clarification|correction),?(?: (?:on )?(?:\w+day,? )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)? \w+|\w+ \d{1,2}(?:st|nd|rd|th)?)(?:,? \d{4})?)?\s*:\s*"
    r"an? (?:earlier|previous)"
    r" version of this (?:article|story|report)\b"
    # Sinhala "Update: … added to the 6th paragraph": the change and where
    r"|යාවත්කාලීන කිරීම\s*:[^.]{0,120}(?:ඡේද|ලිපිය)[^.]{0,40}(?:එක් කරන ලදී|නිවැරදි කරන ලදී"
    r"|යාවත්කාලීන කරන ලදී)"
    # "Rectificatif, 6 février, 19h05 : une précédente version de cet article indiquait …"
    r"|rectificatif\s*(?:,[^:]{0,40})?:\s*\S|erratum\s*:\s*\S"
    # "Mise à jour à 21h05 : une version précédente de cet article indiquait …"
    r"|mise à jour(?: à \d{1,2}h\d{2}| le [^:]{1,30})?\s*:\s*une (?:version précédente"
    r"|précédente version) de cet article"
    # a correction's label, then what was wrong: "Rättelse: I en tidigare version av artikeln …"
    r"|(?:rättelse|rettelse|oikaisu|correctie|sprostowanie|oprava|corrección|correzione"
    r"|correção|berichtigung|korrektur|leiðrétting|исправление|виправлення|διόρθωση|düzeltme"
    r"|תיקון|تصحيح"
    r"|اصلاحیه|уточнение|уточнення|திருத்தம்|সংশোধনী|തിരുത്ത്|సవరణ|ತಿದ್ದುಪಡಿ|නිවැරදි කිරීම)"
    r"\s*(?:\([^()]{0,30}\)\s*)?:\s*\S"  # ("Уточнение (14.02.2024, 15:10): …")
    r"|(?:уточнение|поправка) редакции\s*:|уточнення редакції\s*:|(?:від|от|ад) рэдакцыі\s*:"
    r"|(?:កែសម្រួល|កែតម្រូវ)\s*៖\s*\S"
    r"|(?:від редакції|от редакции)\s*:|সম্পাদকের নোট\s*[:：]|संपादक की टिप्पणी\s*[:：]"
    # an editor's note by its label: "Уредничка напомена: Текст је допуњен …"
    r"|(?:уредничка напомена|напомена уредништва|urednička napomena|napomena urednika"
    r"|nota (?:de la|del) (?:redacción|editor)|nota da redação|nota do editor"
    r"|nota della redazione|note de la rédaction|anmerkung der redaktion"
    r"|noot van de redactie|nota redakcji|nota redacției|бележка на редакцията"
    r"|забележка на редакцията)\s*:\s*\S"
    r"|this (?:article|story|report|post|piece) (?:was|has been|had been) (?:updated"
    r"|amended|corrected|edited|revised|changed)\b|editor['’]?s note\s*[:：]"
    r"|(?:cet|l['’]) ?article a été (?:mis à jour|modifié|corrigé|actualisé|complété)"
    r"|(?:редакція оновила|редакция обновила) (?:матеріал|материал|новину|новость|статтю|статью)"
    r"|(?:dieser|der) (?:artikel|beitrag) wurde (?:aktualisiert|ergänzt|korrigiert|geändert)"
    r"|(?:este|el) (?:artículo|texto) (?:ha sido|fue) (?:actualizado|corregido|modificado)"
    r"|(?:esta|la) (?:noticia|nota) (?:ha sido|fue) (?:actualizada|corregida|modificada)"
    r"|questo articolo è stato (?:aggiornato|modificato|corretto)"
    r"|ez a cikk (?:frissült|módosult|kiegészült)|a cikket (?:frissítettük|kiegészítettük)"
    r"|(?:este|o) artigo foi (?:atualizado|corrigido|alterado)"
    r"|(?:esta|a) (?:notícia|reportagem) foi (?:atualizada|corrigida|alterada)"
    r"|dit artikel is (?:bijgewerkt|aangepast|gecorrigeerd)"
    r"|artiklen er (?:blevet )?(?:opdateret|rettet)(?! af)"
    r"|artikkelen er (?:blitt )?(?:oppdatert|rettet)(?! av)"
    r"|artikeln (?:har (?:uppdaterats|rättats)|är uppdaterad)(?! av)"
    r"|artykuł (?:został )?(?:zaktualizowany|poprawiony|uzupełniony)"
    r"|artiklit on (?:täiendatud|uuendatud|parandatud|muudetud)"
    r"|(?:(?:этот|эта|данный|данная) )?(?:материал|статья|новость) (?:был[аи]? )?(?:обновл|дополн"
    r"|исправл)"
    r"|(?:матеріал|статтю|новину) (?:було )?(?:оновлено|доповнено|виправлено)"
    # "Обновлено в 21:05: добавлен комментарий службы поддержки …": the time, then the change
    r"|(?:обновлено|оновлено|обновление|оновлення|ажурирано|актуализирано),?"
    r"(?: \d{1,2}\.\d{1,2}\.\d{2,4},?)?(?: (?:в|о|об|у|на))?"
    r" \d{1,2}:\d{2}\s*(?::\s*\S|\.\s+(?:додано|добавлен|доповнено|дополнен|виправлено|исправлен"
    r"|уточнено))"
    r"|この記事は.{0,60}(?:更新|修正|追記|訂正|加筆|追加|削除|変更|差し替え)しました|本文(?:已)?(?:更新|修正|更正)"
    r"|(?:编者注|編者注|编者按|編者按|编注|編注)\s*[】:：]|本文(?:于|於).{0,20}(?:更新|修正|更正)"
    # a note's label in brackets: "【おことわり】…の誤りでした。訂正しました。", "【更新】14:20 …"
    r"|(?<=【)(?:おことわり|お断り|おわび|お詫び|訂正|更新|修正|更正|勘誤|勘误)】\s*\S"
    # "この記事は、夕方のニュース番組「…」で放送した内容をもとに…": broadcast first
    # ("…6月13日付朝刊2面に掲載されたものです": printed first)
    r"|(?:この|本)記事は、?.{0,40}[でに](?:放送|放映|掲載)(?:した|された)(?:内容|もの|ニュース|記事)"
    r"|(?:この|本)記事は、?.{0,40}[でに](?:放送|放映|掲載)(?:しました|されました)(?:。|$)"
    r"|(?:この|本)記事は、?.{0,40}[でに]掲載予定の記事"
    # the issue it ran in: "Опубликовано в номере № 31 …", "Bu yazı … Nisan 2025 sayısında …
    # yayımlanmıştır.", "This article appears in the April 2025 issue of …"
    r"|(?:опубликовано|опубліковано|опубликован|опублікований) в (?:номере|номері|выпуске|випуску)"
    r" (?:№|n|\d)"
    r"|bu (?:yazı|haber|makale|röportaj) [^.]{0,80}sayısında [^.]{0,80}yayımlan"
    r"|this (?:article|story|piece) (?:appears|appeared|was published|first appeared) in the "
    r"[^.]{0,40}(?:issue|edition) of (?![^.]*\b(?:and|but|which|where|after)\b)"
    r"|이 기사는 .{0,40}(?:수정|업데이트|갱신)(?:됐|되었)습니다"
    r"|(?:(?:σημείωση(?: της σύνταξης)?|ενημέρωση):\s*)?το άρθρο (?:ενημερώθηκε|επικαιροποιήθηκε)"
    # "अपडेट: इस लेख में … संशोधित किए गए हैं।", "訂正 当初配信の記事で、…の誤りでした。"
    r"|(?:अपडेट|अद्यतन)(?:\s*\([^()]{0,20}\))?\s*:\s*इस (?:लेख|खबर|ख़बर|रिपोर्ट) (?:में|को)[^।]{0,120}"
    r"(?:संशोधित|जोड़ी|जोड़ा|जोड़े|सुधारा|सुधार किया|अपडेट किया)"
    r"|訂正[\s　:：]+[^。]{0,80}誤り(?:でした|がありました)|訂正[）)][^。]{0,80}誤り"
    r"|(?:članak|tekst) je (?:ažuriran|dopunjen|ispravljen)"
    # the time of the update, then what was changed: "Päivitys klo 12.05: Lisätty tiedot …"
    r"|(?:päivitys|päivitetty)(?: klo)? \d{1,2}[.:]\d{2}\s*:\s*(?:lisätty|korjattu|täydennetty"
    r"|päivitetty|muutettu|tarkennettu)"
    r"|(?:uppdaterad|uppdatering|opdateret|opdatering|oppdatert|oppdatering)(?: kl\.?)?"
    r" \d{1,2}[.:]\d{2}\s*:\s*(?:lagt till|tillagt|kompletterad|rättad|rättelse|tilføjet"
    r"|rettet|lagt til|korrigert)"
    r"|(?:чланак|текст) је (?:ажуриран|допуњен)"
    r"|artikeln har (?:uppdaterats|korrigerats|ändrats|rättats)"
    r"|(?:artiklen|artikkelen|saken) (?:er|har) (?:blevet |blitt )?(?:opdateret|oppdatert|rettet)"
    r"|(?:juttua|artikkelia) on (?:päivitetty|korjattu)|článek byl (?:aktualizován|opraven)"
    r"|articolul a fost (?:actualizat|corectat)|a cikket (?:frissítettük|javítottuk)"
    # "הכתבה עודכנה ב-11:02 עם תגובת העירייה", "تم تحديث هذا الخبر …", "این خبر به‌روزرسانی شد"
    r"|(?:הכתבה|הידיעה) (?:עודכנה|תוקנה)|تم تحديث (?:هذا )?(?:الخبر|المقال|التقرير)"
    # "עדכון: בגרסה קודמת של הכתבה נכתב כי …": an earlier version, in Hebrew
    r"|(?:עדכון|הבהרה)\s*:\s*בגרסה (?:ה)?קודמת של (?:הכתבה|הידיעה)"
    r"|(?:این )?(?:خبر|گزارش) (?:به‌روزرسانی|بروزرسانی|به روزرسانی) (?:شد|شده))",
    re.IGNORECASE,
)
UPDATE_NOTE = 40  # words
_UPDATE_LABEL = gated(
    r"^(?:update|updated|opdatering|oppdatering|uppdatering|aktualisierung|actualización"
    r"|aggiornamento|atualização|mise à jour)\b(?:[^:：\n]|(?<=\d)[:：](?=\d)){0,25}[:：]\s*",
    re.IGNORECASE,
)
# A correction's label with its date or time, then what was wrong: "Correction, 10:12 a.m.:
# An earlier version …", "Korjattu 12.10. klo 16.20: Toisin kuin aiemmin kerrottiin …" (the
# date or time right after the label: "Corrected figures for 2023: …" is the article's)
_CORRECTION_LABEL = gated(
    r"^(?:correction|corrected|korjattu|oikaisu|rättelse|rättat|rettelse|rettet|correctie"
    r"|gecorrigeerd|sprostowanie|opraveno|corrección|corregido|correzione|corretto|correção"
    r"|corrigido|berichtigung|korrektur|korrigiert|rectificatif|corrigé|helyesbítés|javítva"
    r"|исправление|исправлено|виправлення|виправлено|διόρθωση|düzeltme)"
    r"[,.]?\s+(?:(?:klo|kl\.?|at|on|am|um|le|à|alle|às|a las|в|о|u)\s+)?"
    r"(?=[^:：\n]{0,20}?\b\d{1,2}(?:[:.h]\d{2}\b|[./]\d{1,2}[./]))"  # (a clock or a date)
    r"[(\[]?\d(?:[^:：\n]|(?<=\d)[:：](?=\d)){0,22}[:：]\s*\S",  # ("Helyesbítés (15:05):")
    re.IGNORECASE,
)
# The same dated by the day and its month's name after "of the": "Korrektur vom 6. März:",
# "Rectificatif du 6 mars :" ("Korrektur um 2 Prozentpunkte:" is news, and "Correction du 25
# novembre : …" a market's fall)
_CORRECTION_OF_DAY = gated(
    r"^(?:korrektur|berichtigung|rectificatif|rectification|rättelse|rettelse|correctie"
    r"|rettifica|sprostowanie|исправление|виправлення)"
    r"\s+(?:vom|du|del|dell'|från|fra|van|z dnia|ze dne|от|від)\s*\d{1,2}\.?\s+"
    r"(?:jan|feb|fév|fev|mär|mar|apr|avr|mai|may|maj|mei|jun|juin|giu|jul|juil|lug|aug|ago|aoû"
    r"|sep|set|okt|oct|ott|nov|dez|dec|déc|dic|sty|lut|kwi|cze|lip|sie|wrz|paź|lis|gru|янв|фев"
    r"|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|січ|лют|бер|кві|тра|чер|лип|сер|вер|жов|лис"
    r"|гру)[^\W\d_]{0,8}\.?(?:\s+\d{4})?\s*[:：]\s*\S",
    re.IGNORECASE,
)
# A link to the story's pictures: "この記事の画像を見る（2枚）", "View gallery (12 photos)".
_GALLERY_LINK = gated(
    r"^(?:この記事の)?(?:画像|写真|動画)(?:を(?:すべて)?見る|一覧)"
    r"|^(?:view|see|open|browse) (?:the |all )?(?:\d+ )?(?:photo ?)?(?:gallery|photos|images"
    r"|pictures)\b|^(?:voir|afficher) (?:la galerie|les photos|toutes les photos)"
    r"|^(?:ver|abrir) (?:la galería|a galeria|todas las fotos)"
    r"|^(?:смотреть|открыть) (?:фото|галерею|фотогалерею)",
    re.IGNORECASE,
)
# A box of a section's headlines in Japanese: "経済のニュース", "地域の記事一覧".
_SECTION_NEWS = factored(r"^[^\s、。「」]{1,10}の(?:ニュース|記事)(?:一覧)?$")
_CRUMB_MARKS = frozenset(">›»＞/")
_CRUMB_SPLIT = factored(r"\s[>›»＞/]\s")
_LABEL_BRACKETS = frozenset("【[〔〈《")


def _weak_credit(text: str, words: int) -> bool:
    """An agency's name, or a credit's word before a slash or a colon: a credit on a short
    line that is no sentence."""
    credit = _PHOTO_CREDIT_WEAK if ("/" in text or ":" in text) else _AGENCY_WORD
    if credit.search(text):
        return True
    slash = _NAME_SLASH_AGENCY.search(text) if "/" in text else None
    # "Anton Novoderezhkin / Roscongress Photobank" ends its line with the credit; "VBB
    # (Berlin/Brandenburg): minus 7,9 Prozent", a list item, goes on after the slash.
    if (
        slash
        and _CREDIT_AFTER_SLASH.match(text[slash.end() :])
        and not _LOWER_WORD_BEFORE.search(text[: slash.start()])
    ):
        # (a credit's names stand alone or after a caption's stop; "Treni, sospesa la
        # circolazione sulla Bologna/Rimini" is a subheading's route)
        return True
    return words <= CREDIT_WORD_LINE and bool(_CREDIT_WORD.search(text))


# A line reduced to the phrase it may be: no bullet or arrow around it, no final colon or
# stop, no counter ("Kommentare (3)", "コメント48件" keeps its 件: `_COMMENTS` reads those).
_KEY_EDGES = factored(r"^[\s\-–—•·|>›»→:：៖#■□◆◇▶►▲△▼▽●○★☆※]+|[\s\-–—•·|>›»→:：៖՝.!?…★☆]+$")
_KEY_COUNTER = factored(r"\s*[(（\[]?\s*\d+\s*(?:件|条|則|개|건)?\s*[)）\]]?$")  # "（24件）"


# Scripts written without spaces between words (Thai, Lao, Khmer, kana and kanji, hangul runs).
UNSPACED = factored(r"[\u0e00-\u0eff\u1780-\u17ff\u3040-\u9fff\uac00-\ud7af]")


def _phrases(*groups: tuple[str, ...]) -> tuple[str, ...]:
    """Phrases as lines are matched: folded and lower-cased (`chrome_words` writes most of
    them so already; folding again costs nothing and keeps a hand-written one right)."""
    return tuple(dict.fromkeys(_fold(p).lower() for group in groups for p in group))


_LIST_HEADER_KEYS = frozenset(
    _phrases(words_of_sites.RELATED_HEADER, words_of_sites.MOST_READ, words_of_sites.TAGS)
)
# "PROČITAJTE I:", "Подробнее" alone on a line introduce a link or a few, on the lines under
# them (a phrase that also heads boxes, "Related articles", heads a box).
_ONE_LINK_KEYS = frozenset(_phrases(words_of_sites.READ_ALSO)) - _LIST_HEADER_KEYS
_HEADER_KEYS = _LIST_HEADER_KEYS | _ONE_LINK_KEYS
_COMMENT_KEYS = frozenset(_phrases(words_of_sites.COMMENTS))
_KEY_POINTS_KEYS = frozenset(_phrases(words_of_sites.KEY_POINTS))
_POLL_KEYS = frozenset(_phrases(words_of_sites.POLL))
_AUTHOR_BOX_KEYS = frozenset(_phrases(words_of_sites.AUTHOR_BOX))
_COUNTED_COMMENT_KEYS = frozenset(_phrases(words_of_sites.COMMENTS_COUNTED))
_INTERFACE_KEYS = frozenset(
    _phrases(
        words_of_sites.ADVERT,
        words_of_sites.SHARE,
        words_of_sites.FOOTER,
        words_of_sites.SKIP_LINKS,
        words_of_sites.BUTTONS,
        words_of_sites.APP_STORES,
    )
)
_STORE_KEYS = frozenset(_phrases(words_of_sites.APP_STORES))
_PAYWALL_KEYS = frozenset(_phrases(words_of_sites.PAYWALL_LABELS))
_COOKIES_FOLDED = factored(_fold(_COOKIES.pattern), _COOKIES.flags)  # ("kolačića" folded)
# Interface phrases no other list has: a line of one is navigation before any rule is tried
# (unless, without its "The", it heads a box or the comments: `_site_words_reason` reads it).
_BOX_HEADER_KEYS = _LIST_HEADER_KEYS | _COMMENT_KEYS
_MENU_KEYS = frozenset(
    key
    for key in _INTERFACE_KEYS - _BOX_HEADER_KEYS - _ONE_LINK_KEYS - _COUNTED_COMMENT_KEYS
    if not _COOKIES_FOLDED.search(key)  # "Cookie settings" is the consent box's, found before
)
_AD_KEYS = frozenset(_phrases(words_of_sites.ADVERT))


def _is_ad_label(text: str) -> bool:
    return _phrase_key(text) in _AD_KEYS


class _Openings:
    """Phrases a line may open with, kept by their first character: `str.startswith` over a
    tuple tries every phrase, and a copied page's every line was tried against hundreds."""

    def __init__(self, phrases: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        for phrase in phrases:
            by_first.setdefault(phrase[:1], []).append(phrase)
        self._by_first = {first: tuple(group) for first, group in by_first.items()}

    def opening(self, line: str) -> str | None:
        """The longest phrase `line` starts with, or None."""
        group = self._by_first.get(line[:1], ())
        if not line.startswith(group):
            return None
        return max((p for p in group if line.startswith(p)), key=len)

    def opens(self, line: str) -> bool:
        """Whether `line` starts with any of the phrases."""
        return line.startswith(self._by_first.get(line[:1], ()))


_SHARE_OPENINGS = _phrases(words_of_sites.SHARE)
# A box's header before a colon heads the one link after it ("Mavzuga oid: <headline>"): the
# headers of more than one word, or written without spaces ("関連記事"); "Latest: the toll
# rose" opens a sentence.
_READ_ALSO_OPENINGS = _phrases(words_of_sites.READ_ALSO) + tuple(
    p for p in _phrases(words_of_sites.RELATED_HEADER) if " " in p or UNSPACED.search(p)
)
_READ_ALSO_BARE = tuple(f"{phrase} " for phrase in _phrases(words_of_sites.READ_ALSO_BARE))
_FOLLOW_OPENINGS = _phrases(words_of_sites.FOLLOW)
_REPUBLISHED_OPENINGS = _phrases(words_of_sites.REPUBLISHED)
_SHARE_OPENS = _Openings(_SHARE_OPENINGS)
_READ_ALSO_OPENS = _Openings(_READ_ALSO_OPENINGS)
_READ_ALSO_BARE_OPENS = _Openings(_READ_ALSO_BARE)
_FOLLOW_OPENS = _Openings(_FOLLOW_OPENINGS)
_REPUBLISHED_OPENS = _Openings(_REPUBLISHED_OPENINGS)
# (the four lists a line's opening is looked up in, asked at once first: most lines open
# with none of their phrases)
_ANY_OPENS = _Openings(
    _READ_ALSO_OPENINGS + _READ_ALSO_BARE + _FOLLOW_OPENINGS + _REPUBLISHED_OPENINGS
)
# "Partager sur Facebook", "Share on X": a share button with its network.
_NETWORK = factored(
    r"(?:on |via |on the |no |na |en |sur |auf |su |в |у |στο |ב|ל)?(?:facebook|twitter|x|whatsapp"
    r"|telegram|linkedin|reddit|pinterest|messenger|viber|threads|bluesky|mastodon|e-?mail|mail"
    r"|sms|vk|вконтакте|одноклассники|line|kakao(?:talk)?|카카오톡|weibo|微博|微信|wechat|qq"
    r"|flipboard|tumblr|instagram|youtube|tiktok"
    # (a Slavic language declines the network's name: "Sdílet na Facebooku", "na Twitteru")
    r"|(?:facebook|twitter|whatsapp|telegram|linkedin|instagram|youtube)(?:u|e|ie))$"
)
# "The", "Τα" before a header ("ΤΑ ΠΙΟ ΔΙΑΒΑΣΜΕΝΑ" is "Πιο διαβασμένα").
_ARTICLE = gated(r"^(?:the|τα|οι|το|les|los|las|die|de|het|il|i|gli|le|la|os|as|o|a|el|lo)\s+")
# after "Read also": a colon (Khmer's "៖" too), a bar, or a dash before a space ("ये भी पढ़ें-
# <headline>"; "Related-party deals" goes on as a word)
_BULLETS = " \t-–—•·►▶▷▸■□◆◇▲△▼▽●○★☆※→»›>"  # (">> Read more: …")
# A box's header naming its topic, before its colon: "Read more about streaming:", "Lire aussi
# sur la grève :", "Читайте также о выборах:" (a phrase of two words or more: "More on Monday:")
_ABOUT_TOPIC = factored(
    r"\s+(?:about|on|over|sur|über|zum|zur|sobre|su|o|об|о|про|за)\s+[^.!?:：,，]{1,40}(?=[:：])"
)
_LINK_COLON = factored(r"\s*(?:[:：|៖՝]|[-–—](?=\s))\s*\S")
# What a pitch to follow the outlet offers: a channel (`_CHANNEL`) or its app.
_APP = factored(
    r"(?<![a-z])apps?(?![a-z])|aplikac|applica|appli\b|aplicaci|aplicati|приложени|застосун"
    r"|апликаци|εφαρμογ|uygulama"
    r"|(?<![a-z])app(?:en|ar|arna|ene)(?![a-z])|sovellu"  # ("ladda ner appen", "lataa sovellus")
    r"|ung dung|aplikasi|アプリ|客户端|客戶端|앱|تطبيق|اپلیکیشن|אפליקציה|ऐप|एप|অ্যাপ|แอป|line"
    r"|alkalmaz|аппликейшн"  # (the line is matched folded: "alkalmazás" has lost its accent)
    r"|հավելված|აპლიკაცი"
)


# `_KEY_EDGES` as `str.strip` takes it (`\s` is what `str.isspace` says: the same characters)
_SPACES = "".join(c for c in map(chr, range(0x3100)) if c.isspace())
_KEY_LEFT = _SPACES + "-–—―•·|>›»→:：៖#■□◆◇▶►▲△▼▽●○★☆※"
_KEY_RIGHT = _SPACES + "-–—―•·|>›»→:：៖՝.!?…★☆"  # (Armenian's "՝" too: "Պիտակներ՝")


_KEY_BRACKETS = {"[": "]", "［": "］"}


def _line_key(low: str) -> str:
    key = low.lstrip(_KEY_LEFT).rstrip(_KEY_RIGHT)
    close = _KEY_BRACKETS.get(key[:1])
    if close and key[-1:] == close and close not in key[:-1]:
        key = key[1:-1].strip()  # a button in brackets: "[關閉]", "[Close]", "［閉じる］"
    if key and (key[-1].isdigit() or key[-1] in ")）]"):  # (a counter ends so)
        key = _KEY_COUNTER.sub("", key)
    return key.replace("’", "'")


def _phrase_key(text: str) -> str:
    """A line as it is looked up among the phrases of `chrome_words`."""
    return _line_key(_fold(text).lower())


SITE_PHRASE = 8  # words: the longest line looked up among the phrases of `chrome_words`


_NOTE_IN_BRACKETS = factored(r"\s*[（(][^（）()]{1,30}[）)]$")


def _site_words_reason(low: str, words: int, text: str, key: str) -> str | None:
    """A line that is one of the interface phrases of news sites (`chrome_words`), or opens
    with one that cannot open a sentence of news: a header of links, comments, ads, share
    and footer buttons, "Read also: <headline>", a pitch to follow the outlet on a channel, a
    notice that the story ran elsewhere first. (`key`: the line as `_line_key` makes it, for
    a line of SITE_PHRASE words at most.)"""
    if words <= SITE_PHRASE:
        bare = _ARTICLE.sub("", key) if " " in key else key  # ("the" needs a word after it)
        if key in _LIST_HEADER_KEYS or bare in _LIST_HEADER_KEYS:
            return "related links"
        if key in _ONE_LINK_KEYS:
            return "related link"  # the link itself is the next line (`_apply_one_links`)
        if key in _COMMENT_KEYS or bare in _COMMENT_KEYS:
            return "comments"
        if key[-1:] in ")）" and _NOTE_IN_BRACKETS.sub("", key) in _COMMENT_KEYS:
            return "comments"  # "网友评论（仅代表网友个人观点）": the header and its disclaimer
        if key in _KEY_POINTS_KEYS:
            return "key points"  # its lines under it (`_apply_blocks`)
        if key in _AUTHOR_BOX_KEYS:
            return "credits"  # "About the author": the name and bio under it (`_apply_author_box`)
        # "Ý kiến (24)": a number was stripped
        if key in _COUNTED_COMMENT_KEYS and _KEY_EDGES.sub("", low) != key:
            return "comments"
        if key in _INTERFACE_KEYS:
            return "navigation"
        if key in _PAYWALL_KEYS:
            return "paywall"
        share = _SHARE_OPENS.opening(key)
        if share is not None and _NETWORK.match(key[len(share) :].strip()):
            return "navigation"
    if words <= 30 and ":" in low:
        share = _SHARE_OPENS.opening(low)
        if share is not None and " " in share and low[len(share) :].lstrip().startswith(":"):
            return "navigation"  # "Share this Story: <the headline>", a share box's title
    if words > 60:
        return None
    low = low.lstrip(_BULLETS)  # "►延伸閱讀：<headline>"
    # (a letter or a digit opens most lines: the category is asked of the rest)
    while low and not low[0].isalnum() and unicodedata.category(low[0]) == "So":
        low = low[1:].lstrip()  # an emoji first: "📲 Únase a nuestro canal de WhatsApp …"
    if not _ANY_OPENS.opens(low):
        return None  # (what follows asks for a line that opens with one of them)
    phrase = _READ_ALSO_OPENS.opening(low) if words <= 30 else None
    if phrase is not None:
        # "Related: the two cases were heard together, ..." opens a sentence
        one_word = " " not in phrase
        # ("ဆက်စပ်ဖတ်ရှုရန် - …ကျဆင်းနေသနည်း?": a headline that asks)
        stops = _SENTENCE_END.search(text) and not _ASKS.search(text)
        if _LINK_COLON.match(low[len(phrase) :]) and not (one_word and stops):
            return "related link"
        if low[len(phrase) : len(phrase) + 2] == ". " and text[: len(phrase)].isupper():
            return "related link"  # "LIRE AUSSI. Travaux avenue Baudin : …", its label in capitals
        topic = _ABOUT_TOPIC.match(low, len(phrase)) if " " in phrase else None
        if topic is not None:
            # "Read more about streaming:" heads the links under it; "Read more about
            # streaming: Netflix raises prices again" is one ("Подробнее о том, что
            # произошло:" opens the article's list)
            rest = low[topic.end() + 1 :].strip()
            if not rest:
                return "related links"
            if not stops:
                return "related link"
        glued = UNSPACED.match(phrase[-1:]) and UNSPACED.match(low[len(phrase) : len(phrase) + 1])
        if glued and not stops:
            return "related link"  # "相关阅读临江冰雪季收官：…", the header glued to its link
    if words <= 20 and _READ_ALSO_BARE_OPENS.opening(low) and not _SENTENCE_END.search(text):
        return "related link"
    if (
        words <= 40
        and _FOLLOW_OPENS.opening(low)
        and not (_quote_mark(text) and _quotes_words(text))  # (the app's name may be quoted)
        and (_CHANNEL.search(low) or _APP.search(low))
        and not _reported(text)
    ):
        return "newsletter"
    if words <= 60 and _REPUBLISHED_OPENS.opening(low):
        return "credits"
    return None


def _pitch_with_a_channel(low: str, click: bool) -> bool:
    """ "Click here" with a channel or an app, or "get the app" with the news it offers
    ("Download the app and register" is a how-to in a story about an app; "Wil je het
    laatste nieuws? Download de NPO Nieuws-app" a pitch); `click`: the line has "click
    here" (`_CLICK_HERE_ANY`, looked for once by the caller). The cues are looked for first:
    the channels' long list on every line cost half a millisecond a page."""
    if not click and not _tells_to_get_the_app(low):
        return False
    # ("line" is LINE's name and an English word: it names no app here)
    return bool(_CHANNEL.search(low)) or any(m.group() != "line" for m in _APP.finditer(low))


def _credited(text: str, lowered: str, prose: bool) -> bool:
    """A credit's words in a caption or credit line (`lowered`: the line in lower case;
    `prose`: whether it is, `is_prose`): anywhere in a line that does not end as a sentence
    does ("Andrew Bailey at the bank. Photo: Toby Melville / Reuters"), but in prose only a
    credit that is never a sentence's words ("(AP Photo/Jane Doe)"): "the clip, filmed
    courtesy of a neighbour" and "a video by Abbie" are news."""
    if "/" in text[-CREDIT_AFTER_COLON:] and _PHOTO_SLASH.search(text, len(text) - SLASH_CREDIT):
        slash = _PHOTO_SLASH_END.search(text)
        if slash and not slash["name"][0].islower():
            return True
    if not prose:
        cue = _PHOTO_CREDIT_CUE.search(lowered)
        strong = cue and _PHOTO_CREDIT_STRONG.search(text)
        if strong or _credit_tail(text) or _file_photo_end(text):
            return True
        # (the credits that close a caption only after its sentence, their words looked for
        # first: "… í gærmorgun. Mynd: Jón Hallgrímsson", "… 정차해 있다. ⓒ 경남방송 DB")
        return ("ⓒ" in text or "Mynd" in text or "Fénykép" in text or "Argazkia" in text) and bool(
            _CREDIT_ALONE.search(text)
        )
    return _credit_alone(text)


def _file_photo_end(text: str) -> bool:
    """`_FILE_PHOTO_END` in a line's last characters, where its word for an archive is."""
    tail = text[-FILE_PHOTO_TAIL:].lower()
    cued = "рхив" in tail or "rchi" in tail or "архів" in tail or "rquiv" in tail
    return cued and bool(_FILE_PHOTO_END.search(tail))


FILE_PHOTO_TAIL = 60  # characters: a caption's closing credit of a file photo is within them
# A file photo's credit closing a caption: "Закрытый офис на улице Свободы. Фото из архива
# редакции." (searched where the line's end has "рхив", "rchi", "архів" or "rquiv").
_FILE_PHOTO_END = factored(
    r"[.!?]\s+(?:фото из архива|фото з архіву|photo from the archive|foto de archivo"
    r"|foto d['’]archivio|foto de arquivo|archivfoto|photo d['’]archives|zdjęcie archiwalne)\b"
    r"[^.!?]{0,30}\.?$",
    re.IGNORECASE,
)


def _credit_alone(text: str) -> bool:
    """`_CREDIT_ALONE` in a line, its words looked for first: each of its kinds has "Photo",
    "Getty", "©", or a colon within the line's last characters (the credit after the
    caption's sentence), and a paragraph of prose seldom has any; or capitals after a dash
    closing the caption ("… Pasay City. — BUSINESSDAILY PH FILE PHOTO"); or a file photo's
    credit closing it (`_file_photo_end`)."""
    closing = text[-CREDIT_AFTER_COLON:]
    cued = (
        "Photo" in text
        or "Getty" in text
        or "©" in text
        or "ⓒ" in text
        or ":" in closing
        or "៖" in closing
    )
    if cued and _CREDIT_ALONE.search(text):
        return True
    if _file_photo_end(text):
        return True
    if ":" in text[:12] and _CREDIT_FIRST.match(text):
        return (
            True  # "Picha: Maktaba / Walimu wakiwa kwenye mkutano …": the credit, then the caption
        )
    tail = text[-DASH_CREDIT:]
    return ("—" in tail or "–" in tail) and bool(_DASH_CREDIT.search(tail))


# A caption that opens with its credit's label and a name before a slash or a stop
_CREDIT_FIRST = factored(
    r"(?:Photo|Photos|Foto|Fotos|Picha|Фото|Снимка|Kuva|Bild|Imagen|Imagem|Immagine)\s?:\s?"
    r"[^\W\d_][^/.:]{0,40}(?:/|\.\s)"
)
# "… de l'Ajuntament. Foto: D.C.": after the colon a space, a letter and thirty characters
CREDIT_AFTER_COLON = 34
# "… at a mall in Pasay City. — BUSINESSDAILY PH FILE PHOTO": capitals after a dash
DASH_CREDIT = 60
_DASH_CREDIT = factored(r"[.!?]\s+[—–]\s*[A-Z][A-Z0-9 .&'/-]{2,50}$")


# What a caption ends with: an agency or photographer in capitals after its sentence
# ("... de Sevilla. EUROPA PRESS"), the site after a bar ("... mardi soir. | Le Courrier"), a
# credit in brackets ("（ロイター）", "(ΦΩΤ. ΑΡΧΕΙΟΥ: Σ. ΜΠΑΛΤΑΣ)", "(संग्रहित छायाचित्र)").
TAIL_WINDOW = 80  # characters: a caption's credit, the bar or the stop before it, a bracket
_TAIL_MARK = factored(r"[.!?|\-–—]")  # (what each of the tails of `_credit_tail` holds)
_CAPTION_TAIL = factored(r"(?:[.!?]\s+|\s\|\s+)(?P<tail>[^.!?|]{2,40})$")
_BRACKETED_TAIL = factored(r"[（(](?P<tail>[^()（）]{2,40})[)）]\s*$")
_AGENCY_IN_BRACKETS = factored(
    r"وكالة|للأنباء|خبرگزاری|\bnews agency\b|информационное агентство|інформаційне агентство",
    re.IGNORECASE,
)
_CREDIT_IN_BRACKETS = factored(
    r"ロイター|共同|時事|写真|撮影|提供|资料图|資料照|新华社|新華社|사진|연합뉴스|뉴시스|뉴스1"
    r"|\barchiv\w*|\bfile\b|\bfoto\b|\bphoto\b|छायाचित्र|फोटो|صورة|ارشيف|أرشيف|ארכיון|צילום"
    r"|ചിത്രം|ছবি|படம்|చిత్రం|ಚಿತ್ರ|फाइल|រូបថត|ඡායාරූප|فوٹو|画像|イメージ|資料圖|资料图片|^出典[:：]"
    r"|作成$"  # "（編集部作成）": who drew the chart
    r"|^supplied\s*[:：]"  # "(Supplied: Transport for NSW)": a picture the subject gave
    r"|zdjęci\w*|ilustracyjn\w*|ilustrativ\w*|illustrative|ilustrační|tasvir|資料より$"
    # "（2月18日、盛岡市）", "（11月、高瀬町）": when and where the photo was taken
    r"|^\d{1,2}(?:月\d{1,2})?日、|^\d{1,2}月、",
    re.IGNORECASE,
)


# A Japanese paper's caption says when and where after "＝": "…遠山高原鉄道の列車＝7日、飯田市の
# 遠山口駅", "…路線バス＝北山駅前で".
# After "＝" a day, a place or an agency ("大人＝500円" is a price list's line).
_JAPANESE_CAPTION = factored(
    r"[\u3040-\u30ff\u4e00-\u9fff）」]{4,}＝(?=[^＝。！？]{1,30}$)"
    r"[^＝。！？]{0,24}?(?:\d+日|[市町村区県都府駅港]|で$|から$|共同|ロイター|時事|撮影|提供|AP|AFP)"
)
# "(Erik Vaananen/CPB)": a photographer's name, two words or more, and the outlet after a
# slash ("(Berlin/Brandenburg)" names one place and another)
_NAME_SLASH_OUTLET = factored(
    r"[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,3} ?/ ?[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,2}$"
)
# Who took the picture, after the outlet's name and a colon: "(ABC News: Bruce MacKenzie)",
# "(Unsplash: Maxwell Aldridge)" ("(Source: Reuters Graphics)" names a source, not a person)
_OUTLET_COLON_NAME = factored(
    r"(?!(?:Source|Sources|Note|See|Via|Data|Chart|Update|Updated|Read|Watch|Listen|Video"
    r"|Audio|Warning|Correction)\s*:)"
    r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}: ?[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}$"
)
# Who stands where in the picture, in a caption: "（左）", "(right)", "(오른쪽)"
_LEFT_RIGHT = factored(
    r"[（(](?:左|右|中央|写真左|写真右|left|right|centre|center|from left|좌|우|왼쪽|오른쪽"
    r"|가운데)[）)]"
)
# A Korean caption's credit after its sentence: "… 역투하고 있다. 사진=부산 마린스"
_KOREAN_PHOTO_TAIL = factored(
    r"[.!?]\s*/?\s*(?:사진|사진 제공|자료사진|그래픽|영상)\s?=\s?\S[^.!?]{0,30}$"
)
# A photographer named after the caption's sentence, with no colon: "… маршруце. Фота
# Дзмітрыя Лабко", "… у центрі міста. Фото Олени Коваль"
_PHOTO_BY_END = factored(r"[.!?]\s+Фот[оа]\s+[А-ЯЁІЇЄЎ][\w’'-]+(?:\s+[А-ЯЁІЇЄЎ][\w’'-]+){0,2}$")
# A Korean caption's source after its sentence: "… 찍고 있다. 뉴스1 제공" ("provided by"),
# "… 서 있다. 스포츠한마당 자료사진" (a file photo), "… 살펴보고 있다. /대한경제신문 DB" (the
# paper's own archive)
_KOREAN_SOURCE_END = factored(
    r"[다요]\.\s+(?:/\s?)?[^\s.!?/]{2,20}(?:\s[^\s.!?/]{1,20})?(?<!에게)(?<![에을를께])"
    r"\s(?:제공|자료사진|DB)$|[다요]\.\s+자료사진$"
    r"|[다요]\.\s+[가-힣]{2,12}DB$"  # "… 읽고 있다. 서울경제신보DB": the outlet's archive, unspaced
)
# A Korean caption's photographer after its sentence and a slash
_SLASH_REPORTER = factored(r"[.!?]\s*/\s?[가-힣]{2,4}\s?(?:기자|특파원)$")
_ARCHIVE_TAIL = factored(
    r"\S\s+[-–—|]\s*(?:صورة )?(?:أرشيفية|ارشيفية|archive|archivo|archiv|arquivo|archivio|архив"
    r"|αρχείο|ארכיון|file photo|photo d'archives)\s*$",
    re.IGNORECASE,
)


def _credit_tail(text: str) -> bool:
    """A caption's line: a sentence and then its credit (a line that ends a sentence has
    none; `_credited` looks at lines that are not prose only)."""
    if "＝" in text and _JAPANESE_CAPTION.search(text):
        return True
    if "기자" in text and _SLASH_REPORTER.search(text):
        return True  # "… 살펴보고 있다. /윤지혜 기자"
    if "=" in text and _KOREAN_PHOTO_TAIL.search(text):
        return True
    if text.endswith(("제공", "자료사진", "DB")) and _KOREAN_SOURCE_END.search(text):
        return True
    if "Фот" in text and _PHOTO_BY_END.search(text):
        return True  # "Паштальён Тамара Жук на сваім маршруце. Фота Дзмітрыя Лабко"
    # (each of these ends the line within its last TAIL_WINDOW characters: searching those is
    # enough, and a copied page's lines are many)
    end = max(0, len(text) - TAIL_WINDOW)
    # (the four tails below open with a stop, a bar or a dash: a line without one there, most
    # short lines, is not searched four times)
    if _TAIL_MARK.search(text, end):
        tail = _CAPTION_TAIL.search(text, end)
        if tail and "|" in text[: tail.start("tail")] and _LETTERS.search(text, 0, tail.start()):
            return True  # "<caption>. | <site>" ("03.06.25 | 08:14" is a comment's stamp)
        if tail and _is_capitals(tail["tail"]):
            return True
        if _ARCHIVE_TAIL.search(text, end):
            return True  # "ضبط دقيق مدعم - أرشيفية"
        if _COURTESY_TAIL.search(text, end):
            return True  # "… podrán verse en la exposición. Cortesía Fundación Archivo Gráfico"
        if _DASH_CREDIT.search(text, end):
            return True  # "… in Pasay City. — BUSINESSDAILY PH FILE PHOTO"
    bracket = _BRACKETED_TAIL.search(text, end) if text.rstrip().endswith((")", "）")) else None
    if bracket and bracket.start() > 0:
        inner = bracket["tail"]
        return (
            (_is_capitals(inner) and _captioned(text[: bracket.start()]))
            or bool(_CREDIT_IN_BRACKETS.search(inner))
            or bool(_NAME_SLASH_OUTLET.match(inner))
            # an agency named as one after the caption's sentence: "… بديرة. (وكالة الخليج
            # للأنباء)" ("… reported by KCNA (Korean Central News Agency)" names a source)
            or (
                _AGENCY_IN_BRACKETS.search(inner) is not None
                and text[: bracket.start()].rstrip().endswith((".", "!", "?", "。", "۔"))
            )
            or (
                _OUTLET_COLON_NAME.match(inner) is not None
                and text[: bracket.start()].rstrip().endswith((".", "!", "?"))
                and count_words(text[: bracket.start()]) >= CAPTIONED
            )  # (after the caption's sentence: "Kooyong (Independent: Monique Ryan)" is a seat's)
        )
    return False


# A credit that thanks its source, after the caption's sentence and to the line's end.
_COURTESY_TAIL = factored(
    r"[.!?]\s+(?:(?:por )?cortesía(?: de)?|courtesy(?: of)?|cortesia(?: de| di)?|gentileza(?: de)?"
    r"|cedida por|foto cedida(?: por)?|imagen cedida(?: por)?|avec l'aimable autorisation de"
    r"|mit freundlicher genehmigung(?: von)?)\s+(?-i:[A-Z\u00c0-\u00de])[^.!?]{1,70}$",
    re.IGNORECASE,
)
CAPTIONED = 4  # words before a credit in capitals in brackets: a caption's sentence
_CAPITALS_IN_BRACKETS = factored(r"[（(][^\W\d_a-z]{2,}[)）]")


def _captioned(before: str) -> bool:
    """What stands before a credit in capitals in brackets is a caption: a sentence's words,
    and no other capitals in brackets ("Cartão vermelho: Patrick (COM)", "Diego Martins
    (ATS); Patrick (COM)" name a side, as "(R-Texas)" names a party)."""
    return count_words(before) >= CAPTIONED and not _CAPITALS_IN_BRACKETS.search(before)


def _is_capitals(text: str) -> bool:
    """Letters in capitals only, two or more of them, in at most four words (every letter a
    capital: "専用GPUサーバ" has one kind of letter that has no capitals)."""
    letters = _LETTERS.findall(text)
    return (
        sum(len(w) for w in letters) >= 2
        and len(text.split()) <= 4
        and all(c.isupper() for w in letters for c in w)
        and not _DIGIT.search(text)  # "Cililitan (2 RT)": a count, in a list's item
    )


_BRACKETED_ITEMS = factored(r"\[\s*([^\[\]]+?)\s*\]")
_ROW_GAP = factored(r"\s{2,}|\s[|·•]\s")
# Characters one of `_ROW_GAP`'s gaps has but two spaces: a space of another kind, a bar
_GAP_MARKS = frozenset(_SPACES.replace(" ", "") + "|·•")


# A share bar's label and its colon, its channels' names after it
_SHARE_LABEL = factored(
    r"(分享到?|シェア(?:する)?|share(?: this(?: article| story)?)?|teilen|partager|compartir"
    r"|compartilhar|condividi|поделиться|поділитися|공유(?:하기)?)\s*[:：]\s*"
    r"[^\s.!?。:：]+(?:\s+[^\s.!?。:：]+){1,5}\s*$"
)
SHARE_LABEL_ROW = 10  # words: the label and a few channels


# The channels a share bar names
_SHARE_CHANNELS = frozenset(
    """facebook x twitter line whatsapp telegram email e-mail mail linkedin pinterest reddit
    threads bluesky viber vk вконтакте вк одноклассники ok messenger sms copy link kakao
    카카오톡 카카오스토리 밴드 네이버 페이스북 트위터 링크복사 微信 微博 qq qq空间 朋友圈 微信朋友圈
    复制链接 複製連結 复制 複製 链接 連結 はてブ はてなブックマーク pocket urlをコピー
    リンクをコピー 印刷 print | · /""".split()
)


def _shared_to(text: str, low: str) -> bool:
    """A share bar's label and the channels it names ("分享：微信 微博 复制链接", "Share:
    Facebook X Email"), each a channel's or a button's word: "Share: Democrats Republicans"
    says something."""
    found = _SHARE_LABEL.match(low)
    if found is None:
        return False
    words = low[found.end(1) :].strip(" :：").split()
    return all(w in _SHARE_CHANNELS or w in _UI_WORDS for w in words)


# A share bar's label with no colon after it, opening a row of its buttons and their counters
_SHARE_ROW_LABEL = factored(
    r"^(?:(?:この)?記事を)?(?:シェア|共有)(?:する)?(?=\s)"
    r"|^share(?: this(?: article| story| page)?)?(?=\s)"
    r"|^(?:分享到?|分享本文|공유하기|поделиться|поділитися|teilen|partager|compartir|condividi)(?=\s)"
)
_SHARE_COUNT = factored(r"^\d[\d,.]*(?:[kKmM万萬]|\s?mil)?$")
SHARE_ROW = 16  # words: a label and a few channels, each with its count


def _shared_counted(lowered: str) -> bool:
    """A share bar copied as one line, its label first and its buttons' counts between
    them ("この記事をシェア Xでポスト 128 Facebook 46 LINEで送る はてブ 12", "Share 1.2K
    Facebook 310 X 85"): every item after the label a channel, a button's word or a count,
    two channels at least ("Share 12 Democrats" says something). (`lowered`: not folded,
    "で" keeps its mark.)"""
    found = _SHARE_ROW_LABEL.match(lowered)
    if found is None:
        return False
    channels = 0
    for item in lowered[found.end() :].split():
        if item in _SHARE_CHANNELS or _JA_SHARE.match(item) or _JA_SHARE.match(item.upper()):
            channels += 1
        elif not (item in _UI_WORDS or _SHARE_COUNT.match(item)):
            return False
    return channels >= 2


def _is_share_row(text: str) -> bool:
    """A share bar or a footer copied as one line: three or more items set apart by wide
    gaps or bars, each of at most three words, half of them an interface word at least."""
    stripped = text.strip()
    bracketed = _BRACKETED_ITEMS.findall(stripped) if "[" in stripped else []
    if len(bracketed) >= 3 and not _BRACKETED_ITEMS.sub("", stripped).strip():
        # "[ Tisk ] [ Poslat e-mailem ] [ Diskuze (2) ] [ Zpět ]": buttons, in any language
        return all(len(item.split()) <= 3 for item in bracketed)
    if "  " not in stripped and _GAP_MARKS.isdisjoint(stripped):
        return False  # (no gap that `_ROW_GAP` finds: the row's pattern is not tried)
    items = [item for item in _ROW_GAP.split(stripped) if item]
    if len(items) < 3 or _SENTENCE_END.search(text):
        return False
    if any(len(item.split()) > 3 for item in items):
        return False
    ui = sum(1 for item in items if any(w in _UI_WORDS for w in _LETTERS.findall(item.lower())))
    return ui * 2 >= len(items)


NEWSLETTER_PITCH = 40  # words: a newsletter box's pitch of two sentences
# "A newsletter, a photo wall and a waiting list": things listed, a subheading's shape
_LABELLED_LINE = factored(r"[^\W\d_][^:：]{0,30}[:：]\s+\S+(?:\s+\S+){2}")
_LISTED = factored(r"\w,\s+\w[^,]*\s(?:and|und|et|y|e|i|и|і|og|och|en)\s")

# An appeal in other languages: the reader told to support or fund the newsroom, in the
# imperative ("Підтримайте незалежну місцеву журналістику!", "Soutenez notre rédaction"),
# with what is to be supported or given.
_APPEAL_ASK = factored(
    _fold(
        r"підтримайте|поддержите|задонатьте|unterstützen sie|soutenez|faites un don|apóyanos"
        r"|apoya (?:a|el|nuestro)|haz una donación|sostieni|fai una donazione|apoie|faça uma doação"
        r"|wesprzyj|podpořte|podporte|podprite|támogass|ادعمونا|ادعمنا|تبرعوا|תמכו|աջակցեք|支持我们|支持我們"
        r"|падтрымайце"
        r"|후원해 ?주세요|후원해 ?주십시오|정기 ?후원에 참여|후원에 참여해|تحتاج (?:إلى )?دعمك"
        r"|fes-te['’]?n? (?:subscriptor|soci)|dona suport"
        r"|станьте (?:нашим )?(?:патроном|донором|меценатом)|станьте нашим другом"
        r"|steun (?:onze|de) redactie|wil je ons steunen|सहयोग गर्नुहोस्[।.!]"
    ).lower()
)
_APPEAL_FOR = factored(
    _fold(
        r"журналіст|редакці|видання|журналист|редакци|издани|journalis|rédaction|redaktion"
        r"|redacción|redazione|redação|redakc|صحاف|עיתונ|լրագր|新闻|新聞|donat|донат|spende"
        r"|\bdon\b|donación|donazione|doação|darowizn|adomány|dar\b|기사|저널리즘|언론"
        r"|periodis|subscriptors|újságír|dziennikar|novinář|novinár|novinarstv|nase delo"
        r"|незалежн|независим|гривень на місяць|рублей в месяц|havi [\d .]+ ?forint|fuggetlen"
        r"|руб\w*\.? у месяц|рэдакцы|ամսական [\d ]+ դրամ|पत्रकारिता"
    ).lower()
)


def _is_appeal_elsewhere(low: str, text: str) -> bool:
    """An appeal for the newsroom in a language other than English: the imperative to
    support it and what for, outside quotation marks ("«Підтримайте нас», — сказав мер" is
    news)."""
    ask = _APPEAL_ASK.search(low)
    if ask is None or not _APPEAL_FOR.search(low) or _reported(text):
        return False
    # (the outlet's name in quotation marks is no quotation: "падтрымайце «Наддзвінне»"; the
    # ask inside them is, "Мер звернувся до мешканців: «Підтримайте незалежні медіа».")
    return not _quote_mark(text) or not (_within_quotes(low, ask.start()) or _quotes_words(text))


# "নিজস্ব সংবাদদাতা", "निज संवाददाता": the paper's own correspondent, unnamed.
_OWN_CORRESPONDENT = factored(
    r"^(?:নিজস্ব সংবাদদাতা|নিজস্ব প্রতিবেদক|স্টাফ রিপোর্টার|निज संवाददाता|हमारे संवाददाता"
    r"|स्टाफ रिपोर्टर)[,，]?(?:\s\S+)?$"
)

# The patterns `_line_reason` matches from a line's start, joined by the string each is tried
# on (`any_opening`): a line that opens as none of a group does skips the group's rules at the
# cost of one call (these were two in five of a short line's calls, on nearly every line).
_OPENS_LOW = any_opening(
    _MASTHEAD, _STATEMENT, _SOURCES, _TIP, _ADVERTISE_WITH, _GET_APP_LINE, _NOTIFY_ASK,
    _WE_AND_PARTNERS, _RELATED_LINK, _RELATED_LINK_BARE, _TAGS, _TAGS_BARE, _ERROR_REPORT,
    _RECEIVE, _LISTEN, _READ_COUNT,
)  # fmt: skip
_OPENS_TEXT = any_opening(
    _BYLINE, _CREDITS_OTHER, _REPORTER, _REPORTER_MORE, _BRACKETED_BYLINE, _BRACKETED_NAME,
    _KOREAN_TIP_WAY, _HASHTAGS, _APPEAL_HEADER, _RELATED_LINK_WEAK,
)  # fmt: skip
# (not the long lists of a bio's and an update note's openings: joined, they cost as much)
_OPENS_STRIPPED = any_opening(
    _CHINESE_REPORTER, _FONT_SIZE, _BEAT, _SPONSORED_BY, _POSTAL_IMPRINT, _VIEWS,
    _OWN_CORRESPONDENT, _GALLERY_LINK,
)  # fmt: skip
_OPENS_FOLDED = any_opening(_SOURCE_LINE, _PITCH, _FOLLOW, _COMMENTS, _RELATED_HEADER)


def _paywall_words(low: str) -> set[str]:
    """The paywall's words (`_PAYWALL`) in a line folded and in lower case."""
    return set(_PAYWALL.findall(low)) if _PAYWALL.search(low) else set()


def _priced_offer(text: str, low: str, paywall: set[str]) -> bool:
    """A line with a price for a period (`_PER_PERIOD`, found by the caller) that offers a
    subscription: two of a paywall's words ("1 € le premier mois, puis 9,99 €/mois sans
    engagement"), or one said to the reader ("… στη συνέχεια 6,90€ τον μήνα. Ακυρώστε όποτε
    θέλετε."), or a subscription the outlet asks the reader for in its own name ("Με μια
    συνδρομή 4,99 ευρώ τον μήνα … στηρίζετε τα ρεπορτάζ μας"). A story's price for a month,
    "Subscribers will pay $2 a month", says it to no one; the caller leaves out quotations."""
    if len(paywall) >= 2:
        return True
    if not _TO_READER.search(text):
        return False
    return bool(paywall) or (_SUBSCRIPTION.search(low) is not None and _OUR.search(low) is not None)


def _is_appeal_prose(text: str) -> bool:
    """Prose that addresses the reader and asks for support (the caller looks for quotation
    marks first: a quoted plea belongs to a story)."""
    if not _ADDRESS.search(text):  # (the shorter list first)
        return False
    return len({m.lower() for m in _ASK.findall(text)}) >= 2


_PLAYER_TIME = factored(r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")


def _stamp_worded(text: str) -> bool:
    return bool(_STAMP_WORDS.search(text) or _OTHER_STAMP_WORDS.search(text))


_LABELLED_ITEM = factored(r"^[・•▪◦●○■□▽▼◆◇]\s*[^\W\d_]")


def _is_dateline_only(text: str, digits: bool) -> bool:
    """A line that is a date or time with at most a section name around it (`digits`:
    whether the line has one)."""
    stripped = text.strip()
    if _RELATIVE_TIME.match(stripped):
        return True
    if not digits:
        return False  # every date and time below has a digit
    rest, dates = DATE.subn(" ", stripped)
    rest, times = TIME.subn(" ", rest)
    if times == 1 and not dates and _TWO_DIGIT_YEAR_DATE.fullmatch(rest):
        return True  # "26.05.25 | 16:02": a date with its year's last two digits, and a time
    # (looked for where they can be: a year's four digits or 月 for a date, "h", 時 or a
    # word before the time for a time; searched on every line of digits, they cost 5%)
    other_dates = other_times = 0
    if _DATE_CUE.search(rest):
        rest, other_dates = _OTHER_DATE.subn(" ", rest)
    if "h" in rest or "時" in rest or _TIME_WORD_CUE.search(rest):
        rest, other_times = _OTHER_TIME.subn(" ", rest)
    if times + other_times < 3 and "." in rest:
        other_times += len(_DOT_TIME.findall(rest))  # "16.05 / 16.35 / 17.05 / 17.35 Uhr"
    if rest == stripped and times + other_times < 2 and not _SHORT_DATE.search(stripped):
        return False  # (no date and no time: every way below ends so; most lines of digits)
    if _FROM_DATE.search(stripped) or _LABELLED_ITEM.match(stripped):
        # "■新料金（6月1日より）": a date things start from is the article's; so is a list's
        # item with its label ("・始発　６時１０分")
        return False
    if _TIME_RANGE.search(stripped) or _TABLE_ROW.match(stripped) or _TIME_FIRST.match(stripped):
        return False  # "Черга 1.1: 17:00–21:00", "| Утренний | 7:30 | 9:10 |": a timetable's
    if times + other_times >= 3 or dates + other_dates >= 3:
        # "▽平岡方面：7時05分、13時15分、17時05分": departures;
        # "1月8日：可訂1月22日至1月25日車票": a booking calendar's line
        return False
    if (
        not dates + other_dates
        and "分" in stripped
        and _CJK_CLOCK.search(stripped)
        and _LETTERS.search(_CJK_CLOCK.sub("", stripped))
        and not _DAY_OF_MONTH.search(stripped)
        and not _stamp_worded(stripped)
    ):
        # "始発 5時48分（変更なし）": a departure under its label (a header's "時…分" is dated,
        # or alone)
        return False
    if (
        not dates + other_dates
        and (":" in stripped or "：" in stripped)
        and _LABELLED_CLOCK.match(stripped)
        and not _stamp_worded(stripped)
    ):
        return False  # "Асистенције: 18:12": a figure under its label (a header's time is dated)
    if times + other_times >= 2 and not dates + other_dates and not _stamp_worded(stripped):
        # "端野線 6時38分、7時20分": two departures (a header's two times are dated); "00:00 /
        # 03:12" is a player's
        return bool(_PLAYER_TIME.match(stripped))
    if rest != stripped:
        rest = _DOT_TIME.sub(" ", rest)  # "Wed 9 Apr 2025 07.00 BST"
        rest = _MINUTE_READ.sub(" ", rest)  # "… Last updated Mar 05, 2024 • 3 minute read"
    if rest == stripped:
        rest = _SHORT_DATE.sub(" ", stripped)
        if rest == stripped or count_words(rest) > 1:
            return False
    if _STAMP_SEPARATOR.search(rest):
        # "Published Aug 13, 2024 • Last updated 3 hours ago • 3 minute read": a relative
        # time between the header's separators
        rest = "".join(
            " " if _header_part(part.strip()) else part for part in _STAMP_SEPARATOR.split(rest)
        )
    rest = _STAMP_WORDS.sub(" ", _RELATIVE_TIME.sub(" ", rest))
    rest = _WEEKDAYS.sub(" ", _OTHER_STAMP_WORDS.sub(" ", rest))
    if len(rest.strip()) > SECTION_CHARS and UNSPACED.search(rest):
        return False  # a Thai sentence about a date is a few "words" to `count_words`
    # What is left is a section's name ("Business & Economy"), capitalised (or in a script
    # without case); "16:25 to Swansea" and "9:40 — со всеми остановками;" are a
    # timetable's lines.
    capitalised = all(not w[0].islower() or w in _STAMP_JOINERS for w in _LETTERS.findall(rest))
    # A number left over labels a timetable's line ("Linie 1: Abfahrt 17:55", "Gate 4 10:30").
    numbered = bool(_DIGIT.search(rest))
    left = count_words(rest)
    return (
        left <= 4
        and capitalised
        and not numbered
        # ("… 12:47 p. m." ends with the time's stop, not a sentence's)
        and not (_SENTENCE_END.search(stripped) and not _AM_PM_END.search(stripped))
        # "- 8:00 互联网、手机App": a list's item, a time and what opens at it
        and not (left and stripped[:2] in _LIST_BULLETS)
    )


_LIST_BULLETS = frozenset(("- ", "• ", "* ", "· ", "– "))
_STAMP_SEPARATOR = factored(r"(\s[•·|]\s)")


def _header_part(part: str) -> bool:
    """A part of a header's line between its separators that is no section's name: a
    relative time, a byline ("di Chiara Bellandi · 6 marzo 2025 · Lettura 4 min"), a
    reading time."""
    if _RELATIVE_TIME.match(part) or _BYLINE.match(part):
        return True
    return (
        count_words(part) <= READING_TIME
        and _MINUTES.search(part) is not None
        and _READING.search(part) is not None
    )


_AM_PM_END = factored(r"\d\s?[ap]\.\s?m\.$", re.IGNORECASE)


_DIGIT = factored(r"\d")
_LABELLED_CLOCK = factored(r"[^\W\d_][^:：\d]{0,30}[:：]\s*\d{1,2}:\d{2}$")
_CJK_CLOCK = factored(r"\d[時时]\d{1,2}分")
_DAY_OF_MONTH = factored(r"\d[日号號]")
_MINUTE_READ = factored(r"\b\d{1,2}\s?(?:min(?:ute)?s?)\.?\s+read\b", re.IGNORECASE)
_FROM_DATE = factored(r"\d日(?:より|から|以降|起|まで|迄)|\d일(?:부터|까지)")  # (or until)
SECTION_CHARS = 16  # a section's name beside a date, in a script written without spaces
_TABLE_ROW = factored(r"^\|.*\|$")  # a row of a table, as the HTML's text gives it
# "08:00 – Aqua Blue: Αίγινα": a departure, the time first and what leaves after a dash.
_TIME_FIRST = factored(r"^\d{1,2}[:.]\d{2}\s*[–—-]\s*\S+\s+\S")
_DOT_TIME = factored(r"\b\d{1,2}\.\d{2}\b(?:\s*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T|BST|MSK))?")
STAMP_LINE = 24  # words: a header's line of date, time, place, source and author


def _is_stamp_line(p: Paragraph) -> bool:
    """A line that gives a date (or says "updated") and a time, with what a page's header
    puts beside them: "Madrid 11/02/2025 - 12:47h. Actualizado: 11/02/2025 - 13:30h.",
    "2025-06-18 08:30 来源：钱塘日报 作者：记者 陈思远", "เผยแพร่ 15 ก.ย. 2568 08:45 น."."""
    text = p.text
    if p.words > STAMP_LINE or "\n" in text or _TABLE_ROW.match(text):
        return False
    if not _DIGIT.search(text):
        return False  # every time has a digit
    if _unstopped_prose(text):
        # a sentence of Lao or Thai, few "words" to `count_words`: "ກະຊວງອຸດສາຫະກຳ … ນັບແຕ່
        # ເວລາ 00:01 ໂມງ ຂອງວັນທີ 15 ພຶດສະພາ 2024 …" is a lede that tells a date and time
        return False
    timed = TIME.search(text) or _OTHER_TIME.search(text) or _HOUR_H.search(text)
    if not timed:
        return False
    dated = DATE.search(text) or _OTHER_DATE.search(text) or _THAI_DATE.search(text)
    return bool(dated) or _stamp_worded(text)


def _apply_header(
    paras: Sequence[Paragraph], reasons: list[str | None], stamped: set[int], body_start: int
) -> None:
    """Above the article's first paragraph of prose: the lines that stamp it (date and time
    with the place, source or author beside them) and a byline that is only a name, next to
    such a line ("Lucía Martín Arrieta" over "Madrid 11/02/2025 - 12:47h."). The same line in
    the body is news ("At 18:20 on 02.06.2025 the first train left"), and is left."""
    for k in sorted(stamped):
        if k < body_start:
            reasons[k] = "timestamp"
    for k in range(min(body_start, len(paras))):
        if reasons[k] is not None or not _is_bare_name(paras[k].text):
            continue
        beside = [reasons[j] for j in (k - 1, k + 1) if 0 <= j < len(paras)]
        if "timestamp" in beside:
            reasons[k] = "credits"


_NAME_WORD = factored(r"^[^\W\d_][\w.'’-]*$")


def _is_bare_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: a person's name in a byline. Only in
    scripts with capitals: elsewhere nothing tells a name from a short headline."""
    words = text.split()
    if not 2 <= len(words) <= 4 or _SENTENCE_END.search(text):
        return False
    small = {"de", "da", "do", "dos", "del", "van", "von", "der", "di", "la", "le", "bin", "al"}
    return (
        all(
            w in small or (_NAME_WORD.match(w) and w[0].isupper() and not w.isupper())
            for w in words
        )
        and words[0] not in small
    )


ONE_LINK = 25  # words: the headline under a "Read also:" line
ONE_LINK_MIN = 5  # words: shorter is a subheading
ONE_LINK_LINES = 5  # headlines under one "Read also" line at most
_BULLET = factored(r"^[*•·▪►▶■●◆-]\s")


def _opens_its_block(paras: Sequence[Paragraph], text: str, k: int) -> bool:
    """Line k stands after a blank line, with a paragraph of prose right under it, no blank
    line between: a copied page's subheading over its paragraph (a box's links are set apart
    from the article by blank lines)."""
    return (
        0 < k < len(paras) - 1
        and "\n\n" in text[paras[k - 1].end : paras[k].start]
        and "\n\n" not in text[paras[k].end : paras[k + 1].start]
        and is_prose(paras[k + 1])
    )


def _heads_its_lines(paras: Sequence[Paragraph], text: str, k: int) -> bool:
    """Line k opens a block of lines apart from the line above it (a blank line between) and
    the block goes on under it: a subheading over its list, where a box's next link would
    stand in the box's block or in one of its own."""
    return (
        1 < k < len(paras) - 1
        and "\n\n" in text[paras[k - 1].end : paras[k].start]
        and "\n\n" not in text[paras[k].end : paras[k + 1].start]
        and "\n\n" not in text[paras[k - 2].end : paras[k - 1].start]
    )


def _apply_one_links(paras: Sequence[Paragraph], reasons: list[str | None], page: str) -> None:
    """A "Read also:" line alone introduces a link or a few: the headlines on the lines under
    it (no sentence, ONE_LINK_MIN words at least, at most ONE_LINK_LINES of them, all with the
    bullet of the first or none). A subheading ("Split – Stari Grad", "Πόσο κοστίζουν τα
    εισιτήρια"), a list's opening ("The main changes are:") or a paragraph ends them: the
    article goes on, as it does under a box."""
    for i, p in enumerate(paras[:-1]):
        if reasons[i] != "related link" or not _is_one_link_header(p.text):
            continue
        bullet = None
        links = 0
        for k in range(i + 1, len(paras)):
            if links >= ONE_LINK_LINES:
                break
            if reasons[k] == "symbols" and len(paras[k].text) <= 2:
                continue  # a bullet on its own line ("・"), as a table's page gives it
            links += 1
            if reasons[k] == "related link":
                continue  # a link already known as one ("【動画】…"): the box goes on
            nxt = paras[k]
            text = nxt.text.strip()
            headline = (
                ONE_LINK_MIN <= nxt.words <= ONE_LINK
                and (not _ends_sentence(nxt) or _asks_as_headline(nxt))  # (one that asks)
                and not ends_with_lead_in(text)
            )
            mark = _BULLET.match(text)
            if bullet is None:
                bullet = mark.group() if mark else ""
            same_bullet = (mark.group() if mark else "") == bullet
            if reasons[k] is not None or not headline or not same_bullet:
                break
            if links > 1 and _WHOLE_QUOTATION.match(text):
                break  # "「終電が早くなると、…」" under the link: a speaker, the article going on
            if links > 1 and _opens_its_block(paras, page, k) and reasons[k + 1] is None:
                break  # "配達網の維持、限界に", its paragraph right under it: a subheading
            if links > 1 and _heads_its_lines(paras, page, k) and reasons[k + 1] is None:
                break  # "Колку чини ден на плажа", then its list in the same block
            if links > 1 and _figure_rows_from(paras, reasons, k):
                break  # "प्रमुख रुटको एकतर्फी भाडा" over its fares: the article's table

            reasons[k] = "related link"


# A paragraph that is a quotation and nothing else: "「終電が早くなると、…乗れなくなる」".
_WHOLE_QUOTATION = factored(r"^[「『“\"«„][^「『“\"«„」』”\"»]+[」』”\"»“]$")
# Chrome whose sentence a link may break: "…記事の二次利用をご希望の方は、", "写真販売のページ" (the
# link), "をご覧の上、…お問い合わせください。"
_CONTINUED = frozenset({"credits", "paywall", "cookie notice", "newsletter", "appeal"})
CONTINUED_LINES = 3  # lines the rest of a broken sentence runs over at most
CONTINUED_LINE = 25  # words of each
_OPEN_COMMA = factored(r"[,、，]\s*$")


def _apply_continued(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A notice or a pitch that ends with a comma goes on in the lines under it (a link's
    words, then the rest of its sentence, as a copied page or a table's text gives them):
    those lines, up to the one that ends the sentence, are the notice's too."""
    for i, p in enumerate(paras[:-1]):
        if reasons[i] not in _CONTINUED or not _OPEN_COMMA.search(p.text):
            continue
        rest = range(i + 1, min(len(paras), i + 1 + CONTINUED_LINES))
        for k in rest:
            if reasons[k] is not None or paras[k].words > CONTINUED_LINE:
                break
            if _ends_sentence(paras[k]):
                for m in range(i + 1, k + 1):
                    reasons[m] = reasons[i]
                break


AUTHOR_BOX_LINES = 4  # the writer's name, desk, picture's label, then one paragraph of bio
AUTHOR_BIO = 60  # words


def _apply_author_box(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A box about the writer ("この記事を書いた人", "About the author"): its short lines (the
    name, the desk) and the one paragraph of bio under them are the box's; chrome or a second
    paragraph ends it."""
    for i, p in enumerate(paras[:-1]):
        if reasons[i] is None or p.words > SITE_PHRASE:
            continue
        if _phrase_key(p.text) not in _AUTHOR_BOX_KEYS:
            continue
        for k in range(i + 1, min(len(paras), i + 1 + AUTHOR_BOX_LINES)):
            if reasons[k] is not None or paras[k].words > AUTHOR_BIO:
                break
            reasons[k] = "credits"
            if is_prose(paras[k]):
                break  # (the bio: one paragraph)


def _is_one_link_header(text: str) -> bool:
    return _phrase_key(text) in _ONE_LINK_KEYS


# A verb of saying, or "according to", anywhere in a paragraph: "Barb Kowalczyk, who runs a
# seniors' walking group, said many of her members still clip the schedule out of the
# newsletter" reports someone, as a box's pitch never does.
_REPORTING = factored(
    r"\b(?:said|says|told|according to|sagte|sagt|erklärte|a déclaré|a dit|selon|dijo|según"
    r"|afirmó|disse|segundo|afirmou|ha detto|secondo|zei|volgens|sade|enligt|sagde|ifølge"
    r"|mukaan|powiedział|powiedziała|według|сказал|сказала|заявил|заявила|по словам|сказав"
    r"|сказала|заявив|за словами|утверждают|признали|сообщили|заявили|пишут)\b"
)


def _apply_blocks(
    paras: Sequence[Paragraph], reasons: list[str | None], body_start: int, text: str
) -> None:
    """Extend a recognised block header over the paragraphs that belong to it.

    A link-list header above the first paragraph of prose marks only itself: it sits in the
    page header, where the next short line is more likely the headline than a link.
    """
    members: set[int] = set()  # a block's members do not extend it again
    for i in range(len(paras)):
        reason = reasons[i]
        belongs = _BLOCK_MEMBERS.get(reason or "")
        if belongs is None or i in members:
            continue
        if reason == "appeal":
            _extend_back(paras, reasons, i)
        if i < body_start and reason == "related links":
            continue
        if reason == "newsletter" and _newsletter_subheading(paras, reasons, i):
            reasons[i] = None  # "Newsletter continua gratuita" in a story about newsletters
            continue
        if (
            reason == "newsletter"
            and i > 0
            and reasons[i - 1] is None
            and _newsletter_title(paras[i - 1])
        ):
            reasons[i - 1] = reason  # "Get our afternoon news briefing", over its pitch
        j = i + 1
        # a box whose links are a time, then a teaser ("Read next", "00:55", "Ukraine is set
        # to ..."); in others a date closes each link
        stamps_lead = i + 1 < len(paras) and reasons[i + 1] == "timestamp"
        while j < len(paras):
            other = reasons[j]
            if reason == "key points":
                gap = text[paras[j - 1].end : paras[j].start]
                if (
                    other is not None
                    or j - i > KEY_POINTS
                    or not _key_point(paras, reasons, j, gap)
                ):
                    break  # the box is short, its lines together; the article begins under it
                reasons[j] = reason
                members.add(j)
                j += 1
                continue
            if (
                reason == "related links"
                and not stamps_lead
                and j - 1 > i + 1
                and j - 1 in members
                and other is None
                and is_prose(paras[j])
                and (
                    (paras[j - 1].words <= MENU_ITEM and _article_goes_on(paras, reasons, j))
                    or (_is_short(paras[j - 1]) and _bullet_dropped(paras, i + 1, j - 1))
                )
            ):
                # "À lire aussi", a link, "Les aînés épargnés", then paragraphs of prose (an
                # author's name and bio, or a comment, have chrome right under them): a box
                # without times has ended, and its last line was the article's subheading (or
                # the box's links had a bullet and the line over the prose has none: "関連記事",
                # "・クマ出没警報、…", "・ブナの実「凶作」…", "今年は出没が急増", then prose)
                reasons[j - 1] = None
                break
            if (
                reason == "newsletter"
                and other is None
                and j - 1 > i
                and reasons[j - 1] == "navigation"
                and _article_goes_on(paras, reasons, j)
            ):
                break  # the box's button closed it ("Подписаться"): the article goes on under it
            if (
                reason == "newsletter"
                and other is None
                and paras[j].words >= ARTICLE_PARAGRAPH
                and is_prose(paras[j])
                and not _TO_READER.search(paras[j].text)
                and not _OUR.search(_fold(paras[j].text).lower())
                and (
                    _quotes_words(paras[j].text)
                    or _reported(paras[j].text)
                    or _FIGURE_CITED.search(paras[j].text) is not None
                    or _REPORTING.search(paras[j].text) is not None
                )
            ):
                # a paragraph of reporting under the box, that names a subscription but speaks
                # to no reader and quotes or reports someone ("Отдельная история — мобильное
                # приложение «…» … Премиум-подписка без рекламы стоит 99 рублей в месяц, …
                # пообещал «подумать»"): the article's (a box's own words quote no one)
                break
            if (
                reason == "newsletter"
                and other is None
                and paras[j].text.rstrip().endswith(("?", "？"))
                and _article_goes_on(paras, reasons, j + 1)
            ):
                break  # "Отменить подписку — за два клика?" over prose: the article's subheading
            if (
                reason in ("related links", "newsletter")
                and _prose_resumes(paras, reasons, j)
                and not (reason == "newsletter" and _OFFER_TERMS.search(paras[j].text.lower()))
            ):
                # two paragraphs of prose in a row: the article goes on after the box (a story
                # about newsletters names them in every paragraph)
                break
            if reason == "related links" and other is None and _figure_rows_from(paras, reasons, j):
                # "আরও পড়ুন", its link, then "বোর্ডভিত্তিক পাসের হার" over "ঢাকা বোর্ড: ৭৯.২১
                # শতাংশ" and more such rows: the article's table, its title over it, no headlines
                break
            if (
                reason == "related links"
                and not stamps_lead
                and j - 1 > i + 1
                and reasons[j - 1] == "timestamp"
                and other is None
                and _ends_sentence(paras[j])
                and paras[j].words >= ARTICLE_PARAGRAPH
            ):
                break  # "আরও পড়ুন", a headline, "১৭ জুন ২০২৪": the article goes on under the date
            if other is None and (
                belongs(paras[j], paras[j - 1], reasons[j - 1])
                or (reason == "related links" and _asking_link(paras, reasons, j))
            ):
                reasons[j] = reason
                members.add(j)
            elif other is None or (other != reason and other in _BLOCK_MEMBERS):
                if _results_under(paras, reasons, j) and j - 1 in members and j - 1 > i + 1:
                    reasons[j - 1] = None  # "■ 21일 전적" over the day's results: the article's
                break  # body resumes, or another block starts here and extends itself
            elif (
                reason == "related links" and other == "navigation" and _is_ad_label(paras[j].text)
            ):
                break  # an ad between: the box has ended, the article goes on under the ad
            j += 1


_HEADING_MARKS = frozenset("■□◆◇●○▲△▼▽★☆")  # (what opens a subheading, not a link)
_BULLET_MARKS = frozenset(_BULLETS.strip() + "・*")  # (one character: Japanese's "・" too)


def _bullet_dropped(paras: Sequence[Paragraph], first: int, last: int) -> bool:
    """Whether the lines from `first` to before `last` open alike, with one bullet or with
    none, and line `last` does not: it has no bullet where they had one ("・…", "・…", then
    "今年は出没が急増"), or one where they had none (two headlines, then
    "■乗客数はコロナ前の８割")."""

    def bullet(k: int) -> str:
        first_char = paras[k].text[:1]
        return first_char if first_char in _BULLET_MARKS else ""

    theirs = bullet(first)
    if not all(bullet(k) == theirs for k in range(first + 1, last)):
        return False
    mine = bullet(last)
    # (links without a bullet, then "» More stories on …": the box's own link, an arrow's)
    return mine != theirs and (bool(theirs) or mine in _HEADING_MARKS)


# A newsletter's or an offer's terms, which its pitch states ("Kostenlos und jederzeit
# abbestellbar"): the box's, though prose follows it.
_OFFER_TERMS = factored(
    r"jederzeit (?:abbestell|kündb|kündig)\w*|abbestellbar|(?:unsubscribe|cancel|opt out)"
    r"(?: at)? any ?time|(?:se )?(?:désinscri|désabonn|annul|résili)\w* à tout moment"
    r"|(?:dar(?:se|te|le) de baja|cancel\w*|anular\w*) (?:cuando quiera|en cualquier momento)"
    r"|cancelar (?:a|em) qualquer momento|cancelar quando quiser|donar-te de baixa quan vulguis"
    r"|(?:disiscriver|cancellar|disdir)\w* (?:in qualsiasi momento|quando vuoi)"
    r"|отписаться (?:можно )?в любой момент"
    r"|відписатися (?:можна )?будь-коли|atsisakyti (?:jo |jos )?galite bet kada"
    r"|op elk moment (?:opzegbaar|afmelden)"
    r"|(?:istediğiniz|dilediğiniz) (?:zaman|an) (?:ayrıl|abonelikten çık|iptal)\w*"
    r"|إلغاء الاشتراك في أي وقت|退订|取消订阅|隨時取消|随时取消|いつでも(?:解除|解約|停止)"
    r"|언제든(?:지)? (?:해지|수신 ?거부)|जुनसुकै (?:बेला|समय) रद्द|कभी भी (?:रद्द|अनसब्सक्राइब)"
)


def _is_offer_pitch(text: str) -> bool:
    """A newsletter's or subscription's pitch stating its terms (`_OFFER_TERMS`) and naming
    what it sends: at the page's tail, where it is looked for, the box's and not the
    article's (searched on every line, its phrases cost 3% of the marks' time)."""
    low = text.lower()
    return (
        _OFFER_TERMS.search(low) is not None
        and (_NEWSLETTER.search(low) or _NEWSLETTER_OTHER.search(low) or _SENDS.search(low))
        is not None
        and not _quote_mark(text)
        # ("Streamora subscribers can cancel at any time from the Account page …": a story's
        # last paragraph on a company's terms, in the third person)
        and not _THIRD_PERSON_TERMS.match(text)
    )


# A company's or its customers' terms told as news: "Streamora subscribers can cancel …",
# "Members can leave at any time …" (a pitch's terms are the reader's: "You can cancel …")
_THIRD_PERSON_TERMS = factored(
    r"(?:[A-Z][\w’'-]+\s){1,3}(?:subscribers|customers|members|users|readers)\s"
    r"(?:can|will|may|are able to)\b"
)


# What a newsletter does for its reader: "te enviamos", "we send you", "nous vous envoyons".
_SENDS = factored(
    r"\b(?:te enviamos|le enviamos|we(?:'ll)? send you|nous vous envoyons|wir schicken ihnen"
    r"|vi skickar|ti inviamo|enviamos-lhe|et enviem|us enviem)\b"
)


SUBHEADING = 12  # words: an article's subheading, or a box's header
# A pitch speaks to the reader: "you" and "your", or the imperative of receiving and signing
# up, in the languages of the news (`_ADDRESS` has the English).
_READER_ADDRESS = factored(
    r"(?<!\w)(?:você|seus?|suas?|receba|assine|subscreva|inscreva-se|tus?|te|usted|recib[eí]|"
    r"suscr[ií]bete|suscribite|apúntate|vous|votre|vos|ton|ta|recevez|inscrivez-vous|abonnez-vous"
    r"|sie|ihr|ihre|ihrem|ihren|ihnen|du|dein|deine|melden|abonnieren|tuo|tua|tuoi|ricevi"
    r"|iscriviti|vostro|vostra|вы|вас|вам|ваш\w*|ты|тебе|твой|подпишитесь|подписывайтесь|ви"
    r"|вами|підпишіться|підписуйтесь|jij|je|jouw|uw|din|dine|ditt|sinun|twój|twoja|pan|pani"
    r"|zapisz|sizin|siz)(?!\w)"
    r"|あなた|ください|お届け|ご登録|여러분|하세요|드립니다|보세요|您|你的|订阅吧|訂閱吧",
    re.IGNORECASE,
)


AD_LINE = 5  # words of an advert's line between the article and a subheading
# The reader or the site spoken of as "you" or "we" (a capitalised "Our Place" mid-sentence
# names a newsletter)
_SPOKEN_TO = factored(r"\b(?:you|your|we|us|our)\b|(?:^|[.!?]\s+)(?:You|Your|We|Our)\b")


def _newsletter_subheading(
    paras: Sequence[Paragraph], reasons: Sequence[str | None], i: int
) -> bool:
    """A line naming a newsletter inside the article, not a box's header: the article over it
    (its prose or its list, an advert's label between at most) and going on under it, and
    the paragraph under it reports on newsletters (it is long, unmarked, and does not speak
    to the reader: a box's pitch, "Receba todos os dias …", asks). ("구독자 10만 명 넘는
    뉴스레터도", "「ニュースレター」で接点づくり")"""
    header = paras[i]
    if header.words > SUBHEADING or _ends_sentence(header) or _ADDRESS.search(header.text):
        return False  # a pitch of its own: "Gosta de ler o Jornal? Assine …"
    above = i - 1
    # (an advert's label between, and its line: "Advertisement", "Advertise with Coastal Media")
    while (
        above >= 0
        and reasons[above] == "navigation"
        and (_is_ad_label(paras[above].text) or paras[above].words <= AD_LINE)
    ):
        above -= 1
    if above < 0 or reasons[above] is not None:
        return False  # (the article's prose over it, or its list: "- 読む時間がない（27％）")
    under = i + 1
    if under >= len(paras) or reasons[under] is not None:
        return False
    report = paras[under]
    if not _is_article_prose(report) or _SPOKEN_TO.search(report.text):
        return False
    if _READER_ADDRESS.search(report.text):
        return False  # "Receba todos os dias … na sua caixa de correio": a box's pitch
    if _IMPERATIVE_SIGN_UP.search(report.text):
        return False
    after = [
        k
        for k in range(under + 1, min(len(paras), under + 4))
        if not (reasons[k] == "navigation" and _is_ad_label(paras[k].text))
    ][:3]  # (the article goes on under it: a caption, a short line, may come first)
    if not (
        any(reasons[k] is None and is_prose(paras[k]) for k in after)
        and all(reasons[k] is None for k in after[:1])
    ):
        return False
    # and the paragraph under it reports on newsletters, or the one after it when the first
    # reports on the app the subheading names too ("アプリで運行情報、メルマガは終了へ") (a box's
    # one line over the article going on, "看更多！加入LINE好友", has nothing of its own under it)
    return _newsletter_member(report, None, None) or (
        under + 1 < len(paras)
        and reasons[under + 1] is None
        and _is_article_prose(paras[under + 1])
        and _newsletter_member(paras[under + 1], None, None)
    )


def _is_article_prose(p: Paragraph) -> bool:
    return is_prose(p) and p.words >= ARTICLE_PARAGRAPH


def _results_under(paras: Sequence[Paragraph], reasons: Sequence[str | None], j: int) -> bool:
    """Two matches' results from `j` on ("한화 5-4 두산(잠실)", "LG 7-2 KT(수원)")."""
    pair = [paras[m] for m in (j, j + 1) if m < len(paras) and reasons[m] is None]
    return len(pair) == 2 and all(_is_result_line(p.text) for p in pair)


COMMENT_HEADS = 2  # comments' headers on a page at least: one alone may be the article's line
# A comment's header alone on its line: its author and, in brackets, its date and time
# ("fanda_zdice (14. 4. 2025 09:12)", "Petr K. (14.04.2025, 09:40)")
_COMMENT_HEAD = factored(
    r"^[^\W\d_][\w.'’-]{0,30}(?: [\w.'’-]{1,20}){0,2}\s?\((?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}),?\s\d{1,2}:\d{2}\)$"
)


def _apply_comment_heads(
    paras: Sequence[Paragraph], reasons: list[str | None], body_start: int
) -> None:
    """Readers' comments each under a header of their author and their time in brackets, with
    no header of the box over them: the headers, COMMENT_HEADS of them at least after the
    article has begun, the first right under chrome, are the comments' (`_apply_comments`
    takes what is under the first)."""
    heads = [
        k
        for k in range(max(body_start, 0) + 1, len(paras))
        if reasons[k] in (None, "timestamp")  # (a date and time alone are a stamp's)
        and paras[k].text.endswith(")")
        and ":" in paras[k].text
        and _COMMENT_HEAD.match(paras[k].text)
    ]
    # (they follow the page's chrome, a share bar or the article's tags: under the article's
    # prose, "Smith (12.04.2025 12:39)" quotes a message in a court's report, and "Nachtrag
    # (14.04.2025 09:05)" opens an update)
    if len(heads) >= COMMENT_HEADS and reasons[heads[0] - 1] not in (None, "comments"):
        for k in heads:
            reasons[k] = "comments"


def _apply_comments(paras: Sequence[Paragraph], reasons: list[str | None], body_start: int) -> None:
    """Readers' comments: from a comments header after the article has begun ("Kommentare
    (3)", "Have your say") to the next block of chrome or the end, whatever their shape
    (comments are prose as much as the article is). A header above the article is a link,
    and so is one followed by two long paragraphs of prose: comments are short or come with
    their authors' names, times and buttons between them, and the article goes on under a
    toolbar's "Réagir (12)"."""
    for i in range(max(body_start, 0) + 1, len(paras)):
        if reasons[i] != "comments":
            continue
        if _article_goes_on(paras, reasons, i + 1):
            continue  # a toolbar's "Comments (12)" with the article going on below it
        for j in range(i + 1, len(paras)):
            if (
                reasons[j] == "photo credit"
                and _no_caption(paras[j])
                and not _article_goes_on(paras, reasons, j + 1)
            ):
                pass  # a comment's "skihaserl88 | 06.11.2024, 18:40", the sort's "A | B", "©"
            elif reasons[j] in _BLOCK_MEMBERS:
                # another block: "Most read", a newsletter box, or a caption over the article
                # (a byline read as a comment's signature was over it)
                break
            reasons[j] = reasons[j] or "comments"  # "Reply" stays navigation
        return


_COPYRIGHT_YEAR = factored(r"^©\s*(?:\d{4}|[^.]{0,60}\d{4})")  # ("© 2001-2024 Газета …")


# A share or a year cited, as reporting does ("41% das novas assinaturas em 2024 …")
_FIGURE_CITED = factored(r"\d\s?%|(?<!\d)(?:19|20)\d\d(?!\d)")


def _no_caption(p: Paragraph) -> bool:
    """A line read as a credit that is no photo's caption: a copyright ("© 2001-2024 Газета
    …"), a bar after a few words that end no sentence ("skihaserl88 | 06.11.2024, 18:40",
    "Подреди: Най-нови | Най-харесвани"), or a short line without a stop; a caption's
    sentence, over the article, ends what may be comments."""
    text = p.text.strip()
    head, bar, rest = text.partition("|")
    if bar:  # (a caption's sentence after the bar: "© Reuters | Firefighters battle …")
        return (
            count_words(head) <= SHORT
            and not ends_sentence(head.rstrip())
            and not (ends_sentence(rest.rstrip()) and count_words(rest) > SHORT)
        )
    if text.startswith("©"):
        return _COPYRIGHT_YEAR.search(text) is not None
    return p.words <= SHORT and not _ends_sentence(p)


# A table's row of figures: a label, its colon, a figure and at most two words of its unit
# ("ঢাকা বোর্ড: ৭৯.২১ শতাংশ", "Inflation: 2.4 %", "Turnout: 61,3 Prozent"); a headline goes on
# in words after its colon ("Спека до +33: синоптики попереджають …")
# (a figure and a word, perhaps its details in brackets: "ఆంధ్ర తొలి ఇన్నింగ్స్: 287 ఆలౌట్ (వంశీ కృష్ణ
# 94, మహేశ్ గౌడ్ 4/61)"; "Budget 2025: 5 things to know before Wednesday" is a headline)
_FIGURE_ROW = factored(
    # (a few words may come before the figure, and after it a unit or a range's second figure:
    # "…మార్గం: చివరి రైలు రాత్రి 1.00 గంటకు", "काठमाडौं–पोखरा : रु. ४,२०० देखि रु. ६,८००";
    # "Election: Turnout reaches 61 percent in Bavaria" is a headline)
    r"[^\W\d_][^:：\n]{0,40}[:：]\s*(?:[^\s\d:：]+\s+){0,3}[-+−–]?\d[\d.,\s/]*"
    r"(?:[^\s\d]\S*)?(?:\s+\S+)?(?:(?:\s+\S+){0,2}\s+\S*\d[\d.,]*\S*)?"
    r"(?:\s*\([^()\n]{0,60}\))?\s*$"
)
FIGURE_ROWS = 3  # rows in a row: the article's table (a box's headline with a figure is one)
# A row under its table's title: its label, a colon, the figure first (a word before it at
# most: "প্রায়", "about") and what the figure is after it
_FIGURE_ROW_TITLED = factored(
    r"[^\W\d_][^:：\n]{0,40}[:：]\s*(?:[^\s\d:：]+\s+)?[-+−–]?\d[^:：\n]{0,80}$"
)
FIGURE_ROW = 14  # words


def _figure_rows_from(paras: Sequence[Paragraph], reasons: Sequence[str | None], j: int) -> bool:
    """Three rows of figures (`_FIGURE_ROW`, still unmarked) from line j, or from the line under
    it, j a short title without a stop over them: the article's table, where a box of
    headlines would have gone on."""

    def rows(start: int, titled: bool = False) -> bool:
        # (under a title, a row's figure may have words after it: "অংশগ্রহণকারী দেশ: ২০টি, থিম দেশ
        # জার্মানি", "participating countries: 20, the guest country Germany")
        end = start + FIGURE_ROWS
        return end <= len(paras) and all(
            reasons[m] is None
            and paras[m].words <= FIGURE_ROW
            and (
                _FIGURE_ROW.match(paras[m].text)
                or (titled and _FIGURE_ROW_TITLED.match(paras[m].text))
            )
            for m in range(start, end)
        )

    text = paras[j].text
    if ":" in text or "：" in text:
        return rows(j)
    return _is_short(paras[j]) and not _SENTENCE_END.search(text) and rows(j + 1, titled=True)


def _prose_resumes(paras: Sequence[Paragraph], reasons: list[str | None], start: int) -> bool:
    """Two long paragraphs of prose in a row from `start`: a box's teasers each stand under
    their own headline or time, never two in a row ("আরও পড়ুন" and its one link, a
    subheading, then the article's next paragraphs, which had gone with the box). A line just
    before them may be a subheading or the box's last link: it is left to the box."""
    pair = [paras[m] for m in (start, start + 1) if m < len(paras) and reasons[m] is None]
    return len(pair) == 2 and all(is_prose(p) and p.words >= ARTICLE_PARAGRAPH for p in pair)


def _article_goes_on(paras: Sequence[Paragraph], reasons: list[str | None], start: int) -> bool:
    """Two long paragraphs of prose from `start` before any line already marked: comments
    come with their authors' names, times and buttons (marked) between them, or are short;
    the article under a toolbar's "Komentari (3)" may open with a short line or a timetable."""
    long_prose = 0
    for k in range(start, len(paras)):
        if reasons[k] is not None or _is_comment_stamp(paras[k]):
            break
        if (
            is_prose(paras[k])
            and paras[k].words >= ARTICLE_PARAGRAPH
            and not _SIGNED_COMMENT.match(paras[k].text)
        ):
            long_prose += 1
            if long_prose >= 2:
                return True
    return False


COMMENT_STAMP = 6  # words: a comment's author and its time ("Hanseat_1962 vor 2 Stunden")
# A date and its time as comments and their stamps write them: "05.03.2025 18:12".
_DATE_AND_TIME = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4},?\s+\d{1,2}:\d{2}"
_DATE_TIME_END = factored(rf"\s{_DATE_AND_TIME}$")


def _is_comment_stamp(p: Paragraph) -> bool:
    """A comment's author and when it was written, on a line: a name, then a relative time
    or a date and time closing the line ("M. Özdemir vor 1 Stunde", "Ana 12.03.2025 14:05")."""
    if p.words > COMMENT_STAMP or p.words < 2 or _stopped(p.text):
        return False
    text = p.text.strip()
    if _DATE_TIME_END.search(text):
        return True
    for k, char in enumerate(text):
        if char == " " and k:
            found = _RELATIVE_TIME.match(text[k + 1 :])
            if found and found.end() == len(text) - k - 1:
                return True
    return False


# A comment copied as one line: its author (and place), the date and time, then its text
# ("M. Huber, Au 05.03.2025 18:12 Acht Franken für einen Eintritt ist happig.").
_SIGNED_COMMENT = factored(rf"[^\W\d_][^\d\n]{{0,40}}?\s{_DATE_AND_TIME}\s+[^\W\d_]")


# A header and its count opening a line: "Leserkommentare (2) …"
_COUNTED_HEAD = factored(r"([^\W\d_][^()（）\d]{1,30}?)\s*[(（]\d{1,5}[)）]\s+(?=\S)")


def _glued_comments(text: str) -> bool:
    """The comments' header with its count, the first comment's author, date and time and its
    words on one line with it: "Leserkommentare (2) Ueli Stucki, 20.08.2024, 08:14 Bei diesen
    Strompreisen …" (a layout table's cell, read as one line)."""
    head = _COUNTED_HEAD.match(text)
    return (
        head is not None
        and _phrase_key(head[1]) in _COMMENT_KEYS
        and _SIGNED_COMMENT.match(text, head.end()) is not None
    )


def _apply_headline_again(
    paras: Sequence[Paragraph], reasons: list[str | None], body_start: int
) -> None:
    """The headline written a second time before the article begins (a page's title bar,
    then its headline): the second is chrome, the first stays the headline."""
    seen: set[str] = set()
    for i in range(min(body_start, len(paras))):
        key = " ".join(paras[i].text.split()).casefold()
        if len(key) < 12:
            continue
        if key in seen and reasons[i] is None:
            reasons[i] = "headline again"
        seen.add(key)


HEADLINE_REACH = 20  # paragraphs above the article's prose a headline may stand


def headline_at(paras: Sequence[Paragraph], reasons: Sequence[str | None]) -> int | None:
    """Where the headline of a copied page stands: the first unmarked line above the
    article's prose, within HEADLINE_REACH of it, that reads like a headline (the first line
    of its block: a headline and its deck copied together). None when there is none (a page
    that starts with its lede, an HTML page's text)."""
    unmarked = [k for k, reason in enumerate(reasons) if reason is None]
    prose = [k for k in unmarked if is_prose(paras[k]) or _signed(paras[k])]
    start = article_start(prose)
    if start is None:
        return None
    for k in unmarked:
        if k >= min(start, prose[0]):
            return None
        line = paras[k].text.split("\n", 1)[0]
        following = reasons[k + 1] if k + 1 < len(reasons) else None
        if (
            k >= start - HEADLINE_REACH
            and _reads_as_headline(line, following)
            and not _over_a_menu(paras, reasons, k, min(start, prose[0]))
        ):
            return k
    return None


MENU_UNDER_TAGLINE = 3  # menu items under a line that make it the site's tagline


def _is_share_button(text: str) -> bool:
    """A share bar's button: a network's name ("Facebook", "X"), or a share or copy button's
    words ("Share", "Copy link", "Compartir")."""
    key = _line_key(text.lower())
    share = _SHARE_OPENS.opening(key)
    rest = key[len(share) :].strip() if share is not None else None
    return bool(_NETWORK.match(key)) or rest == "" or bool(rest and _NETWORK.match(rest))


def _over_a_menu(
    paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int, end: int
) -> bool:
    """Line k stands right over the site's menu, MENU_UNDER_TAGLINE items of it or more, and
    the first unmarked line under it, before the article (`end`), reads like a headline: line
    k is the site's tagline ("Exclusive news, data and analytics for financial market
    professionals" over "World", "Business", "Markets"), not the headline. A headline in the
    page's title bar over a menu is written again under it ("headline again"); a headline
    over its share bar ("Facebook", "X", "WhatsApp") has its standfirst or caption under it."""
    j = k + 1
    while j < end and reasons[j] == "navigation":
        if _is_share_button(paras[j].text):
            return False  # (a share bar under the headline: what stands under it is no headline)
        j += 1
    if j - k - 1 < MENU_UNDER_TAGLINE:
        return False
    while j < end and reasons[j] is not None:
        if reasons[j] == "headline again":
            return False
        j += 1
    return j < end and _reads_as_headline(paras[j].text.split("\n", 1)[0], None)


_CRUMB_OR_GAUGE = factored(r"[>＞›|°]|\s[»/]\s|\b[A-Z]{3}\s+\d+[.,]\d")  # "USD 521,37"
_COUNTER = factored(r"[:：]\s*[\d\s.,]+$")  # "ნანახია: 1 204": views, a counter
_RATE_AFTER_COLON = factored(r"[:：]\s*\d+[.,]\d+")
UNSPACED_HEADLINE = 12  # characters: a Chinese or Japanese headline's least
# A sentence's stop after a word, not after an abbreviation ("… 23,4 млрд. лв." is a headline).
_SENTENCE_STOP = factored(r"(?:[^\W\d_]{4,}\.|[;,:])['\"’”»)]*$")


def _reads_as_headline(text: str, following: str | None) -> bool:
    """A headline's shape: three words or more (twelve characters of a script written without
    spaces), at most 25 words, mostly letters, not ending as a sentence, no crumbs' arrows,
    degrees, rates or clock times; and a short line over a menu is the site's name."""
    words = count_words(text)
    if words > 25 or len(text) > 200 or _CRUMB_OR_GAUGE.search(text) or TIME.search(text):
        return False
    if len(_RATE_AFTER_COLON.findall(text)) >= 2:
        return False  # a ticker's rates: "Dólar BCV: 47,23 Bs · Euro: 49,88 Bs"
    if _SENTENCE_STOP.search(text) or _COUNTER.search(text):
        return False  # a sentence ("Finance Minister Anton Siluanov spoke on Tuesday.")
    letters = sum(map(len, _LETTERS.findall(text)))
    if letters * 2 < len(text.replace(" ", "")):
        return False
    if UNSPACED.search(text) and len(UNSPACED.findall(text)) * 2 >= letters:
        # Japanese and Chinese: `count_words` makes a word of two characters, and a site's
        # or a section's name ("ガジェットウォッチ", "PC・周辺機器") had the words of a headline
        return len("".join(text.split())) >= UNSPACED_HEADLINE
    if words < 3:
        return False
    return not (words < 5 and following == "navigation")


def _apply_head(paras: Sequence[Paragraph], reasons: list[str | None]) -> int | None:
    """Above a copied page's headline, the page's header: the site's name over its menu, a
    ticker, the weather, a section's name. Lines there that are no prose are marked, as
    those after the article's last paragraph are (`_apply_tail`); the headline is found as
    the title is (`headline_at`), above any prose of the article. Returned: where it is."""
    at = headline_at(paras, reasons)
    for k in range(at or 0):
        if reasons[k] is None and not is_prose(paras[k]):
            reasons[k] = "page header"
    if at is not None:
        _apply_under_headline(paras, reasons, at)
    return at


HEADLINE_UNDER_CHROME = 9  # marked lines above a headline: a copied page's header and menu
_BYLINE_REASONS = frozenset({"timestamp", "credits", "article header"})


def _apply_headline(paras: Sequence[Paragraph], reasons: list[str | None], at: int | None) -> None:
    """A copied page's headline (`at`, found by `_apply_head`): the article's title holds it,
    and it is no part of the article's text. Marked where the page's chrome stands above it
    and its byline or date under it, before the first paragraph of prose or under its
    standfirst, or where the chrome above is a whole header and menu (HEADLINE_UNDER_CHROME
    lines). A line that opens a text, with no chrome over it, stays: a text that starts with
    its headline ("Russia, US may reach agreement …" over its date) is the article as its
    writer gave it; and in an HTML page's text, where the page's header is gone, a first short
    line over its date may be a live blog's first post."""
    if at is None or reasons[at] is not None:
        return
    above = sum(1 for reason in reasons[:at] if reason is not None)
    if above == 0:
        return
    deck = _standfirst_under(paras, reasons, at)
    if deck is None and above < HEADLINE_UNDER_CHROME:
        under: set[str | None] = set()
        for k in range(at + 1, len(paras)):
            if reasons[k] is None and is_prose(paras[k]):
                break
            under.add(reasons[k])
        if under.isdisjoint(_BYLINE_REASONS):
            return
    reasons[at] = "headline"
    for k in deck or ():
        reasons[k] = "standfirst"


def _standfirst_under(
    paras: Sequence[Paragraph], reasons: Sequence[str | None], at: int
) -> range | None:
    """The lines right under the headline `at` and over its byline or date, as the article's
    header has them ("Operators say new fuel prices leave them no choice; commuters vow to
    walk" over "By KEVIN OMONDI", or over a caption's credit, the reporter's name and the
    date): STANDFIRST_LINES at most, none longer than STANDFIRST words. None where no byline
    or date closes them: a line under a headline may be the article's first paragraph."""
    k = at + 1
    while k < len(paras) and reasons[k] is None:
        if k - at > STANDFIRST_LINES or paras[k].words > STANDFIRST:
            return None
        k += 1
    deck = range(at + 1, k)
    # (a clock alone, or opening a post's title, right under them is a live blog's post time:
    # the line over it is the first post's; further down, an audio player's "00:00")
    if k < len(paras) and reasons[k] == "timestamp" and _is_post_head(paras[k].text):
        return None
    # (a box of key points there is the article's summary: what stands over it may be its lede)
    while k < len(paras) and reasons[k] is not None and reasons[k] != "key points":
        if reasons[k] in _BYLINE_REASONS:
            return deck
        k += 1
    return None


STANDFIRST_LINES = 3  # lines of a standfirst under a copied page's headline, at most
STANDFIRST = 60  # words: longer is the article's first paragraph


_LIST_OR_ENTRY = factored(r"^\s*(?:[*•·▪►▶■●◆\-–—]\s|\d{1,2}[:.]\d\d\b)")  # "- …", "16:45 …"


def _apply_under_headline(paras: Sequence[Paragraph], reasons: list[str | None], at: int) -> None:
    """Between a copied page's headline and the article's first paragraph of prose, the
    article's header: short lines that are no sentence (a byline, "Прочетено 4 812 пъти",
    "অ+", "Слушать текст", a caption without its credit, a score line). A longer line there
    is a standfirst and stays; so does a list's item or a live blog's "16:45 …" entry; and a
    lead-in with its colon begins the article, with its list under it. In an article of
    subheadings (a live blog's posts, each a title and its prose) the line right above the
    first paragraph is the first subheading."""
    header: list[int] = []
    for k in range(at + 1, len(paras)):
        p = paras[k]
        if reasons[k] is not None:
            continue
        text = p.text
        if is_prose(p) or ends_with_lead_in(text):
            if header and header[-1] == k - 1 and _subheadings_after(paras, reasons, k) >= 2:
                header.pop()
            break  # the article has begun, maybe with a lead-in to its list
        if p.words <= SHORT and not _SENTENCE_END.search(text) and not _LIST_OR_ENTRY.match(text):
            header.append(k)
    for k in header:
        reasons[k] = "article header"


def _subheadings_after(paras: Sequence[Paragraph], reasons: list[str | None], start: int) -> int:
    """The subheadings of the article from `start`: short unmarked lines, no sentence, each
    with a paragraph of prose right under it."""
    return sum(
        1
        for k in range(start + 1, len(paras) - 1)
        if reasons[k] is None
        and reasons[k + 1] is None
        and paras[k].words <= SHORT
        and not _SENTENCE_END.search(paras[k].text)
        and is_prose(paras[k + 1])
    )


def _newsletter_title(p: Paragraph) -> bool:
    """A newsletter box's title over its pitch: a short line without a stop that tells the
    reader to get or join "our" newsletter or one named by its channel ("Get our afternoon
    news briefing", "Sign up for The Daily Brief")."""
    if p.words > BOX_HEADER or _SENTENCE_END.search(p.text):
        return False
    low = p.text.lower()
    return bool(_IMPERATIVE.match(low)) and (" our " in low or bool(_CHANNEL.search(low)))


def _extend_back(paras: Sequence[Paragraph], reasons: list[str | None], i: int) -> None:
    """Appeal prose often comes before its "Support us" header: take it in too; and the
    header over an appeal's prose that says the outlet lives on its readers ("Фокус Дня
    існує завдяки читачам"; a story's subheading about a paper says so over its own news)."""
    k = i - 1
    while k >= 0 and reasons[k] is None and _appeal_member(paras[k], None, None, strict=True):
        reasons[k] = "appeal"
        k -= 1
    if (
        k >= 0
        and reasons[k] is None
        and paras[k].words <= 8
        and not _stopped(paras[k].text)
        and _THANKS_TO_READERS.search(_fold(paras[k].text).lower())
    ):
        reasons[k] = "appeal"


def _appeal_member(
    p: Paragraph, _before: Paragraph | None, _reason: str | None, strict: bool = False
) -> bool:
    # Under a header, quote marks are the appeal's own ("a 'foreign agent'"); before one,
    # they may be a story's quoted plea.
    if strict and _quote_mark(p.text):
        return False
    if _ASK.search(p.text) and _ADDRESS.search(p.text):
        return True
    return not strict and _is_short(p) and bool(_APPEAL_UI.search(p.text))


# A newsletter box's words in the other languages of the news (matched without word
# boundaries: CJK has none).
_NEWSLETTER_OTHER = factored(
    r"訂閱|订阅|電子報|电子报|信箱|邮箱|メルマガ|メールマガジン|뉴스레터|구독|рассылк|розсилк"
    r"|подпис|підпис|boletín|infolettre|nieuwsbrief|bülten|abone|iscriviti|inscreva|zapisz"
    r"|النشرة|اشترك|ניוזלטר|הירשמו|न्यूज़लेटर|न्युजलेटर|इमेलमा|सब्सक्राइब|จดหมายข่าว|բաժանորդագր"
    r"|naujienlaišk"
    r"|jaunumu vēstul|uudiskir|ელფოსტ|გამოწერ|ბიულეტენ|էլ\. ?փոստ|տեղեկագ",
)


def _newsletter_member(p: Paragraph, _before: Paragraph | None, _reason: str | None) -> bool:
    low = p.text.lower()
    return bool(
        _NEWSLETTER.search(low)
        or _NEWSLETTER_OTHER.search(low)
        or _NEWSLETTER_NAMED.search(_fold(low))
    )


KEY_POINT = 30  # words: a key point's line, a sentence at most
KEY_POINTS = 6  # lines under the header: a box of key points is short


_BLANK_LINE = factored(r"\n[ \t]*\n")


def _key_point(paras: Sequence[Paragraph], reasons: list[str | None], j: int, gap: str) -> bool:
    """A line of a box of key points ("In short:", "Lo más importante"): a short sentence at
    most, and the box's: a list's item, a line with no blank line over it (`gap`: what stands
    between it and the line above; a copied box is one block of lines, the article's
    paragraphs come apart), or a line that is no sentence with no prose under it (a
    subheading under the box, "Why it matters", has its paragraph)."""
    p = paras[j]
    if p.words > KEY_POINT:
        return False
    if p.text[:2] not in _LIST_BULLETS and paras[j - 1].text[:2] in _LIST_BULLETS:
        return False  # the box's bulleted lines have ended: the line under them is the article's
    if p.text[:2] in _LIST_BULLETS or not _BLANK_LINE.search(gap):
        return True
    if p.words > 12 or _ends_sentence(p):
        return False
    after = j + 1
    return after >= len(paras) or reasons[after] is not None or not is_prose(paras[after])


def _key_point_member(_p: Paragraph, _before: Paragraph | None, _reason: str | None) -> bool:
    """(`_apply_blocks` reads a box of key points with `_key_point`, before this.)"""
    return False


def _caption_member(p: Paragraph, before: Paragraph | None, _reason: str | None) -> bool:
    """The caption after a bare "Image caption," marker."""
    return before is not None and bool(_CAPTION_MARK.match(before.text)) and p.words <= CAPTION


def _link_member(p: Paragraph, before: Paragraph | None, reason: str | None) -> bool:
    """A link line, or a teaser that a timestamp or a section label ("Portugal") introduces."""
    if _is_result_line(p.text):
        return False  # "LG 7-2 KT(수원)": a match's result, the article's table of the day
    if (
        (p.words <= 12 or _is_unspaced_headline(p.text))
        and not _SENTENCE_END.search(p.text)
        and not ends_with_lead_in(p.text)  # a lead-in to the article's list
    ):
        return True
    if _RANK_ALONE.match(p.text):
        return True  # "1.", on its line over the headline it ranks
    if p.words <= TEASER and _RANKED.match(p.text) and not _ends_sentence(p):
        return True  # "2\t格安SIMの通信速度、11月の実測ランキング": a "Most read" list's second
    clock = _CLOCK_FIRST.match(p.text)
    if clock and count_words(p.text[clock.end() :]) <= 12 and not _ends_sentence(p):
        return True  # "06:31 PM  Water cut in parts of Kothrud on Saturday, says PMC"
    if p.words > TEASER or before is None or reason is None or ends_with_lead_in(p.text):
        return False  # (a lead-in to the article's list: "Así quedaron los primeros puestos:")
    if reason == "timestamp":
        return True
    # a section label ("Portugal") over a teaser, not the list's header itself: a paragraph
    # of prose right under "TE PUEDE INTERESAR" is the article going on after a lost link
    if before.words > MENU_ITEM:
        return False
    return not _ends_sentence(p) or not _is_links_header(before.text)


UNSPACED_LINK = 40  # characters: a Japanese or Chinese headline in a box of links
# A question's mark at a line's end (the Greek one is ";"), then closing quotes.
_GREEK = factored(r"[\u0370-\u03ff]")
_ASKS = factored(r"[?？؟\u037e]['\"’”»)」』）]*$")


def _asks_as_headline(p: Paragraph) -> bool:
    """A headline that asks ("Why didn't farmers get paid on time?"): a link's length, a
    question's mark at its end and no sentence's end inside it (a rank before it is no
    sentence's: "1. İzmir'de yarın hangi ilçelerde su kesintisi olacak?")."""
    text = p.text.rstrip()
    ranked = _RANKED.match(text)
    if ranked:
        text = text[ranked.end() :]
    greek = text.endswith(";") and bool(_GREEK.search(text))  # (its question mark is ";")
    return (
        (p.words <= 12 or _is_unspaced_headline(text))
        and (greek or bool(_ASKS.search(text)))
        and not _INNER_STOP.search(text[:-1])
    )


def _asking_link(paras: Sequence[Paragraph], reasons: Sequence[str | None], j: int) -> bool:
    """A box's link that asks, with no prose under it: an article's subheading that asks
    ("What happens next?") has its paragraph under it."""
    if not _asks_as_headline(paras[j]):
        return False
    after = j + 1
    while after < len(paras) and reasons[after] is None and _asks_as_headline(paras[after]):
        after += 1  # (the box's next links ask too)
    return after >= len(paras) or reasons[after] is not None or not is_prose(paras[after])


def _is_unspaced_headline(text: str) -> bool:
    """A headline's length in a script without spaces, where `count_words` makes a word of
    two characters ("「古いスマホで銀行アプリが使えない」相談が倍増　国民生活センターまとめ")."""
    return len(text) <= UNSPACED_LINK and bool(_KANA_KANJI.search(text))


_RANKED = factored(r"\d{1,2}(?:\t|[.)]?\s)")
_RANK_ALONE = factored(r"#?\d{1,2}[.)]?\s*$")
# A box's link with its time first: "06:31 PM  …", "18:20 …"
_CLOCK_FIRST = factored(r"\d{1,2}[:.]\d\d(?:\s?[AaPp]\.?[Mm]\.?)?\s+(?=\S)")


def _is_links_header(text: str) -> bool:
    return bool(_RELATED_HEADER.match(_fold(text))) or _phrase_key(text) in _HEADER_KEYS


_BLOCK_MEMBERS: dict[str, Callable[[Paragraph, Paragraph | None, str | None], bool]] = {
    "appeal": _appeal_member,
    "newsletter": _newsletter_member,
    "related links": _link_member,
    "key points": _key_point_member,
    "photo credit": _caption_member,
}


def _apply_menus(
    paras: Sequence[Paragraph], reasons: list[str | None], body: tuple[int, int]
) -> None:
    """Runs of short lines that are menus rather than subheadings.

    Anywhere: three or more short lines, two thirds of them already chrome, take in their
    one-to-three-word neighbours ("Share", "14:31", "Print"). Above the first or below the
    last paragraph of prose: four or more lines of one to three words are a section menu
    ("World", "Business", "Markets", ...). Inside the body a list of single words is a list.
    """
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and _is_short(paras[j]) and not is_prose(paras[j]):
            j += 1
        run = range(i, j)
        tiny = [k for k in run if _is_menu_item(paras[k])]
        if (
            tiny[:1] == [i]
            and i == body[1] + 1
            and reasons[i - 1] is None
            and is_prose(paras[i - 1])
            and _spaced_clauses(paras[i])
            and i + 1 < len(paras)
            and reasons[i + 1] in ("related links", "comments")
        ):
            # (the article's closing sentence in Thai, right under its prose, over the boxes'
            # headers: not their menu; a menu's header of two clauses stands over its items)
            tiny.pop(0)
        marked = sum(1 for k in run if reasons[k] is not None)
        outside_body = j <= body[0] or i > body[1]
        if len(run) >= 3 and marked * 3 >= len(run) * 2:
            # (inside the article, the words after a "Read also" link, over the article's
            # next paragraph, are its subheading: "बजेटका मुख्य घोषणा")
            last = max(k for k in run if reasons[k] is not None)
            resumes = (
                reasons[last] == "related link"
                and body[0] < i
                and j <= body[1]
                and reasons[j] is None
            )
            for k in tiny:
                if (k < last or not resumes) and not _post_title(paras, reasons, k, j):
                    reasons[k] = reasons[k] or "navigation"
        elif outside_body:
            for start, end in _consecutive(tiny):
                if end - start >= 4 and not _listed_under(paras, reasons, start):
                    for k in range(start, end):
                        reasons[k] = reasons[k] or "navigation"
        i = max(j, i + 1)


MENU_CHARS = 8  # a menu entry in Japanese or Chinese ("PC・周辺機器", "セール情報")


def _listed_under(paras: Sequence[Paragraph], reasons: Sequence[str | None], start: int) -> bool:
    """The short lines from `start` stand under a lead-in of the article's, a sentence that
    ends with its colon ("據主辦單位提供的資料，演唱會共設四種票價：" over "$1,280", "$980", …):
    its list, though the page's first paragraph stands far from the rest of its prose. (A
    menu's label is a word or two: "Sections:".)"""
    above = start - 1
    if above >= 0 and reasons[above] is None and _lead_in_sentence(paras[above]):
        return True
    # (or the run's first line: Thai writes a lead-in as one counted word, "ศูนย์พักพิงที่เปิดแล้ว:")
    return reasons[start] is None and _lead_in_sentence(paras[start])


LEAD_IN_CHARS = 12  # a lead-in in a script written without spaces, "ศูนย์พักพิงที่เปิดแล้ว:"


def _lead_in_sentence(p: Paragraph) -> bool:
    """A sentence that ends with its colon: three words at least, or in a script written
    without spaces, a dozen characters ("Sections:" is a menu's label)."""
    if not ends_with_lead_in(p.text):
        return False
    return p.words >= LEAD_IN or (len(p.text) >= LEAD_IN_CHARS and bool(UNSPACED.search(p.text)))


def _post_title(paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int, j: int) -> bool:
    """Line k, the last of a run of short lines ending at j, is a live blog's post's title:
    under the post's time, over its prose, two words or more and not all of them a site's
    ("Posted by …", "4:15pm", "Evacuation centres open", then the post)."""
    return (
        k == j - 1
        and j < len(paras)
        and reasons[k] is None
        and k > 0
        and reasons[k - 1] == "timestamp"
        and reasons[j] is None
        and paras[k].words >= 2
        and not all(w in _UI_WORDS for w in _LETTERS.findall(paras[k].text.lower()))
    )


def _is_menu_item(p: Paragraph) -> bool:
    """One to three words, or a few characters of a script written without spaces (where
    `count_words` makes a word of two), and no sentence."""
    if _ends_sentence(p):
        return False
    if p.words <= MENU_ITEM:
        return True
    return len(p.text) <= MENU_CHARS and bool(_KANA_KANJI.search(p.text))


def _spaced_clauses(p: Paragraph) -> bool:
    """Two clauses of a dozen letters in Thai, Lao, Khmer or Burmese, which put a space
    between clauses and end no sentence with a mark: "ปีหน้าพบกันใหม่ กลางเดือนกันยายน", a
    sentence (or a box's headline: told apart by where it stands)."""
    return p.words >= 2 and len(p.text) >= CLAUSES_CHARS and bool(_SPACED_CLAUSES.search(p.text))


CLAUSES_CHARS = 24
_SPACED_CLAUSES = factored(r"[\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]{10}")


# A headline with its time after it: "上越市で住宅火災 焼け跡から1人の遺体03月12日 17時55分",
# "Storm closes the A9 12.03.2025 17:55", "Ferry fares rise 3 hours ago".
_TRAILING_STAMP = gated(
    r"(?:(?:\d{1,2}月\d{1,2}日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))"
    r"(?:\s*(?:\d{1,2}:\d{2}|\d{1,2}時\d{1,2}分))?|\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago)"
    r"[）)]?\s*$",  # "…調査会社まとめ（2025年4月30日）"
    re.IGNORECASE,
)  # a date, with or without its time: a timetable's line has a time alone
STAMPED_LINKS = 3  # lines in a row
# A time of hours, minutes and seconds read as a date of two digits' year ("3.02.44")
_RACE_TIME = factored(r"\d{1,2}[.:]\d{2}[.:]\d{2}\s*$")
_RESULT_RANK = factored(r"\d{1,3}[.)]\s")  # "1. Viktor Hedlund, …": a result's rank


def _is_stamped_link(p: Paragraph) -> bool:
    # (a stamp at the end is shorter than its last 40 characters: searching those is enough)
    stamp = _TRAILING_STAMP.search(p.text, max(0, len(p.text) - 40))
    if stamp is None or p.words > TEASER:
        return False
    headline = p.text[: stamp.start()].strip()
    if headline.endswith(",") and _RACE_TIME.match(stamp.group()) and _RESULT_RANK.match(headline):
        return False  # "1. Viktor Hedlund, IFK Bräcke, 2.41.18": a result, its time
    return len(_LETTERS.findall(headline)) >= 2 and not _SENTENCE_END.search(headline)


def _apply_stamped_links(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """Three or more headlines in a row, each with its time after it, are a list of links
    to other stories ("新潟のニュース": "…遺体03月12日 17時55分", "…3割増03月12日 17時20分"). A
    sentence ending before its date is news; a timetable puts the time first."""
    stamped = [k for k, p in enumerate(paras) if reasons[k] is None and _is_stamped_link(p)]
    for start, end in _consecutive(stamped):
        if end - start >= STAMPED_LINKS:
            for k in range(start, end):
                reasons[k] = "related links"


# What a pitch for the site's app offers besides the app: its download.
_DOWNLOAD = factored(
    r"download|ダウンロード|下载|下載|다운로드|скача|завантаж|télécharg|descarg|herunterlad"
    r"|scarica|baix[ea]|pobierz|indir",
    re.IGNORECASE,
)
APP_PITCH_LINES = 3  # over the stores' badges: the app's name, its pitch's sentence or two
APP_PITCH = 40  # words


_STORE_NAMES = factored(r"app ?store|google ?play", re.IGNORECASE)


_STORE_ROW_GAP = factored(r"\s*[|｜/・·,、]\s*|\s+(?:and|y|e|et|und|i|и|і|ve|og|och|en)\s+")


def _is_store_row(low: str) -> bool:
    """The app stores' badges copied as one line: "App Store｜Google Play", "App Store and
    Google Play" (`low`: folded and lowered)."""
    if _STORE_PAIR.fullmatch(low.strip()):
        return True  # "App Store Google Play": the badges' alt texts with a space between
    parts = _STORE_ROW_GAP.split(low.strip())
    return len(parts) >= 2 and all(_line_key(part) in _STORE_KEYS for part in parts)


_STORE_PAIR = factored(r"(?:app ?store|google ?play)\s+(?:app ?store|google ?play)")


def _is_store_badge(p: Paragraph, reason: str | None) -> bool:
    """An app store's badge, marked as navigation or not yet judged ("App Store" alone on its
    line; its store's name looked for first: the page's other navigation lines are many)."""
    return (
        reason in ("navigation", None)
        and _STORE_NAMES.search(p.text) is not None
        and (_phrase_key(p.text) in _STORE_KEYS or _is_store_row(_fold(p.text).lower()))
    )


def _apply_app_pitch(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """Over the app stores' badges ("App Storeからダウンロード", "Get it on Google Play"), the
    pitch for the site's app: lines that name an app or its download ("県内のニュースや気象情報
    を…お届けします。アプリは無料です"), and its name, a short line ("みなみ信越テレビ ニュース
    アプリ")."""
    k = 0
    while k < len(paras):
        if not _is_store_badge(paras[k], reasons[k]):
            k += 1
            continue
        above = k - 1
        while above >= 0 and _is_store_badge(paras[above], reasons[above]):
            above -= 1  # the other store's badge
        for row in range(above, max(above - APP_PITCH_LINES, -1), -1):
            p = paras[row]
            low = p.text.lower()
            named = _APP.search(low) or _DOWNLOAD.search(p.text)
            if reasons[row] is not None or p.words > APP_PITCH:
                break
            if not (named or (row < above and _is_short(p) and not _ends_sentence(p))):
                break
            reasons[row] = "navigation"
        k += 1


# A credit's line that opens with its label: "Фото: Павел Кирсанов / ЕКБ.ПОРТАЛ".
_CREDIT_LABEL_LINE = gated(
    r"^(?:photo(?:graph)?s?|picture|image|credit|foto|fotos|fotó|fotografía|fotografia|bild"
    r"|фото|фота|снимка|кадър|кадр|φωτ\.?|φωτογραφία|zdjęcie|fot\.|kuva|사진|צילום|تصوير|ფოტო"
    r"|फोटो|ছবি|fotoğraf|写真|照片|图片|圖片|படம்|చిత్రం|ചిത്രം)\s*[:：=]"
    r"|[（(][^（）()]{1,24}提供[）)]$",  # "（町企画課提供）"
    re.IGNORECASE,
)
CAPTION_LINE = 40  # words: a caption's sentence on a line of its own


def _apply_caption_over_credit(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A caption on its own line, over its credit's ("Трамвайная остановка на улице Малышева.
    Стоимость проезда пересмотрят впервые за полтора года", then "Фото: …"): longer than a
    subheading, and ending as no sentence does. (A paragraph of the article ends with its
    stop; a picture with a credit alone may follow it.)"""
    for k in range(len(paras) - 1):
        if (
            reasons[k] is None
            and reasons[k + 1] == "photo credit"
            and SHORT < paras[k].words <= CAPTION_LINE
            and not ends_with_lead_in(paras[k].text)
            and _CREDIT_LABEL_LINE.match(paras[k + 1].text)
            and (not _ends_sentence(paras[k]) or _under_buttons(paras, reasons, k))
        ):
            reasons[k] = "photo credit"


def _under_buttons(paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int) -> bool:
    """Line k stands right under the page's buttons ("Εκτύπωση", a share bar's last), not
    under an ad's label amid the article: a caption of whole sentences there ("Μέλη της
    τράπεζας ψηφίζουν … Η διαδικασία διήρκεσε σχεδόν πέντε ώρες." over "Φωτογραφία: …") is
    the picture's, where a paragraph of the article would have the article over it."""
    if k < 1:
        return False
    above = paras[k - 1]
    if reasons[k - 1] == "comments":
        return above.words <= MENU_ITEM  # the toolbar's counter: "Комментарии 14"
    return reasons[k - 1] == "navigation" and not _is_ad_label(above.text)


def _ends_sentence(p: Paragraph) -> bool:
    return ends_sentence(p.text)


def ends_sentence(text: str) -> bool:
    """The text ends as a sentence does, in any script (its stop, then closing quotes)."""
    return bool(_SENTENCE_END.search(text))


def _consecutive(indices: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for k in indices:
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


BOX_HEADER = 8  # words: "Newsletter L'Écho de Ploërmel", "Розсилка «Ранок з Поруч»"
BOX_PITCH = 25  # words: the one sentence a newsletter's box says of itself


def _apply_box_pitch(paras: Sequence[Paragraph], reasons: list[str | None], last: int) -> bool:
    """A newsletter's or a paywall's box after the article: under its header, the sentence
    saying what it offers ("Chaque matin, l'essentiel de l'actualité du pays de Ploërmel.",
    "Головні новості дня щоранку о 7:00 у вашій пошті."), the page's last prose. Whether
    it was found."""
    k = last
    if not 0 < k < len(paras) or reasons[k] is not None or paras[k].words > BOX_PITCH:
        return False
    header = reasons[k - 1]
    if header in ("newsletter", "paywall") and paras[k - 1].words <= BOX_HEADER:
        reasons[k] = header
        return True
    return False


SHORT_SENTENCE = 5  # words: a sentence of the article's, however short
TEASER_HEADER = 4  # words: a header trailing off into its box ("Before you go…")
FRAGMENT_CHARS = 4  # a line of one word this short is a fragment around a link ("から。")
_END_MARK = factored(r"[（(【]\s*(?:全文)?完\s*[）)】]$")
# A date and a time with the next element's word glued to the time ("23.10.25 07:12כל")
_GLUED_STAMP = factored(rf"\b{_DATE_AND_TIME}(?=[^\W\d_])")
_UNDER_LAST_LINE = factored(r"[*•·▪►▶■●◆◇△▲▽▼□・※○◎\-–—(（\[]")


def _is_signoff(text: str) -> bool:
    """A writer's name signing the article off, the surname in capitals: "Светлана ОРЛОВА.",
    "Jean-Marc DUPONT", "А. ПЕТРОВ" (a line of two or three words: the given name or its
    initial, then the surname)."""
    words = text.strip().rstrip(".").split()
    if not 2 <= len(words) <= 3 or len(text) > 60:
        return False
    *given, surname = words
    letters = surname.replace("-", "")
    return (
        len(letters) >= 2
        and letters.isalpha()
        and letters.isupper()
        and all((w[:1].isupper() and not w.isupper()) or _INITIAL.fullmatch(w) for w in given)
    )


_INITIAL = re.compile(r"[^\W\d_]\.(?:[^\W\d_]\.)?")


COMMENT_STAMPS_NEAR = 6  # lines: another comment's author and time, this close


def _comment_under_stamp(paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int) -> bool:
    """Line k stands under a comment's author and time (`_is_comment_stamp`), another such
    line stands near, and the first of them has chrome right over it ("Share: Facebook |
    Twitter", a comments header): comments under the article. (A live blog's posts under
    their authors and times have the article over their first.)"""
    if k < 1 or not _is_comment_stamp(paras[k - 1]) or not _another_stamp_near(paras, k - 1):
        return False
    first = k - 1
    while first >= 2 and _is_comment_stamp(paras[first - 2]):
        first -= 2  # (each comment a stamp and a line of text)
    if first > 0 and reasons[first - 1] not in (None, "timestamp", "comments"):
        return True
    # or each signed under its text, the run opening with a comment: "79 Euro für einen Tag,
    # da fahr ich lieber zweimal auf die Tauplitz." over "skihaserl88 | 06.11.2024, 18:40",
    # the offer's button over them (not an ad's label amid the article)
    top = first - 1
    return (
        reasons[top] is None
        and paras[k].words < ARTICLE_PARAGRAPH  # (under the last signature, the article's)
        and _comments_open_at(paras, reasons, top)
    )


def _comment_over_stamp(paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int) -> bool:
    """Line k stands over a comment's author and time (`_is_comment_stamp`), another such
    line stands near, and the first comment of the run has chrome right over it ("Zum
    Angebot", the offer's button; not an ad's label amid the article) and is a comment's
    length: comments under the article, each signed under its text."""
    if k + 1 >= len(paras) or not _is_comment_stamp(paras[k + 1]):
        return False
    if not _another_stamp_near(paras, k + 1):
        return False
    first = k
    while first >= 2 and _is_comment_stamp(paras[first - 1]):
        first -= 2  # (each comment a line of text and its stamp)
    return _comments_open_at(paras, reasons, first)


def _another_stamp_near(paras: Sequence[Paragraph], stamp: int) -> bool:
    """Another comment's author and time within COMMENT_STAMPS_NEAR lines of line `stamp`."""
    near = range(
        max(0, stamp - COMMENT_STAMPS_NEAR), min(len(paras), stamp + 1 + COMMENT_STAMPS_NEAR)
    )
    return any(m != stamp and _is_comment_stamp(paras[m]) for m in near)


def _comments_open_at(paras: Sequence[Paragraph], reasons: Sequence[str | None], top: int) -> bool:
    """Line `top`, a comment's length, opens a run of comments signed under their text: the
    page's chrome right over it, not an ad's label amid the article."""
    return (
        top > 0
        and paras[top].words < ARTICLE_PARAGRAPH
        and reasons[top - 1] not in (None, "timestamp", "comments")
        and not _is_ad_label(paras[top - 1].text)
    )


def _signed_comments(paras: Sequence[Paragraph], k: int) -> bool:
    """Line k and one beside it each a comment with its author and time first
    (`_SIGNED_COMMENT`): one such line may be the article's ("Собрание 09.11.2024 18:00 …")."""

    def signed(m: int) -> bool:
        text = paras[m].text
        return (
            ":" in text[:60]
            and bool(_SIGNED_COMMENT.match(text))
            and bool(_SENTENCE_END.search(text))  # (an event's "… 19:00 в ДК «Октябрь»" is none)
        )

    return signed(k) and any(0 <= m < len(paras) and signed(m) for m in (k - 1, k + 1))


# A wire's dateline on a line of its own: the place, the day and the agency in brackets
# ("नई दिल्ली, 20 सितंबर (भाषा)।", "ਚੰਡੀਗੜ੍ਹ, 16 ਅਪ੍ਰੈਲ (ਪਨਾ)", "LONDON, March 3 (Reuters)")
_WIRE_DATELINE = factored(
    r"^[^\W\d_][^,()\d]{1,30},\s*(?:\d{1,2}\.?\s+\S{2,14}\.?|\S{2,14}\s+\d{1,2})(?:,?\s+\d{4})?"
    # (an agency's name: in capitals, "AIN", "PNA", or in a script without case, "भाषा";
    # "Maria Lopez, age 52 (Republican)" names a party)
    r"\s*\((?P<agency>[A-Z]{2,8}(?:[ -][A-Z]{2,8})?|[^\W\d_A-Za-z][^()A-Za-z]{0,20})\)"
    r"\s*[.।:–—-]*$"
)
SIGN_OFF = 8  # words: the agency's name and its editors' names or initials, a code


def _apply_wire_sign_off(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """A wire's copy with its dateline on a line of its own, and its sign-off: the agency's
    name, then its editors' names or initials ("भाषा राजकुमार मनीषा", "ਪਨਾ ਹਰਪ੍ਰੀਤ ਕੌਰ ਸੰਧੂ
    ਐੱਮਕੇ ਜੇਐੱਸ 2147"), a short line no sentence that opens with the agency the dateline
    names. Both are the wire's, not the article's."""
    for k, p in enumerate(paras):
        if reasons[k] is not None or p.words > SIGN_OFF or "(" not in p.text:
            continue
        dateline = _WIRE_DATELINE.match(p.text.strip())
        if dateline is None:
            continue
        reasons[k] = "credits"
        agency = dateline["agency"].strip()
        # (no paragraph of prose right under it: "भाषा विवाद पर सियासत तेज", a subheading over
        # its paragraph, opens with the word too)
        for j in range(k + 1, len(paras)):
            q = paras[j]
            under = paras[j + 1] if j + 1 < len(paras) else None
            if (
                reasons[j] is None
                and q.words <= SIGN_OFF
                and q.text.startswith(agency + " ")
                and not _stopped(q.text)
                and not (
                    under is not None
                    and reasons[j + 1] is None
                    and (is_prose(under) or _stopped(under.text))
                )
            ):
                reasons[j] = "credits"
        return


def _apply_tail(paras: Sequence[Paragraph], reasons: list[str | None]) -> None:
    """Short non-sentences after the last paragraph of prose are page furniture."""
    furniture: list[int] = []
    for k in range(len(paras) - 1, -1, -1):
        if reasons[k] is not None:
            continue
        text = paras[k].text
        above = k - 1
        if (
            k + 1 < len(paras)
            and _asks_as_headline(paras[k])
            and not (above >= 0 and reasons[above] is None and is_prose(paras[above]))
        ):
            # a box's headline that asks, chrome under it and no prose over it (an article may
            # close with a short question: "Will it work?")
            furniture.append(k)
            continue
        if _is_offer_pitch(text):
            reasons[k] = "newsletter"  # "… Es gratis y puedes darte de baja cuando quieras."
            continue
        if _GLUED_STAMP.search(text):
            # "- סוף סוף דני, ת"א 23.10.25 07:12כל אתר …": a comment's title, name, date and
            # text, their elements' words run together
            furniture.append(k)
            continue
        if _is_signoff(text):
            reasons[k] = "credits"  # "Светлана ОРЛОВА.": the writer's name under the article
            continue
        if _comment_under_stamp(paras, reasons, k):
            # "Abena from Kumasi 02-10-2024 20:47" over "My father is a farmer …", one of a
            # few: the comments under the article, each under its author and time
            reasons[k] = "comments"
            if reasons[k - 1] in (None, "timestamp"):
                reasons[k - 1] = "comments"
            continue
        if _comment_over_stamp(paras, reasons, k):
            # "79 Euro für einen Tag, da fahr ich lieber zweimal auf die Tauplitz." over
            # "skihaserl88 | 06.11.2024, 18:40", one of a few: comments signed under their text
            reasons[k] = "comments"
            if reasons[k + 1] in (None, "timestamp"):
                reasons[k + 1] = "comments"
            continue
        if _signed_comments(paras, k):
            # "Игорь 01.11.2024 08:15 Сколько раз говорили людям: …", one of a few: comments
            # copied with their authors and times, under the article's last paragraph
            reasons[k] = "comments"
            continue
        # (a quotation with its speaker, "「…判断だった」（川口社長）", is the article's too, and
        # a wire's end mark on its line, "（完）")
        if is_prose(paras[k]) or _QUOTE_AND_SPEAKER.match(text) or _END_MARK.match(text):
            facts = _fact_box(paras, reasons, k + 1)
            for f in furniture:
                if f not in facts:
                    reasons[f] = "page furniture"
            for f in facts:
                reasons[f] = None  # (a row's time, "Hora: 13:27:41", is the box's)
            return
        if (_SCORE_END.search(text) and _TWO_SIDES.search(text)) or _MID_SCORE.match(text):
            # a match's result, and its scorers and cards under it: the report's (a box's
            # lines further down, under other chrome, are not)
            _furnish_past_chrome(reasons, furniture, k)
            return
        # (Thai, Lao, Khmer and Burmese end a sentence with no mark: thirty of their letters
        # are a sentence's, "เมื่อวานนี้ (8 ธ.ค.) ราคาทองคำมีการเปลี่ยนแปลงทั้งหมด 5 ครั้ง")
        unstopped = len(_UNSTOPPED.findall(text)) >= UNSTOPPED_SENTENCE
        if ends_with_lead_in(text) and _leads_in_to_figures(paras, furniture, k):
            _furnish_past_chrome(reasons, furniture, k)
            return  # "תוצאות נוספות מהמחזור:" over its results: the article's list
        if ends_with_lead_in(text) and _leads_in_to_list(paras, reasons, furniture, k):
            _furnish_past_chrome(reasons, furniture, k)
            return  # "What members want:" over its items, the article's prose over it
        if _is_short(paras[k]) and not _SENTENCE_END.search(text) and not unstopped:
            furniture.append(k)
            continue
        if (
            paras[k].words <= TEASER_HEADER
            and text.endswith(("…", "..."))
            and not unstopped
            and k + 1 < len(paras)
            and reasons[k + 1] is not None
            and not (k > 0 and reasons[k - 1] is None and is_prose(paras[k - 1]))
        ):
            # "Before you go…" over the box it heads (chrome under it), not under the article's
            # prose ("The search continues…" closes it)
            furniture.append(k)
            continue
        if paras[k].words <= 1 and len(text.strip()) <= FRAGMENT_CHARS:
            furniture.append(k)  # "から。": a link's words around it, the link on a line
            continue
        if paras[k].words <= TAIL_HEADLINE and not unstopped and _is_tail_headline(text):
            furniture.append(k)  # a box's headlines, its header lost: "Clyde council OKs …"
            continue
        if _is_bar_row(text):
            furniture.append(k)  # "会社案内｜個人情報の取り扱い｜リンクについて": a footer's links
            continue

        if _bulleted_under_chrome(paras, reasons, k):
            furniture.append(k)  # "・ローカル線はどこまで守れるのか？　…", under a pitch
            continue
        if (
            paras[k].words >= SHORT_SENTENCE
            and _ends_sentence(paras[k])
            and not unstopped
            and furniture
            and not _UNDER_LAST_LINE.match(paras[furniture[-1]].text)
        ):
            # the article's last paragraph, one short sentence ("Saken skal opp igjen i
            # budsjettbehandlingen i desember."): the lines under it are furniture all the same
            # (but a list's items right under it, "△잠실 두산 5-2 KIA", or a wire desk's
            # "(ΣΚ/ΜΠ)", close the article)
            for f in furniture:
                reasons[f] = "page furniture"
        return


def _furnish_past_chrome(reasons: list[str | None], furniture: list[int], k: int) -> None:
    """The tail's short lines (`furniture`, collected from the bottom up) that stand under
    other chrome below the article's line `k` are furniture; those right under it are the
    article's (a result's scorers, a list's rows)."""
    for f in furniture:
        if any(reasons[j] is not None for j in range(k + 1, f)):
            reasons[f] = "page furniture"


# A fact box's row: a label, its colon and a value ("Magnitud: 6.1", "Profundidad: 16 km")
_FACT_ROW = factored(r"[^\W\d_][^:：\n]{0,50}[:：]\s*\S")
FACT_ROWS = 3  # rows in a row: a fact box, not a footer's one contact line
FACT_ROW = 12  # words


def _fact_box(paras: Sequence[Paragraph], reasons: list[str | None], start: int) -> set[int]:
    """The rows of a fact box right under the article's last paragraph, with its title over
    them ("Datos preliminares del SSN", "Magnitud: 6.1", "Epicentro: …", "Profundidad: 16
    km"): the article's own. A footer's contacts come under other chrome, not under the
    article."""
    k = start
    title = (
        k < len(paras)
        and reasons[k] is None
        and _is_short(paras[k])
        and not _FACT_ROW.match(paras[k].text)
        and not _SENTENCE_END.search(paras[k].text)
    )
    rows = k + 1 if title else k
    end = rows
    while (
        end < len(paras)
        and reasons[end] in (None, "timestamp")
        and paras[end].words <= FACT_ROW
        and _FACT_ROW.match(paras[end].text)
    ):
        end += 1
    if end - rows < FACT_ROWS:
        return set()
    return set(range(k, end))


def _leads_in_to_figures(paras: Sequence[Paragraph], furniture: list[int], k: int) -> bool:
    """The lines right under a lead-in's colon (collected from the bottom up) all end with a
    figure: results or prices under "Other results:", the article's; a box's headlines under
    "Read next:" do not."""
    below: list[int] = []
    for row in range(k + 1, len(paras)):
        if row not in furniture or not _is_short(paras[row]):
            break  # (a longer line under the rows is no row of the list)
        below.append(row)
    return bool(below) and all(_ENDS_WITH_FIGURE.search(paras[row].text) for row in below)


_ENDS_WITH_FIGURE = factored(r"\d[\d\s.,:–-]*\W{0,12}$")
LIST_ITEMS = 2, 8  # a closing list's items under its lead-in: two at least, eight at most


def _leads_in_to_list(
    paras: Sequence[Paragraph], reasons: list[str | None], furniture: list[int], k: int
) -> bool:
    """A lead-in's colon with the article's prose over it (past any chrome between, a
    "Read also" line) and a short list right under it, its items no headlines that ask:
    the article closes with the list ("What members want:", "A special audit by the
    registrar", …); a box's "More from the region:" stands under no prose of its own."""
    if not _lead_in_sentence(paras[k]):
        return False
    below: list[int] = []
    for row in range(k + 1, len(paras)):
        if row not in furniture or not _is_short(paras[row]):
            break
        below.append(row)
    if not LIST_ITEMS[0] <= len(below) <= LIST_ITEMS[1]:
        return False
    if any(paras[row].text.rstrip().endswith(("?", "？")) for row in below):
        return False
    above = k - 1
    while above >= 0 and reasons[above] is not None:
        above -= 1
    return above >= 0 and is_prose(paras[above])


TAIL_HEADLINE = 20  # words: a related story's headline under the article
# A sentence's end inside the line ("… sept. »", "…六成。（完）").
# ("بالأرقام.. كم يتكلف …": two dots set an Arabic headline's parts apart)
# (a headline's question or exclamation before its second deck, "¿Qué pasará con el café?
# Esto dicen los expertos", "…演唱會？ 本報…開跑", is no sentence's stop)
# (a full stop of Chinese and Japanese ends a sentence wherever it stands: "「登録は簡単に、解約も
# 簡単に。それが…」" quotes two sentences, no headline)
_INNER_STOP = factored(r"(?<!\.)(?:\.[\s»”\"')（(]|。.|[!?！？][»”\"')（(])")
_OPENING_QUOTES = frozenset(_OPENERS + '"')
_CLOSING_QUOTES = factored(f'[{re.escape(_CLOSING)}"]')
# A quotation, whole, and its speaker in brackets after it
_QUOTE_AND_SPEAKER = factored(r"[「『“\"«„][^」』”\"»]+[」』”\"»“]\s*[（(][^（）()]{1,20}[）)]$")
# "מכבי נתניה – הפועל פתח תקווה 2:2", "Górnik Zabrze – Warta Poznań 2:1 (1:0)": a result, and
# its half-time score
# "4:2", "89-85 (47-40)", "3:2 PT (1:1, 0:1, 1:0, 1:0)": a result at the line's end, a mark
# of overtime or penalties after it, the periods' scores in brackets
_SCORE_END = factored(
    r"\d+\s*[:–-]\s*\d+(?:\s*[^\W\d_]{1,4}\.?){0,2}"
    r"(?:\s*[(（]\d+\s*[:–-]\s*\d+(?:\s*[,;]\s*\d+\s*[:–-]\s*\d+)*[)）])?$"
)
_TWO_SIDES = factored(r"\S\s[–—-]\s\S")  # "Górnik Zabrze – Warta Poznań"
# "Atlético Serrano 3 x 1 Comercial", "Kings 104–98 Lakers", "前橋北　2－1　青葉台": the score
# between the sides
# (a clock's "18:20" has two digits after its colon)
_MID_SCORE = factored(
    r"^[^\W\d][^.!?:;]{0,50}?\s\d{1,3}\s?(?:[x×–\-－対]\s?\d{1,3}|:\s?\d)\s[^\W\d][^.!?:;]{0,50}$"
)


_SIDE = r"[^\W\d][^\s.!?:;,…]*(?:\s[^\W\d][^\s.!?:;,…]*){0,2}"
_RESULT_LINE = factored(
    rf"^({_SIDE})\s\d{{1,3}}\s?[-–:x×－]\s?\d{{1,3}}\s({_SIDE})(?:\s?[(（][^()（）]{{1,20}}[)）])?$"
)


def _is_result_line(text: str) -> bool:
    """ "한화 5-4 두산(잠실)", "Real Madrid 2 - 1 Barcelona": a result alone on its line, each
    side a name (capitalised where the script has case, of two words at most where it has
    not); a headline with a score says more ("Hawkeyes hold off Illini 78-74 behind …",
    "울산, ACLE 홈경기서 0-1 패배…")."""
    match = _RESULT_LINE.match(text)
    if match is None:
        return False
    for side in match.groups():
        words = side.split()
        if any(c.isupper() or c.islower() for c in side):
            if not all(w[0].isupper() for w in words):
                return False
        elif len(words) > 2:
            return False
    return True


_TAIL_BULLET = factored(r"[・•▶▷►]\s*\S|[-–]\s\S")


def _bulleted_under_chrome(
    paras: Sequence[Paragraph], reasons: Sequence[str | None], k: int
) -> bool:
    """A bulleted line of a link's length at the page's tail, in a run of such lines right
    under chrome (a pitch, a box's header): a box's links, not the article's closing list,
    which stands under the article's prose (or an advert's label inside it)."""
    if not _TAIL_BULLET.match(paras[k].text) or paras[k].words > ONE_LINK:
        return False
    if _ends_sentence(paras[k]) and not _asks_as_headline(paras[k]):
        return False
    above = k - 1
    while above >= 0 and reasons[above] is None and _TAIL_BULLET.match(paras[above].text):
        above -= 1
    return above >= 0 and reasons[above] is not None and not _is_ad_label(paras[above].text)


def _is_tail_headline(text: str) -> bool:
    """A headline's shape after the article's last paragraph: no sentence's end (inside it
    either: "… sept. »" closes a quotation), no lead-in's colon, no list's bullet or live
    blog's time, no match's result."""
    stripped = text.rstrip()
    if stripped[:1] in _OPENING_QUOTES and not _CLOSING_QUOTES.search(stripped, 1):
        return False  # "“Unclosed at the very end …": a quotation the copy cut off
    return not (
        _SENTENCE_END.search(stripped)
        or _INNER_STOP.search(stripped)
        or ends_with_lead_in(stripped)
        or _LIST_OR_ENTRY.match(stripped)
        or _SCORE_END.search(stripped)
    )


_BARS = factored(r"\s*[|｜]\s*|\s[·•]\s|\u3000")  # (and ideographic spaces)
BAR_ITEM = 5  # words: a footer's link ("Terms of use", "個人情報の取り扱い")
BAR_MENU = 40  # words: a menu copied as one line of items between bars


def _is_bar_row(text: str) -> bool:
    """Three items or more set apart by bars, each a few words and none a sentence; or two,
    with a bar after the last ("Corrections and clarifications | Submit a news tip |")."""
    stripped = text.strip()
    items = [item for item in _BARS.split(stripped) if item]
    least = 2 if stripped.endswith(("|", "｜")) else 3
    return len(items) >= least and not any(
        count_words(item) > BAR_ITEM or _SENTENCE_END.search(item) for item in items
    )


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str | None:
    """The Unicode script family of a letter ("LATIN", "CYRILLIC", ...), None for non-letters."""
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    if not name:
        return None
    family = name.split(" ", 1)[0]
    # Japanese writes kanji, hiragana and katakana in one sentence; Chinese and Japanese
    # pages write full-width Latin letters and half-width kana among them.
    return _FAMILIES.get(family, family)


class _ScriptOf(dict[str, str | None]):
    """`script_of` as a dictionary's lookup, filled as characters come (a page's letters
    are looked up one by one: a dictionary's hit costs less than a cached call)."""

    def __missing__(self, ch: str) -> str | None:
        found = self[ch] = script_of(ch)
        return found


_SCRIPTS = _ScriptOf()
_FAMILIES = {"CJK": "HAN", "HIRAGANA": "HAN", "KATAKANA": "HAN", "KATAKANA-HIRAGANA": "HAN",
             "HALFWIDTH": "HAN", "FULLWIDTH": "HAN", "IDEOGRAPHIC": "HAN"}  # fmt: skip


_ASCII_LETTER = factored(r"[A-Za-z]")
_NON_ASCII = factored(r"[^\x00-\x7f]")


def _script_counts(text: str) -> Counter[str]:
    """Letters by script. ASCII letters are counted by a regex (most of an English page):
    naming every character was two fifths of loading an article."""
    named: Counter[str | None] = Counter(map(_SCRIPTS.__getitem__, _NON_ASCII.findall(text)))
    named.pop(None, None)
    counts = cast("Counter[str]", named)  # (no None left)
    latin = len(_ASCII_LETTER.findall(text))
    if latin:
        counts["LATIN"] += latin
    return counts


def dominant_script(text: str, sample: int = 50_000) -> str | None:
    """The script most of the page's letters are in. (Its characters are counted first, by
    `Counter` in C, and each kind named once: a page has thousands of letters and a few
    hundred kinds.)"""
    counts: Counter[str] = Counter()
    for char, n in Counter(text[:sample]).items():
        if char in _ASCII_LETTERS:
            counts["LATIN"] += n
        elif char > "\x7f":
            script = _SCRIPTS[char]
            if script:
                counts[script] += n
    return counts.most_common(1)[0][0] if counts else None


def _other_letters(text: str, script: str | None) -> frozenset[str]:
    """The page's letters of scripts other than its own (`script`) and Latin: a line is
    `_foreign` only with some of them. (Asked once a page: counting a line's letters by
    script cost a tenth of the marks of a page in another script than Latin.)"""
    return frozenset(
        char
        for char in set(text)
        if char > "\x7f" and _SCRIPTS[char] not in (None, script, "LATIN")
    )


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_PAST_LATIN = "\u0250"  # the first character past Latin-1 and Latin Extended-A and -B


def _foreign(text: str, script: str, others: frozenset[str]) -> bool:
    """Mostly in another script than the page's, and not in Latin letters: a page in any
    script writes brands, handles, code and acronyms in Latin ("pip install", "BTS").
    (`others`: the page's letters of other scripts, `_other_letters`: a line with none of
    them is in the page's script and Latin alone.)"""
    if text.isascii() or (script == "LATIN" and max(text) < _PAST_LATIN):
        return False  # Latin letters alone (with their accents, on a Latin page)
    if others.isdisjoint(text):
        return False  # (its letters counted, one of the two scripts would have half)
    counts = _script_counts(text)
    total = sum(counts.values())
    if total < 3 or counts[script] * 2 >= total:
        return False
    return counts["LATIN"] * 2 < total
