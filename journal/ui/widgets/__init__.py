"""Small building blocks the screens and dialogs share: styles, formatting, status lines, the verdict box, window sizes and error wording."""
