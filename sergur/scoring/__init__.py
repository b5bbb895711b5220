"""The page that scores a portfolio file with the rules core."""
