"""`make bench`: how fast the API is next to the simplest code that gives the same answer.

Run with `python -m benchmarks [--quick] [--only NAME ...]` (see `__main__.py`). Every
measurement alternates its two variants (A, B, A, B, ...) in the same process on the same
store and reports medians with their spread; see RESULTS.md for the last run.
"""
