"""Helpers for spreadsheet tests: uploads built from text or rows, as a browser would send them."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The user fixtures hash a password each; the production hasher costs ~1 s per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def csv_upload():
    """csv_upload(rows, encoding="utf-8") → an uploaded .csv file."""

    def make(rows: list[list[str]], encoding: str = "utf-8", name: str = "records.csv"):
        return SimpleUploadedFile(name, csv_bytes(rows, encoding), content_type="text/csv")

    return make


@pytest.fixture
def xlsx_upload():
    """xlsx_upload(rows) → an uploaded .xlsx file with ``rows`` on its first sheet."""

    def make(rows: list[list]):
        return SimpleUploadedFile("records.xlsx", xlsx_bytes(rows))

    return make


@pytest.fixture
def raw_upload():
    """raw_upload(content, name) → an uploaded file with exactly these bytes."""

    def make(content: bytes, name: str = "records.csv"):
        return SimpleUploadedFile(name, content)

    return make
