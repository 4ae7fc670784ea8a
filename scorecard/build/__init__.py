"""Build-time code: reading the YAML banks, checking them, and generating the site.

Runs in CPython only (PyYAML, jsonschema, MkDocs); the browser gets its output as JSON.
"""
