"""The Faust worker and what it needs from Kafka: the app and its agents, topics, metrics, the
embedded broker, security settings, and the workarounds for Faust, aiokafka and the broker."""
