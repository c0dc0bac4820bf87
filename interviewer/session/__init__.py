"""The interview session: its event log, the state folded from it, the store that owns the
folder, and the engine that runs it."""
