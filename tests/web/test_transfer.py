import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.directory import OrganisationFactory
from tradebridge.directory.models import Organisation

HEADER = "kind,name_en,name_zh,home_region,sectors,website,is_sme\n"


def _upload(client, text: str, mode: str):
    file = SimpleUploadedFile("orgs.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(
        reverse("web:transfer"), {"kind": "organisations", "file": file, "mode": mode}
    )


def test_dry_run_lists_bad_rows_and_imports_nothing(client, staff_user):
    client.force_login(staff_user)
    response = _upload(
        client,
        HEADER + "company,Fresno Almonds,,US-CA,dairy,,yes\ncompany,,,US-XX,,not a url,maybe\n",
        "dry_run",
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert 'id="import-report"' in page
    assert "<td>3</td>" in page  # the bad row, counting the header as row 1
    assert not Organisation.objects.filter(name_en="Fresno Almonds").exists()


def test_valid_file_is_imported(client, staff_user, agency):
    client.force_login(staff_user)
    response = _upload(
        client, HEADER + "company,Fresno Almonds,弗雷斯诺杏仁,US-CA,dairy,,yes\n", "all"
    )
    assert response.status_code == 200
    organisation = Organisation.objects.get(name_en="Fresno Almonds")
    assert (organisation.owner, organisation.is_sme) == (agency, True)


def test_export_is_escaped_and_limited_to_what_the_user_sees(client, staff_user, other_agency):
    OrganisationFactory(name_en='=HYPERLINK("http://evil")', name_zh="")
    OrganisationFactory(name_en="Hidden", owner=other_agency, visibility="private")
    client.force_login(staff_user)
    response = client.get(reverse("web:export", args=["organisations", "csv"]))
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row["name_en"] for row in rows]
    assert '\'=HYPERLINK("http://evil")' in names
    assert "Hidden" not in names


def test_unknown_export_format_is_404(client, staff_user):
    client.force_login(staff_user)
    assert client.get(reverse("web:export", args=["organisations", "pdf"])).status_code == 404
    assert client.get(reverse("web:export", args=["planets", "csv"])).status_code == 404


def test_missing_file_is_a_form_error(client, staff_user):
    client.force_login(staff_user)
    response = client.post(reverse("web:transfer"), {"kind": "organisations", "mode": "all"})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_admin_site_is_for_platform_admins(client, admin_user, staff_user):
    client.force_login(admin_user)
    assert client.get("/admin/directory/region/").status_code == 200
    client.force_login(staff_user)
    assert client.get("/admin/directory/region/").status_code == 302
