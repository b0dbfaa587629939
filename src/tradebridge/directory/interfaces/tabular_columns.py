"""The columns of directory spreadsheets, shared by import and export so that they agree.

Column names are the model field names. Imports also accept a few Chinese (and spelled-out
English) headers, because a Chinese agency's spreadsheet rarely says ``name_zh``.
"""

import unicodedata

ORGANISATION_COLUMNS = (
    "kind",
    "name_en",
    "name_zh",
    "short_name",
    "description_en",
    "description_zh",
    "home_region",
    "parent",
    "sectors",
    "website",
    "is_sme",
    "visibility",
)

PERSON_COLUMNS = (
    "name_en",
    "name_zh",
    "title_en",
    "title_zh",
    "email",
    "phone",
    "languages",
    "timezone",
    "data_protection_region",
    "organisation",
    "role_en",
    "role_zh",
    "visibility",
)

# Person columns an exporter leaves empty unless the reader may see the person's contact details.
CONTACT_COLUMNS = frozenset({"email", "phone"})

_SHARED_ALIASES = {
    "英文名称": "name_en",
    "英文名": "name_en",
    "english name": "name_en",
    "name (english)": "name_en",
    "中文名称": "name_zh",
    "中文名": "name_zh",
    "chinese name": "name_zh",
    "name (chinese)": "name_zh",
    "可见性": "visibility",
    "公开范围": "visibility",
}

_ORGANISATION_ALIASES = {
    **_SHARED_ALIASES,
    "名称": "name_zh",
    "类型": "kind",
    "类别": "kind",
    "简称": "short_name",
    "英文简介": "description_en",
    "英文介绍": "description_en",
    "简介": "description_zh",
    "中文简介": "description_zh",
    "介绍": "description_zh",
    "所在地区": "home_region",
    "所在地": "home_region",
    "地区": "home_region",
    "region": "home_region",
    "上级机构": "parent",
    "上级单位": "parent",
    "行业": "sectors",
    "行业领域": "sectors",
    "网站": "website",
    "网址": "website",
    "中小企业": "is_sme",
    "sme": "is_sme",
}

_PERSON_ALIASES = {
    **_SHARED_ALIASES,
    "姓名": "name_zh",
    "中文姓名": "name_zh",
    "英文姓名": "name_en",
    "职务": "title_zh",
    "中文职务": "title_zh",
    "英文职务": "title_en",
    "电子邮件": "email",
    "电子邮箱": "email",
    "邮箱": "email",
    "电话": "phone",
    "手机": "phone",
    "语言": "languages",
    "时区": "timezone",
    "数据保护地区": "data_protection_region",
    "机构": "organisation",
    "单位": "organisation",
    "所属机构": "organisation",
    "organization": "organisation",
    "角色": "role_zh",
    "中文角色": "role_zh",
    "英文角色": "role_en",
}

COLUMNS = {"organisations": ORGANISATION_COLUMNS, "people": PERSON_COLUMNS}
ALIASES = {"organisations": _ORGANISATION_ALIASES, "people": _PERSON_ALIASES}


def normalise_header(header: str) -> str:
    """Full-width forms folded (（中文）→ (中文)), case and surrounding space ignored."""
    return " ".join(unicodedata.normalize("NFKC", header).strip().lower().split())


def column_for(header: str, kind: str) -> str | None:
    """The column a header names, or None when it names none of ``kind``'s columns."""
    name = normalise_header(header)
    canonical = name.replace(" ", "_").replace("-", "_")
    if canonical in COLUMNS[kind]:
        return canonical
    return ALIASES[kind].get(name)
