"""Where the fold keeps its state: a small key-value store protocol, in memory or over Faust tables."""
