"""The site's own date formats (FORMAT_MODULE_PATH): English dates in one format."""
