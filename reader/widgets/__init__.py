"""widgets of the reader app."""
