"""The theme's Jinja templates, compiled once per process.

MkDocs makes a new Jinja environment for every build, which compiles every
template again: each translation's build, and each rebuild under `mkdocs serve`.
Jinja keys the compiled code by template and by a checksum of its source, so
an edited template is compiled again.
"""

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


# Imported by the hook, whose own module MkDocs loads anew with each configuration.
compiled_templates = CompiledTemplates()
