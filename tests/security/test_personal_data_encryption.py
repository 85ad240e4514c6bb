"""Applicants' and writers' personal data are encrypted in the database and in the file
store, found by keyed hashes, and re-encrypted when the key is rotated."""

from pathlib import Path

import pytest
from django.core.exceptions import FieldError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from gov_disclosure.core import crypto
from gov_disclosure.core.file_checks import PNG
from gov_disclosure.core.storage import EncryptingStorageMixin
from gov_disclosure.requests.models import Applicant, ApplicantFile
from gov_disclosure.requests.services import applicant_file_store
from gov_disclosure.security.key_rotation import keys_in_use
from tests.disclosure_requests.conftest import PERSON, png_bytes, upload
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def stored_columns(applicant) -> dict:
    """The applicant's row as the database holds it, read around the model."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT name, phone, id_document_number, email, address, phone_digest "
            f"FROM {Applicant._meta.db_table} WHERE id = %s",
            [applicant.pk],
        )
        names = [column[0] for column in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))


def key_label(key: str, suite=1) -> str:
    import base64

    return f"{suite}:{crypto.Key(base64.urlsafe_b64decode(key)).id.hex()}"


def test_personal_fields_are_stored_encrypted_and_read_in_the_clear(submit):
    request = submit()
    row = stored_columns(request.applicant)

    for column in ("name", "phone", "id_document_number", "email", "address"):
        assert row[column].startswith("gde1:"), column
    assert "张三" not in str(row) and "13812345678" not in str(row)
    applicant = Applicant.objects.get(pk=request.applicant.pk)
    assert (applicant.name, applicant.phone, applicant.email) == (
        PERSON["name"], PERSON["phone"], PERSON["email"],
    )  # fmt: skip
    # Two encryptions of one value differ (a fresh nonce each time).
    assert submit().applicant and stored_columns(Applicant.objects.last())["name"] != row["name"]


def test_the_national_suite_encrypts_with_sm4(submit, settings):
    DisclosureSettingsOverride(settings).CRYPTOGRAPHY = "national"
    request = submit()
    token = stored_columns(request.applicant)["name"]

    assert crypto.text_decrypt(token) == "张三"
    assert crypto.base64.urlsafe_b64decode(token[5:])[0] == crypto.SUITES["national"]


def test_encrypted_fields_cannot_be_queried_by_content(submit):
    submit()
    with pytest.raises(FieldError, match="加密存储"):
        Applicant.objects.filter(name="张三").exists()


def test_the_office_finds_a_request_by_the_applicants_full_name_or_phone(client, staff, submit):
    mine = submit()
    other = submit(applicant={"name": "李四", "phone": "13900000000"})
    client.login(username=staff.office.username, password=PASSWORD)
    url = reverse("disclosure_requests_admin:index")

    for query in ("张三", "138 1234 5678", "138-1234-5678"):
        page = client.get(url, {"q": query}).content.decode()
        assert mine.reference in page and other.reference not in page, query
    assert mine.reference not in client.get(url, {"q": "张"}).content.decode()


def test_a_value_no_key_opens_is_an_error_not_shown(submit, settings):
    request = submit()
    DisclosureSettingsOverride(settings).PERSONAL_DATA_KEYS = [crypto.key_generate()]

    with pytest.raises(crypto.DecryptionError, match="没有指纹为"):
        Applicant.objects.get(pk=request.applicant.pk)


def test_private_files_are_encrypted_in_the_store_and_served_in_the_clear(client, staff, submit):
    request = submit()
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    stored.request = request
    stored.save()

    with stored.file.storage.raw_open(stored.file.name) as raw:
        on_disk = raw.read()
    assert on_disk.startswith(b"GDE1") and png_bytes() not in on_disk
    client.login(username=staff.office.username, password=PASSWORD)
    url = reverse("disclosure_requests_admin:file", args=[request.pk, "applicant", stored.pk])
    assert b"".join(client.get(url).streaming_content) == png_bytes()


def test_a_tampered_private_file_is_refused(submit):
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    path = Path(stored.file.path)
    data = bytearray(path.read_bytes())
    data[40] ^= 1
    path.write_bytes(bytes(data))

    with pytest.raises(crypto.DecryptionError):
        stored.file.open("rb").read()


def test_rotating_the_key_re_encrypts_values_and_files(submit, settings, capsys):
    old, new = crypto.key_generate(), crypto.key_generate()
    keys = DisclosureSettingsOverride(settings)
    keys.PERSONAL_DATA_KEYS = [old]
    request = submit()
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    stored.request = request
    stored.save()
    old_digest = Applicant.objects.get(pk=request.applicant.pk).phone_digest
    assert set(keys_in_use().values) == {key_label(old)}
    assert set(keys_in_use().files) == {key_label(old)}

    keys.PERSONAL_DATA_KEYS = [new, old]  # the new key first, the old one kept to read
    call_command("security_rotate_keys")
    usage = keys_in_use()
    assert set(usage.values) == {key_label(new)} and set(usage.files) == {key_label(new)}
    assert f"密钥 {key_label(new)}" in capsys.readouterr().out

    keys.PERSONAL_DATA_KEYS = [new]  # the old key dropped: everything still reads
    applicant = Applicant.objects.get(pk=request.applicant.pk)
    assert applicant.name == "张三"
    assert applicant.phone_digest != old_digest  # the lookup follows the new key
    assert applicant.phone_digest == crypto.lookup_digest("13812345678")
    assert ApplicantFile.objects.get(pk=stored.pk).file.open("rb").read() == png_bytes()


def test_values_and_files_from_before_encryption_are_read_and_then_encrypted(submit, settings):
    request = submit()
    with connection.cursor() as cursor:  # as an older version stored them
        cursor.execute(
            f"UPDATE {Applicant._meta.db_table} SET name = %s WHERE id = %s",
            ["王五", request.applicant.pk],
        )
    stored = ApplicantFile.objects.create(
        request=request, original_name="旧.png", content_type="image/png", size=3,
        stored_name="old.png",
    )  # fmt: skip
    storage = stored.file.field.storage
    name = storage.generate_filename("requests/applicants/old-plain.png")
    saved = super(EncryptingStorageMixin, storage)._save(name, ContentFile(b"old"))
    ApplicantFile.objects.filter(pk=stored.pk).update(file=saved)

    assert Applicant.objects.get(pk=request.applicant.pk).name == "王五"
    assert ApplicantFile.objects.get(pk=stored.pk).file.open("rb").read() == b"old"
    assert keys_in_use().values["plain"] == 1 and keys_in_use().files["plain"] == 1

    call_command("security_rotate_keys")
    usage = keys_in_use()
    assert "plain" not in usage.values and "plain" not in usage.files
    assert Applicant.objects.get(pk=request.applicant.pk).name == "王五"
    assert ApplicantFile.objects.get(pk=stored.pk).file.open("rb").read() == b"old"
