"""Site generation: the compiled bank, the engine wheel and Pyodide into a static MkDocs site.

Runs in CPython only (Jinja2, MkDocs Material); nothing here is shipped to the browser.
The defaults below are read by the CLI too, without importing the build code.
"""

LOCAL_HOST = "127.0.0.1"
LOCAL_PORT = 8000
DEFAULT_SITE_URL = f"http://{LOCAL_HOST}:{LOCAL_PORT}/"
