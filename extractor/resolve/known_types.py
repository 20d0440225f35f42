"""The one table of types the integration doesn't define: the standard library's, pydantic's
(`pydantic.types`, `pydantic.networks`, `JsonValue`, `JsonSchemaValue`) and pydantic-extra-types',
each with what pydantic's JSON Schema says of it (constraints it implies as `TPrim.meta`)."""

from __future__ import annotations

import json

from ..ir import TDict, TJson, TList, TPrim, Type

_URL = (("min_length", "1"),)
_LONG_URL = (("min_length", "1"), ("max_length", "2083"))
_BYTE_SIZE_PATTERN = '"^\\\\s*(\\\\d*\\\\.?\\\\d+)\\\\s*(\\\\w+)?"'
"""What pydantic's schema says a `ByteSize` string must match (`"1.5 GiB"`)."""


def _prims(kind: str, names: str, meta: tuple[tuple[str, str], ...] = ()) -> dict[str, Type]:
    return {name: TPrim(kind, meta + _format(name) + _example(name)) for name in names.split()}


EXAMPLES: dict[str, str] = {
    "IPvAnyAddress": "192.0.2.1", "IPv4Address": "192.0.2.1", "IPv6Address": "2001:db8::1",
    "IPvAnyNetwork": "192.0.2.0/24", "IPv4Network": "192.0.2.0/24", "IPv6Network": "2001:db8::/32",
    "IPvAnyInterface": "192.0.2.1/24", "IPv4Interface": "192.0.2.1/24", "IPv6Interface": "2001:db8::1/64",
    "Base64Str": "c3RyaW5n", "Base64Bytes": "c3RyaW5n", "Base64UrlStr": "c3RyaW5n", "Base64UrlBytes": "c3RyaW5n",
    "FtpUrl": "ftp://example.com/", "FileUrl": "file:///tmp/file.txt",
    "AnyWebsocketUrl": "wss://example.com/", "WebsocketUrl": "wss://example.com/",
    "PostgresDsn": "postgres://user:password@localhost:5432/db", "CockroachDsn": "cockroachdb://user@localhost:26257/db",
    "AmqpDsn": "amqp://localhost:5672", "RedisDsn": "redis://localhost:6379/0", "MongoDsn": "mongodb://localhost:27017",
    "KafkaDsn": "kafka://localhost:9092", "NatsDsn": "nats://localhost:4222", "MySQLDsn": "mysql://user@localhost:3306/db",
    "MariaDBDsn": "mariadb://user@localhost:3306/db", "ClickHouseDsn": "clickhouse://localhost:9000/db",
    "SnowflakeDsn": "snowflake://user:password@account/db", "PaymentCardNumber": "4000000000000002",
    "UUID1": "a8098c1a-f86e-11da-bd1a-00112444be1e", "UUID3": "6fa459ea-ee8a-3ca4-894e-db77e160355e",
    "UUID5": "886313e1-3b8a-5372-9b90-0c9aee199e5d", "UUID6": "1ef21d2f-1207-6660-8c4f-419efbd44d48",
    "UUID7": "01907d6b-2b18-7cc7-9f38-4f79b0bd7a5e", "UUID8": "320c3d4d-cc00-875b-8ec9-32d5f69181c0",
    "FutureDate": "2999-01-01", "FutureDatetime": "2999-01-01T00:00:00Z", "NaiveDatetime": "2024-01-01T12:00:00",
    "Color": "#ff0000", "PhoneNumber": "+14155552671", "MacAddress": "00:1b:63:84:45:e6",
    "CountryAlpha2": "US", "CountryAlpha3": "USA", "CountryShortName": "United States", "Language": "en",
    "NameEmail": "John Doe <user@example.com>",
}
"""Values pydantic accepts for types stricter than their JSON Schema says (the documents'
examples must validate); kept as `sample` meta, never as a constraint nor in a schema."""


FORMATS: dict[str, str] = {
    "NameEmail": "name-email", "IPvAnyAddress": "ipvanyaddress", "IPvAnyInterface": "ipvanyinterface",
    "IPvAnyNetwork": "ipvanynetwork", "IPv4Address": "ipv4", "IPv6Address": "ipv6", "IPv4Network": "ipv4network",
    "IPv6Network": "ipv6network", "IPv4Interface": "ipv4interface", "IPv6Interface": "ipv6interface",
    "Base64Str": "base64", "Base64Bytes": "base64", "Base64UrlStr": "base64url", "Base64UrlBytes": "base64url",
    "FilePath": "file-path", "DirectoryPath": "directory-path", "NewPath": "path", "SocketPath": "path",
    "PostgresDsn": "multi-host-uri", "MongoDsn": "multi-host-uri", "NatsDsn": "multi-host-uri",
    **{f"UUID{n}": f"uuid{n}" for n in range(1, 9)},
}
"""pydantic's JSON Schema `format` of a type whose IR scalar says another (or none)."""


