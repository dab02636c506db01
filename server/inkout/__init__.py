"""inkout: find sensitive text in images and paint it over, behind DLP's RedactImage API."""

__version__ = "0.1.0"
