from __future__ import annotations

import tempfile

from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hedgerow.lib.http import AuthenticatedHttpRequest
from hedgerow.portability.export import file_name, write_zip


@require_POST
def download_export(request: AuthenticatedHttpRequest) -> FileResponse:
    """Settings' "Download everything": the same .zip as `hedgerow export --all`, built in a
    temporary file (gone once sent), so a big network never sits in memory."""
    target = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    write_zip(request.user, target)
    target.seek(0)
    name = file_name(request.user, timezone.localdate())
    return FileResponse(target, as_attachment=True, filename=name, content_type="application/zip")
