"""The package version, in one place (imported by ``arquotes`` and by every record written)."""

__version__ = "0.1.0"
