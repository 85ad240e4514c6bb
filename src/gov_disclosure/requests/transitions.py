"""Which action may be taken in which state: the request's state machine.

The services apply the actions; the admin offers only those this table allows,
and the services refuse the rest with a message, whoever calls them.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import OPEN_STATES, State


@dataclass(frozen=True)
class Action:
    name: str
    label: Promise
    from_states: tuple[str, ...]
    # Shown on the applicant's status page (with its date, never its note).
    public: bool = True
    # Among the actions a handler picks from; a decision is offered to its decider only.
    offered: bool = True


_ACTIONS = [
    Action("submit", _("收到申请"), ()),
    Action("assign", _("分派承办人"), tuple(OPEN_STATES), public=False),
    Action("accept", _("受理"), (State.RECEIVED,)),
    Action("ask_correction", _("告知补正"), (State.RECEIVED,)),
    Action("record_correction", _("收到补正材料"), (State.CORRECTION,)),
    Action("lapse_correction", _("逾期未补正，不再处理"), (State.CORRECTION,)),
    Action("request_extension", _("申请延长答复期限"), (State.ACCEPTED,), public=False),
    # The approver's decision on it (Art. 33): only then does the deadline move.
    Action("extend", _("延长答复期限"), (State.ACCEPTED,), offered=False),
    Action(
        "refuse_extension", _("不同意延长答复期限"), (State.ACCEPTED,), public=False, offered=False
    ),
    Action("start_consultation", _("征求意见（暂停计时）"), (State.ACCEPTED, State.EXTENDED)),
    Action("end_consultation", _("收到意见，恢复计时"), (State.CONSULTING,)),
    Action("issue_fee_notice", _("发出收费通知（暂停计时）"), (State.ACCEPTED, State.EXTENDED)),
    Action("record_payment", _("已缴费，恢复计时"), (State.AWAITING_FEE,)),
    Action("lapse_fee", _("逾期未缴费，不再处理"), (State.AWAITING_FEE,)),
    Action("answer", _("作出答复"), (State.RECEIVED, State.ACCEPTED, State.EXTENDED)),
    Action("refer", _("告知向其他机关申请"), (State.RECEIVED, State.ACCEPTED, State.EXTENDED)),
    Action(
        "merge",
        _("作为重复申请合并"),
        (State.RECEIVED, State.CORRECTION, State.ACCEPTED, State.EXTENDED),
    ),
    Action("withdraw", _("申请人撤回申请"), tuple(OPEN_STATES)),
    Action("close", _("办结"), (State.ANSWERED,)),
    Action("forwarded", _("收到转送的申请"), ()),
    Action("purge", _("清除申请人个人信息"), (), public=False),
]
ACTIONS = {action.name: action for action in _ACTIONS}


def available_actions(state: str) -> list[Action]:
    return [action for action in _ACTIONS if action.offered and state in action.from_states]


def log_action_name(name: str) -> str:
    return f"disclosure_requests.{name}"
