"""Safety checks: pure rules over a person's recent history (no Qt, no SQL).

Entry points: `journal.rules.engine.run_checks`, `LOOKBACK`, `check_regimen_change`;
acknowledgement logic in `journal.rules.ack`; drug knowledge in `journal.knowledge`."""
