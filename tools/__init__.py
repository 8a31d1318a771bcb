"""Developer tools, outside the product's packages: they may drive the terminal and
a central together (``lint-imports`` does not check them), as the tests do."""
