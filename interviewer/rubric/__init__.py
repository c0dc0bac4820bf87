"""The rubric as content and pure functions: stages, values and probes loaded from prompts/,
and the signals, scoring, probing, voting, decision and planning read from them."""
