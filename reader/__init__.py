"""reader: a terminal reading app for following a story through many news articles."""
