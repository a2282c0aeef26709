"""The window's screens: one module per tab or panel (Today, History, Medicines, Pump, Profile, Reference, the symptom and measurement forms, the alerts panel)."""
