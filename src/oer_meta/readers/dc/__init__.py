"""The Dublin Core (oai_dc, qualified DC) reader."""
