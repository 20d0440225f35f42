"""Benchmarks of extract-docs: a corpus generator and the measuring scripts (docs/benchmarks.md)."""