def _format(name: str) -> tuple[tuple[str, str], ...]:
    return (("format", json.dumps(FORMATS[name])),) if name in FORMATS else ()


def _example(name: str) -> tuple[tuple[str, str], ...]:
    return (("sample", json.dumps([EXAMPLES[name]])),) if name in EXAMPLES else ()


PYDANTIC: dict[str, Type] = {
    **_prims("str", "StrictStr NameEmail IPvAnyAddress IPvAnyInterface IPvAnyNetwork Base64Str Base64UrlStr "
             "Color PhoneNumber CountryAlpha2 CountryAlpha3 CountryShortName Language MacAddress ABARoutingNumber "
             "FilePath DirectoryPath NewPath SocketPath"),
    **_prims("str", "PaymentCardNumber", (("min_length", "12"), ("max_length", "19"))),
    **_prims("bytes", "StrictBytes Base64Bytes Base64UrlBytes"),
    **_prims("email", "EmailStr"),
    **_prims("url", "AnyUrl AnyHttpUrl FileUrl FtpUrl AnyWebsocketUrl PostgresDsn CockroachDsn AmqpDsn RedisDsn "
             "MongoDsn KafkaDsn NatsDsn MySQLDsn MariaDBDsn ClickHouseDsn SnowflakeDsn", _URL),
    **_prims("url", "HttpUrl WebsocketUrl", _LONG_URL),
    **_prims("secret", "SecretStr SecretBytes"),
    **_prims("uuid", "UUID1 UUID3 UUID4 UUID5 UUID6 UUID7 UUID8"),
    **_prims("int", "StrictInt"),
    **_prims("int", "PositiveInt", (("gt", "0"),)),
    **_prims("int", "NegativeInt", (("lt", "0"),)),
    **_prims("int", "NonNegativeInt", (("ge", "0"),)),
    **_prims("int", "NonPositiveInt", (("le", "0"),)),
    **_prims("float", "StrictFloat FiniteFloat"),
    **_prims("float", "PositiveFloat", (("gt", "0"),)),
    **_prims("float", "NegativeFloat", (("lt", "0"),)),
    **_prims("float", "NonNegativeFloat", (("ge", "0"),)),
    **_prims("float", "NonPositiveFloat", (("le", "0"),)),
    **_prims("bool", "StrictBool"),
    **_prims("datetime", "AwareDatetime NaiveDatetime PastDatetime FutureDatetime"),
    **_prims("date", "PastDate FutureDate"),
    **_prims("bytesize", "ByteSize", (("pattern", _BYTE_SIZE_PATTERN), ("ge", "0"))),
    **_prims("any", "JsonValue", (("named", '"JsonValue"'),)),
    "Json": TJson(TPrim("any")),
}
"""pydantic's own types by name (after `canonical`: `pydantic.networks.HttpUrl` → `pydantic.HttpUrl`)."""

CONSTRAINED_CALLS: dict[str, str] = {
    "constr": "str", "conint": "int", "confloat": "float", "condecimal": "decimal", "conbytes": "bytes",
    "condate": "date",
}
"""pydantic's `con*()` functions: the scalar they constrain (`conlist` & co are lists)."""

_ANY_DICT = TDict(TPrim("str"), TPrim("any"))
STANDARD: dict[str, Type] = {
    "builtins.str": TPrim("str"), "builtins.int": TPrim("int"), "builtins.float": TPrim("float"),
    "builtins.bool": TPrim("bool"), "builtins.bytes": TPrim("bytes"), "builtins.bytearray": TPrim("bytes"),
    "builtins.object": TPrim("object"), "builtins.complex": TPrim("any"), "typing.Any": TPrim("any"),
    "typing.AnyStr": TPrim("str"), "typing.LiteralString": TPrim("str"), "builtins.None": TPrim("none"),
    "datetime.datetime": TPrim("datetime"), "datetime.date": TPrim("date"), "datetime.time": TPrim("time"),
    "datetime.timedelta": TPrim("timedelta"), "uuid.UUID": TPrim("uuid"), "decimal.Decimal": TPrim("decimal"),
    "pathlib.Path": TPrim("path"), "pathlib.PurePath": TPrim("path"),
    **{f"ipaddress.{name}": TPrim("str", _format(name) + _example(name))
       for name in ("IPv4Address", "IPv6Address", "IPv4Network", "IPv6Network", "IPv4Interface", "IPv6Interface")},
    "pydantic.json_schema.JsonSchemaValue": _ANY_DICT,
    "builtins.tuple": TList(TPrim("any")), "typing.Tuple": TList(TPrim("any")),
}
"""Standard-library names (and pydantic's non-type aliases) by canonical qualified name."""


def known_type(name: str) -> Type | None:
    """The type a canonical external name denotes, or None when it is not in the table."""
    found = STANDARD.get(name)
    if found is None and name.startswith("pydantic."):
        found = PYDANTIC.get(name.rpartition(".")[2])
    return found
