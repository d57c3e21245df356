"""Tools shipped with the command line: ``liveblog bench`` and ``liveblog synth``."""
