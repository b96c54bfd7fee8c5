"""Where conversations meet mail, without importing the mail app (which sits above).

A public outbound conversation (a reply or a forward) may go out as mail. The app
that sends mail registers a planner at start-up (`register_mail_planner`, through
conversations.public); `conversation_create` asks it, before the conversation is
stored, what becomes of the conversation as mail, and stores the answer in the
conversation's `mail` (its status, `not_sent` / `queued` / ...). Without a planner
nothing is sent: the status is `not_sent`. Private notes are never asked about.
"""

from collections.abc import Callable

from conversations.documents import MAIL_NOT_SENT, MailState

# planner(principal=, incident=, conversation=) -> MailState; the conversation has its
# id already but is not stored yet.
Planner = Callable[..., MailState]
_planners: list[Planner] = []


def register_mail_planner(planner: Planner) -> None:
    _planners[:] = [planner]


def plan_mail(*, principal, incident, conversation) -> MailState:
    if not _planners:
        return MailState(status=MAIL_NOT_SENT, last_error="No mail is sent by this service.")
    return _planners[0](principal=principal, incident=incident, conversation=conversation)
