"""Context rules: what the text around an expression changes in how it is resolved, registered by name.

The document walk (chrono/resolve/walk.py) resolves expressions in text order; at five points it asks the rules
registered for the document's domain, in the order they were registered:

- ``expressions``: rewrite the document's expressions before the walk ("five days after the fall of Girona");
- ``partial``: complete an expression's partial value from its neighbours ("from May to August 1943");
- ``anchor``: the anchor to resolve against, when a rule knows better than the publication date (the first
  rule with an answer wins);
- ``aside``: whether a resolved value stays out of the mentions later expressions anchor on (any rule);
- ``absent``: whether an expression names no time where it stands, so it is left out (any rule).

A rule is a function decorated with ``@context_rule(stage=..., domains=...)``, registered under its name. Its
examples, texts with the values the rule gives their phrases, are language data: chrono/lang/<code>/context.toml
names the rule each example is for, and tests/test_context_rules.py checks that every rule has examples, that
each gives its values, and that they change without the rule. Adding a rule is a function in the module of its
stage (expressions, partial, anchors, asides) and its examples.
"""


from chrono.resolve.context import anchors, asides, expressions, partial  # noqa: F401 - registers the rules
from chrono.resolve.context.registry import (
    Context,
    ContextRule,
    Mentions,
    Stage,
    context_rule,
    paragraph_breaks,
    rules,
    rules_for,
)

__all__ = ["Context", "ContextRule", "Mentions", "Stage", "context_rule", "paragraph_breaks", "rules", "rules_for"]
