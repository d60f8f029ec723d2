"""The one error every service raises for input it cannot use."""


class InvalidInput(ValueError):
    """A value a person gave us that we cannot use; the message names the field and why, in one
    plain sentence that views, the CLI and the API show as it is."""
