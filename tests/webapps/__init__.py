"""Realistic web-app integrations the framework tests extract and then import for real (runtime oracle)."""
