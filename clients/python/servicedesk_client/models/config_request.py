from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config_request_api_link import ConfigRequestApiLink
    from ..models.config_request_approval_config import ConfigRequestApprovalConfig
    from ..models.config_request_escalation import ConfigRequestEscalation
    from ..models.config_request_field_service_config import ConfigRequestFieldServiceConfig
    from ..models.config_request_general import ConfigRequestGeneral
    from ..models.config_request_hold_config import ConfigRequestHoldConfig
    from ..models.config_request_lock_config import ConfigRequestLockConfig


T = TypeVar("T", bound="ConfigRequest")


@_attrs_define
class ConfigRequest:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        hold_config (ConfigRequestHoldConfig | Unset):
        escalation (ConfigRequestEscalation | Unset):
        approval_config (ConfigRequestApprovalConfig | Unset):
        lock_config (ConfigRequestLockConfig | Unset):
        field_service_config (ConfigRequestFieldServiceConfig | Unset):
        api_link (ConfigRequestApiLink | Unset):
        general (ConfigRequestGeneral | Unset):
    """

    hold_config: ConfigRequestHoldConfig | Unset = UNSET
    escalation: ConfigRequestEscalation | Unset = UNSET
    approval_config: ConfigRequestApprovalConfig | Unset = UNSET
    lock_config: ConfigRequestLockConfig | Unset = UNSET
    field_service_config: ConfigRequestFieldServiceConfig | Unset = UNSET
    api_link: ConfigRequestApiLink | Unset = UNSET
    general: ConfigRequestGeneral | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        hold_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hold_config, Unset):
            hold_config = self.hold_config.to_dict()

        escalation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.escalation, Unset):
            escalation = self.escalation.to_dict()

        approval_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.approval_config, Unset):
            approval_config = self.approval_config.to_dict()

        lock_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lock_config, Unset):
            lock_config = self.lock_config.to_dict()

        field_service_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_service_config, Unset):
            field_service_config = self.field_service_config.to_dict()

        api_link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.api_link, Unset):
            api_link = self.api_link.to_dict()

        general: dict[str, Any] | Unset = UNSET
        if not isinstance(self.general, Unset):
            general = self.general.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if hold_config is not UNSET:
            field_dict["hold_config"] = hold_config
        if escalation is not UNSET:
            field_dict["escalation"] = escalation
        if approval_config is not UNSET:
            field_dict["approval_config"] = approval_config
        if lock_config is not UNSET:
            field_dict["lock_config"] = lock_config
        if field_service_config is not UNSET:
            field_dict["field_service_config"] = field_service_config
        if api_link is not UNSET:
            field_dict["api_link"] = api_link
        if general is not UNSET:
            field_dict["general"] = general

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.config_request_api_link import ConfigRequestApiLink  # noqa: PLC0415
        from ..models.config_request_approval_config import ConfigRequestApprovalConfig  # noqa: PLC0415
        from ..models.config_request_escalation import ConfigRequestEscalation  # noqa: PLC0415
        from ..models.config_request_field_service_config import ConfigRequestFieldServiceConfig  # noqa: PLC0415
        from ..models.config_request_general import ConfigRequestGeneral  # noqa: PLC0415
        from ..models.config_request_hold_config import ConfigRequestHoldConfig  # noqa: PLC0415
        from ..models.config_request_lock_config import ConfigRequestLockConfig  # noqa: PLC0415

        d = dict(src_dict)
        _hold_config = d.pop("hold_config", UNSET)
        hold_config: ConfigRequestHoldConfig | Unset
        if isinstance(_hold_config, Unset):
            hold_config = UNSET
        else:
            hold_config = ConfigRequestHoldConfig.from_dict(_hold_config)

        _escalation = d.pop("escalation", UNSET)
        escalation: ConfigRequestEscalation | Unset
        if isinstance(_escalation, Unset):
            escalation = UNSET
        else:
            escalation = ConfigRequestEscalation.from_dict(_escalation)

        _approval_config = d.pop("approval_config", UNSET)
        approval_config: ConfigRequestApprovalConfig | Unset
        if isinstance(_approval_config, Unset):
            approval_config = UNSET
        else:
            approval_config = ConfigRequestApprovalConfig.from_dict(_approval_config)

        _lock_config = d.pop("lock_config", UNSET)
        lock_config: ConfigRequestLockConfig | Unset
        if isinstance(_lock_config, Unset):
            lock_config = UNSET
        else:
            lock_config = ConfigRequestLockConfig.from_dict(_lock_config)

        _field_service_config = d.pop("field_service_config", UNSET)
        field_service_config: ConfigRequestFieldServiceConfig | Unset
        if isinstance(_field_service_config, Unset):
            field_service_config = UNSET
        else:
            field_service_config = ConfigRequestFieldServiceConfig.from_dict(_field_service_config)

        _api_link = d.pop("api_link", UNSET)
        api_link: ConfigRequestApiLink | Unset
        if isinstance(_api_link, Unset):
            api_link = UNSET
        else:
            api_link = ConfigRequestApiLink.from_dict(_api_link)

        _general = d.pop("general", UNSET)
        general: ConfigRequestGeneral | Unset
        if isinstance(_general, Unset):
            general = UNSET
        else:
            general = ConfigRequestGeneral.from_dict(_general)

        config_request = cls(
            hold_config=hold_config,
            escalation=escalation,
            approval_config=approval_config,
            lock_config=lock_config,
            field_service_config=field_service_config,
            api_link=api_link,
            general=general,
        )

        return config_request
