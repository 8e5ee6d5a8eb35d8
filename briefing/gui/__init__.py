"""The PySide6 desktop app. Everything here only shows the core and forwards the user's actions."""
