"""Errors the core raises; the service layer maps each to one gRPC status."""


class InkoutError(Exception):
    """Base class: the message is shown to the caller, so it must say what to fix."""


class InvalidArgument(InkoutError):
    """The request itself is wrong (bytes, info types, regexes, limits)."""


class ResourceExhausted(InkoutError):
    """The request is acceptable in form but too large for the configured limits."""


class DeadlineExceeded(InkoutError):
    """The caller's deadline passed before the work finished."""
