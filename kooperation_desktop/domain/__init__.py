"""Domain model, rules and the wizard's step flow (no Qt, no SQL)."""
