"""repair: find the defects scraping leaves in plain text and fix them reviewably.

>>> from repair import repair
>>> result = repair("The cafÃ© opened.It was busy .")
>>> result.output
'The café opened. It was busy.'
>>> [f.code for f in result.applied]
['E001', 'W001', 'W003']
"""

from .engine import Options, apply_edits, fix, repair
from .model import Document, Edit, Finding, Result, Safety
from .registry import all_rules, get_rule, rule

__all__ = ["Document", "Edit", "Finding", "Options", "Result", "Safety", "all_rules",
           "apply_edits", "fix", "get_rule", "repair", "rule"]
__version__ = "0.1.0"
