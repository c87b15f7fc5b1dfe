"""Containers: HTML pages and Learning Registry envelopes.  They find the records they
carry and hand each payload to the reader they are given (the dispatcher injects it)."""
