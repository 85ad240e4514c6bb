"""The fixed vocabularies of requests: who applies, how, and how a request ends.

The applicant categories and answer types are exactly the columns and rows of
table 三 of the annual report (国办公开办函〔2021〕30号), so the report counts
requests by these codes without any mapping.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicantCategory(models.TextChoices):
    PERSON = "person", _("自然人")
    BUSINESS = "business", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICE = "legal_service", _("法律服务机构")
    OTHER_ORGANISATION = "other_org", _("其他")

    @classmethod
    def organisations(cls):
        return [choice for choice in cls if choice != cls.PERSON]


class IdDocumentType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO = "hk_macao", _("港澳居民来往内地通行证")
    TAIWAN = "taiwan", _("台湾居民来往大陆通行证")
    FOREIGN_RESIDENCE = "foreign_residence", _("外国人永久居留身份证")
    OTHER = "other", _("其他有效身份证件")


class Channel(models.TextChoices):
    ONLINE = "online", _("网上申请")
    IN_PERSON = "in_person", _("当面提交")
    POST = "post", _("信函")
    FAX = "fax", _("传真")
    EMAIL = "email", _("电子邮件")


class InformationForm(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")


class Delivery(models.TextChoices):
    EMAIL = "email", _("电子邮件")
    POST = "post", _("邮寄")
    PICK_UP = "pick_up", _("当面领取")


class AnswerType(models.TextChoices):
    """Art. 36 answers, in the order and wording of table 三."""

    DISCLOSED = "disclosed", _("予以公开")
    PARTIALLY_DISCLOSED = "partial", _("部分公开")
    WITHHELD_STATE_SECRET = "withheld_state_secret", _("不予公开：属于国家秘密")
    WITHHELD_BY_LAW = "withheld_by_law", _("不予公开：其他法律行政法规禁止公开")
    WITHHELD_SECURITY = "withheld_security", _("不予公开：危及“三安全一稳定”")
    WITHHELD_THIRD_PARTY = "withheld_third_party", _("不予公开：保护第三方合法权益")
    WITHHELD_INTERNAL = "withheld_internal", _("不予公开：属于三类内部事务信息")
    WITHHELD_PROCESS = "withheld_process", _("不予公开：属于四类过程性信息")
    WITHHELD_ENFORCEMENT = "withheld_enforcement", _("不予公开：属于行政执法案卷")
    WITHHELD_INQUIRY = "withheld_inquiry", _("不予公开：属于行政查询事项")
    UNABLE_NOT_HELD = "unable_not_held", _("无法提供：本机关不掌握相关政府信息")
    UNABLE_NEEDS_CREATION = "unable_needs_creation", _("无法提供：没有现成信息需要另行制作")
    UNABLE_STILL_UNCLEAR = "unable_still_unclear", _("无法提供：补正后申请内容仍不明确")
    NOT_PROCESSED_PETITION = "not_processed_petition", _("不予处理：信访举报投诉类申请")
    NOT_PROCESSED_REPEAT = "not_processed_repeat", _("不予处理：重复申请")
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", _("不予处理：要求提供公开出版物")
    NOT_PROCESSED_EXCESSIVE = "not_processed_excessive", _("不予处理：无正当理由大量反复申请")
    NOT_PROCESSED_CONFIRMATION = (
        "not_processed_confirmation",
        _("不予处理：要求行政机关确认或重新出具已获取信息"),
    )
    OTHER_NO_CORRECTION = (
        "other_no_correction",
        _("其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    )
    OTHER_FEE_UNPAID = (
        "other_fee_unpaid",
        _("其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    )
    OTHER = "other", _("其他处理：其他")


# Table 三's grouping of the answer types: (group label, [types]). A group of one
# type is a row of its own (予以公开, 部分公开).
ANSWER_GROUPS = [
    (_("予以公开"), [AnswerType.DISCLOSED]),
    (_("部分公开（区分处理的，只计这一情形，不计其他情形）"), [AnswerType.PARTIALLY_DISCLOSED]),
    (
        _("不予公开"),
        [
            AnswerType.WITHHELD_STATE_SECRET,
            AnswerType.WITHHELD_BY_LAW,
            AnswerType.WITHHELD_SECURITY,
            AnswerType.WITHHELD_THIRD_PARTY,
            AnswerType.WITHHELD_INTERNAL,
            AnswerType.WITHHELD_PROCESS,
            AnswerType.WITHHELD_ENFORCEMENT,
            AnswerType.WITHHELD_INQUIRY,
        ],
    ),
    (
        _("无法提供"),
        [
            AnswerType.UNABLE_NOT_HELD,
            AnswerType.UNABLE_NEEDS_CREATION,
            AnswerType.UNABLE_STILL_UNCLEAR,
        ],
    ),
    (
        _("不予处理"),
        [
            AnswerType.NOT_PROCESSED_PETITION,
            AnswerType.NOT_PROCESSED_REPEAT,
            AnswerType.NOT_PROCESSED_PUBLICATION,
            AnswerType.NOT_PROCESSED_EXCESSIVE,
            AnswerType.NOT_PROCESSED_CONFIRMATION,
        ],
    ),
    (
        _("其他处理"),
        [AnswerType.OTHER_NO_CORRECTION, AnswerType.OTHER_FEE_UNPAID, AnswerType.OTHER],
    ),
]

# Ends that follow from the applicant's lapse, recorded by their own actions
# rather than chosen as an answer.
LAPSE_ANSWER_TYPES = {AnswerType.OTHER_NO_CORRECTION, AnswerType.OTHER_FEE_UNPAID}

# The answers that tell the applicant which other body to turn to (转送/告知).
TRANSFER_ANSWER_TYPES = [AnswerType.UNABLE_NOT_HELD, AnswerType.NOT_PROCESSED_PETITION]


class State(models.TextChoices):
    RECEIVED = "received", _("已收到")
    CORRECTION = "correction", _("待补正")
    ACCEPTED = "accepted", _("办理中")
    EXTENDED = "extended", _("已延期")
    CONSULTING = "consulting", _("征求意见中")
    AWAITING_FEE = "awaiting_fee", _("待缴费")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("已办结")
    MERGED = "merged", _("已合并")


# States in which the office still owes an answer and the statutory clock matters.
OPEN_STATES = [
    State.RECEIVED,
    State.CORRECTION,
    State.ACCEPTED,
    State.EXTENDED,
    State.CONSULTING,
    State.AWAITING_FEE,
]
# Of those, the states in which the answer period is running (not paused).
RUNNING_STATES = [State.RECEIVED, State.ACCEPTED, State.EXTENDED]


class PauseKind(models.TextChoices):
    CONSULTATION = "consultation", _("征求第三方或其他机关意见")
    FEE = "fee", _("收取信息处理费")


class AppealKind(models.TextChoices):
    REVIEW = "review", _("行政复议")
    LAWSUIT_DIRECT = "lawsuit_direct", _("行政诉讼（未经复议直接起诉）")
    LAWSUIT_AFTER_REVIEW = "lawsuit_after_review", _("行政诉讼（复议后起诉）")


class AppealResult(models.TextChoices):
    MAINTAINED = "maintained", _("结果维持")
    CORRECTED = "corrected", _("结果纠正")
    OTHER = "other", _("其他结果")
    PENDING = "pending", _("尚未审结")


class DocumentKind(models.TextChoices):
    REPLY = "reply", _("答复书")
    CORRECTION_NOTICE = "correction_notice", _("补正告知书")
    EXTENSION_NOTICE = "extension_notice", _("延期答复告知书")
    CONSULTATION_LETTER = "consultation_letter", _("征求意见函")
    FEE_NOTICE = "fee_notice", _("收费通知书")
    TRANSFER_NOTICE = "transfer_notice", _("告知书")
    OTHER = "other", _("其他材料")
