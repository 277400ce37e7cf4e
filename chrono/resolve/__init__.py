"""Resolve: partial values to TIMEX3 values. value.py is the pure arithmetic (partial value + anchor + tense),
walk.py the document walk that picks each expression's anchor, context.py the context rules it applies."""
