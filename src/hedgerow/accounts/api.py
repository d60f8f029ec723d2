"""JSON API for one's own account: DELETE /api/v1/account, with the password in the body."""

from __future__ import annotations

from ninja import Router, Schema, Status

from hedgerow.accounts import services, throttle
from hedgerow.lib.api_errors import ErrorOut, FieldError
from hedgerow.lib.errors import InvalidInput
from hedgerow.lib.http import ApiRequest

router = Router(tags=["account"])


class DeleteAccountIn(Schema):
    password: str


@router.delete(
    "/account",
    response={204: None, 403: ErrorOut},
    summary="Delete your account and everything it owns, for good (asks for your password)",
)
def delete_account(request: ApiRequest, payload: DeleteAccountIn) -> Status[None]:
    try:
        services.check_password_to_delete(
            person=request.auth,
            password=payload.password,
            address=throttle.client_address(request),
        )
    except InvalidInput as error:
        message = str(error).removeprefix("password: ").capitalize()
        raise FieldError(403, message, field="password") from None
    services.delete_account(person=request.auth)
    return Status(204, None)
