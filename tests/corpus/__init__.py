"""Test data: tricky pydantic models, read statically by the tool and imported by the judges.

Each module is one theme. tests/test_corpus.py gathers and resolves this folder as one
integration, turns every model into TypeScript in both modes, and proves each interface
identical to json-schema-to-typescript's reading of `model_json_schema(mode=...)`.
`models_unresolvable` imports a package that is not installed: it is read, never imported.
"""
