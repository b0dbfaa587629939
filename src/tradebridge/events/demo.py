"""Demo events from the two reference articles.

China Daily USA (23 September 2015): the Seattle seminar of 22 September, "three hours", with
the San Francisco forum the day before and the Des Moines forum two days after, as one series.
Eastday (12 November 2020): the California Pavilion at CIIE 2020 in Shanghai, 5–10 November,
its online opening on 6 November, and the Sacramento export center's daily online mornings.

The articles give dates, not clock times. Every clock time below is illustrative, and each
description says so. Loading is idempotent: records are found by their English title.
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tradebridge.directory.demo.california_ciie_2020 import COUNCIL
from tradebridge.directory.demo.seattle_2015 import MOFCOM
from tradebridge.directory.demo.specs import (
    BAY_AREA_CHINA_OFFICE,
    TRADE_DEVELOPMENT_BUREAU,
    WASHINGTON_COMMERCE,
)
from tradebridge.directory.models import Organisation, Person, Region
from tradebridge.events.enums import (
    AttendanceMode,
    EventKind,
    EventStatus,
    HostRole,
    SessionKind,
    SpeakerRole,
)
from tradebridge.events.models import (
    ConsultationWindow,
    Event,
    EventHost,
    EventSeries,
    Exhibitor,
    Pavilion,
    Product,
    Session,
    SessionSpeaker,
)

ILLUSTRATIVE_EN = "The article gives the date only; the clock times shown are illustrative."
ILLUSTRATIVE_ZH = "报道只给出日期，所示具体时间为示意。"
SERIES_EN = "Chinese Provinces–US States trade and investment events, September 2015"
SERIES_ZH = "2015年9月中国省州贸易投资系列活动"
SEATTLE_EN = "Chinese Provinces–US State Trade and Investment Cooperation Seminar"
CIIE_EN = "China International Import Expo 2020 (CIIE)"
CONSULTATIONS_EN = "Sacramento MBDA Export Center: online consultation mornings at CIIE 2020"
PAVILION_EN = "California Pavilion"
SACRAMENTO = "Sacramento Minority Business Development Agency Export Center"
# The exhibitors the Eastday article names, in its order.
EXHIBITORS = ["MEBO Group", SACRAMENTO, "Fresno County", "Port of Oakland"]


def _at(day: datetime, clock: time, zone: str) -> datetime:
    """A local wall-clock time in ``zone`` as UTC (zoneinfo resolves daylight saving)."""
    return datetime.combine(day.date(), clock, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _organisation(name_en: str) -> Organisation | None:
    return Organisation.objects.filter(name_en=name_en).first()


def _person(name_en: str) -> Person | None:
    return Person.objects.filter(name_en=name_en).first()


def _event(counts: dict, title_en: str, **fields) -> Event:
    event = Event.objects.filter(title_en=title_en).first()
    if event is None:
        event = Event(title_en=title_en, status=EventStatus.PUBLISHED, **fields)
        event.full_clean()
        event.save()
        counts["events"] += 1
    return event


def _hosts(event: Event, hosts: list[tuple[str, str]]) -> None:
    for name_en, role in hosts:
        organisation = _organisation(name_en)
        if organisation is not None:
            EventHost.objects.get_or_create(event=event, organisation=organisation, role=role)


def _session(counts: dict, event: Event, title_en: str, speakers=(), **fields) -> Session:
    session = Session.objects.filter(event=event, title_en=title_en).first()
    if session is None:
        session = Session(event=event, title_en=title_en, **fields)
        session.full_clean()
        session.save()
        counts["sessions"] += 1
    for order, (name_en, role) in enumerate(speakers):
        person = _person(name_en)
        if person is not None:
            SessionSpeaker.objects.get_or_create(
                session=session, person=person, defaults={"role": role, "order": order}
            )
    return session


def _load_2015_series(counts: dict) -> None:
    tdb = _organisation(TRADE_DEVELOPMENT_BUREAU)
    series, created = EventSeries.objects.get_or_create(
        name_en=SERIES_EN,
        defaults={
            "name_zh": SERIES_ZH,
            "description_en": "Trade and investment promotion events under the framework of "
            "Chinese provinces–US states cooperation, during President Xi Jinping's 2015 visit "
            "to the United States.",
            "description_zh": "2015年习近平主席访美期间，"
            "中国省州合作框架下的贸易投资促进系列活动。",
            "owner": tdb,
        },
    )
    counts["series"] += int(created)
    pacific, central = "America/Los_Angeles", "America/Chicago"

    san_francisco = datetime(2015, 9, 21)
    event = _event(
        counts,
        "Chinese Provinces–the State of California Trade and Investment Forum",
        title_zh="中国省州—加利福尼亚州贸易投资论坛",
        kind=EventKind.FORUM,
        series=series,
        description_en="Held in San Francisco on Monday 21 September 2015 by the Chinese "
        f"Provinces–California Joint Working Group. {ILLUSTRATIVE_EN}",
        description_zh=f"2015年9月21日（星期一）由中国省州—加州联合工作组在旧金山举办。{ILLUSTRATIVE_ZH}",
        starts_at=_at(san_francisco, time(9), pacific),
        ends_at=_at(san_francisco, time(12), pacific),
        timezone=pacific,
        venue_en="San Francisco, California",
        venue_zh="加利福尼亚州旧金山",
        region=Region.objects.filter(code="US-CA").first(),
        languages="en,zh",
        owner=tdb,
    )

    seattle = datetime(2015, 9, 22)
    event = _event(
        counts,
        SEATTLE_EN,
        title_zh="中国省州—美国州贸易投资合作研讨会",
        kind=EventKind.SEMINAR,
        series=series,
        description_en="A three-hour seminar in Seattle on Tuesday 22 September 2015, a key "
        "event of President Xi Jinping's visit to the United States, with about 450 business "
        "leaders and government officials. It covered investment, e-commerce and agriculture, "
        "and saw the establishment of the Joint Working Group for Trade and Investment "
        "Cooperation between Chinese Provinces and the State of Washington. "
        f"{ILLUSTRATIVE_EN}",
        description_zh="2015年9月22日（星期二）在西雅图举行的三小时研讨会，是习近平主席访美期间的"
        "重要活动，约450名两国企业家和政府官员出席。议题涵盖投资、电子商务和农业；会上成立了中国省州"
        f"与华盛顿州贸易投资合作联合工作组。{ILLUSTRATIVE_ZH}",
        starts_at=_at(seattle, time(9), pacific),
        ends_at=_at(seattle, time(12), pacific),
        timezone=pacific,
        venue_en="Seattle, Washington",
        venue_zh="华盛顿州西雅图",
        region=Region.objects.filter(code="US-WA").first(),
        languages="en,zh",
        owner=tdb,
    )
    _hosts(
        event,
        [
            (MOFCOM, HostRole.CO_HOST),
            ("Office of the Governor of Washington", HostRole.CO_HOST),
            (TRADE_DEVELOPMENT_BUREAU, HostRole.ORGANISER),
            (WASHINGTON_COMMERCE, HostRole.ORGANISER),
            (
                "China Chamber of Commerce for Import and Export of Machinery and Electronic "
                "Products",
                HostRole.SUPPORTER,
            ),
            ("China Chamber of Commerce of Foodstuffs and Native Produce", HostRole.SUPPORTER),
            ("Tacoma-Pierce County Chamber of Commerce", HostRole.SUPPORTER),
            ("Washington State China Relations Council", HostRole.SUPPORTER),
            ("U.S. Department of Commerce", HostRole.SUPPORTER),
        ],
    )
    _session(
        counts,
        event,
        "Internet + Commerce",
        title_zh="互联网+商务",
        kind=SessionKind.PANEL,
        description_en="Panel discussion with Shen Boyang of LinkedIn and senior executives "
        f"from Baidu, Alibaba, ZTE and HP, and a Shanghai municipal official. {ILLUSTRATIVE_EN}",
        description_zh="领英沈博阳与百度、阿里巴巴、中兴、惠普的高管及上海市政府官员参加的专题讨论。"
        f"{ILLUSTRATIVE_ZH}",
        starts_at=_at(seattle, time(10), pacific),
        ends_at=_at(seattle, time(11), pacific),
        speakers=[("Shen Boyang", SpeakerRole.SPEAKER)],
    )
    _session(
        counts,
        event,
        "Signing of the MOU between MOFCOM and Washington state",
        title_zh="商务部与华盛顿州签署谅解备忘录",
        kind=SessionKind.SIGNING_CEREMONY,
        description_en="Zhang Xiangchen and Joby Shimomura co-sign an MOU that lets Liaoning, "
        "Shanghai, Hunan, Guangdong, Sichuan and Shaanxi expand trade and investment "
        f"cooperation with Washington state. {ILLUSTRATIVE_EN}",
        description_zh="张向晨与乔比·下村共同签署谅解备忘录，推动辽宁、上海、湖南、广东、四川和陕西"
        f"与华盛顿州扩大贸易投资合作。{ILLUSTRATIVE_ZH}",
        starts_at=_at(seattle, time(11, 15), pacific),
        ends_at=_at(seattle, time(11, 45), pacific),
        speakers=[
            ("Zhang Xiangchen", SpeakerRole.SPEAKER),
            ("Joby Shimomura", SpeakerRole.SPEAKER),
        ],
    )

    des_moines = datetime(2015, 9, 24)
    _event(
        counts,
        "Chinese Provinces–the State of Iowa Trade and Investment Forum",
        title_zh="中国省州—艾奥瓦州贸易投资论坛",
        kind=EventKind.FORUM,
        series=series,
        description_en="Held in Des Moines, Iowa, on Thursday 24 September 2015 by the Chinese "
        f"Provinces–Iowa Joint Working Group. {ILLUSTRATIVE_EN}",
        description_zh=f"2015年9月24日（星期四）由中国省州—艾奥瓦州联合工作组在得梅因举办。{ILLUSTRATIVE_ZH}",
        starts_at=_at(des_moines, time(9), central),
        ends_at=_at(des_moines, time(12), central),
        timezone=central,
        venue_en="Des Moines, Iowa",
        venue_zh="艾奥瓦州得梅因",
        region=Region.objects.filter(code="US-IA").first(),
        languages="en,zh",
        owner=tdb,
    )


def _load_ciie_2020(counts: dict) -> None:
    bay_area = _organisation(BAY_AREA_CHINA_OFFICE)
    shanghai, pacific = "Asia/Shanghai", "America/Los_Angeles"
    event = _event(
        counts,
        CIIE_EN,
        title_zh="第三届中国国际进口博览会",
        kind=EventKind.EXPO,
        description_en="The third CIIE, Shanghai, 5–10 November 2020. Californian companies and "
        "industry associations showed products and services in the California Pavilion in the "
        "smart equipment exhibition area; the California delegation, led by the Bay Area "
        "Council, took part online because of the pandemic. Daily opening hours shown are "
        "illustrative.",
        description_zh="第三届进博会，2020年11月5日至10日，上海。加州企业和行业协会在智能及高端装备"
        "展区的加州馆展示产品和服务；受疫情影响，湾区委员会率领的加州代表团在线参展。所示每日开放时间为示意。",
        starts_at=_at(datetime(2020, 11, 5), time(9), shanghai),
        ends_at=_at(datetime(2020, 11, 10), time(17), shanghai),
        timezone=shanghai,
        venue_en="National Exhibition and Convention Center, Shanghai",
        venue_zh="上海国家会展中心",
        region=Region.objects.filter(code="CN-SH").first(),
        attendance_mode=AttendanceMode.HYBRID,
        languages="en,zh",
        owner=bay_area,
    )
    _hosts(event, [(COUNCIL, HostRole.ORGANISER)])
    _session(
        counts,
        event,
        "Opening ceremony of the California Pavilion",
        title_zh="加州馆开幕式",
        kind=SessionKind.CEREMONY,
        description_en="On 6 November. Officials of the California state government and of "
        "cities and counties, locked down at home, joined online. The time is illustrative.",
        description_zh="11月6日举行。居家的加州政府及市县官员通过视频参加。所示时间为示意。",
        starts_at=_at(datetime(2020, 11, 6), time(10), shanghai),
        ends_at=_at(datetime(2020, 11, 6), time(11), shanghai),
        is_online=True,
        speakers=[
            ("Jennifer Zou", SpeakerRole.MODERATOR),
            ("Max Oltersdorf", SpeakerRole.SPEAKER),
            ("Libby Schaaf", SpeakerRole.SPEAKER),
        ],
    )

    consultations = _event(
        counts,
        CONSULTATIONS_EN,
        title_zh="萨克拉门托少数族裔企业发展署出口中心：进博会每日在线咨询",
        kind=EventKind.ONLINE_CONSULTATIONS,
        description_en="From 5 to 10 November 2020, every morning, staff of the Export Center "
        "of the Sacramento Minority Business Development Agency were online to talk with the "
        "consultants at the CIIE site. The hours shown are illustrative.",
        description_zh="2020年11月5日至10日每天上午，萨克拉门托少数族裔企业发展署出口中心的工作人员在线"
        "与进博会现场的咨询人员交流。所示时间为示意。",
        starts_at=_at(datetime(2020, 11, 5), time(8), pacific),
        ends_at=_at(datetime(2020, 11, 10), time(11), pacific),
        timezone=pacific,
        attendance_mode=AttendanceMode.ONLINE,
        languages="en",
        owner=bay_area,
    )
    _hosts(
        consultations,
        [("Sacramento Minority Business Development Agency Export Center", HostRole.ORGANISER)],
    )
    for offset in range(6):
        day = datetime(2020, 11, 5) + timedelta(days=offset)
        _session(
            counts,
            consultations,
            f"Consultation hours, {day:%-d} November",
            title_zh=f"在线咨询（11月{day.day}日）",
            kind=SessionKind.CONSULTATION_HOUR,
            starts_at=_at(day, time(8), pacific),
            ends_at=_at(day, time(11), pacific),
            is_online=True,
        )


def _load_california_pavilion(counts: dict) -> None:
    ciie = Event.objects.get(title_en=CIIE_EN)
    pavilion = Pavilion.objects.filter(event=ciie, name_en=PAVILION_EN).first()
    if pavilion is None:
        pavilion = Pavilion.objects.create(
            event=ciie,
            name_en=PAVILION_EN,
            name_zh="加州馆",
            description_en="Californian companies and industry associations promoting products "
            "and services at CIIE 2020. The delegation, led by the Bay Area Council for the "
            "third time, took part online because of the pandemic. The consultation hours "
            'shown are illustrative: the article says only "every day in the morning".',
            description_zh="加州企业和行业协会在2020年进博会推介产品和服务。由湾区委员会第三次率领的"
            "代表团因疫情在线参展。所示咨询时段为示意：报道只说“每天上午”。",
            host_organisation=_organisation(COUNCIL),
            host_region=Region.objects.filter(code="US-CA").first(),
            area_en="Smart equipment",
            area_zh="智能及高端装备展区",
        )
        counts["pavilions"] += 1
    for name_en in EXHIBITORS:
        organisation = _organisation(name_en)
        if organisation is None:
            continue
        _exhibitor, created = Exhibitor.objects.get_or_create(
            pavilion=pavilion, organisation=organisation
        )
        counts["exhibitors"] += int(created)
    sacramento = Exhibitor.objects.filter(
        pavilion=pavilion, organisation__name_en=SACRAMENTO
    ).first()
    if sacramento is None:
        return
    if not sacramento.products.exists():
        Product.objects.create(
            exhibitor=sacramento,
            title_en="Online consultations for export to China",
            title_zh="对华出口在线咨询",
            description_en="Staff of the Export Center talk online with the consultants at the "
            "CIIE site about California's businesses, products and services.",
            description_zh="出口中心工作人员在线与进博会现场的咨询人员交流加州企业、产品和服务。",
        )
    pacific = "America/Los_Angeles"
    if not sacramento.consultation_windows.exists():
        # "From November 5 to 10, every day in the morning": 08:00–11:00 is illustrative.
        ConsultationWindow.objects.bulk_create(
            ConsultationWindow(
                exhibitor=sacramento,
                starts_at=_at(day, time(8), pacific),
                ends_at=_at(day, time(11), pacific),
                timezone=pacific,
                slot_minutes=20,
            )
            for day in (datetime(2020, 11, 5) + timedelta(days=n) for n in range(6))
        )
        counts["consultation_windows"] += 6


def load_events() -> dict[str, int]:
    """The demo events, sessions, series and the California Pavilion; returns what it created."""
    counts = {
        "series": 0,
        "events": 0,
        "sessions": 0,
        "pavilions": 0,
        "exhibitors": 0,
        "consultation_windows": 0,
    }
    _load_2015_series(counts)
    _load_ciie_2020(counts)
    _load_california_pavilion(counts)
    return counts
