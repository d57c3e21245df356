"""Kafka client security (SASL and TLS) from the one settings object.

Every client (the Faust worker, the replay producer, ``topics create``'s admin client, ``watch``,
the alerts forwarder, librdkafka-based readers) gets its security arguments from here, so a managed
Kafka cluster is configured once, through ``LIVEBLOG_*`` variables or mounted files:

- ``LIVEBLOG_SECURITY_PROTOCOL``: ``PLAINTEXT`` (default), ``SSL``, ``SASL_PLAINTEXT`` or ``SASL_SSL``;
- ``LIVEBLOG_SASL_MECHANISM``: ``PLAIN`` (default), ``SCRAM-SHA-256`` or ``SCRAM-SHA-512``;
- ``LIVEBLOG_SASL_USERNAME``: required by a ``SASL_*`` protocol;
- ``LIVEBLOG_SASL_PASSWORD`` or ``LIVEBLOG_SASL_PASSWORD_FILE`` (a mounted secret), not both;
- ``LIVEBLOG_SSL_CAFILE``: CA bundle of the brokers (default: the system CAs);
- ``LIVEBLOG_SSL_CERTFILE`` and ``LIVEBLOG_SSL_KEYFILE``: client certificate for mutual TLS.

Three builders, one validation (:func:`check`), which raises :class:`SecurityConfigError` (a
``ValueError``) naming the variables to fix:

- :func:`aiokafka_kwargs` for ``AIOKafkaProducer`` / ``AIOKafkaConsumer`` / ``AIOKafkaAdminClient``;
- :func:`faust_credentials` for ``faust.App(broker_credentials=...)``;
- :func:`confluent_config` for confluent-kafka (librdkafka) clients.

Nothing here opens a network connection; building an SSL context reads the certificate files.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import TYPE_CHECKING, Any

from streams.settings import Settings

if TYPE_CHECKING:
    from faust.auth import Credentials

SASL_PROTOCOLS = frozenset({"SASL_PLAINTEXT", "SASL_SSL"})
TLS_PROTOCOLS = frozenset({"SSL", "SASL_SSL"})


class SecurityConfigError(ValueError):
    """The security settings are incomplete or contradictory."""


def uses_sasl(settings: Settings) -> bool:
    return settings.security_protocol in SASL_PROTOCOLS


def uses_tls(settings: Settings) -> bool:
    return settings.security_protocol in TLS_PROTOCOLS


def check(settings: Settings) -> None:
    """Raise :class:`SecurityConfigError` unless the security settings make one coherent whole."""
    protocol = settings.security_protocol
    problems: list[str] = []
    if uses_sasl(settings):
        if not settings.sasl_username:
            problems.append(f"LIVEBLOG_SECURITY_PROTOCOL={protocol} needs LIVEBLOG_SASL_USERNAME")
        if settings.sasl_password is None and settings.sasl_password_file is None:
            problems.append(
                f"LIVEBLOG_SECURITY_PROTOCOL={protocol} needs LIVEBLOG_SASL_PASSWORD or LIVEBLOG_SASL_PASSWORD_FILE"
            )
        if settings.sasl_password is not None and settings.sasl_password_file is not None:
            problems.append("set LIVEBLOG_SASL_PASSWORD or LIVEBLOG_SASL_PASSWORD_FILE, not both")
    else:
        given = [name for name, value in (
            ("LIVEBLOG_SASL_USERNAME", settings.sasl_username),
            ("LIVEBLOG_SASL_PASSWORD", settings.sasl_password),
            ("LIVEBLOG_SASL_PASSWORD_FILE", settings.sasl_password_file),
        ) if value is not None]
        if given:
            problems.append(
                f"{', '.join(given)} set but LIVEBLOG_SECURITY_PROTOCOL={protocol} does not use SASL "
                "(use SASL_SSL or SASL_PLAINTEXT)"
            )
    tls_files = _tls_files(settings)
    if not uses_tls(settings):
        if tls_files:
            problems.append(
                f"{', '.join(tls_files)} set but LIVEBLOG_SECURITY_PROTOCOL={protocol} does not use TLS "
                "(use SSL or SASL_SSL)"
            )
    elif settings.ssl_keyfile is not None and settings.ssl_certfile is None:
        problems.append("LIVEBLOG_SSL_KEYFILE needs LIVEBLOG_SSL_CERTFILE (the client certificate)")
    for variable, path in tls_files.items():
        problems += _unreadable(variable, path)
    if settings.sasl_password_file is not None and uses_sasl(settings):
        problems += _unreadable("LIVEBLOG_SASL_PASSWORD_FILE", settings.sasl_password_file)
    if problems:
        raise SecurityConfigError("Kafka security settings: " + "; ".join(problems))


def sasl_password(settings: Settings) -> str:
    """The SASL password, from LIVEBLOG_SASL_PASSWORD or the first line of LIVEBLOG_SASL_PASSWORD_FILE."""
    if settings.sasl_password is not None:
        return settings.sasl_password.get_secret_value()
    if settings.sasl_password_file is None:
        raise SecurityConfigError("no SASL password: set LIVEBLOG_SASL_PASSWORD or LIVEBLOG_SASL_PASSWORD_FILE")
    try:
        text = settings.sasl_password_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SecurityConfigError(
            f"LIVEBLOG_SASL_PASSWORD_FILE={settings.sasl_password_file}: cannot read it ({exc})"
        ) from None
    password = text.rstrip("\r\n")  # secrets written with `echo` end with a newline
    if not password:
        raise SecurityConfigError(f"LIVEBLOG_SASL_PASSWORD_FILE={settings.sasl_password_file} is empty")
    return password


def ssl_context(settings: Settings) -> ssl.SSLContext:
    """A client SSL context: the CA file (or system CAs), plus the client certificate and key if given.

    Hostname checking is on (aiokafka's ``create_ssl_context``): broker certificates must name the
    advertised host.
    """
    from aiokafka.helpers import create_ssl_context

    check(settings)
    try:
        return create_ssl_context(
            cafile=_str(settings.ssl_cafile),
            certfile=_str(settings.ssl_certfile),
            keyfile=_str(settings.ssl_keyfile),
        )
    except (ssl.SSLError, OSError) as exc:
        files = ", ".join(f"{k}={v}" for k, v in _tls_files(settings).items()) or "system CAs"
        raise SecurityConfigError(f"cannot build the TLS context from {files}: {exc}") from None


def aiokafka_kwargs(settings: Settings) -> dict[str, Any]:
    """Security keyword arguments for aiokafka's producer, consumer and admin client."""
    check(settings)
    kwargs: dict[str, Any] = {"security_protocol": settings.security_protocol}
    if uses_sasl(settings):
        kwargs.update(
            sasl_mechanism=settings.sasl_mechanism,
            sasl_plain_username=settings.sasl_username,
            sasl_plain_password=sasl_password(settings),
        )
    if uses_tls(settings):
        kwargs["ssl_context"] = ssl_context(settings)
    return kwargs


def faust_credentials(settings: Settings) -> Credentials | None:
    """``broker_credentials`` for ``faust.App``: None (PLAINTEXT), SSLCredentials or SASLCredentials.

    Faust is imported only when this is called, so the replay and admin paths do not load it.
    """
    check(settings)
    if settings.security_protocol == "PLAINTEXT":
        return None
    import faust

    context = ssl_context(settings) if uses_tls(settings) else None
    if not uses_sasl(settings):
        return faust.SSLCredentials(context)
    # SASLCredentials turns its protocol into SASL_SSL when it is given an ssl_context.
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=sasl_password(settings),
        mechanism=settings.sasl_mechanism,
        ssl_context=context,
    )


