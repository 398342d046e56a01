"""Kefu: self-hosted agent-assist for e-commerce customer service."""

__version__ = "0.1.0"
