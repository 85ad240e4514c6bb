"""Controlled vocabularies of the catalogue metadata."""

from django.db import models


class Subject(models.TextChoices):
    """主题分类, after the State Council's policy-document library."""

    GENERAL = "综合政务", "综合政务"
    ECONOMY = "国民经济管理、国有资产监管", "国民经济管理、国有资产监管"
    FINANCE = "财政、金融、审计", "财政、金融、审计"
    LAND = "国土资源、能源", "国土资源、能源"
    AGRICULTURE = "农业、林业、水利", "农业、林业、水利"
    INDUSTRY = "工业、交通", "工业、交通"
    COMMERCE = "商贸、海关、旅游", "商贸、海关、旅游"
    MARKET = "市场监管、安全生产监管", "市场监管、安全生产监管"
    URBAN = "城乡建设、环境保护", "城乡建设、环境保护"
    SCIENCE = "科技、教育", "科技、教育"
    CULTURE = "文化、广电、新闻出版", "文化、广电、新闻出版"
    HEALTH = "卫生、体育", "卫生、体育"
    POPULATION = "人口与计划生育、妇女儿童工作", "人口与计划生育、妇女儿童工作"
    LABOUR = "劳动、人事、监察", "劳动、人事、监察"
    JUSTICE = "公安、安全、司法", "公安、安全、司法"
    CIVIL_AFFAIRS = "民政、扶贫、救灾", "民政、扶贫、救灾"
    ETHNIC = "民族、宗教", "民族、宗教"
    FOREIGN = "对外事务", "对外事务"
    HMT = "港澳台侨工作", "港澳台侨工作"
    DEFENCE = "国防", "国防"
    OTHER = "其他", "其他"


class Genre(models.TextChoices):
    """体裁分类; 规章 and 行政规范性文件 feed table 二 of the annual report."""

    RULE = "规章", "规章"
    NORMATIVE = "行政规范性文件", "行政规范性文件"
    POLICY = "其他政策文件", "其他政策文件"
    DECISION = "决定", "决定"
    NOTICE = "通知", "通知"
    ANNOUNCEMENT = "公告", "公告"
    CIRCULAR = "通告", "通告"
    OPINION = "意见", "意见"
    REPORT = "报告", "报告"
    PLAN = "计划", "计划"
    PROGRAMME = "规划", "规划"
    SCHEME = "方案", "方案"
    SUMMARY = "总结", "总结"
    MINUTES = "纪要", "纪要"
    GUIDE = "办事指南", "办事指南"
    STATISTICS = "统计数据", "统计数据"
    NEWS = "工作动态", "工作动态"
    OTHER = "其他", "其他"


class DisclosureMethod(models.TextChoices):
    """公开方式."""

    PROACTIVE = "主动公开", "主动公开"
    ON_REQUEST = "依申请公开", "依申请公开"


class DisclosurePeriod(models.TextChoices):
    """公开时限: fixed rules stay long-term, routine work periodically, temporary work at once."""

    LONG_TERM = "长期公开", "长期公开"
    PERIODIC = "定期公开", "定期公开"
    IMMEDIATE = "即时公开", "即时公开"


class Validity(models.TextChoices):
    """有效性."""

    VALID = "有效", "有效"
    AMENDED = "已修改", "已修改"
    ABOLISHED = "已废止", "已废止"
    EXPIRED = "已失效", "已失效"
    NOT_APPLICABLE = "不适用", "不适用"
