"""The deployment files (docker-compose.yml, deploy/Dockerfile, deploy/kubernetes/*.yaml) against the code.

No Docker engine or Kubernetes cluster runs on the development machines, so these files are never
started here. What is checked instead: they parse, and they agree with the settings object and the
topic contract (names, partitions, compaction, replication, environment variables, ports, paths),
so a change on one side that the other does not follow fails here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from streams.settings import Settings
from streams.worker.topics import contract

import yaml  # noqa: E402  (PyYAML: a test extra)

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
K8S = ROOT / "deploy" / "kubernetes"
DEPLOY_README = ROOT / "deploy" / "README.md"
FIELDS = set(Settings.model_fields)
LIVEBLOG_VAR = re.compile(r"\bLIVEBLOG_[A-Z0-9_]*[A-Z0-9]\b")
# Variables of docker compose's own interpolation (read from the shell running compose), not settings.
COMPOSE_ONLY_VARS = {"LIVEBLOG_COMPOSE_BROKER"}
IMAGE = "liveblog-streams"


def settings_from_env(env: dict[str, Any]) -> Settings:
    """The Settings a container gets from this environment (unset / pass-through values skipped)."""
    values = {}
    for name, value in env.items():
        if value is None or not name.startswith("LIVEBLOG_"):
            continue
        value = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))  # compose default of ${VAR:-default}
        values[name.removeprefix("LIVEBLOG_").lower()] = value
    return Settings(_env_file=None, **values)


def field_of(variable: str) -> str:
    return variable.removeprefix("LIVEBLOG_").lower()


def contract_table(settings: Settings) -> dict[str, tuple[int, bool]]:
    return {spec.name: (spec.partitions, spec.compacted) for spec in contract(settings)}


# --------------------------------------------------------------------------- docker compose


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def liveblog_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    services = {name: svc for name, svc in compose["services"].items() if svc.get("image", "").startswith(IMAGE)}
    assert set(services) >= {"topics", "worker", "replay"}
    return services


def test_compose_has_the_services_the_issue_asks_for(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert {"kafka", "topics", "worker", "replay"} <= set(services)
    assert "worker-state" in compose["volumes"]


def test_compose_kafka_is_apache_kafka_in_kraft_mode(compose: dict[str, Any]) -> None:
    kafka = compose["services"]["kafka"]
    assert re.fullmatch(r"apache/kafka:\d+\.\d+\.\d+", kafka["image"]), kafka["image"]
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}  # KRaft: no ZooKeeper
    assert not any("ZOOKEEPER" in name for name in env)
    assert str(env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"]).lower() == "false"
    assert "healthcheck" in kafka
    # A single broker: internal topics must not ask for more replicas than there are brokers.
    assert int(env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]) == 1
    # The host listener is published on loopback only.
    assert all(str(port).startswith("127.0.0.1:") for port in kafka.get("ports", []))


def test_compose_topics_service_creates_the_contract(compose: dict[str, Any],
                                                     liveblog_services: dict[str, dict[str, Any]]) -> None:
    """`liveblog topics create` builds the topics from streams/worker/topics.py with these settings."""
    topics = liveblog_services["topics"]
    assert topics["command"] == ["topics", "create"]
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    settings = settings_from_env(topics["environment"])
    assert settings.broker == "kafka://kafka:9092"
    assert settings.replication_factor == 1  # one broker in the compose file
    # Every other service depends on it having finished.
    for name in ("worker", "replay"):
        assert liveblog_services[name]["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    # Partitions and compaction: what `topics create` makes is the contract under these settings,
    # which includes the Faust table changelogs (compacted) and the internal window-input topic.
    table = contract_table(settings)
    assert table["liveblog.entries"] == (int(topics["environment"]["LIVEBLOG_PARTITIONS"]), False)
    assert table[f"{settings.app_id}-entry-seen-changelog"][1] is True
    assert "liveblog.internal.window-input" in table


def test_compose_services_agree_on_the_contract(liveblog_services: dict[str, dict[str, Any]]) -> None:
    """The topic creator, the workers and the replay see the same app id, partitions and broker."""
    contracts = {name: contract(settings_from_env(svc["environment"])) for name, svc in liveblog_services.items()}
    brokers = {name: settings_from_env(svc["environment"]).broker for name, svc in liveblog_services.items()}
    assert len({tuple(c) for c in contracts.values()}) == 1, contracts
    assert len(set(brokers.values())) == 1, brokers


def test_compose_worker_scales_with_state_volume_and_health(liveblog_services: dict[str, dict[str, Any]]) -> None:
    worker = liveblog_services["worker"]
    settings = settings_from_env(worker["environment"])
    # No fixed container_name, no single host port: `--scale worker=3` must work.
    assert "container_name" not in worker
    mounts = {v.split(":")[1]: v.split(":")[0] for v in worker["volumes"]}
    assert mounts.get(str(settings.data_dir)) == "worker-state"
    # Replicas share the volume, each under its own directory (RocksDB locks its directory).
    assert "$$HOSTNAME" in " ".join(worker["entrypoint"]) and "LIVEBLOG_DATA_DIR" in " ".join(worker["entrypoint"])
    assert "healthcheck" in worker and "LIVEBLOG_WEB_PORT" in " ".join(worker["healthcheck"]["test"])
    # The dashboard port: published on 127.0.0.1 unless DASHBOARD_BIND says otherwise, as a range for scaling.
    (port,) = worker["ports"]
    host, host_ports, container_port = port.rsplit(":", 2)
    assert host == "${DASHBOARD_BIND:-127.0.0.1}"
    assert int(container_port) == settings.web_port
    low, high = (int(p) for p in host_ports.split("-"))
    assert high - low + 1 >= 3


def test_compose_replay_uses_a_shipped_sample(liveblog_services: dict[str, dict[str, Any]]) -> None:
    command = liveblog_services["replay"]["command"]
    assert command[0] == "replay"
    for arg in command[1:]:
        if arg.startswith("data/"):
            assert (ROOT / arg).is_file(), arg


def test_compose_commits_no_secret(liveblog_services: dict[str, dict[str, Any]]) -> None:
    for svc in liveblog_services.values():
        env = svc["environment"]
        assert env.get("LIVEBLOG_SASL_PASSWORD") is None  # pass-through from the shell, never a value


# --------------------------------------------------------------------------- Dockerfile


def dockerfile_stages() -> list[list[str]]:
    stages: list[list[str]] = []
    for line in DOCKERFILE.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            stages.append([])
        if stages:
            stages[-1].append(line)
    return stages


def test_dockerfile_multi_stage_pinned_non_root() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2, "multi-stage build"
    for stage in stages:
        base = stage[0].split()[1]
        assert re.search(r":\d+\.\d+\.\d+[-\w.]*(@sha256:[0-9a-f]{64})?$", base), f"unpinned base image {base}"
    final = stages[-1]
    users = [line.split()[1] for line in final if line.upper().startswith("USER ")]
    assert users, "the runtime stage sets USER"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0, f"runtime user {users[-1]} is not a non-root uid"
    assert any(line.upper().startswith("COPY --FROM=") for line in final), "runtime copies from the build stage"
    entrypoint = next(line for line in final if line.upper().startswith("ENTRYPOINT"))
    assert "liveblog" in entrypoint


def test_dockerfile_env_and_ports_are_settings() -> None:
    text = DOCKERFILE.read_text()
    defaults = dict(re.findall(r"(LIVEBLOG_[A-Z_]+)=(\S+)", text))
    settings = Settings(_env_file=None, **{field_of(k): v for k, v in defaults.items()})
    assert f"EXPOSE {settings.web_port}" in text
    assert str(settings.data_dir) == "/var/lib/liveblog"


# --------------------------------------------------------------------------- Kubernetes


def k8s_docs() -> list[tuple[Path, dict[str, Any]]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                docs.append((path, doc))
    return docs


def k8s_resources() -> list[dict[str, Any]]:
    return [doc for _, doc in k8s_docs() if doc.get("kind") != "Kustomization"]


def one(kind: str, name: str) -> dict[str, Any]:
    found = [d for d in k8s_resources() if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


@pytest.fixture(scope="module")
def k8s_settings() -> Settings:
    return settings_from_env(one("ConfigMap", "liveblog-settings")["data"])


def test_every_manifest_parses_and_is_listed_in_the_kustomization() -> None:
    files = sorted(K8S.glob("*.yaml"))
    assert files
    for path, doc in k8s_docs():
        required = {"apiVersion", "kind"} | ({"metadata"} if doc.get("kind") != "Kustomization" else set())
        assert required <= set(doc), path
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == sorted(p.name for p in files if p.name != "kustomization.yaml")


def test_the_issue_s_resources_exist() -> None:
    kinds = {(d["kind"], d["metadata"]["name"]) for d in k8s_resources()}
    assert {("StatefulSet", "liveblog-worker"), ("Job", "liveblog-replay"), ("Service", "liveblog-dashboard"),
            ("Service", "liveblog-metrics"), ("ConfigMap", "liveblog-settings"),
            ("ConfigMap", "liveblog-alert-rules")} <= kinds
    assert not [d for d in k8s_resources() if d["kind"] == "Secret"], "no Secret is committed"


def test_strimzi_topics_match_the_contract(k8s_settings: Settings) -> None:
    topics = [d for d in k8s_resources() if d["kind"] == "KafkaTopic"]
    assert topics
    listed = {}
    for topic in topics:
        assert topic["apiVersion"].startswith("kafka.strimzi.io/")
        spec = topic["spec"]
        name = spec.get("topicName", topic["metadata"]["name"])
        assert name not in listed, f"{name} twice"
        listed[name] = (spec["partitions"], spec.get("config", {}).get("cleanup.policy") == "compact")
        assert spec["replicas"] == k8s_settings.replication_factor, name
    expected = contract_table(k8s_settings)
    assert listed == expected, (
        "deploy/kubernetes/topics.yaml differs from streams.worker.topics.contract(); regenerate it with\n"
        "  python deploy/kubernetes/render_topics.py > deploy/kubernetes/topics.yaml")
    clusters = {d["metadata"]["labels"]["strimzi.io/cluster"] for d in k8s_resources()
                if d["apiVersion"].startswith("kafka.strimzi.io/")}
    assert len(clusters) == 1
    (cluster,) = clusters
    assert k8s_settings.bootstrap_servers == f"{cluster}-kafka-bootstrap:9093"


def test_topics_yaml_is_what_the_renderer_writes() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("render_topics", K8S / "render_topics.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (K8S / "topics.yaml").read_text() == module.render(module.configmap_settings()), (
        "regenerate: python deploy/kubernetes/render_topics.py > deploy/kubernetes/topics.yaml")


def pod_specs() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{d['kind']}/{d['metadata']['name']}", d["spec"]["template"]["spec"])
            for d in k8s_resources() if d["kind"] in ("StatefulSet", "Job", "Deployment")]


def test_pods_run_the_pinned_image_as_non_root() -> None:
    assert pod_specs()
    for name, pod in pod_specs():
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] != 0, name
        for container in pod["containers"]:
            image = container["image"]
            assert ":" in image and not image.endswith(":latest"), f"{name}: unpinned image {image}"
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, name
            if image.startswith("liveblog-streams:"):
                assert container["envFrom"] == [{"configMapRef": {"name": "liveblog-settings"}}], name


def test_statefulset_has_a_state_volume_per_pod(k8s_settings: Settings) -> None:
    worker = one("StatefulSet", "liveblog-worker")
    claims = {c["metadata"]["name"] for c in worker["spec"]["volumeClaimTemplates"]}
    (container,) = worker["spec"]["template"]["spec"]["containers"]
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert mounts[str(k8s_settings.data_dir)] in claims
    # More workers than partitions would leave some idle.
    assert 1 <= worker["spec"]["replicas"] <= k8s_settings.partitions
    assert worker["spec"]["serviceName"] == "liveblog-worker"
    assert one("Service", "liveblog-worker")["spec"]["clusterIP"] == "None"  # headless, for stable pod names


def test_security_files_are_mounted_where_the_settings_point(k8s_settings: Settings) -> None:
    """The ConfigMap names files; every liveblog pod mounts a Secret or ConfigMap at each of those paths."""
    assert k8s_settings.security_protocol == "SASL_SSL"
    assert k8s_settings.sasl_password is None, "the password comes from a mounted Secret, not the ConfigMap"
    wanted = [p for p in (k8s_settings.sasl_password_file, k8s_settings.ssl_cafile,
                          k8s_settings.ssl_certfile, k8s_settings.ssl_keyfile) if p is not None]
    assert wanted
    for name, pod in pod_specs():
        volumes = {v["name"]: v for v in pod["volumes"]}
        for container in pod["containers"]:
            if not container["image"].startswith("liveblog-streams:"):
                continue  # Alertmanager does not talk to Kafka
            for path in wanted:
                mount = next((m for m in container["volumeMounts"] if m["mountPath"] == str(path.parent)), None)
                assert mount is not None, f"{name} does not mount {path.parent}"
                source = volumes[mount["name"]]
                items = (source.get("secret") or source.get("configMap"))["items"]
                assert path.name in {i["path"] for i in items}, f"{name}: {path} not provided"


def test_services_target_the_web_port(k8s_settings: Settings) -> None:
    worker = one("StatefulSet", "liveblog-worker")
    (container,) = worker["spec"]["template"]["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports["web"] == k8s_settings.web_port
    labels = worker["spec"]["template"]["metadata"]["labels"]
    for name in ("liveblog-dashboard", "liveblog-metrics"):
        service = one("Service", name)["spec"]
        assert service.get("type", "ClusterIP") == "ClusterIP", f"{name} is not exposed outside the cluster"
        assert all(labels.get(k) == v for k, v in service["selector"].items())
        for port in service["ports"]:
            assert ports.get(port["targetPort"], port["targetPort"]) == k8s_settings.web_port


def test_replay_job_uses_a_shipped_sample() -> None:
    (container,) = one("Job", "liveblog-replay")["spec"]["template"]["spec"]["containers"]
    assert container["args"][0] == "replay"
    assert any(arg.startswith("data/") and (ROOT / arg).is_file() for arg in container["args"])


def test_core_manifests_validate_against_the_kubernetes_schema() -> None:
    """Schema validation of the built-in kinds, where kubernetes-validate is installed (not a test dependency)."""
    import kubernetes_validate
    for path, doc in k8s_docs():
        if doc["apiVersion"].startswith(("kafka.strimzi.io/", "kustomize.config.k8s.io/")):
            continue
        kubernetes_validate.validate(doc, "1.30.0", strict=True)


# --------------------------------------------------------------------------- environment variables everywhere


@pytest.mark.parametrize("path", [COMPOSE, DOCKERFILE, DEPLOY_README, *sorted(K8S.glob("*.yaml"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_liveblog_variable_is_a_settings_field(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing")
    names = set(LIVEBLOG_VAR.findall(path.read_text())) - COMPOSE_ONLY_VARS
    unknown = sorted(n for n in names if field_of(n) not in FIELDS)
    assert not unknown, f"{path.name} uses variables that are not Settings fields: {unknown}"


def test_configmap_and_compose_values_are_valid_settings(compose: dict[str, Any], k8s_settings: Settings) -> None:
    for svc in compose["services"].values():
        if svc.get("image", "").startswith(IMAGE):
            settings_from_env(svc["environment"])  # raises on a bad value
    assert k8s_settings.web_host == "0.0.0.0"  # inside a pod; reachable only through the ClusterIP Services
    assert Settings.model_fields["web_host"].default == "127.0.0.1"  # everywhere else: loopback by default


def test_readme_partitioning_table_covers_the_contract() -> None:
    """deploy/README.md documents the key and partitions of every contract topic."""
    text = DEPLOY_README.read_text()
    # Topics whose partition count is LIVEBLOG_PARTITIONS (the rest have a fixed count).
    follows_setting = {spec.name for spec in contract(Settings(_env_file=None, partitions=97)) if spec.partitions == 97}
    for spec in contract(Settings(_env_file=None)):
        row = next((line for line in text.splitlines() if line.startswith(f"| `{spec.name}`")), None)
        assert row is not None, f"deploy/README.md has no partitioning row for {spec.name}"
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert spec.key in cells[1], f"{spec.name}: key {spec.key!r} not in {cells[1]!r}"
        partitions = "`LIVEBLOG_PARTITIONS`" if spec.name in follows_setting else str(spec.partitions)
        assert cells[2].split(",")[0] == partitions, f"{spec.name}: partitions {cells[2]!r}, contract {spec.partitions}"
        assert ("compacted" in cells[2]) == spec.compacted, f"{spec.name}: compaction {cells[2]!r}"


def test_no_latest_image_anywhere(compose: dict[str, Any]) -> None:
    images = [svc["image"] for svc in compose["services"].values() if "image" in svc]
    images += [c["image"] for _, pod in pod_specs() for c in pod["containers"]]
    for image in images:
        assert ":" in image.rsplit("/", 1)[-1] and not image.endswith(":latest"), image


def test_alerting_configs_pass_the_real_checkers_and_wire_the_forwarder(compose: dict[str, Any]) -> None:
    """Debian's amtool and promtool accept the shipped configs; compose and Kubernetes run the
    forwarder against their Alertmanager, and the Kubernetes config is the compose one."""
    import shutil
    import subprocess

    for tool, args in (("amtool", ["check-config", "deploy/alertmanager/alertmanager.yml"]),
                       ("promtool", ["check", "config", "deploy/prometheus/prometheus.yml"])):
        assert shutil.which(tool), f"{tool} (Debian's prometheus-alertmanager / prometheus) is needed"
        done = subprocess.run([tool, *args], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    services = compose["services"]
    assert services["alerts"]["command"][:4] == ["alerts", "forward", "--alertmanager", "http://alertmanager:9093"]
    assert services["alertmanager"]["image"].startswith("prom/alertmanager:")
    forwarder = one("Deployment", "liveblog-alerts-forwarder")["spec"]["template"]["spec"]["containers"][0]
    assert forwarder["args"][:4] == ["alerts", "forward", "--alertmanager", "http://liveblog-alertmanager:9093"]
    in_cluster = yaml.safe_load(one("ConfigMap", "liveblog-alertmanager")["data"]["alertmanager.yml"])
    assert in_cluster == yaml.safe_load((ROOT / "deploy/alertmanager/alertmanager.yml").read_text())
