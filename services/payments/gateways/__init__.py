"""Payment providers behind one interface, and each estate's provider settings."""
