"""Live-blog stream processor: replay, dedup, classify, tolls and event-time windows on Kafka."""
