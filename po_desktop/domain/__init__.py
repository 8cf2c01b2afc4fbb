"""Pure rules and math of the product owner's work; imports nothing of ours."""
