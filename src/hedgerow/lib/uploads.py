"""Uploads past HEDGEROW_MAX_UPLOAD_BYTES are dropped as they arrive, never written to disk.

The handler goes first in FILE_UPLOAD_HANDLERS. A file whose request is declared too big, or
which grows past the cap while it streams in (a chunked upload declares nothing), is skipped;
the rest of the form (its CSRF token, its choices) is read as usual, and the view finds on
`request.upload_refused` how big the file was, to say so in one sentence.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

# The form's other fields and the multipart framing take a little room besides the file.
FRAMING = 1 << 20


class CappedUploadHandler(FileUploadHandler):
    declared = 0

    def handle_raw_input(self, input_data: Any, META: Any, content_length: int, *args: Any) -> None:
        self.declared = content_length

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        if self.declared > settings.HEDGEROW_MAX_UPLOAD_BYTES + FRAMING:
            self._refuse(self.declared)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.HEDGEROW_MAX_UPLOAD_BYTES:
            self._refuse(max(self.declared, start + len(raw_data)))
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler keeps the file

    def _refuse(self, size: int) -> None:
        if self.request is not None:
            self.request.upload_refused = size  # type: ignore[attr-defined]
        raise SkipFile
