"""Controlled vocabularies of the catalogue metadata."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subject(models.TextChoices):
    """主题分类, after the State Council's policy-document library."""

    GENERAL = "综合政务", _("综合政务")
    ECONOMY = "国民经济管理、国有资产监管", _("国民经济管理、国有资产监管")
    FINANCE = "财政、金融、审计", _("财政、金融、审计")
    LAND = "国土资源、能源", _("国土资源、能源")
    AGRICULTURE = "农业、林业、水利", _("农业、林业、水利")
    INDUSTRY = "工业、交通", _("工业、交通")
    COMMERCE = "商贸、海关、旅游", _("商贸、海关、旅游")
    MARKET = "市场监管、安全生产监管", _("市场监管、安全生产监管")
    URBAN = "城乡建设、环境保护", _("城乡建设、环境保护")
    SCIENCE = "科技、教育", _("科技、教育")
    CULTURE = "文化、广电、新闻出版", _("文化、广电、新闻出版")
    HEALTH = "卫生、体育", _("卫生、体育")
    POPULATION = "人口与计划生育、妇女儿童工作", _("人口与计划生育、妇女儿童工作")
    LABOUR = "劳动、人事、监察", _("劳动、人事、监察")
    JUSTICE = "公安、安全、司法", _("公安、安全、司法")
    CIVIL_AFFAIRS = "民政、扶贫、救灾", _("民政、扶贫、救灾")
    ETHNIC = "民族、宗教", _("民族、宗教")
    FOREIGN = "对外事务", _("对外事务")
    HMT = "港澳台侨工作", _("港澳台侨工作")
    DEFENCE = "国防", _("国防")
    OTHER = "其他", _("其他")


class Genre(models.TextChoices):
    """体裁分类; 规章 and 行政规范性文件 feed table 二 of the annual report."""

    RULE = "规章", _("规章")
    NORMATIVE = "行政规范性文件", _("行政规范性文件")
    POLICY = "其他政策文件", _("其他政策文件")
    DECISION = "决定", _("决定")
    NOTICE = "通知", _("通知")
    ANNOUNCEMENT = "公告", _("公告")
    CIRCULAR = "通告", _("通告")
    OPINION = "意见", _("意见")
    REPORT = "报告", _("报告")
    PLAN = "计划", _("计划")
    PROGRAMME = "规划", _("规划")
    SCHEME = "方案", _("方案")
    SUMMARY = "总结", _("总结")
    MINUTES = "纪要", _("纪要")
    GUIDE = "办事指南", _("办事指南")
    STATISTICS = "统计数据", _("统计数据")
    NEWS = "工作动态", _("工作动态")
    OTHER = "其他", _("其他")


class DisclosureMethod(models.TextChoices):
    """公开方式."""

    PROACTIVE = "主动公开", _("主动公开")
    ON_REQUEST = "依申请公开", _("依申请公开")


class DisclosurePeriod(models.TextChoices):
    """公开时限: fixed rules stay long-term, routine work periodically, temporary work at once."""

    LONG_TERM = "长期公开", _("长期公开")
    PERIODIC = "定期公开", _("定期公开")
    IMMEDIATE = "即时公开", _("即时公开")


class Validity(models.TextChoices):
    """有效性."""

    VALID = "有效", _("有效")
    AMENDED = "已修改", _("已修改")
    ABOLISHED = "已废止", _("已废止")
    EXPIRED = "已失效", _("已失效")
    NOT_APPLICABLE = "不适用", _("不适用")


class RelationKind(models.TextChoices):
    """How an item relates to another: it interprets it, amends it, or goes with it."""

    INTERPRETATION = "interpretation", _("政策解读")
    AMENDMENT = "amendment", _("修订")
    RELATED = "related", _("相关信息")


class InterpretationForm(models.TextChoices):
    """解读形式 of a 政策解读."""

    TEXT = "text", _("文字解读")
    GRAPHIC = "graphic", _("图解")
    QA = "qa", _("问答")
    MEDIA = "media", _("音视频解读")
