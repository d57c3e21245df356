"""What users see: the command line, the terminal views and the dashboard."""
