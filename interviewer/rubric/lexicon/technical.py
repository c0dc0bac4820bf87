"""Technical answers: trade-offs, reasons, alternatives, scale and failure modes."""

from __future__ import annotations

from interviewer.rubric.lexicon.patterns import any_of as _any

TRADEOFF_COMPARISON = _any(
    r"\btrade-?offs?\b",
    r"\binstead of\b",
    r"\brather than\b",
    r"\bversus\b",
    r"\bvs\.?\b",
    r"\bat the (?:cost|expense) of\b",
    r"\balternative\b",
    r"\bover (?:a|an|the)\b",
)
TRADEOFF_REASON = _any(
    r"\bbecause\b",
    r"\bso that\b",
    r"\bwhich (?:means|lets|keeps|avoids)\b",
    r"\blatency\b",
    r"\bthroughput\b",
    r"\bconsisten",
    r"\bcost\b",
    r"\bavailability\b",
    r"\bfailure\b",
    r"\bscale\b",
)

# Technical answers: a reason for a choice, the alternative or cost it was weighed against, the
# scale it has to survive, and what happens when a part fails.
REASON = _any(
    r"\bbecause\b", r"\bso that\b", r"\bsince\b", r"\bwhich (?:means|lets|keeps|avoids|makes)\b",
    r"\bthe reason\b", r"\bthat way\b", r"\bwhat (?:it|that) buys\b",
    r"\bmakes? .{1,30} possible\b",
    r"\bis what makes\b",
)
ALTERNATIVE = _any(
    r"\btrade-?offs?\b", r"\binstead of\b", r"\brather than\b", r"\bversus\b", r"\bvs\.?\b",
    r"\bat the (?:cost|expense) of\b", r"\balternatives?\b", r"\bthe other option\b",
    r"\bcosts? (?:me|us|you)\b", r"\bwhat (?:it|that) costs\b", r"\byou lose\b", r"\bi lose\b",
    r"\bwe lose\b", r"\bdownside\b", r"\bstale\b", r"\bi(?:'d| would) skip\b",
    r"\bwith a (?:singly|single|plain)\b", r"\bwouldn'?t\b", r"\bcompared (?:to|with)\b",
    r"\bbetter than\b", r"\bcheaper than\b", r"\bover (?:a|an|the)\b", r"\bthe price\b",
)
SCALE = _any(
    r"\b\d[\d.,]*\s*(?:k\b|thousand|million|billion)?\s*(?:events?|requests?|users?|viewers?|"
    r"members?|titles?|profiles?|qps|rps|writes?|reads?|servers?|nodes?|machines?|boxes|"
    r"regions?|entries|items?|keys?|streams?|connections?|messages?)\b(?:\s*(?:a|per) "
    r"(?:second|minute|hour|day))?",
    r"\b\d[\d.,]*\s*(?:ms|milliseconds?|seconds?|gb|tb|mb|kb|bytes?|gigabits?|megabits?|"
    r"kilobits?|terabits?|gbps|mbps|percent|%)\b",
    r"\bper (?:second|minute)\b", r"\bat (?:peak|scale)\b", r"\bshard(?:s|ed|ing)?\b",
    r"\bpartition(?:s|ed|ing)?\b", r"\bbillion\b", r"\bmillions? of\b",
)
# Coding answers: what the code costs, and the inputs at its edges or the tests that cover them.
COMPLEXITY = _any(
    r"\bo ?\(", r"\bbig o\b", r"\bn log n\b", r"\blog n\b", r"\bn squared\b",
    r"\b(?:linear|quadratic|logarithmic|constant|exponential|amortised|amortized)"
    r"(?: time| space)?\b",
    r"\bcomplexity\b", r"\b(?:time|space|memory) (?:cost|is|of)\b", r"\bone pass\b",
    r"\bsingle pass\b",
)
EDGE_CASES = _any(
    r"\bedge cases?\b", r"\bcorner cases?\b", r"\bboundar(?:y|ies)\b", r"\bempty\b",
    r"\bnull\b", r"\bnone\b", r"\bduplicates?\b", r"\boff by one\b", r"\boverflow\b",
    r"\btests?\b", r"\btesting\b", r"\bunit tests?\b", r"\bassert",
    r"\bsingle (?:element|item|character)\b", r"\bone element\b",
)
FAILURE = _any(
    r"\bfail(?:s|ed|ing|ure|ures|over)?\b", r"\bgoes? down\b", r"\bis down\b", r"\boutages?\b",
    r"\bretr(?:y|ies|ied)\b", r"\bfall(?:s)? back\b", r"\bfallbacks?\b", r"\btimeouts?\b",
    r"\bcrash(?:es|ed)?\b", r"\bdies\b", r"\bdead\b", r"\bdegrad(?:e|es|ed|ation)\b",
    r"\brecover(?:s|y)?\b", r"\bcircuit breaker\b", r"\brollback\b", r"\broll back\b",
    r"\bif .{1,40} (?:goes|is|are) (?:away|lost|unavailable|slow)\b", r"\bbackpressure\b",
)
