"""Eval suites for quality teams: run, summarise, compare with a baseline, report."""

from drafter.evaluation.baseline import Comparison, compare, load_result
from drafter.evaluation.html_report import write_html
from drafter.evaluation.junit import write_junit
from drafter.evaluation.results import CaseResult, EvalResult, EvalSummary
from drafter.evaluation.runner import run_suite
from drafter.evaluation.suite import Suite, SuiteCase, SuiteError, load_suite

__all__ = [
    "CaseResult",
    "Comparison",
    "EvalResult",
    "EvalSummary",
    "Suite",
    "SuiteCase",
    "SuiteError",
    "compare",
    "load_result",
    "load_suite",
    "run_suite",
    "write_html",
    "write_junit",
]
