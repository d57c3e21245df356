"""Domain modules stay free of Kafka and Faust, so they are tested directly on text and shared by
the worker and `analyze`."""

import subprocess
import sys

DOMAIN = ["parse", "records", "dedup", "neardup", "classify", "casualties", "tolls", "windows", "aggregate",
          "schedule", "events", "alerts", "stores", "synth"]


def test_domain_modules_import_no_kafka_or_faust():
    code = ("import sys\n" + "".join(f"import streams.{name}\n" for name in DOMAIN)
            + "print(sorted(m for m in ('aiokafka', 'faust', 'confluent_kafka') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
