"""Real time: transcribe while the candidate speaks, and let the interviewer cut in."""
