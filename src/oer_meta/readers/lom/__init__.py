"""The IEEE LOM reader."""