def confluent_config(settings: Settings) -> dict[str, str]:
    """librdkafka configuration (confluent-kafka): bootstrap servers plus the security properties."""
    check(settings)
    config = {"bootstrap.servers": settings.bootstrap_servers, "security.protocol": settings.security_protocol}
    if uses_sasl(settings):
        config.update({
            "sasl.mechanism": settings.sasl_mechanism,
            "sasl.username": settings.sasl_username or "",
            "sasl.password": sasl_password(settings),
        })
    if uses_tls(settings):
        for key, path in (("ssl.ca.location", settings.ssl_cafile),
                          ("ssl.certificate.location", settings.ssl_certfile),
                          ("ssl.key.location", settings.ssl_keyfile)):
            if path is not None:
                config[key] = str(path)
    return config


def describe(settings: Settings) -> str:
    """A one-line summary for logs and banners; never contains the password."""
    parts = [settings.security_protocol]
    if uses_sasl(settings):
        source = "file" if settings.sasl_password_file is not None else "env"
        parts.append(f"{settings.sasl_mechanism} as {settings.sasl_username!r} (password from {source})")
    if uses_tls(settings):
        parts.append(f"CA {settings.ssl_cafile or 'system'}")
        if settings.ssl_certfile is not None:
            parts.append(f"client cert {settings.ssl_certfile}")
    return ", ".join(parts)


def _tls_files(settings: Settings) -> dict[str, Path]:
    return {name: path for name, path in (
        ("LIVEBLOG_SSL_CAFILE", settings.ssl_cafile),
        ("LIVEBLOG_SSL_CERTFILE", settings.ssl_certfile),
        ("LIVEBLOG_SSL_KEYFILE", settings.ssl_keyfile),
    ) if path is not None}


def _unreadable(variable: str, path: Path) -> list[str]:
    if not path.is_file():
        return [f"{variable}={path} is not a file"]
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        return [f"{variable}={path} cannot be read ({exc.strerror})"]
    return []


def _str(path: Path | None) -> str | None:
    return None if path is None else str(path)
