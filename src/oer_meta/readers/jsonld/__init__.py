"""The schema.org / LRMI JSON-LD reader, with JSON (Lines) plumbing."""
