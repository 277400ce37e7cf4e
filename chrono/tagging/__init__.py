"""Helpers of the tagger: compiling a language's rules (grammar) and turning matched words into fields (values)."""
