"""Runs the snippets under snippets/ and turns their outputs into Markdown.

The MkDocs hook (scripts/mkdocs_hooks.py) only wires these modules to build
events; every module here is plain Python with plain inputs and outputs:

- directives: finds `{{ run("...") }}` lines in a page.
- sources: which files a snippet's output depends on (itself and local imports).
- cache: results on disk, keyed by everything that changes an output.
- worker / worker_main: the long-lived process that imports TensorFlow once.
- terminal: what a terminal would show for captured text, with volatile parts marked.
- engine: results for a set of snippets, from the cache or from the worker.
- render: the Markdown that replaces a directive.
"""
