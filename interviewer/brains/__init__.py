"""The interviewer's judgement behind one Brain contract: the offline rules and the LLM
interviewer."""
