"""The zh-Hans catalogue is complete, compiled, and what Chinese-speaking users actually see.

The first test regenerates the catalogue from the current source in a copy of the package, so it
fails as soon as someone marks a new string for translation without translating it (or when a
changed string leaves a fuzzy guess behind). Fix it with `make messages`, translate the new
entries in src/tradebridge/locale/zh_Hans/LC_MESSAGES/django.po, and run `make messages` again.
"""

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories.directory import OrganisationFactory
from tradebridge.directory.models import Region

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tradebridge"
MESSAGES = PACKAGE / "locale" / "zh_Hans" / "LC_MESSAGES"
PO = MESSAGES / "django.po"
MO = MESSAGES / "django.mo"
GETTEXT_TOOLS = ("msgfmt", "xgettext", "msgmerge", "msguniq", "msgattrib")


def require_gettext_tools():
    """Skip without GNU gettext on a developer's machine; in CI (CI is set) fail instead."""
    missing = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing:
        reason = f"GNU gettext tools not installed: {', '.join(missing)} (apt-get install gettext)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def msgfmt_statistics(po: Path, output: Path | str = os.devnull) -> dict[str, int]:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(output), str(po)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr):
        counts[kind] = int(number)
    return counts


def fuzzy_and_untranslated(po: Path) -> list[str]:
    """The msgids msgattrib reports as fuzzy or untranslated, to name them in a failure."""
    found = []
    for option in ("--only-fuzzy", "--untranslated"):
        listing = subprocess.run(
            ["msgattrib", option, "--no-wrap", str(po)], capture_output=True, text=True, check=False
        ).stdout
        found += re.findall(r'^msgid "(.+)"$', listing, flags=re.MULTILINE)
    return found


def test_every_message_in_the_source_is_translated(tmp_path, monkeypatch, settings):
    require_gettext_tools()
    real_before = (PO.stat().st_mtime_ns, PO.read_bytes())
    copy = tmp_path / "tradebridge"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # makemessages writes into LOCALE_PATHS and into ./locale: point both at the copy.
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)

    call_command("makemessages", locale=["zh_Hans"], no_obsolete=True, verbosity=0)

    regenerated = copy / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    counts = msgfmt_statistics(regenerated)
    assert counts["translated"] > 300, counts
    problems = fuzzy_and_untranslated(regenerated)
    assert counts["untranslated"] == 0 and counts["fuzzy"] == 0, (
        f"{counts}: run `make messages`, translate these in {PO.relative_to(PACKAGE.parents[1])}"
        f" and remove their fuzzy flags, then run `make messages` again: {problems}"
    )
    assert (PO.stat().st_mtime_ns, PO.read_bytes()) == real_before, "the real catalogue changed"


def test_committed_catalogue_is_complete():
    require_gettext_tools()
    counts = msgfmt_statistics(PO)
    assert counts["untranslated"] == 0 and counts["fuzzy"] == 0, counts
    assert "#, fuzzy" not in PO.read_text(encoding="utf-8")
    header = PO.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert '"Language: zh_Hans\\n"' in header
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in header
    assert "charset=UTF-8" in header


def test_compiled_catalogue_matches_the_po(tmp_path):
    """A .po edited without `compilemessages` leaves a stale .mo: Django only reads the .mo."""
    require_gettext_tools()
    fresh = tmp_path / "django.mo"
    msgfmt_statistics(PO, fresh)
    with fresh.open("rb") as handle:
        expected = gettext.GNUTranslations(handle)._catalog
    with MO.open("rb") as handle:
        committed = gettext.GNUTranslations(handle)._catalog
    expected = {k: v for k, v in expected.items() if k != ""}
    committed = {k: v for k, v in committed.items() if k != ""}
    missing = sorted(str(k) for k in expected.keys() - committed.keys())
    extra = sorted(str(k) for k in committed.keys() - expected.keys())
    changed = sorted(
        str(k) for k in expected.keys() & committed.keys() if expected[k] != committed[k]
    )
    assert not (missing or extra or changed), (
        "django.mo is stale; run `make messages` (or compilemessages --locale zh_Hans): "
        f"missing {missing[:10]}, extra {extra[:10]}, changed {changed[:10]}"
    )


@pytest.fixture
def chinese_client(client, db):
    OrganisationFactory(
        name_en="Xiaomi",
        name_zh="小米",
        description_zh="智能手机",
        home_region=Region.objects.get(code="CN-BJ"),
    )
    client.cookies["django_language"] = "zh-hans"
    return client


NAVIGATION_ZH = ["机构", "人员", "地区", "行业", "搜索", "登录"]
NAVIGATION_EN = [">Organisations<", ">People<", ">Regions<", ">Sectors<", ">Search<", "Log in"]


@pytest.mark.parametrize(
    ("url", "chinese", "english"),
    [
        ("/", ["区域间贸易与投资合作", "搜索名录", "最近更新"], ["Search the directory"]),
        ("/organisations/", ["共 1 个机构", "筛选", "所有国家"], ["Filter", "Any country"]),
        ("/search/?q=小米", ["小米", "中文名、英文名或拼音"], ["Name in English"]),
        ("/accounts/login/", ["忘记密码？", "用户名", "密码"], ["Forgot your password?"]),
    ],
)
def test_pages_in_chinese(chinese_client, url, chinese, english):
    response = chinese_client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="zh-Hans"' in page
    for text in NAVIGATION_ZH + chinese:
        assert text in page, text
    for text in NAVIGATION_EN + english:
        assert text not in page, text
