"""`make bench`: LinkedIn import and Today timings, each next to a floor measured in the same run.

See docs/benchmarks.md for what is measured and why.
"""
