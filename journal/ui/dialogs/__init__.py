"""The window's dialogs: forms that ask and save (a dose, a medicine change, a report, settings, connecting, recovery), on one Save/Cancel base (form_dialog)."""
