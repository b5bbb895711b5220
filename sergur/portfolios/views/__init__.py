"""Views of the portfolio, by who uses them."""
