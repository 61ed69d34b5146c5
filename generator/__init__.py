"""Briefing-site generator: Arabic news articles in, reviewed event records and pages out.

The package never imports MkDocs; ``generator.hook`` is the only bridge to it.
"""

__version__ = "0.1.0"
