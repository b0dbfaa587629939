"""Turn structured reasons into one sentence in English or Chinese.

Templates are marked with Django's ``gettext_noop`` so ``makemessages`` puts them in the
project's catalogue and are translated with ``gettext`` under ``translation.override(lang)``.
Until the zh-Hans catalogue carries them, the Chinese wording below is used as a fallback (and
without configured Django settings, e.g. in a bare script, too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from django.utils.translation import gettext, override


def gettext_noop(message: str) -> str:
    """Mark a template for ``makemessages`` without touching Django settings at import."""
    return message


NameLookup = Callable[[str, str, str], "str | None"]
"""(kind, code, language) -> display name or None; kinds: region, sector, hs."""

HS_NAMED = gettext_noop("both in {name} (HS {code})")
HS_CODE = gettext_noop("both in HS {code}")
SECTOR_SAME = gettext_noop("both in the {sector} sector")
SECTOR_BROADER = gettext_noop("their sector {sector} includes yours")
SECTOR_NARROWER = gettext_noop("their sector {sector} is part of yours")
TEXT_NEED_OFFER = gettext_noop("your need {need} matches their offer '{offer}'")
TEXT_OFFER_NEED = gettext_noop("your offer {offer} matches their need '{need}'")
DEAL = gettext_noop("your {mine} suits their {theirs}")
REGION_IN_TARGETS = gettext_noop("they are based in {region}, which you target")
REGION_TARGETS_YOU = gettext_noop("they target {region}")
PREFERRED = gettext_noop("on your preferred list")
MEETING_REQUESTED = gettext_noop("meeting already requested")
SEPARATOR = gettext_noop("; ")

DEAL_LABELS = {
    "export": gettext_noop("export"),
    "import": gettext_noop("import"),
    "distribution": gettext_noop("distribution"),
    "investment_in": gettext_noop("investment"),
    "investment_from": gettext_noop("project seeking investment"),
    "joint_venture": gettext_noop("joint venture"),
    "licensing_out": gettext_noop("licence offer"),
    "licensing_in": gettext_noop("licence need"),
    "services_offer": gettext_noop("services"),
    "services_need": gettext_noop("need for services"),
}

ZH_FALLBACK = {
    HS_NAMED: "同属{name}（HS {code}）",
    HS_CODE: "同属 HS {code}",
    SECTOR_SAME: "同属{sector}行业",
    SECTOR_BROADER: "对方所在行业{sector}涵盖您的行业",
    SECTOR_NARROWER: "对方所在行业{sector}属于您的行业",
    TEXT_NEED_OFFER: "您的需求“{need}”与对方提供的“{offer}”相符",
    TEXT_OFFER_NEED: "您提供的“{offer}”与对方的需求“{need}”相符",
    DEAL: "您的{mine}意向与对方的{theirs}意向互补",
    REGION_IN_TARGETS: "对方位于您的目标地区{region}",
    REGION_TARGETS_YOU: "对方的目标地区包括{region}",
    PREFERRED: "在您的优先名单中",
    MEETING_REQUESTED: "已申请会面",
    SEPARATOR: "；",
    "export": "出口",
    "import": "进口",
    "distribution": "分销",
    "investment": "投资",
    "project seeking investment": "寻求投资的项目",
    "joint venture": "合资",
    "licence offer": "技术许可",
    "licence need": "许可需求",
    "services": "服务",
    "need for services": "服务需求",
}


def translate(msgid: str, lang: str) -> str:
    """``gettext`` of a template in ``lang``, with the built-in Chinese as fallback."""
    from django.conf import settings

    text = msgid
    if settings.configured:
        with override(lang):
            text = gettext(msgid)
    if text == msgid and lang.lower().startswith("zh"):
        text = ZH_FALLBACK.get(msgid, msgid)
    return text


def _name(names: NameLookup | None, kind: str, code: str, lang: str) -> str | None:
    return names(kind, code, lang) if names is not None else None


def render_reason(reason: Mapping, lang: str = "en", names: NameLookup | None = None) -> str:
    """One reason as a phrase in ``lang`` ("en" or "zh-hans")."""
    kind = reason["kind"]
    if kind == "hs":
        name = _name(names, "hs", reason["code"], lang)
        if name:
            return translate(HS_NAMED, lang).format(name=name, code=reason["code"])
        return translate(HS_CODE, lang).format(code=reason["code"])
    if kind == "sector":
        sector = _name(names, "sector", reason["sector"], lang) or reason["sector"]
        template = {"same": SECTOR_SAME, "broader": SECTOR_BROADER}.get(
            reason["relation"], SECTOR_NARROWER
        )
        return translate(template, lang).format(sector=sector)
    if kind == "text":
        template = TEXT_NEED_OFFER if reason["direction"] == "need_offer" else TEXT_OFFER_NEED
        return translate(template, lang).format(need=reason["need"], offer=reason["offer"])
    if kind == "deal":
        mine = translate(DEAL_LABELS[reason["mine"]], lang)
        theirs = translate(DEAL_LABELS[reason["theirs"]], lang)
        return translate(DEAL, lang).format(mine=mine, theirs=theirs)
    if kind == "region":
        region = _name(names, "region", reason["region"], lang) or reason["region"]
        template = (
            REGION_IN_TARGETS if reason["relation"] == "in_your_targets" else (REGION_TARGETS_YOU)
        )
        return translate(template, lang).format(region=region)
    if kind == "preferred":
        return translate(PREFERRED, lang)
    if kind == "meeting_requested":
        return translate(MEETING_REQUESTED, lang)
    return kind


def render_reasons(
    reasons: Iterable[Mapping], lang: str = "en", names: NameLookup | None = None
) -> str:
    """All reasons of a recommendation as one sentence, first letter capitalised."""
    parts = [render_reason(r, lang, names) for r in reasons]
    sentence = translate(SEPARATOR, lang).join(p for p in parts if p)
    return sentence[:1].upper() + sentence[1:]
