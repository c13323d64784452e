"""Measuring the pipeline: mentions and events scored against a hand annotation, and a
deterministic synthetic corpus for benchmarks (``python -m geo.evaluate.synth``)."""

from geo.evaluate.annotated import evaluate_annotated, format_annotated_report, is_annotated
from geo.evaluate.events import evaluate_events, format_event_report
from geo.evaluate.mentions import evaluate, format_report

__all__ = ["evaluate", "evaluate_annotated", "evaluate_events", "format_annotated_report", "format_event_report",
           "format_report", "is_annotated"]
