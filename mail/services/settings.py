"""An organization's mail settings (`/ux/sd/org/mail-settings/`)."""

from pymongo.errors import DuplicateKeyError

from mail.documents import ImapAccount, InboundAddress, MailSettings
from mail.selectors import address_owners, mail_settings_of
from servicedesk.errors import Conflict
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now


def _taken(address: str) -> Conflict:
    return Conflict(
        f"{address} is an inbound address of another organization.",
        code="address_taken",
        field="inbound_addresses",
    )


def _claim_addresses(organization_id, addresses: list[str]) -> list[str]:
    """Claim the addresses not yet the organization's (one unique `_id` each); all or none.
    Returns the ones claimed now."""
    owners = address_owners(addresses=addresses)
    claimed = []
    collection = InboundAddress._get_collection()
    try:
        for address in addresses:
            owner = owners.get(address)
            if owner == organization_id:
                continue
            if owner is not None:
                raise _taken(address)
            try:
                collection.insert_one({"_id": address, "organization_id": organization_id})
            except DuplicateKeyError:
                raise _taken(address) from None
            claimed.append(address)
    except BaseException:
        if claimed:
            collection.delete_many({"_id": {"$in": claimed}, "organization_id": organization_id})
        raise
    return claimed


def mail_settings_put(*, principal: Principal, data: dict) -> MailSettings:
    """Replace the settings. An IMAP `password` left out keeps the stored one (it is never
    shown, so a client cannot send it back); an empty one clears it. Inbound addresses
    are claimed first (409 `address_taken` when another organization holds one); the
    ones no longer listed are released after the settings are stored."""
    organization_id = principal.organization_id
    current = mail_settings_of(organization_id=organization_id)
    addresses = data.get("inbound_addresses", [])
    claimed = _claim_addresses(organization_id, addresses)
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
    try:
        MailSettings._get_collection().update_one(
            {"organization_id": organization_id}, {"$set": fields}, upsert=True
        )
    except BaseException:
        InboundAddress._get_collection().delete_many(
            {"_id": {"$in": claimed}, "organization_id": organization_id}
        )
        raise
    InboundAddress._get_collection().delete_many(
        {"organization_id": organization_id, "_id": {"$nin": addresses}}
    )
    return mail_settings_of(organization_id=organization_id)
