"""The attachments of an exported catalogue: a folder, or a ZIP of it, whose files the
rows name by their path inside it ("2024/通知.pdf" or just "通知.pdf")."""

import contextlib
import re
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath

_SEPARATORS = re.compile(r"[;；|\n]+")


def attachment_names(value) -> list[str]:
    """The file names a row's 附件 cell lists (separated by ; ； | or line breaks)."""
    return [name.strip() for name in _SEPARATORS.split(str(value or "")) if name.strip()]


def _key(name: str) -> str:
    # Exports mix \\ and /, full-width forms and NFD file names from macOS.
    return unicodedata.normalize("NFC", name.replace("\\", "/")).strip("/").casefold()


class AttachmentSource:
    """Files found by the name a row gives: the full path inside the folder or ZIP, or the
    bare file name when only one file has it."""

    def __init__(self, files: dict[str, object]):
        self._files = {_key(path): handle for path, handle in files.items()}
        by_name: dict[str, list[str]] = {}
        for path in self._files:
            by_name.setdefault(PurePosixPath(path).name, []).append(path)
        self._by_name = {name: paths[0] for name, paths in by_name.items() if len(paths) == 1}

    def find(self, name: str):
        key = _key(name)
        if key in self._files:
            return key
        return self._by_name.get(PurePosixPath(key).name)

    def size(self, key: str) -> int:
        raise NotImplementedError

    def read(self, key: str) -> bytes:
        raise NotImplementedError

    def close(self) -> None:
        """Release the archive, if any."""


class FolderAttachments(AttachmentSource):
    def __init__(self, folder: Path):
        folder = Path(folder)
        super().__init__(
            {
                str(path.relative_to(folder).as_posix()): path
                for path in folder.rglob("*")
                if path.is_file()
            }
        )

    def size(self, key: str) -> int:
        return self._files[key].stat().st_size

    def read(self, key: str) -> bytes:
        return self._files[key].read_bytes()


class ZipAttachments(AttachmentSource):
    def __init__(self, archive):
        self._zip = zipfile.ZipFile(archive)
        files = {}
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            name = info.filename
            if not info.flag_bits & 0x800:  # not flagged UTF-8: Chinese Windows zips use GBK
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    name = name.encode("cp437").decode("gb18030")
            files[name] = info
        super().__init__(files)

    def size(self, key: str) -> int:
        return self._files[key].file_size

    def read(self, key: str) -> bytes:
        return self._zip.read(self._files[key])

    def close(self) -> None:
        self._zip.close()


class NoAttachments(AttachmentSource):
    def __init__(self):
        super().__init__({})


def attachment_source(path: Path | None) -> AttachmentSource:
    """A folder, a ZIP file, or nothing."""
    if path is None:
        return NoAttachments()
    path = Path(path)
    if path.is_dir():
        return FolderAttachments(path)
    return ZipAttachments(path)
