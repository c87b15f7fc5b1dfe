"""XML plumbing shared by the LOM and Dublin Core readers: the streaming parse, the
safety checks, namespaces, the per-record context and accessibility elements."""
