"""Mail reads: an organization's settings, and the thread a message belongs to."""

from bson import ObjectId

from mail.documents import DONE, InboundAddress, MailMessage, MailSettings


def mail_settings_of(*, organization_id: ObjectId) -> MailSettings:
    """The organization's settings; blank ones (nothing sent, nothing claimed) if unset."""
    found = MailSettings.objects(organization_id=organization_id).first()
    return found or MailSettings(organization_id=organization_id)


def address_owners(*, addresses: list[str]) -> dict[str, ObjectId]:
    """The organization each of `addresses` is an inbound address of (those that are)."""
    if not addresses:
        return {}
    found = InboundAddress._get_collection().find({"_id": {"$in": addresses}})
    return {raw["_id"]: raw["organization_id"] for raw in found}


def incident_of_messages(*, organization_id: ObjectId, message_ids: list[str]) -> ObjectId | None:
    """The incident the newest of `message_ids` (In-Reply-To first, then References from
    the end) belongs to in this organization, if any."""
    if not message_ids:
        return None
    known = {
        raw["message_id"]: raw["incident_id"]
        for raw in MailMessage._get_collection().find(
            {
                "organization_id": organization_id,
                "message_id": {"$in": message_ids},
                "state": DONE,
                "incident_id": {"$ne": None},
            },
            projection={"message_id": 1, "incident_id": 1},
        )
    }
    for message_id in message_ids:
        if message_id in known:
            return known[message_id]
    return None


def thread_of(*, organization_id: ObjectId, incident_id: ObjectId, limit: int = 20) -> list[str]:
    """The Message-IDs of an incident's mail, oldest first (the newest `limit`)."""
    raws = (
        MailMessage._get_collection()
        .find(
            {"organization_id": organization_id, "incident_id": incident_id, "state": DONE},
            projection={"message_id": 1, "direction": 1},
        )
        .sort([("created_at", -1), ("_id", -1)])
        .limit(limit)
    )
    return [raw["message_id"] for raw in raws][::-1]


def last_inbound_of(*, organization_id: ObjectId, incident_id: ObjectId) -> str:
    raw = MailMessage._get_collection().find_one(
        {
            "organization_id": organization_id,
            "incident_id": incident_id,
            "state": DONE,
            "direction": "inbound",
        },
        projection={"message_id": 1},
        sort=[("created_at", -1), ("_id", -1)],
    )
    return raw["message_id"] if raw else ""
