"""The assist pipeline: understand -> retrieve -> act -> draft -> score -> route."""
