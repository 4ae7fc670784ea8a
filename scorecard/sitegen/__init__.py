"""Site generation: the compiled bank, the engine wheel and Pyodide into a static MkDocs site.

Runs in CPython only (Jinja2, MkDocs Material); nothing here is shipped to the browser.
"""
