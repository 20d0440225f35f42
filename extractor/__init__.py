"""extract-docs: reads integration source statically and writes the platform's documentation."""

__version__ = "0.1.0"
