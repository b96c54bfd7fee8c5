"""An organization's mail settings (`/ux/sd/org/mail-settings/`)."""

from mail.documents import ImapAccount, MailSettings
from mail.selectors import address_owner, mail_settings_of
from servicedesk.errors import Conflict
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now


def mail_settings_put(*, principal: Principal, data: dict) -> MailSettings:
    """Replace the settings. An IMAP `password` left out keeps the stored one (it is never
    shown, so a client cannot send it back); an empty one clears it."""
    organization_id = principal.organization_id
    current = mail_settings_of(organization_id=organization_id)
    addresses = data.get("inbound_addresses", [])
    for address in addresses:
        owner = address_owner(addresses=[address])
        if owner is not None and owner != organization_id:
            raise Conflict(
                f"{address} is an inbound address of another organization.",
                code="address_taken",
                field="inbound_addresses",
            )
    imap = None
    if data.get("imap") is not None:
        given = dict(data["imap"])
        if "password" not in given:
            given["password"] = current.imap.password if current.imap is not None else ""
        imap = ImapAccount(**given)
    fields = {
        "from_address": data.get("from_address", ""),
        "from_name": data.get("from_name", ""),
        "inbound_addresses": addresses,
        "imap": imap.to_mongo().to_dict() if imap is not None else None,
        "updated_at": now(),
        "updated_by_id": principal.actor_id,
    }
    MailSettings._get_collection().update_one(
        {"organization_id": organization_id}, {"$set": fields}, upsert=True
    )
    return mail_settings_of(organization_id=organization_id)
