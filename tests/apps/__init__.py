"""Realistic web apps of the OpenAPI runtime oracle (tests/test_openapi.py): read statically by
the tool, imported for real by the test to compare with `app.openapi()`."""
