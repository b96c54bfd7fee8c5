from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.config_api_link import ConfigApiLink
    from ..models.config_approval_config import ConfigApprovalConfig
    from ..models.config_escalation import ConfigEscalation
    from ..models.config_field_service_config import ConfigFieldServiceConfig
    from ..models.config_general import ConfigGeneral
    from ..models.config_hold_config import ConfigHoldConfig
    from ..models.config_lock_config import ConfigLockConfig


T = TypeVar("T", bound="Config")


@_attrs_define
class Config:
    """Optional strings may be blank (the listing uses "" for "not given").

    Attributes:
        hold_config (ConfigHoldConfig | Unset):
        escalation (ConfigEscalation | Unset):
        approval_config (ConfigApprovalConfig | Unset):
        lock_config (ConfigLockConfig | Unset):
        field_service_config (ConfigFieldServiceConfig | Unset):
        api_link (ConfigApiLink | Unset):
        general (ConfigGeneral | Unset):
    """

    hold_config: ConfigHoldConfig | Unset = UNSET
    escalation: ConfigEscalation | Unset = UNSET
    approval_config: ConfigApprovalConfig | Unset = UNSET
    lock_config: ConfigLockConfig | Unset = UNSET
    field_service_config: ConfigFieldServiceConfig | Unset = UNSET
    api_link: ConfigApiLink | Unset = UNSET
    general: ConfigGeneral | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
        field_dict.update(self.additional_properties)
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
        from ..models.config_api_link import ConfigApiLink  # noqa: PLC0415
        from ..models.config_approval_config import ConfigApprovalConfig  # noqa: PLC0415
        from ..models.config_escalation import ConfigEscalation  # noqa: PLC0415
        from ..models.config_field_service_config import ConfigFieldServiceConfig  # noqa: PLC0415
        from ..models.config_general import ConfigGeneral  # noqa: PLC0415
        from ..models.config_hold_config import ConfigHoldConfig  # noqa: PLC0415
        from ..models.config_lock_config import ConfigLockConfig  # noqa: PLC0415

        d = dict(src_dict)
        _hold_config = d.pop("hold_config", UNSET)
        hold_config: ConfigHoldConfig | Unset
        if isinstance(_hold_config, Unset):
            hold_config = UNSET
        else:
            hold_config = ConfigHoldConfig.from_dict(_hold_config)

        _escalation = d.pop("escalation", UNSET)
        escalation: ConfigEscalation | Unset
        if isinstance(_escalation, Unset):
            escalation = UNSET
        else:
            escalation = ConfigEscalation.from_dict(_escalation)

        _approval_config = d.pop("approval_config", UNSET)
        approval_config: ConfigApprovalConfig | Unset
        if isinstance(_approval_config, Unset):
            approval_config = UNSET
        else:
            approval_config = ConfigApprovalConfig.from_dict(_approval_config)

        _lock_config = d.pop("lock_config", UNSET)
        lock_config: ConfigLockConfig | Unset
        if isinstance(_lock_config, Unset):
            lock_config = UNSET
        else:
            lock_config = ConfigLockConfig.from_dict(_lock_config)

        _field_service_config = d.pop("field_service_config", UNSET)
        field_service_config: ConfigFieldServiceConfig | Unset
        if isinstance(_field_service_config, Unset):
            field_service_config = UNSET
        else:
            field_service_config = ConfigFieldServiceConfig.from_dict(_field_service_config)

        _api_link = d.pop("api_link", UNSET)
        api_link: ConfigApiLink | Unset
        if isinstance(_api_link, Unset):
            api_link = UNSET
        else:
            api_link = ConfigApiLink.from_dict(_api_link)

        _general = d.pop("general", UNSET)
        general: ConfigGeneral | Unset
        if isinstance(_general, Unset):
            general = UNSET
        else:
            general = ConfigGeneral.from_dict(_general)

        config = cls(
            hold_config=hold_config,
            escalation=escalation,
            approval_config=approval_config,
            lock_config=lock_config,
            field_service_config=field_service_config,
            api_link=api_link,
            general=general,
        )

        config.additional_properties = d
        return config

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
