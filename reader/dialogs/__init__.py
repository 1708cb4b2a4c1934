"""dialogs of the reader app."""
