"""Shared loaders and helpers of the data-pack tests (not collected by pytest)."""
