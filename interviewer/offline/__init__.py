"""The offline interviewer: rule-based scoring, moves and votes with no network and no key."""
