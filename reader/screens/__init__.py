"""screens of the reader app."""
