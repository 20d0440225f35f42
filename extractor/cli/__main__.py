"""`python -m extractor.cli`: the same as the `extract-docs` command."""

from . import main

main()
