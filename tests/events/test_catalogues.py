import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.accounts import UserFactory
from tests.factories.events import ExhibitorFactory, image_upload
from tradebridge.directory.models import Sector
from tradebridge.events.domain.catalogues import add_product, delete_product, update_product
from tradebridge.events.domain.pavilions import contact_exhibitor
from tradebridge.events.models import Lead, Product
from tradebridge.events.validators import PRODUCT_IMAGE_MAX_BYTES, normalise_hs_codes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def exhibitor(agency, company):
    return ExhibitorFactory(pavilion__event__owner=agency, organisation=company)


def test_the_exhibiting_company_keeps_its_own_catalogue(representative, exhibitor):
    product = add_product(
        representative, exhibitor,
        {"title_en": "Smart irrigation controller", "title_zh": "智能灌溉控制器",
         "hs_codes": "8424,842482"},
    )  # fmt: skip
    assert product.hs_code_list() == ["8424", "842482"]
    with pytest.raises(ValidationError) as error:
        add_product(representative, exhibitor, {"title_en": "X", "hs_codes": "84x"})
    assert "hs_codes" in error.value.message_dict
    other = ExhibitorFactory(pavilion=exhibitor.pavilion)
    with pytest.raises(PermissionDenied):
        add_product(representative, other, {"title_en": "Not ours"})


@pytest.mark.parametrize("codes", ["84", "8479", "847989", "84798999", "84,8479,847989"])
def test_hs_codes_of_two_four_six_or_eight_digits(staff_user, exhibitor, codes):
    assert (
        add_product(staff_user, exhibitor, {"title_en": "X", "hs_codes": codes}).hs_codes == codes
    )


@pytest.mark.parametrize("codes", ["8", "847", "84798", "8479899912", "8479,", "8479;8424", "HS84"])
def test_other_hs_codes_are_refused(staff_user, exhibitor, codes):
    with pytest.raises(ValidationError) as error:
        add_product(staff_user, exhibitor, {"title_en": "X", "hs_codes": codes})
    assert "2, 4, 6 or 8 digits" in error.value.message_dict["hs_codes"][0]
    assert not Product.objects.exists()


def test_typed_hs_codes_are_normalised():
    assert normalise_hs_codes(" 8479.89, 8424；8479 8479.89 ") == "847989,8424,8479"
    assert normalise_hs_codes("") == ""


def test_organisers_change_and_delete_catalogue_entries(staff_user, exhibitor):
    sector = Sector.objects.first()
    product = add_product(staff_user, exhibitor, {"title_en": "Robot arm"}, [sector])
    update_product(staff_user, product, {"title_zh": "机械臂", "hs_codes": "8479"}, sectors=[])
    product.refresh_from_db()
    assert (product.title_en, product.title_zh, product.hs_codes) == ("Robot arm", "机械臂", "8479")
    assert not product.sectors.exists()
    with pytest.raises(ValidationError) as error:
        update_product(staff_user, product, {"title_en": "", "title_zh": ""})
    assert "title_en" in error.value.message_dict
    product.refresh_from_db()
    assert product.title_en == "Robot arm"
    delete_product(staff_user, product)
    assert not Product.objects.exists()


def test_other_agencies_and_companies_cannot_touch_a_catalogue(
    exhibitor, staff_user, other_staff_user
):
    product = add_product(staff_user, exhibitor, {"title_en": "Robot arm"})
    stranger = UserFactory(role="company_representative")
    for user in (other_staff_user, stranger):
        with pytest.raises(PermissionDenied):
            update_product(user, product, {"title_en": "Mine now"})
        with pytest.raises(PermissionDenied):
            delete_product(user, product)
    assert Product.objects.get().title_en == "Robot arm"


def test_a_lead_outlives_the_product_it_named(staff_user, exhibitor):
    product = add_product(staff_user, exhibitor, {"title_en": "Robot arm"})
    lead = contact_exhibitor(UserFactory(), exhibitor, "Price?", product)
    delete_product(staff_user, product)
    lead.refresh_from_db()
    assert lead.product is None and lead.message == "Price?"
    assert Lead.objects.count() == 1


def test_images_are_stored_replaced_and_removed(
    staff_user, exhibitor, media, django_capture_on_commit_callbacks
):
    product = add_product(staff_user, exhibitor, {"title_en": "Robot arm", "image": image_upload()})
    first = media / product.image.name
    assert first.exists()
    with django_capture_on_commit_callbacks(execute=True):
        update_product(staff_user, product, {"image": image_upload("arm.webp", "WEBP")})
    assert not first.exists() and (media / product.image.name).exists()
    second = media / product.image.name
    with django_capture_on_commit_callbacks(execute=True):
        update_product(staff_user, product, {"image": False})
    product.refresh_from_db()
    assert not product.image and not second.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("arm.png", b"not an image at all"), "JPEG, PNG, WebP or GIF"),
        (SimpleUploadedFile("arm.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
         "JPEG, PNG, WebP or GIF"),
        (image_upload("arm.bmp", "BMP"), "JPEG, PNG, WebP or GIF"),
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * PRODUCT_IMAGE_MAX_BYTES), "2 MB"),
    ],
)  # fmt: skip
def test_images_are_checked_for_type_and_size(staff_user, exhibitor, upload, message):
    with pytest.raises(ValidationError) as error:
        add_product(staff_user, exhibitor, {"title_en": "Robot arm", "image": upload})
    assert message in error.value.message_dict["image"][0]
    assert not Product.objects.exists()
