"""Understanding a shopper message (DESIGN.md step 1): language, intent, slots, sentiment."""
