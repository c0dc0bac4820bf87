"""A voice-driven mock interviewer for the Netflix interview loop."""

# First, before anything can import onnxruntime: no telemetry (see interviewer/onnx_runtime.py).
from interviewer import onnx_runtime as _onnx_runtime  # noqa: F401

__version__ = "0.1.0"
