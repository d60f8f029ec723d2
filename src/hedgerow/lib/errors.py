"""The one error every service raises for input it cannot use."""


class InvalidInput(ValueError):
    """A value a person gave us that we cannot use; the message names the field and why, in one
    plain sentence that views, the CLI and the API show as it is."""


class Conflict(InvalidInput):
    """A request that is fine in itself but cannot be done in the state things are in now (the
    round is closed, nobody is waiting on Today, the invitation has expired). The API answers
    409 for these and 422 for other InvalidInput; the pages and the CLI show the sentence."""
