"""The LLM interviewer: Netflix-style follow-ups and evidence-based scoring over any
OpenAI-compatible endpoint (OpenAI, Ollama, llama.cpp server, vLLM, LM Studio).

Nothing here imports the openai SDK at import time; only `client.py` does, lazily, so the CLI
stays fast when the offline interviewer is used.
"""
