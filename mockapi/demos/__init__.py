"""Bundled demo OpenAPI specs, their seed fixtures and the catalog describing them."""
