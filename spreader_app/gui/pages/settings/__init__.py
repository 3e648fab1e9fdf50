"""Sections of the Settings page, each in its own module."""
