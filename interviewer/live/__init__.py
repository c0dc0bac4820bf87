"""The voice layer: the interviewer speaks (pyttsx3), listens (sounddevice + Silero VAD) and
transcribes (faster-whisper).

Nothing heavy is imported here: each module imports its vendor library inside the functions that
need it, so `interviewer --help` and text mode stay fast and work without audio libraries.
"""
