"""Offline evaluation suites; reached only through `kefu eval`."""
