"""Loaded by every Python process started with this folder on PYTHONPATH (the service under
the contract checks): no DNS query and no connection leaves the machine.

Every host name resolves to example.com's documented address (public, so webhook URLs are
accepted) and any connection to a non-loopback address fails at once, which the webhook
sender records as a failed attempt. Loopback still works (the service itself, a database).
"""

import ipaddress
import socket

FAKE_ADDRESS = "93.184.216.34"
_getaddrinfo = socket.getaddrinfo
_create_connection = socket.create_connection


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    name = (host.decode() if isinstance(host, bytes) else str(host or "")).strip("[]")
    if not name or _loopback(name):
        return _getaddrinfo(host, port, family, type, proto, flags)
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        address = ipaddress.ip_address(FAKE_ADDRESS)
    if len(name) > 253:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    port = int(port or 0)
    if address.version == 6:
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (str(address), port, 0, 0))]
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (str(address), port))]


def create_connection(address, *args, **kwargs):
    if not _loopback(str(address[0])):
        raise OSError(f"the contract checks do not connect to {address[0]}")
    return _create_connection(address, *args, **kwargs)


socket.getaddrinfo = getaddrinfo
socket.create_connection = create_connection
