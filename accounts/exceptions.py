class AccountError(Exception):
    """A member's request about their account that cannot be carried out; ``message`` is translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)
