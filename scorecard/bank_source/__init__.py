"""Authoring time: the YAML question banks read with line numbers, checked, and compiled to JSON.

Runs in CPython only (PyYAML, jsonschema); the engine and the browser get the compiled bank.
"""
