"""SERVICEDESK_SMTP_URL: the three schemes, defaults, and clear refusals."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from mail.apps import MailConfig
from mail.smtp import BadSmtpUrl, SmtpServer, parse_smtp_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://relay.local", SmtpServer("smtp", "relay.local", 25)),
        ("smtp://relay.local:2525", SmtpServer("smtp", "relay.local", 2525)),
        (
            "smtp+starttls://desk%40acme.test:p%3Ass@smtp.acme.test",
            SmtpServer("smtp+starttls", "smtp.acme.test", 587, "desk@acme.test", "p:ss"),
        ),
        ("SMTPS://u:p@smtp.acme.test:4650", SmtpServer("smtps", "smtp.acme.test", 4650, "u", "p")),
        ("smtps://smtp.acme.test/", SmtpServer("smtps", "smtp.acme.test", 465)),
    ],
)
def test_urls_parse(url, expected):
    assert parse_smtp_url(url) == expected


@pytest.mark.parametrize("url", ["", "   ", None])
def test_blank_means_no_mail(url):
    assert parse_smtp_url(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://relay.local",
        "smtp://",
        "smtp://relay.local:99999",
        "smtp://relay.local/path",
        "smtp://relay.local?x=1",
        "relay.local:25",
    ],
)
def test_bad_urls_are_refused(url):
    with pytest.raises(BadSmtpUrl):
        parse_smtp_url(url)


def test_the_password_is_not_in_the_repr_or_display():
    server = parse_smtp_url("smtps://user:topsecret@smtp.acme.test")
    assert "topsecret" not in repr(server)
    assert "topsecret" not in server.display


def test_a_bad_url_stops_start_up(settings):
    import mail

    settings.SERVICEDESK_SMTP_URL = "ftp://nope"
    with pytest.raises(ImproperlyConfigured, match="SERVICEDESK_SMTP_URL"):
        MailConfig("mail", mail).ready()
