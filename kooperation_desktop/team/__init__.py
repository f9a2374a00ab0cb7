"""Team mode: the agency's PostgreSQL as the shared store."""
