"""The application shell: the main window, its session with the journal, reminders and notifications, one-window start, failures, translation, closing and About."""
