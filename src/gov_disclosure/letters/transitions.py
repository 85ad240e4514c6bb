"""Which action may be taken in which state: the letter's state machine.

The services apply the actions; the admin offers only those this table allows (and
the user's role permits), and the services refuse the rest with a message.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import LetterState

MANAGE, REPLY, APPROVE = "manage", "reply", "approve"


@dataclass(frozen=True)
class Action:
    name: str
    label: Promise
    from_states: tuple[str, ...]
    # Who acts: 党政办 (manage), the assigned department (reply) or the leader (approve).
    role: str = MANAGE
    # Shown on the writer's status page (with its date, never its note).
    public_label: Promise | None = None


_ACTIONS = [
    Action("submit", _("收到来信"), (), public_label=_("收到来信")),
    Action(
        "assign",
        _("分办至承办部门"),
        (LetterState.RECEIVED, LetterState.ASSIGNED),
        public_label=_("转承办部门办理"),
    ),
    Action("draft", _("保存答复稿"), (LetterState.ASSIGNED,), role=REPLY),
    Action("submit_reply", _("提交领导审签"), (LetterState.ASSIGNED,), role=REPLY),
    Action(
        "approve",
        _("审签通过，答复写信人"),
        (LetterState.AWAITING_APPROVAL,),
        role=APPROVE,
        public_label=_("已答复"),
    ),
    Action("return_reply", _("退回修改"), (LetterState.AWAITING_APPROVAL,), role=APPROVE),
    Action(
        "close",
        _("不予处理"),
        (LetterState.RECEIVED, LetterState.ASSIGNED),
        public_label=_("不予处理"),
    ),
    Action("unpublish", _("撤回公开"), (LetterState.REPLIED,)),
    Action("purge", _("清除写信人个人信息"), ()),
]
ACTIONS = {action.name: action for action in _ACTIONS}


def log_action_name(name: str) -> str:
    return f"letters.{name}"
