"""Scorecard: a modern slavery risk self-assessment for UK local authorities."""

__version__ = "0.1.0"  # the one place it is written: pyproject.toml and the engine wheel read it
