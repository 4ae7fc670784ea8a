"""Scorecard: a modern slavery risk self-assessment for UK local authorities."""

__version__ = "0.1.0"
