"""Spreader: spread WhatsApp messages across several Zentra devices."""

__version__ = "0.1.0"
