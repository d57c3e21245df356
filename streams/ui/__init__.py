"""What users see and run: the command line, the terminal views (watch, tail, the demo), the
dashboard, the alerts forwarder, and the one topic reader they share."""
