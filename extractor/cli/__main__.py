"""`python -m extractor.cli`: the same as the `extract-docs` command."""

from extractor.cli import main

main()
